//! Width- and form-insensitive text search over the records, in Japanese or
//! in the English translation; see [`search`], [`Query::text`] and
//! [`Query::text_en`].
//!
//! One path serves both languages, [`search`], [`search_en`],
//! [`search_hits`] and [`Query`]: a query's text
//! becomes [`Terms`], which keep the set of records containing every term,
//! narrowed term by term as the query is read; iteration then only looks up
//! one flag, and highlighting searches the few matching texts again.

use crate::dataset::{KEY_OPINIONS, OPINIONS};
use crate::{Opinion, Query, Record};
use memchr::memmem::Finder;
use std::borrow::Cow;
use std::ops::ControlFlow;
use std::ops::Range;
use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The area opinions whose text contains every term of `query`, after both
/// are normalised, in document order. Never panics.
///
/// This is `Query::new().area_only().text(query)`, yielding the
/// [`Opinion`]s: see [`Query::text`] for the terms, the limits on a query
/// and its cost. Only the first [`Query::MAX_TEXT_BYTES`] (64 KiB) of
/// `query` are read, cut at a character boundary and before a word the cut
/// would split; [`Query::ignored`] reports the cut.
///
/// # How texts are compared
///
/// Both sides are compared in the form [`Opinion::normalized_text`] gives:
/// Unicode NFKC, then ASCII lower case. NFKC folds full-width digits and
/// Latin letters (`２４`, `ＩＣＴ`), half-width katakana (`ｱﾄﾞﾊﾞｲｽ`, whose
/// voiced marks combine into `アドバイス`) and other compatibility forms into
/// their plain forms. The records are normalised once, at build time; at run
/// time only the query is, with the same crate (`unicode-normalization`).
///
/// # Terms
///
/// The normalised query is split at white space: the ASCII space, tab and
/// line breaks, the ideographic space `　` (U+3000, which NFKC turns into an
/// ASCII space) and any other Unicode white space. An opinion matches when
/// its text contains **every** term (AND). Matching is by substring, so a
/// term may match inside a word.
///
/// A query with no terms (empty, or only white space) puts no condition on
/// the text: `search` then yields **every** area opinion, just as a
/// [`Query`] without [`text`](Query::text) yields every record its other
/// filters allow.
///
/// ```
/// use zaitaku_opinions::search;
///
/// // Full-width digits in the source (２４時間) match half-width ones …
/// assert!(search("24時間").any(|o| o.text().contains("２４時間")));
/// // … half-width katakana match full-width ones, and case does not matter.
/// assert!(search("アドバイス").any(|o| o.text().contains("ｱﾄﾞﾊﾞｲｽ")));
/// assert!(search("ict").any(|o| o.text().contains("ＩＣＴ")));
/// // Several terms: all of them.
/// for o in search("退院　調整") {
///     assert!(o.normalized_text().contains("退院") && o.normalized_text().contains("調整"));
/// }
/// ```
pub fn search(query: &str) -> impl Iterator<Item = &'static Opinion> + Clone {
    Query::new()
        .area_only()
        .text(query)
        .into_iter()
        .filter_map(Record::as_opinion)
}

/// The area opinions whose English text contains every term of `query`,
/// ignoring ASCII case, in document order. Never panics.
///
/// This is `Query::new().area_only().text_en(query)`, yielding the
/// [`Opinion`]s: see [`Query::text_en`] for the exact rule. As with
/// [`search`], only the first [`Query::MAX_TEXT_BYTES`] (64 KiB) of `query`
/// are read; [`Query::ignored`] reports the cut. The English is
/// **this crate's authors' unofficial translation**, not 東京都's
/// ([`Opinion::text_en`]); the Japanese [`text`](Opinion::text) is what the
/// area said. `home care` is two terms, both required, not a phrase.
///
/// ```
/// use zaitaku_opinions::search_en;
///
/// let found: Vec<_> = search_en("Discharge").collect();
/// let naive = zaitaku_opinions::opinions()
///     .iter()
///     .filter(|o| o.text_en().to_ascii_lowercase().contains("discharge"));
/// assert!(found.iter().copied().eq(naive));
/// // Two terms, in any order: "Home-visit nursing … care" matches.
/// for o in search_en("home care") {
///     let en = o.text_en().to_ascii_lowercase();
///     assert!(en.contains("home") && en.contains("care"));
/// }
/// ```
pub fn search_en(query: &str) -> impl Iterator<Item = &'static Opinion> + Clone {
    let query = Query::new().area_only().text_en(query);
    query.into_iter().filter_map(Record::as_opinion)
}

/// Like [`search`], but each hit comes with where the terms matched in the
/// original [`Opinion::text`], to highlight them: byte ranges for Rust
/// strings, UTF-16 ranges for JavaScript and other UTF-16 front ends.
///
/// ```
/// let hit = zaitaku_opinions::search_hits("アドバイス").next().unwrap();
/// let [range] = hit.ranges() else { panic!("one match") };
/// assert_eq!(&hit.text()[range.clone()], "ｱﾄﾞﾊﾞｲｽ");
/// ```
pub fn search_hits(query: &str) -> impl Iterator<Item = Hit<&'static Opinion>> + Clone {
    Query::new()
        .area_only()
        .text(query)
        .into_iter()
        .hits()
        .filter_map(|hit| {
            let opinion = hit.record.as_opinion()?;
            Some(Hit {
                record: opinion,
                text: hit.text,
                ranges: hit.ranges,
                utf16_ranges: hit.utf16_ranges,
            })
        })
}

