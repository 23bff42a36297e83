//! The reader every data file goes through (decoding, invisible
//! characters, lines, the TSV reader, the fingerprint), and the one error
//! type of the build-time code.
//!
//! A bad data file stops the build with one line,
//! `data/<file>:<line>: expected …, found …`: [`Error`] carries the file,
//! the 1-based line and what was wrong (a typed kind, or a sentence), and
//! its `Display` is that line, cut to stay under [`MAX_MESSAGE`] bytes.
//! Text quoted from the file goes through [`quote`], so that a corrupt line
//! cannot make the message long or invisible.
//!
//! # Reading a data file
//!
//! Every file under `data/` is read the same way, so that a new file
//! (`data/points.tsv`, …) gets the same strictness for free:
//!
//! 1. [`decode`]: UTF-8, an optional byte-order mark at the start, LF or
//!    CRLF line ends. A control or invisible character anywhere (NUL, a
//!    zero-width space, a BOM after the start, U+2028, a lone CR, …) is an
//!    error on its line, never read as text.
//! 2. [`lines`]: the lines, numbered from 1, with ASCII spaces and tabs
//!    trimmed at both ends (editors and checkouts add them; the documents
//!    never mean them).
//! 3. [`tsv`] for tab-separated files: decoded, the lines without blank
//!    lines and `#` comments, split on tabs, each field trimmed of spaces,
//!    the number of fields checked against the columns and the leading
//!    ones that must have a value checked for it. Each [`Row`] knows its
//!    file and line, and makes the errors about it ([`Row::err`],
//!    [`Row::again`], [`Row::unknown`]).
//!
//! ```ignore
//! let file = reader::tsv(PATH, &bytes, "code, name[, aliases]", 2)?;
//! for row in &file.rows {
//!     let (code, name) = (row.fields[0], row.fields[1]);
//!     if code.len() != 6 {
//!         return Err(row.err(format!("expected a 6-digit code, found `{code}`")));
//!     }
//! }
//! ```
//!
//! [`fingerprint`] hashes the same lines: two files that read the same
//! have the same fingerprint, whatever their line ends, BOM or trailing
//! spaces.

use crate::normalize::{closest, THREE};
use std::fmt;

/// The most a whole error message may take, in bytes (`path:line: ` and
/// all); longer ones are cut with `…`.
pub const MAX_MESSAGE: usize = 1000;

/// The most characters of a line an error quotes.
pub const MAX_QUOTE: usize = 80;

/// An error in a data file: which file, which line, what was wrong.
///
/// `K` is the kind: a typed enum where tests need to tell errors apart
/// (`parse::ErrorKind`), or a sentence (`String`, the default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error<K = String> {
    /// The file, relative to the crate root: `data/shiryo-3-2.txt`.
    pub path: &'static str,
    /// 1-based line number (the first line of an empty file; the last line
    /// for a check on the whole file).
    pub line: u32,
    /// What was expected, and what was found.
    pub kind: K,
}

impl<K> Error<K> {
    /// An error at `path:line`.
    pub fn new(path: &'static str, line: u32, kind: impl Into<K>) -> Self {
        Error {
            path,
            line,
            kind: kind.into(),
        }
    }

    /// An error at `path:line`, as an `Err`: what an early return gives.
    pub fn fail<T>(path: &'static str, line: u32, kind: impl Into<K>) -> Result<T, Self> {
        Err(Error::new(path, line, kind))
    }

    /// The same error with its kind converted.
    pub fn map<L>(self, f: impl FnOnce(K) -> L) -> Error<L> {
        Error {
            path: self.path,
            line: self.line,
            kind: f(self.kind),
        }
    }
}

impl<K: fmt::Display> fmt::Display for Error<K> {
    /// `path:line: message`, under [`MAX_MESSAGE`] bytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let full = format!("{}:{}: {}", self.path, self.line, self.kind);
        f.write_str(&cut(&full, MAX_MESSAGE))
    }
}

impl<K: fmt::Display + fmt::Debug> std::error::Error for Error<K> {}

impl<K: fmt::Display> From<Error<K>> for String {
    /// The message `build.rs` prints: [`Error`]'s `Display`.
    fn from(e: Error<K>) -> String {
        e.to_string()
    }
}

