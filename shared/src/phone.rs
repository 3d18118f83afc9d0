//! Phone numbers as tipsters and families type them: Iraqi mobiles as `07XX XXX XXXX`,
//! `+964 7XX…` or `00964 7XX…`, in any digit set, and foreign numbers recruiters use (Russian
//! `+7 9XX…`). Each becomes one E.164 string, so the same number always links the same records.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::digits::to_ascii_digits;

#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidPhoneNumber;

impl fmt::Display for InvalidPhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a valid phone number")
    }
}

impl std::error::Error for InvalidPhoneNumber {}

impl PhoneNumber {
    /// Numbers without a country code are read as Iraqi.
    pub fn parse(text: &str) -> Result<PhoneNumber, InvalidPhoneNumber> {
        let ascii = to_ascii_digits(text);
        let cleaned: String = ascii
            .chars()
            .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}'))
            .collect();
        let trimmed = cleaned.trim();
        // "00" is the international prefix from Iraq (and most of the world).
        let international = trimmed.strip_prefix("00").map(|rest| format!("+{rest}"));
        let candidate = international.as_deref().unwrap_or(trimmed);
        let number = phonenumber::parse(Some(phonenumber::country::Id::IQ), candidate)
            .map_err(|_| InvalidPhoneNumber)?;
        if !phonenumber::is_valid(&number) {
            return Err(InvalidPhoneNumber);
        }
        Ok(PhoneNumber(
            number.format().mode(phonenumber::Mode::E164).to_string(),
        ))
    }

    /// `+9647701234567`
    pub fn e164(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Phone numbers are personal data: kept out of debug output and so out of logs.
impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PhoneNumber(****)")
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = InvalidPhoneNumber;
    fn try_from(value: String) -> Result<PhoneNumber, InvalidPhoneNumber> {
        PhoneNumber::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(number: PhoneNumber) -> String {
        number.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_writing_an_iraqi_mobile_gives_one_number() {
        for typed in [
            "0770 123 4567",
            "07701234567",
            "+964 770 123 4567",
            "00964 770 123 4567",
            "+964-770-123-4567",
            "٠٧٧٠ ١٢٣ ٤٥٦٧",
            "۰۷۷۰۱۲۳۴۵۶۷",
            "\u{200F}+964 (770) 123-4567",
        ] {
            assert_eq!(
                PhoneNumber::parse(typed).map(|p| p.e164().to_owned()),
                Ok("+9647701234567".to_owned()),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn foreign_numbers_keep_their_country() {
        assert_eq!(
            PhoneNumber::parse("+7 912 345 67 89").unwrap().e164(),
            "+79123456789"
        );
        assert_eq!(
            PhoneNumber::parse("007 912 345 67 89").unwrap().e164(),
            "+79123456789"
        );
    }

    #[test]
    fn impossible_numbers_are_refused_and_never_printed_in_debug() {
        for typed in ["", "07", "0770 123", "hello", "+964 770 123 4567 8901"] {
            assert!(PhoneNumber::parse(typed).is_err(), "{typed:?}");
        }
        let number = PhoneNumber::parse("07701234567").unwrap();
        assert_eq!(format!("{number:?}"), "PhoneNumber(****)");
    }
}