/// A record that matched a text query, with where the terms matched.
///
/// `R` is `&'static Opinion` for [`search_hits`] and [`Record`] for
/// [`Query::hits`].
///
/// With the `serde` feature a hit serialises as
/// `{"record": …, "ranges": […], "utf16_ranges": […]}`, each range as
/// `{"start": …, "end": …}`; a JavaScript front end slices the record's
/// text with `utf16_ranges` (`text.slice(r.start, r.end)`).
///
/// ```
/// use zaitaku_opinions::Query;
///
/// let hit = Query::new().text("ｱﾄﾞﾊﾞｲｽ").hits().next().unwrap();
/// let [bytes] = hit.ranges() else { panic!("one match") };
/// assert_eq!(&hit.text()[bytes.clone()], "ｱﾄﾞﾊﾞｲｽ");
/// let [units] = hit.utf16_ranges() else { panic!("one match") };
/// let utf16: Vec<u16> = hit.text().encode_utf16().collect();
/// assert_eq!(String::from_utf16_lossy(&utf16[units.clone()]), "ｱﾄﾞﾊﾞｲｽ");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Hit<R> {
    record: R,
    #[cfg_attr(feature = "serde", serde(skip))]
    text: &'static str,
    ranges: Vec<Range<usize>>,
    utf16_ranges: Vec<Range<usize>>,
}

impl<R: Copy> Hit<R> {
    /// The record.
    pub fn record(&self) -> R {
        self.record
    }

    /// The record's original text (what [`ranges`](Hit::ranges) index): its
    /// English text ([`Record::text_en`]) when the query was given English
    /// text ([`Query::text_en`], even blank), else its Japanese text.
    pub fn text(&self) -> &'static str {
        self.text
    }

    /// The byte ranges of the matches in [`text`](Hit::text), in order and
    /// not overlapping (overlapping matches of different terms are merged).
    /// Each lies on character boundaries and covers the original
    /// characters whose normalised form the term matched: `ｱﾄﾞﾊﾞｲｽ` for
    /// `アドバイス`, `２４時間` for `24時間`. A term that matches only part of
    /// what one original character normalises to (`会社` in `㍿`, which NFKC
    /// turns into `株式会社`) covers that whole character. Empty when the
    /// query had no terms.
    pub fn ranges(&self) -> &[Range<usize>] {
        &self.ranges
    }

    /// The same ranges as [`ranges`](Hit::ranges), counted in UTF-16 code
    /// units of [`text`](Hit::text) instead of bytes: what JavaScript's
    /// `String.prototype.slice` and other UTF-16 string APIs take.
    pub fn utf16_ranges(&self) -> &[Range<usize>] {
        &self.utf16_ranges
    }

    /// The text cut at the match boundaries: `(piece, is_match)` in order,
    /// without empty pieces; concatenated, the pieces give back
    /// [`text`](Hit::text).
    ///
    /// ```
    /// let hit = zaitaku_opinions::search_hits("ICT").next().unwrap();
    /// let shown: String = hit
    ///     .pieces()
    ///     .map(|(s, m)| if m { format!("[{s}]") } else { s.to_string() })
    ///     .collect();
    /// assert!(shown.contains("[ＩＣＴ]を活用"));
    /// ```
    pub fn pieces(&self) -> impl Iterator<Item = (&'static str, bool)> + '_ {
        let text = self.text;
        let piece = move |r: Range<usize>| text.get(r).unwrap_or("");
        // Each match, with the gap before it (from the end of the one
        // before), then the gap after the last one.
        let gap_starts = std::iter::once(0).chain(self.ranges.iter().map(|r| r.end));
        let matches = self.ranges.iter().map(Some).chain([None]);
        gap_starts
            .zip(matches)
            .flat_map(move |(at, m)| {
                let gap = piece(at..m.map_or(text.len(), |r| r.start));
                [(gap, false)]
                    .into_iter()
                    .chain(m.map(|r| (piece(r.clone()), true)))
            })
            .filter(|(s, _)| !s.is_empty())
    }
}

/// The UTF-16 ranges of `text` that cover the same characters as the byte
/// ranges `ranges` (sorted, on character boundaries).
fn utf16_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let (mut byte, mut unit) = (0, 0);
    let mut units_at = |to: usize| {
        unit += text
            .get(byte..to)
            .map_or(0, |s| s.chars().map(char::len_utf16).sum());
        byte = byte.max(to);
        unit
    };
    ranges
        .iter()
        .map(|r| units_at(r.start)..units_at(r.end))
        .collect()
}

