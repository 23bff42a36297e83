//! How names and texts are compared: Unicode NFKC, then ASCII lower case;
//! and how close a name is to the valid ones ([`closest`]).
//!
//! NFKC folds full-width Latin letters and digits (`ＩＣＴ`, `２４`),
//! half-width katakana (`ｱﾄﾞﾊﾞｲｽ`) and circled digits (`①`) into their plain
//! forms. The same functions run in `build.rs` (mounted with `#[path]`) on
//! every known name and on the corpus, and at run time on a user's input, so
//! both sides are always normalised alike, and the library's unknown-name
//! errors and the build's unknown-value errors suggest by the same rule.

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

/// How many names [`closest`] suggests: the one limit of every
/// unknown-name error of the library and of the build.
pub const THREE: usize = 3;

/// At most this many characters of an input are compared by [`closest`]:
/// enough for any name or id, and a bound on the work for any input.
const COMPARED: usize = 48;

/// The one rule by which the unknown-name errors of the library
/// (`UnknownNameError`) and of the build suggest valid names: the `max`
/// candidates closest to `input`, however far, best first, ties in the
/// candidates' order.
///
/// A candidate scores the largest Dice coefficient, `2·|A∩B| / (|A|+|B|)`,
/// between the input (its first [`COMPARED`] characters) and one of its
/// spellings, both in comparison form ([`name_key`]: width, ASCII
/// case, katakana for hiragana, macrons, spaces and hyphens do not
/// matter): over their distinct characters for a spelling that is not
/// ASCII (a Japanese name, a reading), over their distinct pairs of
/// adjacent ASCII letters or digits for one that is (a slug, an id).
pub fn closest<T, S>(
    input: &str,
    candidates: impl IntoIterator<Item = (T, S)>,
    max: usize,
) -> Vec<T>
where
    S: IntoIterator,
    S::Item: AsRef<str>,
{
    let compared = match input.char_indices().nth(COMPARED) {
        Some((end, _)) => &input[..end],
        None => input,
    };
    let key = name_key(compared);
    let key = key.as_ref().map_or("", |k| k.as_str());
    let (chars, pairs) = (distinct_chars(key), self::pairs(key));
    let mut scored: Vec<(f64, T)> = candidates
        .into_iter()
        .map(|(value, spellings)| {
            let score = spellings
                .into_iter()
                .map(|spelling| {
                    let own = name_key(spelling.as_ref());
                    let own = own.as_ref().map_or("", |k| k.as_str());
                    if own.is_ascii() {
                        dice(&pairs, &self::pairs(own))
                    } else {
                        dice(&chars, &distinct_chars(own))
                    }
                })
                .fold(0.0, f64::max);
            (score, value)
        })
        .collect();
    // Stable: ties stay in the candidates' order.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(max).map(|s| s.1).collect()
}

fn distinct_chars(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The distinct pairs of adjacent ASCII letters or digits of a name key.
fn pairs(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    let mut v: Vec<(char, char)> = chars
        .windows(2)
        .filter(|w| w[0].is_ascii_alphanumeric() && w[1].is_ascii_alphanumeric())
        .map(|w| (w[0], w[1]))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The Dice coefficient `2·|A∩B| / (|A|+|B|)` of two sorted lists: of
/// sets if they have no repeats (as [`closest`] compares), of multisets if
/// they have (as the build's text similarity compares); 0.0 if either is
/// empty.
pub fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, shared) = (i + 1, j + 1, shared + 1),
        }
    }
    match a.len() + b.len() {
        0 => 0.0,
        total => 2.0 * shared as f64 / total as f64,
    }
}

/// The most bytes of input that one byte of a [`name_key`] can come from,
/// ignored characters aside: measured over every code point, alone and
/// followed by each combining mark, by an exhaustive test
/// (`tests/build/name_keys.rs`). `𝐚` (U+1D41A, 4
/// bytes) is `a` (1 byte); `ａ` or `𝐚` followed by a combining macron
/// (U+0304), whose `ā` loses its macron, is 5 or 6 bytes for `a`'s one.
#[allow(dead_code)] // used by the library, not by build.rs
pub const INPUT_BYTES_PER_KEY_BYTE: usize = 6;

/// What a name may carry around it and still be looked up, beyond
/// [`INPUT_BYTES_PER_KEY_BYTE`] times its key: `【】`, or an ideographic
/// space (U+3000) on each side, and both (12 bytes).
#[allow(dead_code)] // used by the library, not by build.rs
pub const WRAPPING_BYTES: usize = 12;

/// The longest input a lookup whose longest key is `key_bytes` long
/// normalises: longer, it cannot be a spelling, however written.
#[allow(dead_code)] // used by the library, not by build.rs
pub const fn input_cap(key_bytes: usize) -> usize {
    INPUT_BYTES_PER_KEY_BYTE * key_bytes + WRAPPING_BYTES
}
