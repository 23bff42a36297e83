//! How names and texts are compared: Unicode NFKC, then ASCII lower case.
//!
//! NFKC folds full-width Latin letters and digits (`ＩＣＴ`, `２４`),
//! half-width katakana (`ｱﾄﾞﾊﾞｲｽ`) and circled digits (`①`) into their plain
//! forms. The same functions run in `build.rs` (mounted with `#[path]`) on
//! every known name and on the corpus, and at run time on a user's input, so
//! both sides are always normalised alike.

use unicode_normalization::UnicodeNormalization;

/// The comparison form of a text, character by character: NFKC, then ASCII
/// lower case. Allocates nothing.
pub fn text_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.nfkc().map(|c| c.to_ascii_lowercase())
}

/// The comparison form of a text as a `String`.
#[allow(dead_code)] // used by build.rs, which mounts this module too
pub fn normalize_text(text: &str) -> String {
    text_chars(text).collect()
}

/// Characters a name may carry that do not change which name it is:
/// brackets (`【】`), spaces, hyphens, underscores and the middle dot.
/// Checked after NFKC, which has already turned the ideographic space into
/// a space and the half-width middle dot into `・`.
const NAME_IGNORED: [char; 8] = ['【', '】', '[', ']', ' ', '-', '_', '・'];

/// Longest name key, in bytes, that a lookup considers; a longer input is
/// not a name (and is rejected without allocating).
pub const NAME_KEY_CAPACITY: usize = 192;

/// A name in comparison form, kept on the stack.
pub struct NameKey {
    buf: [u8; NAME_KEY_CAPACITY],
    len: usize,
}

impl NameKey {
    /// The key as a string.
    pub fn as_str(&self) -> &str {
        // Only whole UTF-8 sequences are ever copied into `buf`.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// The comparison form of a name: [`text_chars`] with katakana folded into
/// hiragana (`ハチオウジ`, and after NFKC `ﾊﾁｵｳｼﾞ`, become `はちおうじ`) and
/// the macrons of romanised names dropped (`chūō` becomes `chuo`), without
/// the characters in [`NAME_IGNORED`] and with surrounding white space
/// trimmed. `None` if it would not fit in [`NAME_KEY_CAPACITY`] bytes.
/// Allocates nothing.
pub fn name_key(name: &str) -> Option<NameKey> {
    let mut key = NameKey {
        buf: [0; NAME_KEY_CAPACITY],
        len: 0,
    };
    for c in text_chars(name.trim()) {
        if NAME_IGNORED.contains(&c) || c.is_whitespace() {
            continue;
        }
        let c = match c {
            // Katakana ァ..ヶ sit 0x60 above their hiragana ぁ..ゖ.
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            c => without_macron(c),
        };
        let n = c.len_utf8();
        let end = key.len + n;
        if end > NAME_KEY_CAPACITY {
            return None;
        }
        c.encode_utf8(&mut key.buf[key.len..end]);
        key.len = end;
    }
    Some(key)
}

/// A vowel with a macron as the plain lower-case vowel (`ū` and `Ū`
/// become `u`); any other character as it is. Shared with the build, which
/// makes municipalities' slugs with it.
pub fn without_macron(c: char) -> char {
    match c {
        'ā' | 'Ā' => 'a',
        'ē' | 'Ē' => 'e',
        'ī' | 'Ī' => 'i',
        'ō' | 'Ō' => 'o',
        'ū' | 'Ū' => 'u',
        c => c,
    }
}

/// Whether `name` is certainly its own [`name_key`], decided without
/// normalising: every character is a lower-case ASCII letter, digit or
/// punctuation not in [`NAME_IGNORED`], a hiragana or a CJK unified
/// ideograph.
/// None of these changes under NFKC or composes with its neighbour, so the
/// whole string is in NFKC. `false` when unsure (any other character),
/// which only means the caller takes the slow path.
#[allow(dead_code)] // used by the library, not by build.rs
pub fn is_name_key(name: &str) -> bool {
    name.chars().all(|c| match c {
        'a'..='z' | '0'..='9' => true,
        '!'..='~' => !c.is_ascii_uppercase() && !NAME_IGNORED.contains(&c),
        // Hiragana without the combining sound marks (U+3099, U+309A), the
        // prolonged sound mark, and the CJK Unified Ideographs block
        // (katakana is folded into hiragana, so it is not a key).
        '\u{3041}'..='\u{3096}' | '\u{30FC}' | '\u{4E00}'..='\u{9FFF}' => true,
        _ => false,
    })
}