/// How many records there are, of both kinds: the indices [`Terms`] keep
/// sets of (see `Record::index`).
pub(crate) const RECORDS: usize = OPINIONS.len() + KEY_OPINIONS.len();

/// The texts a query's terms are matched against: [`Query::text`] matches
/// each record's normalised Japanese text, [`Query::text_en`] its English
/// text in ASCII lower case. Everything else is the same for both.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    Japanese,
    English,
}

/// The text of the record whose index is `i` in `lang`, at compile time,
/// as it goes into the corpus (there ASCII lower-cased, which changes only
/// the English).
const fn source_text(lang: Language, i: usize) -> &'static str {
    let n = OPINIONS.len();
    match (lang, i < n) {
        (Language::Japanese, true) => OPINIONS[i].normalized_text(),
        (Language::Japanese, false) => KEY_OPINIONS[i - n].normalized_text(),
        (Language::English, true) => crate::dataset::english::OPINION_TEXT_EN[i],
        (Language::English, false) => crate::dataset::english::KEY_OPINION_TEXT_EN[i - n],
    }
}

/// `starts(lang)[i]`: where the text of record `i` starts in the corpus of
/// `lang`; the last entry is the corpus length.
const fn starts(lang: Language) -> [usize; RECORDS + 1] {
    let mut starts = [0; RECORDS + 1];
    let mut i = 0;
    while i < RECORDS {
        starts[i + 1] = starts[i] + source_text(lang, i).len() + 1;
        i += 1;
    }
    starts
}

/// Every record's text in `lang`, ASCII lower-cased, in index order, each
/// followed by a line break, put together at compile time: one substring
/// search over a run of records instead of one per record (about twice as
/// fast over all of them, per `benches/search.rs`, and what keeps
/// [`search`] within 1.5× a plain `contains` loop). Terms hold no white
/// space, so no match runs from one text into the next.
const fn corpus<const N: usize>(lang: Language) -> [u8; N] {
    let starts = starts(lang);
    let mut corpus = [b'\n'; N];
    let mut i = 0;
    while i < RECORDS {
        let text = source_text(lang, i).as_bytes();
        let mut j = 0;
        while j < text.len() {
            corpus[starts[i] + j] = text[j].to_ascii_lowercase();
            j += 1;
        }
        i += 1;
    }
    corpus
}

/// The byte length of the longest text in any of `langs`.
const fn longest(langs: &[Language]) -> usize {
    let (mut longest, mut i) = (0, 0);
    while i < RECORDS * langs.len() {
        let n = source_text(langs[i / RECORDS], i % RECORDS).len();
        longest = if n > longest { n } else { longest };
        i += 1;
    }
    longest
}

static CORPUS_JA: [u8; starts(Language::Japanese)[RECORDS]] = corpus(Language::Japanese);
static CORPUS_EN: [u8; starts(Language::English)[RECORDS]] = corpus(Language::English);

/// Each language's corpus, and where the text of each record starts in it
/// (see [`starts`]), indexed by `Language as usize`.
static CORPORA: [(&[u8], [usize; RECORDS + 1]); 2] = [
    (&CORPUS_JA, starts(Language::Japanese)),
    (&CORPUS_EN, starts(Language::English)),
];

impl Language {
    /// The text of the record whose index is `i` in comparison form, from
    /// the corpus; empty for no record.
    fn comparison_text(self, i: usize) -> &'static str {
        let (corpus, starts) = &CORPORA[self as usize];
        let text = starts
            .get(i..i + 2)
            .and_then(|s| corpus.get(s[0]..s[1] - 1));
        std::str::from_utf8(text.unwrap_or(&[])).unwrap_or("")
    }
}

/// The byte length of the longest text in comparison form: a term longer
/// than this cannot match.
const LONGEST_TEXT: usize = longest(&[Language::Japanese, Language::English]);

/// The longest word, as typed, that is normalised: NFKC shortens a text at
/// most threefold (a Hangul syllable from its three jamo), so a longer word
/// cannot match a Japanese text, and a word this short keeps
/// normalisation's buffers small. (An English word of 1 KiB is no word;
/// the English texts are not held to this, so that a longer translation
/// never breaks the build.)
const LONGEST_WORD: usize = 1024;
const _: () = assert!(
    LONGEST_WORD >= 3 * longest(&[Language::Japanese]),
    "a word that can match is too long"
);

/// A set of records: `self.0[i]` says whether the record whose index is `i`
/// (see `Record::index`) is in it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct RecordSet([bool; RECORDS]);

impl Default for RecordSet {
    /// Every record: what a query without text terms matches.
    fn default() -> Self {
        RecordSet::ALL
    }
}

impl RecordSet {
    const NONE: RecordSet = RecordSet([false; RECORDS]);
    const ALL: RecordSet = RecordSet([true; RECORDS]);

    fn contains(&self, i: usize) -> bool {
        self.0.get(i) == Some(&true)
    }

    fn insert(&mut self, i: usize) {
        if let Some(member) = self.0.get_mut(i) {
            *member = true;
        }
    }

