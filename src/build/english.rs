//! The English texts and the glossary: `data/english.tsv` and
//! `data/glossary.tsv`, read and checked at build time.
//!
//! The English is this crate's own unofficial translation, written by its
//! authors from the Japanese, not by 東京都; the Japanese text is the
//! source. The glossary fixes one English rendering for each recurring
//! term of the document.
//!
//! # The files
//!
//! Both are tab-separated and read with [`reader::tsv`] (`#` starts a
//! comment line).
//!
//! - `data/glossary.tsv`: `term_ja`, `rendering_en`, `note`. No term twice.
//!   A note may list exceptions to the consistency rule as
//!   `exception: <id> because <reason>`.
//! - `data/english.tsv`: `id`, `text_en`, one line per record: every id of
//!   the document exactly once, no other id, no empty text.
//!
//! # What the build checks
//!
//! Besides the shape of both files: no Japanese script (kana, kanji,
//! Japanese punctuation, full-width forms) in an English text, except
//! inside a glossary rendering that keeps a term in Japanese beside its
//! English (no row does today); and the
//! identity rule: a key opinion whose Japanese is its single source's,
//! exactly or after the crate's NFKC normalisation, has exactly its
//! source's English (a merged key opinion is translated as itself).
//!
//! The consistency rule (a Japanese text that contains a glossary term has
//! an English text that contains its rendering) is checked by the test
//! suite (`tests/build/english.rs`) with [`terms_in`], the matcher the glossary's
//! header describes.

use crate::build::code::{lit, Out};
use crate::build::link::{Links, MatchKind};
use crate::build::parse::Document;
use crate::build::reader::{self, quote, Error, Row};

/// The English texts, as build errors name them.
pub const PATH: &str = "data/english.tsv";

/// The glossary, as build errors name it.
pub const GLOSSARY_PATH: &str = "data/glossary.tsv";

/// How an exception to the consistency rule is written in a glossary note.
pub const EXCEPTION: &str = "exception:";

/// One row of the glossary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The Japanese term, as the document spells it.
    pub ja: String,
    /// Its English rendering.
    pub en: String,
    /// The note: why this rendering, and any exceptions.
    pub note: String,
    /// The ids whose English need not contain the rendering, each with its
    /// reason.
    pub exceptions: Vec<(String, String)>,
    /// Its line in the glossary.
    pub line: u32,
}

/// A record the English must cover, in the order of the generated data
/// (area opinions, then key opinions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source<'a> {
    /// Its id, e.g. `t1-kuchuobu-01`.
    pub id: String,
    /// Its Japanese text.
    pub text: &'a str,
    /// For a key opinion whose text is its single source's (exactly or
    /// after NFKC normalisation): that source's index in this list.
    pub copy_of: Option<usize>,
}

/// The English of the document: one text per [`Source`], in its order,
/// and the glossary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct English {
    /// `texts[i]` is the English of source `i`.
    pub texts: Vec<String>,
    /// The glossary, in file order.
    pub glossary: Vec<Term>,
}

/// The records of the parsed, linked document: area opinions, then key
/// opinions, each key opinion's copied source taken from its link.
pub fn sources<'a>(doc: &'a Document, links: &Links) -> Vec<Source<'a>> {
    let mut out: Vec<Source<'a>> = doc
        .opinions
        .iter()
        .map(|o| Source {
            id: o.id(),
            text: &o.text,
            copy_of: None,
        })
        .collect();
    for (k, key) in doc.key_opinions.iter().enumerate() {
        // Linked exactly or width-insensitively to one source: its text,
        // as the crate's normalisation compares texts.
        let copy_of = match links.provenance.get(k) {
            Some(p) if p.kind != MatchKind::Merged && p.sources.len() == 1 => Some(p.sources[0]),
            _ => None,
        };
        out.push(Source {
            id: key.id(),
            text: &key.text,
            copy_of,
        });
    }
    out
}