/// `s` cut to at most `max` bytes at a character boundary, `…` marking the cut.
fn cut(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max - '…'.len_utf8();
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// Text from a data file, made safe to put in a message: at most
/// [`MAX_QUOTE`] characters (then `…`), and every character that
/// [`is_invisible`] finds, and every whitespace but the ASCII and the
/// ideographic space (U+3000), written as `\u{…}`.
pub fn quote(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == MAX_QUOTE {
            out.push('…');
            break;
        }
        if is_invisible(c) || (c.is_whitespace() && c != ' ' && c != '\u{3000}') {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A character that has no place in a data file's text: a control
/// character other than tab (a lone CR included), a line or paragraph
/// separator, or an invisible format character (zero-width space and
/// joiners, direction marks, a BOM after the start, soft hyphen, word
/// joiner, variation selectors, Hangul fillers).
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Declares an error-kind enum whose `Display` is each variant's message,
/// one kind a line: `Variant { field: Type, … } => "message", args…;`,
/// where the message is a format string that may name the fields (a
/// variant with one unnamed field names it: `Variant(name: Type)`).
macro_rules! error_kinds {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident $(($inner:ident: $ity:ty))? $({ $($field:ident: $fty:ty),* })?
                    => $msg:literal $(, $arg:expr)*;
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant $(($ity))? $({ $($field: $fty),* })?,)*
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $($name::$variant $(($inner))? $({ $($field),* })? => write!(f, $msg $(, $arg)*),)*
                }
            }
        }
    };
}

pub(crate) use error_kinds;

error_kinds! {
    /// Why the bytes of a data file are not text this crate reads.
    pub enum TextError {
        /// Not UTF-8.
        InvalidUtf8 => "expected UTF-8 text, found bytes that are not UTF-8";
        /// A CR not followed by LF: old Mac line ends, or a stray CR.
        LoneCr => "expected LF or CRLF line ends, found a lone CR (U+000D): convert the file to LF line ends";
        /// U+2028, U+2029 or U+0085: line ends this reader does not take.
        LineSeparator { ch: char } => "expected LF or CRLF line ends, found U+{:04X} (a Unicode line separator): convert the file to LF line ends", *ch as u32;
        /// A control or invisible character `ch` inside a line, at 1-based
        /// `column` (in characters) of the [`quote`]d line `found`.
        Invisible { ch: char, column: usize, found: String } => "expected visible text, found the control or invisible character U+{:04X} at column {column} of `{found}`", *ch as u32;
    }
}

/// Decodes a data file: UTF-8, a byte-order mark at the start dropped, and
/// no control or invisible character (see [`is_invisible`]) anywhere but
/// in the LF or CRLF line ends.
///
/// Errors name the line: of the first byte that is not UTF-8, or of the
/// first bad character (line 1 for a file with lone-CR or U+2028 line ends).
pub fn decode<'a>(path: &'static str, bytes: &'a [u8]) -> Result<&'a str, Error<TextError>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Error::new(path, line as u32, TextError::InvalidUtf8)
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let Some((column, ch)) = line.chars().enumerate().find(|&(_, c)| is_invisible(c)) else {
            continue;
        };
        let kind = match ch {
            '\r' => TextError::LoneCr,
            '\u{2028}' | '\u{2029}' | '\u{0085}' => TextError::LineSeparator { ch },
            _ => TextError::Invisible {
                ch,
                column: column + 1,
                found: quote(line),
            },
        };
        return Error::fail(path, i as u32 + 1, kind);
    }
    Ok(text)
}

/// The lines of decoded text, numbered from 1, each trimmed of ASCII
/// spaces, tabs and CR at both ends. A final line end adds no line.
pub fn lines(text: &str) -> impl Iterator<Item = (u32, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l.trim_matches([' ', '\t', '\r'])))
}

/// A tab-separated data file, read by [`tsv`].
#[derive(Debug, Clone)]
pub struct Tsv<'a> {
    /// The rows, in file order.
    pub rows: Vec<Row<'a>>,
    /// The file's last line (1 for an empty file): where checks on the
    /// whole file point.
    pub last: u32,
}