    /// The records of this set whose text in `lang` contains `term`: one
    /// search over each run of consecutive records in the set, jumping to
    /// the next record after each match.
    fn containing(&self, term: &Finder, lang: Language) -> RecordSet {
        let (corpus, starts) = &CORPORA[lang as usize];
        let mut found = RecordSet::NONE;
        let mut first = 0;
        while first < RECORDS {
            if !self.contains(first) {
                first += 1;
                continue;
            }
            let mut end = first + 1;
            while end < RECORDS && self.contains(end) {
                end += 1;
            }
            let mut at = starts[first];
            while let Some(offset) = corpus.get(at..starts[end]).and_then(|run| term.find(run)) {
                // The record holding the match, then on to the next one.
                while starts[first + 1] <= at + offset {
                    first += 1;
                }
                found.insert(first);
                first += 1;
                at = starts[first];
            }
            first = end;
        }
        found
    }

    fn is_empty(&self) -> bool {
        !self.0.contains(&true)
    }

    fn len(&self) -> usize {
        self.0.iter().filter(|&&member| member).count()
    }
}

/// The text terms of a query: up to [`Query::MAX_TERMS`] distinct terms in
/// comparison form, each with its language and searcher, the records whose
/// texts contain all of them, and what was left out.
#[derive(Clone, Default)]
pub(crate) struct Terms {
    /// The distinct terms, in the order they came.
    finders: Vec<(Language, Finder<'static>)>,
    /// Their [`key`]s, in the same order: a short list to look a term up.
    keys: Vec<u64>,
    /// The records whose texts contain every term.
    matching: RecordSet,
    /// What was left out.
    pub(crate) ignored: Ignored,
    /// Whether English text was given: hits are then on the English.
    english: bool,
}

/// What the text of a [`Query`] left out, so that a user interface can say
/// so; see [`Query::ignored`].
///
/// Reading a query's text stops at the first thing it leaves out, as soon
/// as no record can match, and at [`Query::MAX_TEXT_BYTES`] (64 KiB) of
/// each text given: what comes after is neither read nor reported.
///
/// ```
/// use zaitaku_opinions::{Ignored, Query};
///
/// // The longest translation pasted whole: more than 32 distinct words.
/// let text = Query::new().iter().map(|r| r.text_en()).max_by_key(|t| t.len()).unwrap();
/// let q = Query::new().text_en(text);
/// assert!(q.ignored().past_limit && !q.ignored().long_word);
/// assert!(q.iter().any(|r| r.text_en() == text));
/// // Repeating a term leaves nothing out.
/// let q = Query::new().text_en("home care home");
/// assert_eq!(q.ignored(), Ignored::default());
/// // A word of more than 1 KiB is not read, and nothing matches.
/// let q = Query::new().text(&"ア".repeat(400));
/// assert!(q.ignored().long_word && q.iter().next().is_none());
/// // Only the first 64 KiB of a text are read: the term after them is not.
/// let q = Query::new().text(&("退院 ".repeat(20_000) + "存在しない語"));
/// assert!(q.ignored().past_max_text && q.iter().next().is_some());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Ignored {
    /// Whether a distinct term came after the first
    /// [`Query::MAX_TERMS`] and was left out, with everything after it: the
    /// query matches the records that contain the first 32.
    pub past_limit: bool,
    /// Whether a word of more than 1 KiB as typed (1,024 bytes of UTF-8
    /// between white space) was met before the limit: it is not read, and
    /// the query matches nothing.
    pub long_word: bool,
    /// Whether a text given to [`Query::text`] or [`Query::text_en`] (or
    /// [`search`], [`search_en`], [`search_hits`]) was longer than
    /// [`Query::MAX_TEXT_BYTES`] (64 KiB) and was read while terms could
    /// still count: only its first 64 KiB were read, cut at a character
    /// boundary and before a word the cut would split (unless that word is
    /// already longer than 1 KiB, which then counts as
    /// [`long_word`](Ignored::long_word)).
    pub past_max_text: bool,
}

impl Terms {
    /// Whether no more terms are read: every record has been ruled out, or
    /// past [`Query::MAX_TERMS`] a term was left out.
    fn is_closed(&self) -> bool {
        self.matching.is_empty() || self.ignored.past_limit
    }

    /// Reads the terms of the first [`Query::MAX_TEXT_BYTES`] of `query`
    /// (see [`bounded`]), to match the texts in `lang`, until
    /// [`is_closed`](Terms::is_closed): each term narrows the matching
    /// records.
    #[inline(never)] // One copy for every caller, so that all read as fast.
    pub(crate) fn push(&mut self, query: &str, lang: Language) {
        self.english |= lang == Language::English;
        if !self.is_closed() {
            let (read, cut) = bounded(query);
            self.ignored.past_max_text |= cut;
            each_term(read, |term| self.add(term, lang));
        }
    }

