//! Width- and form-insensitive text search over the opinions; see
//! [`search`].

use crate::dataset::{OPINIONS, SEARCH_CORPUS, SEARCH_STARTS};
use crate::Opinion;
use memchr::memmem::Finder;
use std::ops::Range;
use unicode_normalization::char::{canonical_combining_class, decompose_compatible};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The area opinions whose text contains every term of `query`, after both
/// are normalised, in document order. Never panics.
///
/// # How texts are compared
///
/// Both sides are compared in the form [`Opinion::normalized_text`] gives:
/// Unicode NFKC, then ASCII lower case. NFKC folds full-width digits and
/// Latin letters (`２４`, `ＩＣＴ`), half-width katakana (`ｱﾄﾞﾊﾞｲｽ`, whose
/// voiced marks combine into `アドバイス`) and other compatibility forms into
/// their plain forms. The corpus is normalised once, at build time; at run
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
/// [`Query`](crate::Query) without [`text`](crate::Query::text) yields every
/// record its other filters allow.
///
/// # Cost
///
/// `search` normalises the query (only ASCII capitals need changing when the
/// NFKC quick check finds it in NFKC already, as most queries are) and
/// builds one substring searcher per term (the only allocations), then
/// makes a single pass over a corpus of every area opinion's normalised
/// text, concatenated at build time, jumping to the next opinion after each
/// hit. Results come lazily. It runs about as fast as a plain
/// `text().contains(q)` loop over [`opinions`](crate::opinions()), which
/// normalises nothing (see `benches/search.rs`).
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
    Search {
        terms: Terms::new(query),
        next: 0,
    }
}

/// Like [`search`], but each hit comes with the byte ranges of the matches
/// in the original [`Opinion::text`], to highlight them.
///
/// ```
/// let hit = zaitaku_opinions::search_hits("アドバイス").next().unwrap();
/// let [range] = hit.ranges() else { panic!("one match") };
/// assert_eq!(&hit.text()[range.clone()], "ｱﾄﾞﾊﾞｲｽ");
/// ```
pub fn search_hits(query: &str) -> impl Iterator<Item = Hit<&'static Opinion>> + Clone {
    let search = Search {
        terms: Terms::new(query),
        next: 0,
    };
    SearchHits { search }
}

/// A record that matched a text query, with where the terms matched.
///
/// `R` is `&'static Opinion` for [`search_hits`] and
/// [`Record`](crate::Record) for [`Query::hits`](crate::Query::hits).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<R> {
    record: R,
    text: &'static str,
    ranges: Vec<Range<usize>>,
}

impl<R: Copy> Hit<R> {
    /// The record.
    pub fn record(&self) -> R {
        self.record
    }

    /// The record's original text (what [`ranges`](Hit::ranges) index).
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
        let mut at = 0;
        let mut ranges = self.ranges.iter();
        let mut pending: Option<&Range<usize>> = None;
        std::iter::from_fn(move || loop {
            if let Some(r) = pending.take() {
                at = r.end;
                return Some((text.get(r.clone()).unwrap_or(""), true));
            }
            match ranges.next() {
                Some(r) => {
                    pending = Some(r);
                    if r.start > at {
                        let before = text.get(at..r.start).unwrap_or("");
                        return Some((before, false));
                    }
                }
                None if at < text.len() => {
                    let rest = text.get(at..).unwrap_or("");
                    at = text.len();
                    return Some((rest, false));
                }
                None => return None,
            }
        })
    }
}

impl<R: Copy> Hit<R> {
    pub(crate) fn new(record: R, text: &'static str, normalized: &str, terms: &Terms) -> Self {
        Hit {
            record,
            text,
            ranges: terms.ranges(text, normalized),
        }
    }
}

/// The normalised terms of a query, each with its searcher, built once.
#[derive(Debug, Clone, Default)]
pub(crate) struct Terms {
    /// Longest first: the likeliest to be rare, so it leads a corpus scan.
    finders: Vec<Finder<'static>>,
}

impl Terms {
    pub(crate) fn new(query: &str) -> Self {
        let mut terms = Terms::default();
        terms.push(query);
        terms
    }

