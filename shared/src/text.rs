//! Text typed by people outside (tipsters, families, staff), cleaned before it is checked or
//! stored. Control characters have no business in a report, and direction overrides and isolates
//! in a one-line field can make it read as something else ("\u{202e}NIMDA\u{202c}" shows as
//! "ADMIN"). Reports are cleaned rather than refused: a tipster who pasted text with invisible
//! marks must not lose the report over them.

/// Direction overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether a one-line field may hold this character: no C0 or C1 control (tab included) and no
/// direction override or isolate.
pub fn fits_a_line(c: char) -> bool {
    !c.is_control() && !is_bidi_control(c)
}

/// A one-line field as it is kept: tabs and line breaks become spaces, other control characters
/// and direction overrides and isolates are dropped, and the ends are trimmed.
pub fn line(text: &str) -> String {
    let spaced: String = text
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if fits_a_line(c) => Some(c),
            _ => None,
        })
        .collect();
    spaced.trim().to_owned()
}

/// A field that may hold several lines: `\r\n` and a lone `\r` become `\n`, tabs stay, every
/// other control character is dropped. Direction marks stay, since mixed Arabic and Latin text
/// may need them; the ends are trimmed.
pub fn lines(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    kept.trim().to_owned()
}

/// [`line`] for an optional field; `None` when nothing is left.
pub fn optional_line(text: Option<&str>) -> Option<String> {
    text.map(line).filter(|t| !t.is_empty())
}

/// For `#[serde(deserialize_with)]`: a several-line field cleaned with [`lines`] as it is read,
/// so every handler that takes it sees the cleaned text.
pub fn deserialize_lines<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    <String as serde::Deserialize>::deserialize(d).map(|t| lines(&t))
}

/// [`deserialize_lines`] for an optional field (`null` or absent stays `None`).
pub fn deserialize_optional_lines<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    <Option<String> as serde::Deserialize>::deserialize(d).map(|t| t.map(|t| lines(&t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_loses_controls_and_direction_overrides_and_keeps_every_script() {
        assert_eq!(line("\u{202e}NIMDA\u{202c} admin"), "NIMDA admin");
        assert_eq!(
            line(" سارا\u{2067} \u{0}ئەحمەد\u{2069}\u{85} "),
            "سارا ئەحمەد"
        );
        assert_eq!(line("a\tb\r\nc\u{7f}d\u{9b}e"), "a b  cde");
        assert_eq!(line("Kurmancî: Xalê û Şêx"), "Kurmancî: Xalê û Şêx");
        // Joiners and marks that shape Arabic and Kurdish script are not controls.
        assert_eq!(line("لا\u{200c}ی\u{200f}"), "لا\u{200c}ی\u{200f}");
        assert!(line("\u{202a}\u{1}\t").is_empty());
    }

    #[test]
    fn several_lines_keep_their_breaks_and_tabs_and_lose_other_controls() {
        assert_eq!(
            lines("one\r\ntwo\rthree\n\tfour"),
            "one\ntwo\nthree\n\tfour"
        );
        assert_eq!(lines("a\u{0}b\u{1b}[31mc\u{85}d"), "ab[31mcd");
        assert_eq!(
            lines("English \u{2067}عربي\u{2069} text"),
            "English \u{2067}عربي\u{2069} text"
        );
    }

    #[test]
    fn an_optional_line_that_is_only_invisible_is_none() {
        assert_eq!(optional_line(Some("\u{202e}\u{0} ")), None);
        assert_eq!(optional_line(None), None);
        assert_eq!(optional_line(Some(" x ")), Some("x".to_owned()));
    }
}