    /// Adds one term in comparison form, unless it is empty or already in,
    /// and keeps only the matching records that contain it; breaks when
    /// the terms are [closed](Terms::is_closed). A repeat before the limit,
    /// the most common case, changes nothing and looks at nothing else.
    fn add(&mut self, term: &str, lang: Language) -> ControlFlow<()> {
        let key = key(term, lang);
        let is_term = |(k, (l, f)): (&u64, &(Language, Finder))| {
            *k == key && *l == lang && same(f.needle(), term.as_bytes())
        };
        let full = self.finders.len() >= Query::MAX_TERMS;
        let known = term.is_empty() || self.keys.iter().zip(&self.finders).any(is_term);
        if known {
            return ControlFlow::Continue(());
        }
        self.ignored.past_limit = full;
        if !full && term.len() > LONGEST_TEXT {
            // Longer than any text: nothing can match (and no searcher is
            // built for it). Only a word too long to normalise is longer
            // than a word.
            self.ignored.long_word = term.len() > LONGEST_WORD;
            self.matching = RecordSet::NONE;
        } else if !full {
            let finder = Finder::new(term).into_owned();
            self.matching = self.matching.containing(&finder, lang);
            self.finders.push((lang, finder));
            self.keys.push(key);
        }
        match self.is_closed() {
            true => ControlFlow::Break(()),
            false => ControlFlow::Continue(()),
        }
    }

    /// The terms in `lang`, as strings (for `Debug`).
    pub(crate) fn terms(&self, lang: Language) -> Vec<Cow<'_, str>> {
        let terms = self.finders.iter().filter(|(l, _)| *l == lang);
        terms
            .map(|(_, f)| String::from_utf8_lossy(f.needle()))
            .collect()
    }

    /// Whether the text of the record whose index is `i` (see
    /// `Record::index`) contains every term.
    pub(crate) fn allows(&self, i: usize) -> bool {
        self.matching.contains(i)
    }

    /// The first index from `from` (inclusive) to `to` (exclusive) of a
    /// record whose text contains every term, or `to` if there is none.
    pub(crate) fn next_match(&self, from: usize, to: usize) -> usize {
        let flags = self.matching.0.get(from..to).unwrap_or(&[]);
        flags.iter().position(|&m| m).map_or(to, |p| from + p)
    }

    /// How many records contain every term.
    pub(crate) fn matching_records(&self) -> usize {
        self.matching.len()
    }

    /// `record` as a hit: the ranges of every term's matches in its
    /// English text if the query was given English text, else in its
    /// Japanese text.
    pub(crate) fn hit(&self, record: Record) -> Hit<Record> {
        let (lang, text) = match self.english {
            true => (Language::English, record.text_en()),
            false => (Language::Japanese, record.text()),
        };
        let ranges = self.ranges(text, lang.comparison_text(record.index()), lang);
        let utf16_ranges = utf16_ranges(text, &ranges);
        Hit {
            record,
            text,
            ranges,
            utf16_ranges,
        }
    }

    /// The byte ranges in `text` (whose comparison form is `normalized`) of
    /// the matches of every term in `lang`, sorted, overlaps merged.
    fn ranges(&self, text: &str, normalized: &str, lang: Language) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = Vec::new();
        for (_, f) in self.finders.iter().filter(|(l, _)| *l == lang) {
            let n = f.needle().len();
            found.extend(f.find_iter(normalized.as_bytes()).map(|at| at..at + n));
        }
        if found.is_empty() {
            return found;
        }
        found.sort_by_key(|r| (r.start, r.end));
        // Most texts are their own normal form but for ASCII case (NFKC
        // changes 24 of 204 Japanese records, none of the English): their
        // offsets need no mapping.
        let map = (!text.eq_ignore_ascii_case(normalized)).then(|| OffsetMap::new(text));
        let mut out: Vec<Range<usize>> = Vec::with_capacity(found.len());
        for r in found {
            let r = match &map {
                Some(map) => map.original(r),
                None => r,
            };
            match out.last_mut() {
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => out.push(r),
            }
        }
        out
    }
}

/// The part of `text` that is read: all of it up to
/// [`Query::MAX_TEXT_BYTES`]; of a longer text, the first that many bytes,
/// cut back to a character boundary and then to the start of a word the
/// cut splits (a word cut short is not what was typed), unless that word
/// is already longer than [`LONGEST_WORD`] (it then stays, too long to
/// read, and the query matches nothing, as with the whole word). The flag
/// says whether anything was cut.
fn bounded(text: &str) -> (&str, bool) {
    if text.len() <= Query::MAX_TEXT_BYTES {
        return (text, false);
    }
    let mut end = Query::MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (head, tail) = (text.get(..end).unwrap_or(""), text.get(end..).unwrap_or(""));
    if !tail.starts_with(char::is_whitespace) {
        let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
        if word.len() <= LONGEST_WORD {
            end -= word.len();
        }
    }
    (text.get(..end).unwrap_or(""), true)
}