    /// Adds the terms of `query`.
    pub(crate) fn push(&mut self, query: &str) {
        // Most queries are in NFKC already by the quick check (`退院`,
        // `24時間`, `ICT`): then only ASCII capitals need changing, and
        // running them through NFKC again would cost more than the search.
        if is_nfkc_quick(query.chars()) != IsNormalized::Yes {
            self.add(&crate::normalize::normalize_text(query));
        } else if query.bytes().any(|b| b.is_ascii_uppercase()) {
            self.add(&query.to_ascii_lowercase());
        } else {
            self.add(query);
        }
        self.finders
            .sort_by_key(|f| std::cmp::Reverse(f.needle().len()));
    }

    /// Adds the terms of a query already in comparison form.
    fn add(&mut self, normalized: &str) {
        for term in normalized.split(char::is_whitespace) {
            if !term.is_empty() {
                self.finders.push(Finder::new(term).into_owned());
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.finders.is_empty()
    }

    /// Whether a normalised text contains every term.
    pub(crate) fn matches(&self, normalized: &str) -> bool {
        self.finders
            .iter()
            .all(|f| f.find(normalized.as_bytes()).is_some())
    }

    /// The byte ranges in `text` (whose normalised form is `normalized`) of
    /// every term's matches, sorted, overlaps merged.
    fn ranges(&self, text: &str, normalized: &str) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = Vec::new();
        for f in &self.finders {
            let n = f.needle().len();
            found.extend(f.find_iter(normalized.as_bytes()).map(|at| at..at + n));
        }
        if found.is_empty() {
            return found;
        }
        found.sort_by_key(|r| (r.start, r.end));
        // Most texts are their own normal form (NFKC changes 24 of 204
        // records): their offsets need no mapping.
        let map = (text != normalized).then(|| OffsetMap::new(text));
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

/// The lazy iterator behind [`search`].
#[derive(Debug, Clone)]
struct Search {
    terms: Terms,
    /// The index of the first record not yet looked at.
    next: usize,
}

impl Iterator for Search {
    type Item = &'static Opinion;

    fn next(&mut self) -> Option<&'static Opinion> {
        let Some((lead, rest)) = self.terms.finders.split_first() else {
            let o = OPINIONS.get(self.next)?;
            self.next += 1;
            return Some(o);
        };
        loop {
            let from = *SEARCH_STARTS.get(self.next)?;
            let at = from + lead.find(SEARCH_CORPUS.as_bytes().get(from..)?)?;
            // The record whose text holds byte `at`; matches never contain
            // the separator, so they never run into the next record.
            let i = SEARCH_STARTS
                .partition_point(|&s| s <= at)
                .saturating_sub(1);
            self.next = i + 1;
            let o = OPINIONS.get(i)?;
            if rest
                .iter()
                .all(|f| f.find(o.normalized_text().as_bytes()).is_some())
            {
                return Some(o);
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = OPINIONS.len().saturating_sub(self.next);
        if self.terms.is_empty() {
            (left, Some(left))
        } else {
            (0, Some(left))
        }
    }
}

/// The lazy iterator behind [`search_hits`].
#[derive(Debug, Clone)]
struct SearchHits {
    search: Search,
}

impl Iterator for SearchHits {
    type Item = Hit<&'static Opinion>;

    fn next(&mut self) -> Option<Self::Item> {
        let o = self.search.next()?;
        Some(Hit::new(
            o,
            o.text(),
            o.normalized_text(),
            &self.search.terms,
        ))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.search.size_hint()
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

    proptest::proptest! {
        #[test]
        fn fast_paths_normalise_like_nfkc(query in proptest::prop_oneof![
            proptest::arbitrary::any::<String>(),
            "[a-zA-Z0-9 ０-９Ａ-Ｚａ-ｚ退院調整ｱ-ﾝア-ン\\u{3000}\\u{3099}\\u{ff9e}\\u{300}-\\u{36f}]*",
        ]) {
            let terms = Terms::new(&query);
            let mut got: Vec<&[u8]> = terms.finders.iter().map(|f| f.needle()).collect();
            let normalized = normalize_text(&query);
            let mut expected: Vec<&[u8]> = normalized
                .split(char::is_whitespace)
                .filter(|t| !t.is_empty())
                .map(str::as_bytes)
                .collect();
            got.sort();
            expected.sort();
            proptest::prop_assert_eq!(got, expected);
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