impl Tsv<'_> {
    /// Checks that every expected row was found: `found[i]` is `None` for
    /// an id that has no row. The first such id is reported at the file's
    /// last line as "expected {what}, found none for `{id}`"; otherwise the
    /// rows come back in id order.
    pub fn complete<T, D: fmt::Display>(
        &self,
        path: &'static str,
        found: Vec<Option<T>>,
        what: &str,
        id: impl Fn(usize) -> D,
    ) -> Result<Vec<T>, Error> {
        match found.iter().position(Option::is_none) {
            Some(i) => Error::fail(
                path,
                self.last,
                format!("expected {what}, found none for `{}`", id(i)),
            ),
            None => Ok(found.into_iter().flatten().collect()),
        }
    }
}

/// One row of a tab-separated file.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The file, as errors name it.
    pub path: &'static str,
    /// Its 1-based line.
    pub line: u32,
    /// Its fields, as many as [`tsv`] was told.
    pub fields: Vec<&'a str>,
}

impl Row<'_> {
    /// An error on this row's line.
    pub fn err(&self, message: impl Into<String>) -> Error {
        Error::new(self.path, self.line, message.into())
    }

    /// An error if `value` was already on line `first`: "expected each
    /// `what` once, found `value` again (first on line …)".
    pub fn again(&self, what: &str, value: &str, first: Option<u32>) -> Result<(), Error> {
        match first {
            None => Ok(()),
            Some(first) => Err(self.err(format!(
                "expected each {what} once, found `{}` again (first on line {first})",
                quote(value)
            ))),
        }
    }

    /// "expected `what`, found `value`", with the three of `valid` closest
    /// to it by the rule of the library's unknown-name errors
    /// ([`closest`](crate::normalize::closest)).
    pub fn unknown<'v>(
        &self,
        what: &str,
        value: &str,
        valid: impl Iterator<Item = &'v str>,
    ) -> Error {
        let closest = closest(value, valid.map(|v| (v, [v])), THREE);
        let mut message = format!("expected {what}, found `{}`", quote(value));
        if !closest.is_empty() {
            message.push_str(&format!("; closest: {}", closest.join(", ")));
        }
        self.err(message)
    }
}

/// Reads a tab-separated data file: [`decode`]d, its lines numbered from
/// 1 except blank lines and lines starting with `#`, split on tabs (a tab
/// at either end makes an empty field), each field trimmed of ASCII
/// spaces. `columns` names the columns, `, `-separated, the optional last
/// ones in brackets (`code, name[, aliases]`); a row with fewer or more
/// fields, or with one of the first `required` empty, is an error on its
/// line.
pub fn tsv<'a>(
    path: &'static str,
    bytes: &'a [u8],
    columns: &str,
    required: usize,
) -> Result<Tsv<'a>, Error> {
    let text = decode(path, bytes).map_err(|e| e.map(|k| k.to_string()))?;
    let names: Vec<&str> = columns.split(", ").collect();
    let min = columns
        .split("[, ")
        .next()
        .unwrap_or("")
        .split(", ")
        .count();
    let count = if min == names.len() {
        min.to_string()
    } else {
        format!("{min} or {}", names.len())
    };
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_matches([' ', '\r']);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let row = Row {
            path,
            line: i as u32 + 1,
            fields: line.split('\t').map(|f| f.trim_matches(' ')).collect(),
        };
        let n = row.fields.len();
        if !(min..=names.len()).contains(&n) {
            return Err(row.err(format!(
                "expected {count} tab-separated fields ({columns}), found {n}"
            )));
        }
        if let Some(i) = row.fields[..required].iter().position(|f| f.is_empty()) {
            return Err(row.err(format!(
                "expected a non-empty {}, found an empty field",
                names[i]
            )));
        }
        rows.push(row);
    }
    let last = lines(text).count().max(1) as u32;
    Ok(Tsv { rows, last })
}

/// The content fingerprint of decoded text: FNV-1a (64 bits) of its
/// [`lines`], each followed by LF, without trailing blank lines; as
/// `fnv1a64:` and 16 hex digits. CRLF line ends, a BOM and spaces at the
/// ends of lines do not change it; any other edit does (barring a 1 in
/// 2⁶⁴ accident: this guards against corruption, not forgery).
pub fn fingerprint(text: &str) -> String {
    let lines: Vec<&str> = lines(text).map(|(_, l)| l).collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for line in &lines[..end] {
        for &b in line.as_bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        hash = (hash ^ u64::from(b'\n')).wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}