/// Calls `each` with the terms of `query` in comparison form, in order,
/// until it breaks. The query is read once, a word (what lies between
/// white space) at a time, and each word is normalised on its own (never
/// the whole query at once), only as far as it needs: a word of printable
/// ASCII, the most common, is found a byte at a time and only lower-cased;
/// a word of [`plain`] characters is normalised as it is read; any other
/// goes through NFKC. A word longer than [`LONGEST_WORD`] is passed on whole,
/// as a term too long to match; a term is cut one character past
/// [`LONGEST_TEXT`] bytes (it cannot match anyway), and the rest of its
/// word is not normalised.
///
/// Splitting before normalising gives the same terms as normalising first:
/// NFKC maps white space to white space and never joins a character to the
/// one before it across white space (a unit test checks every character
/// that could). NFKC may split a word further (U+FDFA becomes four words).
fn each_term(query: &str, mut each: impl FnMut(&str) -> ControlFlow<()>) {
    let mut rest = query;
    let mut term = String::new();
    loop {
        let white = rest.chars().take_while(|c| c.is_whitespace());
        rest = rest
            .get(white.map(char::len_utf8).sum::<usize>()..)
            .unwrap_or("");
        // A word of printable ASCII, the most common, is found byte by
        // byte; any other is read once, building its comparison form.
        term.clear();
        let ascii = rest.bytes().take_while(u8::is_ascii_graphic).count();
        let after = rest.as_bytes().get(ascii);
        let is_ascii = ascii > 0 && after.is_none_or(|b| matches!(b, b'\t'..=b'\r' | b' '));
        let (end, is_plain) = match is_ascii {
            true => (ascii, true),
            false => read_word(rest, &mut term),
        };
        let word = rest.get(..end).unwrap_or("");
        rest = rest.get(end..).unwrap_or("");
        if word.is_empty() {
            return;
        }
        // Too long to read, or printable ASCII in lower case: the word is
        // its own term.
        let lower = || !word.bytes().any(|b| b.is_ascii_uppercase());
        let flow = if word.len() > LONGEST_WORD || (is_ascii && lower()) {
            each(word)
        } else if is_ascii {
            term.push_str(word);
            term.make_ascii_lowercase();
            each(&term)
        } else if is_plain {
            each(&term)
        } else {
            each_normalized_term(word, &mut term, &mut each)
        };
        if flow.is_break() {
            return;
        }
    }
}

/// Reads the word `text` starts with, up to white space: its byte length,
/// and whether it is made of [`plain`] characters, whose comparison form is
/// then in `term` (cut one character past [`LONGEST_TEXT`] bytes).
fn read_word(text: &str, term: &mut String) -> (usize, bool) {
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            return (at, true);
        }
        match plain(c) {
            Some(p) if term.len() <= LONGEST_TEXT => term.push(p.to_ascii_lowercase()),
            Some(_) => {}
            None => {
                let rest = text.get(at..).unwrap_or("");
                return (
                    at + rest.find(char::is_whitespace).unwrap_or(rest.len()),
                    false,
                );
            }
        }
    }
    (text.len(), true)
}

/// Calls `each` with the terms of `word` in comparison form (usually one),
/// built in `term`, until it breaks; see [`each_term`].
fn each_normalized_term(
    word: &str,
    term: &mut String,
    each: &mut impl FnMut(&str) -> ControlFlow<()>,
) -> ControlFlow<()> {
    term.clear();
    for c in crate::normalize::text_chars(word) {
        if c.is_whitespace() {
            each(term)?;
            term.clear();
        } else if term.len() <= LONGEST_TEXT {
            term.push(c);
        }
    }
    each(term)
}

/// A term's hash, to find it among [`Terms::keys`] without comparing it
/// with every term in: a multiplicative hash of its bytes, eight at a time,
/// and of its language. Terms whose keys collide are told apart by
/// comparing their bytes: a collision costs a comparison, never a wrong
/// answer.
fn key(term: &str, lang: Language) -> u64 {
    let mix =
        |hash: u64, word: u64| (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    let chunks = term.as_bytes().chunks_exact(8);
    let tail = chunks
        .remainder()
        .iter()
        .fold(0, |word, &b| word << 8 | u64::from(b));
    let words = chunks.map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()));
    mix(words.fold(lang as u64, mix), tail)
}

/// Whether `a` and `b` are the same bytes: the comparison inlined, as the
/// words and terms compared are short (`==` calls the C library's `memcmp`).
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The NFKC form of `c` whatever surrounds it, if that is one character
/// and `c` composes with nothing, so a word made of such characters is
/// normalised one character at a time (then only lower-cased): an ASCII
/// character, a kana, a CJK unified ideograph or Japanese punctuation
/// (each its own form), or a full-width ASCII character (`Ａ`, `２`: the
/// ASCII one), common in Japanese input and in English typed with a
/// Japanese keyboard.
fn plain(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        // CJK punctuation and brackets (、。々「」【】 …), hiragana without
        // the combining sound marks (U+3099, U+309A), katakana, the middle
        // dot and the prolonged sound mark, CJK Unified Ideographs.
        '\0'..='\x7f'
        | '\u{3001}'..='\u{3011}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FC}'
        | '\u{4E00}'..='\u{9FFF}' => Some(c),
        _ => None,
    }
}

