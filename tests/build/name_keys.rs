//! The comparison form of names (`src/normalize.rs`, mounted in `main.rs`
//! as `build.rs` mounts it) vouches only for what is already in normal
//! form. Moved here from `tests/lookups.rs` (and before that from unit tests
//! in `src/closed_set.rs`), unchanged in what they assert.

use crate::normalize::{is_name_key, name_key};

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
