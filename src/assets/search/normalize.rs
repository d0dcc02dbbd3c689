//! The one Vietnamese search key. `themes/default/static/js/search.js` mirrors these
//! three functions line for line, and `tests/fixtures/normalize_vectors.json` holds the
//! cases both must agree on (checked by `tests/it/search_normalize.rs`).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The folded key of `text`: decomposed, combining marks dropped, đ/Đ/ð/Ð read as d,
/// lowercase. "Lạp Sườn" → "lap suon"; "thuỷ" and "thủy" both → "thuy".
///
/// The key is defined as NFC then NFD, but NFD of canonically equivalent strings is
/// identical, so decomposing directly gives the same result for composed and
/// decomposed input alike.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            // Separate letters, not a base letter plus a mark: NFD keeps them whole.
            'đ' | 'Đ' | 'ð' | 'Ð' => 'd',
            c => c,
        })
        .collect::<String>()
        // The whole string at once, as JavaScript's toLowerCase does: a final Σ
        // becomes ς only in context.
        .to_lowercase()
}

/// One word of a text: as written (lowercase, composed), and its folded key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub written: String,
    pub key: String,
}

/// The words of `text`: runs of letters, digits and combining marks, so that a
/// decomposed "ạ" stays inside its word. Words whose key is empty are dropped.
pub fn words(text: &str) -> Vec<Word> {
    let lower = text.nfc().collect::<String>().to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
        .filter_map(|written| {
            let key = fold(written);
            (!key.is_empty()).then(|| Word {
                written: written.nfc().collect(),
                key,
            })
        })
        .collect()
}

/// The keys a decision or certificate number is found by: its words' keys run
/// together, whole and from the first word with a digit on, so that
/// "Quyết định số 1873/QĐ-UBND", "1873/QD-UBND" and "1873 qd ubnd" share
/// "1873qdubnd", and "OCOP-CB-2024-017" is "ocopcb2024017". A text without a digit
/// is no number and has no key.
pub fn code_keys(text: &str) -> Vec<String> {
    let keys: Vec<String> = words(text).into_iter().map(|w| w.key).collect();
    let Some(first) = keys
        .iter()
        .position(|k| k.chars().any(|c| c.is_ascii_digit()))
    else {
        return Vec::new();
    };
    let whole = keys.concat();
    let number = keys[first..].concat();
    if first == 0 {
        vec![whole]
    } else {
        vec![whole, number]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_tones_shapes_and_d() {
        assert_eq!(fold("Lạp Sườn"), "lap suon");
        assert_eq!(fold("Đồng Tâm"), "dong tam");
        assert_eq!(fold("thuỷ"), fold("thủy"));
        assert_eq!(fold("La\u{323}p"), "lap");
    }

    #[test]
    fn numbers_run_their_words_together() {
        assert_eq!(
            code_keys("Quyết định số 1873/QĐ-UBND"),
            ["quyetdinhso1873qdubnd", "1873qdubnd"]
        );
        assert_eq!(code_keys("1873 qd  ubnd"), ["1873qdubnd"]);
        assert_eq!(code_keys("OCOP-CB-2024-017"), ["ocopcb2024017", "2024017"]);
        assert!(code_keys("Lạp sườn").is_empty());
    }

    #[test]
    fn splits_words_and_keeps_decomposed_marks_inside() {
        let got: Vec<(String, String)> = words("Chè/trà La\u{323}p-sườn 100%")
            .into_iter()
            .map(|w| (w.written, w.key))
            .collect();
        let want = [
            ("chè", "che"),
            ("trà", "tra"),
            ("lạp", "lap"),
            ("sườn", "suon"),
            ("100", "100"),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((w, k), (ew, ek)) in got.iter().zip(want) {
            assert_eq!((w.as_str(), k.as_str()), (ew, ek));
        }
    }
}
