//! The comparison form of names (`src/normalize.rs`, mounted in `main.rs`
//! as `build.rs` mounts it) vouches only for what is already in normal
//! form. Moved here from `tests/lookups.rs` (and before that from unit tests
//! in `src/closed_set.rs`), unchanged in what they assert.

use crate::normalize::{is_name_key, name_key, INPUT_BYTES_PER_KEY_BYTE};

fn key(s: &str) -> String {
    name_key(s)
        .map(|k| k.as_str().to_string())
        .unwrap_or_default()
}

#[test]
fn is_name_key_only_vouches_for_strings_already_in_normal_form() {
    let vouched: Vec<char> = ('\0'..='\u{FFFF}')
        .filter(|c| is_name_key(c.encode_utf8(&mut [0; 4])))
        .collect();
    // Printable ASCII but upper case and 【】-like ignored characters,
    // hiragana, and the 20,992 unified ideographs.
    assert!(vouched.len() > 20_000);
    for c in &vouched {
        let s = c.to_string();
        assert_eq!(key(&s), s, "U+{:04X}", *c as u32);
    }
    // Neighbours never compose: every pair of kana and ASCII.
    let small: Vec<char> = vouched
        .iter()
        .copied()
        .filter(|&c| c < '\u{4E00}')
        .collect();
    for a in &small {
        for b in &small {
            let s: String = [*a, *b].into_iter().collect();
            assert_eq!(key(&s), s, "U+{:04X} U+{:04X}", *a as u32, *b as u32);
        }
    }
    for s in [
        "Ku-Chuobu",
        "ku chuobu",
        "【区中央部】",
        "ｋｕ",
        "２４時間",
        "①",
        "・",
        " 区中央部",
        "ハチオウジ",
    ] {
        assert!(!is_name_key(s), "{s}");
    }
    for s in [
        "区中央部",
        "kuchuobu",
        "くちゅうおうぶ",
        "24時間診療体制",
        "情報共有(ict含む)",
        "",
    ] {
        assert!(is_name_key(s), "{s}");
    }
}

#[test]
fn katakana_and_half_width_katakana_fold_to_hiragana() {
    assert_eq!(key("ハチオウジ"), "はちおうじ");
    assert_eq!(key("ﾊﾁｵｳｼﾞ市"), "はちおうじ市");
    assert_eq!(key("訪問看護ステーション"), "訪問看護すてーしょん");
}

/// Every code point whose key is not empty, alone, and each whose key
/// is a Latin letter or a kana followed by each combining mark that
/// can compose with it (U+0300..=U+036F, the kana sound marks U+3099,
/// U+309A and their half-width forms): the
/// input's bytes per byte of key never exceed
/// [`INPUT_BYTES_PER_KEY_BYTE`], and reach it.
#[test]
fn input_bytes_per_key_byte_is_what_nfkc_does() {
    let marks: Vec<char> = (0x300..=0x36F)
        .chain([0x3099, 0x309A, 0xFF9E, 0xFF9F])
        .filter_map(char::from_u32)
        .collect();
    let ratio = |input: &str| -> Option<(usize, usize)> {
        let key = name_key(input)?;
        (!key.as_str().is_empty()).then(|| (input.len(), key.as_str().len()))
    };
    let mut worst = (0, 1, String::new());
    let mut consider = |input: String| {
        if let Some((i, k)) = ratio(&input) {
            if i * worst.1 > worst.0 * k {
                worst = (i, k, input);
            }
        }
    };
    let mut bases = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let s = c.to_string();
        if let Some(key) = name_key(&s) {
            // A mark composes only with a Latin letter or a kana (and
            // a composed ideograph or symbol keeps its own bytes).
            let mut chars = key.as_str().chars();
            if let (Some(k), None) = (chars.next(), chars.next()) {
                if k.is_ascii_alphabetic() || ('\u{3041}'..='\u{3096}').contains(&k) {
                    bases.push(c);
                }
            }
        }
        consider(s);
    }
    for &c in &bases {
        for &m in &marks {
            consider(format!("{c}{m}"));
        }
    }
    let (input, key, spelling) = worst;
    assert!(
        input <= INPUT_BYTES_PER_KEY_BYTE * key,
        "{spelling:?}: {input} bytes for {key}"
    );
    assert!(
        input > (INPUT_BYTES_PER_KEY_BYTE - 1) * key,
        "the bound is loose: at most {input} bytes for {key} ({spelling:?})"
    );
}