/// Maps byte offsets in a text's normalised form back to the original.
///
/// The text is cut into segments that normalise independently: a segment
/// starts at each character whose full compatibility decomposition begins
/// with a starter that never composes with what precedes it (canonical
/// combining class 0 and NFKC quick check `Yes`, Unicode's "stable code
/// point" boundary). Voiced marks (`ﾞ`, which decomposes to the combining
/// U+3099) and other combining marks therefore stay with the character they
/// modify, and NFKC of the whole text is the concatenation of the segments'
/// NFKC.
struct OffsetMap {
    /// `(original offset, normalised offset)` at each segment start, then
    /// one entry for the end of the text.
    starts: Vec<(usize, usize)>,
}

impl OffsetMap {
    fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 2 + 2);
        let mut norm = 0;
        let mut seg = 0;
        for (i, c) in text.char_indices().skip(1) {
            if starts_segment(c) {
                starts.push((seg, norm));
                norm += normalized_len(text.get(seg..i).unwrap_or(""));
                seg = i;
            }
        }
        starts.push((seg, norm));
        norm += normalized_len(text.get(seg..).unwrap_or(""));
        starts.push((text.len(), norm));
        OffsetMap { starts }
    }

    /// The original byte range covering the normalised range `r`: from the
    /// start of the segment holding `r.start` to the end of the segment
    /// holding the last byte of `r`.
    fn original(&self, r: Range<usize>) -> Range<usize> {
        let first = self
            .starts
            .partition_point(|&(_, n)| n <= r.start)
            .saturating_sub(1);
        let last = self.starts.partition_point(|&(_, n)| n < r.end);
        let at = |k: usize| self.starts.get(k).or(self.starts.last()).map_or(0, |s| s.0);
        at(first)..at(last).max(at(first))
    }
}

/// Whether a normalisation segment may start at `c` (see [`OffsetMap`]).
fn starts_segment(c: char) -> bool {
    let mut first = None;
    decompose_compatible(c, |d| {
        first.get_or_insert(d);
    });
    let f = first.unwrap_or(c);
    canonical_combining_class(f) == 0 && is_nfkc_quick(std::iter::once(f)) == IsNormalized::Yes
}

