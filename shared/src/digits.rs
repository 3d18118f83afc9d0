//! Numbers typed on Iraqi phones come in Western (0-9), Arabic-Indic (٠-٩) or Extended
//! Arabic-Indic (۰-۹, common in Kurdish) digits; every numeric input accepts all three.

/// The text with every Arabic-Indic and Extended Arabic-Indic digit replaced by its ASCII digit.
pub fn to_ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_three_digit_sets_read_as_western_digits() {
        assert_eq!(to_ascii_digits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(to_ascii_digits("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        assert_eq!(to_ascii_digits("12٣۴ x"), "1234 x");
    }
}