/// Reads and checks both files against the records.
pub fn read(glossary: &[u8], english: &[u8], sources: &[Source<'_>]) -> Result<English, Error> {
    let glossary = read_glossary(glossary, sources)?;
    let texts = read_english(english, sources, &glossary)?;
    Ok(English { texts, glossary })
}

/// Reads the glossary: three fields a row, a term and a rendering in each,
/// no term twice, exceptions naming known ids with a reason.
pub fn read_glossary(bytes: &[u8], sources: &[Source<'_>]) -> Result<Vec<Term>, Error> {
    let columns = "term_ja, rendering_en, note; the note may be empty";
    let file = reader::tsv(GLOSSARY_PATH, bytes, columns, 2)?;
    let mut terms: Vec<Term> = Vec::new();
    for row in &file.rows {
        let (ja, en, note) = (row.fields[0], row.fields[1], row.fields[2]);
        if !en.chars().any(|c| c.is_ascii_alphanumeric()) {
            return Err(row.err(format!(
                "expected an English rendering of `{}`, found `{}`",
                quote(ja),
                quote(en)
            )));
        }
        let first = terms.iter().find(|t| t.ja == ja).map(|t| t.line);
        row.again("term", ja, first)
            .map_err(|e| e.map(|m| m + ": merge the rows"))?;
        let exceptions = exceptions(note).map_err(|m| row.err(m))?;
        for (id, _) in &exceptions {
            if !sources.iter().any(|s| s.id == *id) {
                return Err(unknown_id(row, id, sources));
            }
        }
        terms.push(Term {
            ja: ja.to_string(),
            en: en.to_string(),
            note: note.to_string(),
            exceptions,
            line: row.line,
        });
    }
    Ok(terms)
}

/// The exceptions a note lists: each `exception: <id> because <reason>`
/// (the reason runs to the next `exception:` or the end of the note).
fn exceptions(note: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut parts = note.split(EXCEPTION);
    parts.next(); // the note before the first exception
    for part in parts {
        let part = part.trim_start();
        let (id, rest) = part.split_once(' ').unwrap_or((part, ""));
        let reason = rest.trim_start().strip_prefix("because").map(str::trim);
        match reason {
            Some(reason) if !id.is_empty() && !reason.is_empty() => {
                out.push((id.to_string(), reason.to_string()));
            }
            _ => {
                return Err(format!(
                "expected `{EXCEPTION} <id> because <reason>` in the note, found `{EXCEPTION} {}`",
                quote(part)
            ))
            }
        }
    }
    Ok(out)
}

/// "expected the id of a record, found …", with the closest ids.
fn unknown_id(row: &Row<'_>, id: &str, sources: &[Source<'_>]) -> Error {
    let ids = sources.iter().map(|s| s.id.as_str());
    row.unknown("the id of a record", id, ids)
}

/// Reads the English texts: every id once, no other id, no empty text, no
/// Japanese script but the glossary's, copies identical to their source.
/// Returns the texts in the order of `sources`.
pub fn read_english(
    bytes: &[u8],
    sources: &[Source<'_>],
    glossary: &[Term],
) -> Result<Vec<String>, Error> {
    let file = reader::tsv(PATH, bytes, "id, text_en", 0)?;
    // (line, text) of each source, once given.
    let mut found: Vec<Option<(u32, String)>> = vec![None; sources.len()];
    for row in &file.rows {
        let (id, en) = (row.fields[0], row.fields[1]);
        let Some(i) = sources.iter().position(|s| s.id == id) else {
            return Err(unknown_id(row, id, sources));
        };
        row.again("id", id, found[i].as_ref().map(|f| f.0))?;
        if en.is_empty() {
            return Err(row.err(format!(
                "expected the English text of `{id}`, found an empty field"
            )));
        }
        check_script(en, glossary).map_err(|m| row.err(m))?;
        found[i] = Some((row.line, en.to_string()));
    }
    let given = file.complete(PATH, found, "a line for every record", |i| &sources[i].id)?;
    for (source, (line, en)) in sources.iter().zip(&given) {
        let Some(s) = source.copy_of else { continue };
        let (source_line, source_en) = &given[s];
        if en != source_en {
            return Error::fail(
                PATH,
                *line,
                format!(
                    "expected the English of `{}` (line {source_line}), whose Japanese `{}` copies, found a different text: a copied key opinion has its source's English",
                    sources[s].id, source.id
                ),
            );
        }
    }
    let texts = given.into_iter().map(|(_, en)| en).collect();
    Ok(texts)
}

/// Checks that `en` holds no Japanese script outside a glossary rendering
/// that keeps a term in Japanese beside its English.
fn check_script(en: &str, glossary: &[Term]) -> Result<(), String> {
    let lower = en.to_ascii_lowercase();
    let mut allowed = vec![false; en.len()];
    for term in glossary.iter().filter(|t| t.en.chars().any(is_japanese)) {
        let rendering = term.en.to_ascii_lowercase();
        for (at, _) in lower.match_indices(&rendering) {
            allowed[at..at + rendering.len()].fill(true);
        }
    }
    let bad = en
        .char_indices()
        .enumerate()
        .find(|&(_, (at, c))| is_japanese(c) && !allowed[at]);
    match bad {
        None => Ok(()),
        Some((column, (_, c))) => Err(format!(
            "expected English, found the Japanese `{c}` at column {} of `{}`: Japanese may appear only where the glossary keeps a term beside its rendering",
            column + 1,
            quote(en)
        )),
    }
}

/// Kana, kanji, Japanese punctuation and full-width or half-width forms:
/// what an English text should not contain.
pub fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // CJK symbols and punctuation (、。「」)
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{31F0}'..='\u{31FF}' // katakana phonetic extensions
        | '\u{3200}'..='\u{33FF}' // enclosed CJK, CJK compatibility (①㈱)
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // full-width and half-width forms (ＩＣＴ, ｱ)
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// The glossary terms in a Japanese text, leftmost-longest: scanning from
/// the left, at each position the longest term that starts there is taken
/// and the scan goes on after it; a position where no term starts is
/// skipped. So 在宅医 inside 在宅医療 counts only as 在宅医療. Each
/// occurrence is listed, in order.
pub fn terms_in<'g>(text: &str, glossary: &'g [Term]) -> Vec<&'g Term> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let longest = glossary
            .iter()
            .filter(|t| rest.starts_with(t.ja.as_str()))
            .max_by_key(|t| t.ja.len());
        match longest {
            Some(term) => {
                out.push(term);
                rest = &rest[term.ja.len()..];
            }
            None => rest = &rest[c.len_utf8()..],
        }
    }
    out
}

