//! The receipt: the only key a tipster or a family holds to come back to their report. Sixteen
//! digits, shown in groups of four; typed back with spaces or dashes and in any of the three digit
//! sets Iraqi phones use.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::digits::to_ascii_digits;

pub const RECEIPT_DIGITS: usize = 16;

#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "1234 5678 9012 3456"))]
pub struct Receipt(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvalidReceipt {
    /// Not sixteen digits once spaces and dashes are removed.
    WrongLength,
    /// Something other than digits, spaces and dashes.
    NotDigits,
}

impl fmt::Display for InvalidReceipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvalidReceipt::WrongLength => write!(f, "a receipt has {RECEIPT_DIGITS} digits"),
            InvalidReceipt::NotDigits => f.write_str("a receipt has only digits"),
        }
    }
}

impl std::error::Error for InvalidReceipt {}

impl Receipt {
    /// Reads a receipt as a person types it: `1234 5678 9012 3456`, `1234-5678-…`, `١٢٣٤…`,
    /// `۱۲۳۴…`, or a mix.
    pub fn parse(text: &str) -> Result<Receipt, InvalidReceipt> {
        let ascii = to_ascii_digits(text);
        let mut digits = String::with_capacity(RECEIPT_DIGITS);
        for c in ascii.chars() {
            match c {
                '0'..='9' => digits.push(c),
                // Spaces of every kind phones insert, dashes, the bidi marks RTL keyboards add,
                // and the isolates (U+2066–U+2069) a receipt copied out of translated text carries.
                c if c.is_whitespace()
                    || matches!(
                        c,
                        '-' | '\u{2010}'..='\u{2015}'
                            | '\u{200E}'
                            | '\u{200F}'
                            | '\u{061C}'
                            | '\u{2066}'..='\u{2069}'
                    ) => {}
                _ => return Err(InvalidReceipt::NotDigits),
            }
        }
        if digits.len() == RECEIPT_DIGITS {
            Ok(Receipt(digits))
        } else {
            Err(InvalidReceipt::WrongLength)
        }
    }

    /// Sixteen digits, without separators.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// Sixteen digits from a source of random bytes; rejection sampling keeps every digit
    /// uniform (a plain `byte % 10` would favour 0–5).
    pub fn from_random_bytes(mut next_byte: impl FnMut() -> u8) -> Receipt {
        let mut digits = String::with_capacity(RECEIPT_DIGITS);
        while digits.len() < RECEIPT_DIGITS {
            let byte = next_byte();
            if byte < 250 {
                digits.push(char::from(b'0' + byte % 10));
            }
        }
        Receipt(digits)
    }
}

/// Grouped in fours, as shown to people: `1234 5678 9012 3456`.
impl fmt::Display for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, chunk) in self.0.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(std::str::from_utf8(chunk).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

/// Never printed in logs by accident.
impl fmt::Debug for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Receipt(****)")
    }
}

impl TryFrom<String> for Receipt {
    type Error = InvalidReceipt;
    fn try_from(value: String) -> Result<Receipt, InvalidReceipt> {
        Receipt::parse(&value)
    }
}

impl From<Receipt> for String {
    fn from(receipt: Receipt) -> String {
        receipt.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_dashes_and_all_three_digit_sets_are_accepted() {
        let expected = "1234567890123456";
        for typed in [
            "1234 5678 9012 3456",
            "1234-5678-9012-3456",
            "1234567890123456",
            "١٢٣٤ ٥٦٧٨ ٩٠١٢ ٣٤٥٦",
            "۱۲۳۴-۵۶۷۸-۹۰۱۲-۳۴۵۶",
            " 12٣٤ ۵678\u{00A0}9012 3456 ",
            "\u{200F}1234 5678 9012 3456",
            // Pasted from a receipt file or a message written by Fluent, isolates included.
            "\u{2068}1234 5678 9012 3456\u{2069}",
            "\u{2067}١٢٣٤ ٥٦٧٨\u{2069} \u{2066}9012 3456\u{2069}",
        ] {
            assert_eq!(
                Receipt::parse(typed).map(|r| r.digits().to_owned()),
                Ok(expected.to_owned()),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn wrong_lengths_and_other_characters_are_refused() {
        assert_eq!(
            Receipt::parse("1234 5678 9012 345"),
            Err(InvalidReceipt::WrongLength)
        );
        assert_eq!(
            Receipt::parse("1234 5678 9012 34567"),
            Err(InvalidReceipt::WrongLength)
        );
        assert_eq!(Receipt::parse(""), Err(InvalidReceipt::WrongLength));
        assert_eq!(
            Receipt::parse("1234 5678 9012 345a"),
            Err(InvalidReceipt::NotDigits)
        );
        assert_eq!(
            Receipt::parse("1234.5678.9012.3456"),
            Err(InvalidReceipt::NotDigits)
        );
    }

    #[test]
    fn receipts_show_in_groups_of_four_and_never_in_debug_output() {
        let receipt = Receipt::parse("1234567890123456").unwrap();
        assert_eq!(receipt.to_string(), "1234 5678 9012 3456");
        assert_eq!(format!("{receipt:?}"), "Receipt(****)");
        assert_eq!(
            serde_json::to_string(&receipt).unwrap(),
            "\"1234 5678 9012 3456\""
        );
    }

    #[test]
    fn random_receipts_use_every_digit_evenly_and_skip_biased_bytes() {
        let mut counter = 0_u32;
        let mut counts = [0_u32; 10];
        for _ in 0..1000 {
            let receipt = Receipt::from_random_bytes(|| {
                counter = counter.wrapping_add(1);
                (counter % 256) as u8
            });
            for c in receipt.digits().chars() {
                counts[c.to_digit(10).unwrap() as usize] += 1;
            }
        }
        // Bytes 0..=249 map evenly onto digits; 250..=255 are skipped.
        let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        assert!(max - min <= 10, "{counts:?}");
        let all_high = Receipt::from_random_bytes({
            let mut bytes =
                [255_u8, 250, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7].into_iter();
            move || bytes.next().unwrap_or(1)
        });
        assert_eq!(all_high.digits(), "7777777777777777");
    }
}