/// The byte length of a text's normalised form (ASCII lower-casing keeps
/// lengths, so NFKC alone decides it).
fn normalized_len(text: &str) -> usize {
    text.nfkc().map(char::len_utf8).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_text;

    /// Cuts `text` where [`OffsetMap`] does and normalises each piece.
    fn pieces_normalized(text: &str) -> String {
        let map = OffsetMap::new(text);
        map.starts
            .windows(2)
            .map(|w| normalize_text(&text[w[0].0..w[1].0]))
            .collect()
    }

    #[test]
    fn segments_of_every_record_normalise_to_its_normalised_text() {
        for o in crate::opinions() {
            assert_eq!(
                pieces_normalized(o.text()),
                o.normalized_text(),
                "{}",
                o.id()
            );
        }
        for k in crate::key_opinions() {
            assert_eq!(
                pieces_normalized(k.text()),
                k.normalized_text(),
                "{}",
                k.id()
            );
        }
    }

    #[test]
    fn voiced_marks_stay_with_their_kana() {
        let text = "会議のｱﾄﾞﾊﾞｲｽ的";
        let map = OffsetMap::new(text);
        let norm = normalize_text(text);
        let at = norm.find("アドバイス").unwrap();
        let r = map.original(at..at + "アドバイス".len());
        assert_eq!(&text[r], "ｱﾄﾞﾊﾞｲｽ");
        // Only the ド: the half-width ﾄ and its voiced mark ﾞ together.
        let at = norm.find('ド').unwrap();
        assert_eq!(&text[map.original(at..at + 'ド'.len_utf8())], "ﾄﾞ");
    }

    #[test]
    fn a_match_inside_one_character_covers_the_character() {
        let text = "有限㍿です";
        let map = OffsetMap::new(text);
        let norm = normalize_text(text);
        let at = norm.find("会社").unwrap();
        assert_eq!(&text[map.original(at..at + "会社".len())], "㍿");
    }

    #[test]
    fn plain_characters_need_no_normalising() {
        let all = (0..=0x10FFFF).filter_map(char::from_u32);
        let mut wide = 0;
        for (c, p) in all.filter_map(|c| Some((c, plain(c)?))) {
            assert!(starts_segment(c), "{c:?}");
            assert!(
                starts_segment(p) && p.is_ascii() == (c.is_ascii() || c != p),
                "{c:?}"
            );
            assert_eq!(
                normalize_text(c.encode_utf8(&mut [0; 4])),
                p.to_ascii_lowercase().to_string(),
                "{c:?}"
            );
            wide += usize::from(c != p);
        }
        assert_eq!(wide, 94);
    }

    /// What lets [`each_term`] split at white space before normalising:
    /// white space starts a normalisation segment, normalises to white
    /// space, and nothing that could join the character before it does so
    /// after white space.
    #[test]
    fn white_space_never_joins_what_follows() {
        let all = || (0..=0x10FFFF).filter_map(char::from_u32);
        let joiners: Vec<char> = all().filter(|&c| !starts_segment(c)).collect();
        assert!(joiners.contains(&'\u{3099}') && joiners.contains(&'\u{ff9e}'));
        for w in all().filter(|c| c.is_whitespace()) {
            assert!(starts_segment(w), "{w:?}");
            let ws = normalize_text(&w.to_string());
            assert!(
                !ws.is_empty() && ws.chars().all(char::is_whitespace),
                "{w:?}"
            );
            for &c in &joiners {
                assert_eq!(
                    normalize_text(&format!("{w}{c}")),
                    format!("{ws}{}", normalize_text(&c.to_string())),
                    "{w:?} {c:?}"
                );
            }
        }
    }

    #[test]
    fn every_term_in_is_found_again_and_no_other() {
        // The first 1 to 31 bytes of an English text: all of them match it.
        let text = Language::English.comparison_text(0);
        let prefix = |n: usize| &text[..n];
        let mut terms = Terms::default();
        for n in 1..Query::MAX_TERMS {
            assert!(terms.add(prefix(n), Language::English).is_continue());
        }
        // Each again, in the other order: a repeat, which adds nothing.
        for n in (1..Query::MAX_TERMS).rev() {
            assert!(terms.add(prefix(n), Language::English).is_continue());
        }
        let in_english = terms.terms(Language::English);
        assert!(in_english.iter().map(|t| t.len()).eq(1..Query::MAX_TERMS));
        assert!(terms.allows(0) && !terms.ignored.past_limit);
        // The same bytes in the other language are another term.
        let _ = terms.add(prefix(1), Language::Japanese);
        assert_eq!(terms.terms(Language::Japanese), [prefix(1)]);
    }

    #[test]
    fn every_record_has_an_index() {
        let all = crate::opinions().iter().map(Record::Area);
        let all = all.chain(crate::key_opinions().iter().map(Record::Key));
        for (i, r) in all.enumerate() {
            assert_eq!(r.index(), i);
            assert_eq!(Record::at(i), Some(r));
            assert_eq!(Language::Japanese.comparison_text(i), r.normalized_text());
            let english = r.text_en().to_ascii_lowercase();
            assert_eq!(Language::English.comparison_text(i), english);
            // What lets English terms be normalised like Japanese ones
            // while the English texts are only lower-cased.
            assert_eq!(normalize_text(r.text_en()), english, "{}", r.id());
        }
        assert_eq!(Record::at(RECORDS), None);
        assert_eq!(RecordSet::ALL.len(), RECORDS);
    }

    proptest::proptest! {
        #[test]
        fn terms_are_the_words_of_the_normalised_query(query in proptest::prop_oneof![
            proptest::arbitrary::any::<String>(),
            "[a-zA-Z0-9 ０-９Ａ-Ｚａ-ｚ退院調整ｱ-ﾝア-ン\\u{3000}\\u{3099}\\u{ff9e}\\u{300}-\\u{36f}\\u{fdfa}\\u{a8}\\u{309b}]*",
            // Repeated words, and words around the length limit.
            "((退院|ICT|ｱﾄﾞﾊﾞｲｽ|の){1,120}[ 　]){0,6}",
        ]) {
            let mut got: Vec<String> = Vec::new();
            each_term(&query, |t| {
                got.push(t.to_string());
                ControlFlow::Continue(())
            });
            let normalized = normalize_text(&query);
            let expected: Vec<&str> = normalized.split(char::is_whitespace).collect();
            // Both in order of first occurrence, up to the first term too
            // long to match, which both must have at the same place.
            fn distinct(terms: Vec<&str>) -> Vec<&str> {
                let mut out: Vec<&str> = Vec::new();
                for t in terms.into_iter().filter(|t| !t.is_empty()) {
                    if !out.contains(&t) {
                        out.push(t);
                    }
                    if t.len() > LONGEST_TEXT {
                        break;
                    }
                }
                out
            }
            let got = distinct(got.iter().map(String::as_str).collect());
            let expected = distinct(expected);
            proptest::prop_assert_eq!(got.len(), expected.len());
            for (g, e) in got.iter().zip(&expected) {
                if e.len() > LONGEST_TEXT {
                    proptest::prop_assert!(g.len() > LONGEST_TEXT);
                } else {
                    proptest::prop_assert_eq!(g, e);
                }
            }
        }

        #[test]
        fn segments_normalise_like_the_whole(text in proptest::prop_oneof![
            proptest::arbitrary::any::<String>(),
            // Characters that compose with, or reorder around, their
            // neighbours: combining marks, voiced marks, jamo, Indic vowels.
            "[\\u{300}-\\u{36f}\\u{3099}\\u{309a}\\u{ff9e}\\u{ff9f}\\u{1100}-\\u{11ff}\\u{ac00}-\\u{ac10}a-eｱ-ﾝかはﾊ\\u{0b47}\\u{0b3e}\\u{0b57}\\u{0345}\\u{05b0}-\\u{05bd}]*",
        ]) {
            proptest::prop_assert_eq!(pieces_normalized(&text), normalize_text(&text));
        }
    }
}