/// The generated Rust source, `include!`d by the library (`src/lib.rs`):
/// `OPINION_TEXT_EN` and `KEY_OPINION_TEXT_EN`, the English of each area
/// and key opinion in the order of the records. Kept apart from the
/// records, so that a program that never asks for the English does not
/// link it, and one array to a line, so that the English adds a handful of
/// lines to `OUT_DIR`, not one per record (the ids of the first and last
/// entries are in the doc comment; `tests/build/english.rs` checks every one).
/// `opinions` is how many of `sources` are area opinions.
pub fn generate(sources: &[Source<'_>], english: &English, opinions: usize) -> String {
    let mut out = Out::new(
        "src/build/english.rs",
        PATH,
        "Unofficial English translation by the authors of zaitaku_opinions, not by 東京都;\n\
         // the Japanese text is the source.",
    );
    let split = opinions.min(sources.len());
    let arrays = [
        (
            "OPINION_TEXT_EN",
            "area opinion, in the order of OPINIONS",
            0..split,
        ),
        (
            "KEY_OPINION_TEXT_EN",
            "key opinion, in the order of KEY_OPINIONS",
            split..sources.len(),
        ),
    ];
    for (i, (name, what, range)) in arrays.into_iter().enumerate() {
        if i > 0 {
            writeln!(out);
        }
        let ids = match (
            sources.get(range.start),
            range.end.checked_sub(1).and_then(|e| sources.get(e)),
        ) {
            (Some(first), Some(last)) => format!(" ({} … {})", first.id, last.id),
            _ => String::new(),
        };
        let texts: Vec<String> = range
            .clone()
            .map(|i| lit(english.texts.get(i).map_or("", String::as_str)))
            .collect();
        writeln!(
            out,
            "/// The English of each {what}{ids}.\npub(crate) static {name}: [&str; {}] = [{}];",
            range.len(),
            texts.join(", ")
        );
    }
    out.finish()
}
