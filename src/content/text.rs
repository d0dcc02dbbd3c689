//! Text as the team's editors save it, made uniform before anything reads it.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// NFC text without a byte-order mark.
///
/// Text pasted from Word or typed on macOS is often decomposed (NFD): "ạ" arrives as
/// "a" plus a combining dot. Normalising the whole file once means every name, slug
/// and search key built from it compares equal to what another editor typed.
///
/// Control characters other than tab and the line ends become spaces: Word writes a
/// manual line break as U+000B, which YAML refuses and XML (the feed) cannot hold, and
/// a space keeps every later column where the editor sees it.
pub fn normalize(raw: &str) -> String {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let text = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_owned(),
        _ => text.nfc().collect(),
    };
    if text.contains(is_stray_control) {
        text.replace(is_stray_control, " ")
    } else {
        text
    }
}

fn is_stray_control(c: char) -> bool {
    c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{7f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_decomposed_vietnamese() {
        let decomposed = "La\u{323}p su\u{31b}o\u{31b}\u{300}n";
        assert_eq!(normalize(decomposed), "Lạp sườn");
        assert_ne!(decomposed, "Lạp sườn");
    }

    #[test]
    fn turns_control_characters_into_spaces() {
        assert_eq!(normalize("a\u{b}b\u{0}c\td\r\n"), "a b c\td\r\n");
    }

    #[test]
    fn strips_byte_order_mark() {
        assert_eq!(normalize("\u{feff}name: x"), "name: x");
    }
}
