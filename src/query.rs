//! A query over both kinds of record: filters by theme, region, category and
//! kind, plus text terms, iterated lazily.

use crate::dataset::{KEY_OPINIONS, OPINIONS};
use crate::record::bit16;
use crate::search::{Hit, Ignored, Language, Terms};
use crate::{Category, Point, Record, RecordKind, Region, Theme};
use std::borrow::Cow;
use std::fmt;

/// A query over area and key opinions: filters by theme, region, category,
/// kind and [point](Query::point), and text terms matched as in [`search`](crate::search)
/// (or, with [`text_en`](Query::text_en), in the English translation).
///
/// Each filter method adds to a set: calling [`region`](Query::region)
/// twice asks for either region, and so on. A record matches when it passes
/// every filter that was set (one of the given themes, **and** one of the
/// given regions, **and** …); a filter never set lets everything through,
/// so `Query::new()` yields every record. Text terms from every
/// [`text`](Query::text) call must all match; a text that is empty or only
/// white space adds no term.
///
/// **Key opinions and regions**: a key opinion has no area of its own. A
/// region filter keeps a key opinion when one of the area opinions it was
/// taken from ([`KeyOpinion::taken_from`](crate::KeyOpinion::taken_from)) is from one of the regions; see
/// [`Record::regions`].
///
/// [`iter`](Query::iter) yields [`Record`]s lazily in document order (per
/// theme: its key opinions, then its area opinions in area order) and
/// allocates nothing: the only allocations are the normalised text terms,
/// made once by [`text`](Query::text). The sets are bit masks.
///
/// ```
/// use zaitaku_opinions::{Category, Query, Region, Theme};
///
/// let q = Query::new()
///     .theme(Theme::HospitalCollaboration)
///     .category(Category::AdmissionDischarge)
///     .text("退院");
/// for r in q.iter() {
///     assert_eq!(r.theme(), Theme::HospitalCollaboration);
///     assert_eq!(r.category(), Category::AdmissionDischarge);
///     assert!(r.normalized_text().contains("退院"));
/// }
/// assert!(q.iter().count() > 0);
///
/// // Key opinions only, taken from two areas' opinions.
/// let keys = Query::new().key_only().region(Region::KuSeibu).region(Region::Nishitama);
/// assert!(keys.iter().all(|r| r.regions().any(|g| g == Region::KuSeibu || g == Region::Nishitama)));
/// ```
#[derive(Clone, Default)]
pub struct Query {
    themes: u8,
    regions: u16,
    categories: u16,
    kinds: u8,
    points: u128,
    terms: Terms,
}

impl Query {
    /// The most distinct text terms a query uses; see [`text`](Query::text).
    pub const MAX_TERMS: usize = 32;

    /// The most bytes of one text that [`text`](Query::text) and
    /// [`text_en`](Query::text_en) read: 64 KiB. Of a longer text only the
    /// first 64 KiB are read (cut at a character boundary, and before a
    /// word the cut would split), and [`Ignored::past_max_text`] says so.
    pub const MAX_TEXT_BYTES: usize = 64 * 1024;

    /// A query that matches every record.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps records of `theme` (or of another theme given).
    #[must_use]
    pub fn theme(mut self, theme: Theme) -> Self {
        self.themes |= 1 << theme as usize;
        self
    }

    /// Keeps records of `region` (or of another region given); a key
    /// opinion is kept when one it was taken from is.
    #[must_use]
    pub fn region(mut self, region: Region) -> Self {
        self.regions |= bit16(region as usize);
        self
    }

    /// [`region`](Query::region) for each of `regions`.
    #[must_use]
    pub fn regions(self, regions: impl IntoIterator<Item = Region>) -> Self {
        regions.into_iter().fold(self, Query::region)
    }

    /// Keeps records under `category` (or another category given).
    #[must_use]
    pub fn category(mut self, category: Category) -> Self {
        self.categories |= bit16(category as usize);
        self
    }

    /// [`category`](Query::category) for each of `categories`.
    #[must_use]
    pub fn categories(self, categories: impl IntoIterator<Item = Category>) -> Self {
        categories.into_iter().fold(self, Query::category)
    }

    /// Keeps records about `point` (or another point given): the area
    /// opinions tagged with it, and the key opinions taken from one (see
    /// [`Record::points`]; the points are this crate's reading, see
    /// [`Point`]).
    ///
    /// ```
    /// use zaitaku_opinions::{Point, Query};
    ///
    /// let p: Point = "face-to-face-meetings".parse()?;
    /// let q = Query::new().area_only().point(&p);
    /// assert!(q.iter().eq(p.opinions().map(zaitaku_opinions::Record::from)));
    /// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
    /// ```
    #[must_use]
    pub fn point(mut self, point: &Point) -> Self {
        self.points |= point.bit();
        self
    }

    /// [`point`](Query::point) for each of `points`.
    #[must_use]
    pub fn points<'a>(self, points: impl IntoIterator<Item = &'a Point>) -> Self {
        points.into_iter().fold(self, Query::point)
    }

    /// Keeps records of `kind` (or of the other kind, if also given).
    #[must_use]
    pub fn kind(mut self, kind: RecordKind) -> Self {
        self.kinds |= 1 << kind as usize;
        self
    }

    /// Area opinions only: `kind(RecordKind::Area)`.
    #[must_use]
    pub fn area_only(self) -> Self {
        self.kind(RecordKind::Area)
    }

    /// Key opinions only: `kind(RecordKind::Key)`.
    #[must_use]
    pub fn key_only(self) -> Self {
        self.kind(RecordKind::Key)
    }

    /// Keeps records whose text contains every white-space-separated term
    /// of `text`, after normalisation, as [`search`](crate::search) does.
    /// Terms add up over calls.
    ///
    /// # Cost and limits
    ///
    /// Only the first [`MAX_TEXT_BYTES`](Query::MAX_TEXT_BYTES) (64 KiB) of
    /// `text` are read, cut at a character boundary and before a word the
    /// cut would split: a term after them is ignored, and
    /// [`ignored`](Query::ignored) reports the cut
    /// ([`Ignored::past_max_text`]). A search box holds far less; the limit
    /// keeps the cost of any text bounded.
    ///
    /// Whatever `text` is, this call costs time linear in the part read
    /// (at most 64 KiB) and a few kilobytes of memory, and it is the only
    /// step that allocates.
    /// Each term is normalised on its own as it is read (never the whole
    /// text at once) and narrows, at once, the set of records that contain
    /// every term so far; iterating then only tests membership. So:
    ///
    /// - a term that repeats an earlier one adds nothing;
    /// - a term longer than the longest record's normalised text (a few
    ///   hundred bytes) cannot match: the query then matches nothing. So
    ///   does a word of more than 1 KiB as typed (1,024 bytes between white
    ///   space), which is not even normalised: NFKC never makes a text less
    ///   than a third as long, and no Japanese text is 300 bytes long (an
    ///   English word of 1 KiB is no word); [`ignored`](Query::ignored)
    ///   reports it;
    /// - as soon as no record contains every term so far, the query
    ///   matches nothing and the rest of `text` (and of later calls) is not
    ///   read;
    /// - only the first [`MAX_TERMS`](Query::MAX_TERMS) (32) distinct terms
    ///   count, [`text_en`](Query::text_en)'s included: the first term
    ///   after them, in this call or a later one, and everything after it
    ///   are ignored (not read, not matched, not highlighted), so the query
    ///   matches every record that contains the first 32. No one types 32
    ///   words into a search box; a pasted paragraph finds its record by
    ///   its first 32 words. [`ignored`](Query::ignored) tells when a term
    ///   was left out, a word was too long or the text was cut, so that a
    ///   user interface can say so (past the limit, reading stops at the
    ///   first term left out).
    ///
    /// ```
    /// use zaitaku_opinions::Query;
    ///
    /// // 1 MB of one word: only its first 64 KiB are read.
    /// let q = Query::new().text(&"退院 ".repeat(200_000));
    /// assert_eq!(q.iter().count(), Query::new().text("退院").iter().count());
    /// assert!(q.ignored().past_max_text);
    /// ```
    #[must_use]
    pub fn text(mut self, text: &str) -> Self {
        self.terms.push(text, Language::Japanese);
        self
    }

    /// Keeps records whose English text ([`Record::text_en`]) contains
    /// every white-space-separated term of `text`, ignoring ASCII case.
    /// The English is **this crate's authors' unofficial translation**, not
    /// 東京都's: a term finds the records whose translation uses it, and
    /// the Japanese [`text`](Record::text) is what the areas said.
    ///
    /// The terms are read exactly as [`text`](Query::text) reads them, with
    /// the same limits and cost, and count together with its terms (a
    /// record must contain every Japanese term in its Japanese text and
    /// every English term in its English text; 32 distinct terms in all).
    /// White space separates terms, so `home care` is two terms, both
    /// required, in any order: there are no phrases, as in the Japanese
    /// search. The exact rule, for a front end that does the same:
    ///
    /// 0. Only the first [`MAX_TEXT_BYTES`](Query::MAX_TEXT_BYTES) (65,536)
    ///    bytes of a longer text are read, cut back to a character
    ///    boundary, then to the start of the word the cut splits unless
    ///    that word is over 1,024 bytes (see [`Ignored`]).
    /// 1. The query is cut at Unicode `White_Space` (Rust's
    ///    `char::is_whitespace`: U+0009–U+000D, U+0020, U+0085, U+00A0,
    ///    U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000)
    ///    into words; empty words are dropped.
    /// 2. A word of more than 1,024 bytes of UTF-8 makes the query match
    ///    nothing (see [`Ignored`]).
    /// 3. Each other word is put into comparison form: Unicode NFKC, then
    ///    `A`–`Z` to `a`–`z` (no other case folding). NFKC may cut it
    ///    further at white space it produces. Full-width `ＤＩＳＣＨＡＲＧＥ`
    ///    thus finds `discharge`; `é` and `É` stay apart.
    /// 4. A term equal to one already in (from any call, in the same
    ///    language) is dropped. The first 32 distinct terms count; the
    ///    33rd and everything after it are ignored
    ///    (see [`Ignored`]).
    /// 5. A record matches when its English text, with `A`–`Z` lowered to
    ///    `a`–`z`, contains every term as a substring (`care` also finds
    ///    `careful`). The translation is its own NFKC form (a test checks
    ///    it), so nothing else is normalised on that side.
    /// 6. Each [`Hit`] of a query given English text (even blank) is on
    ///    [`Record::text_en`]: [`Hit::text`] is the English text and the
    ///    ranges are every non-overlapping occurrence of each English term
    ///    in it, searched from the left, sorted, overlapping ranges merged.
    ///    Lowering `A`–`Z` keeps offsets, so a range slices the original.
    ///
    /// ```
    /// use zaitaku_opinions::Query;
    ///
    /// let q = Query::new().area_only().text_en("Discharge CONFERENCE");
    /// for hit in q.hits() {
    ///     assert_eq!(hit.text(), hit.record().text_en());
    ///     let lower = hit.text().to_ascii_lowercase();
    ///     assert!(lower.contains("discharge") && lower.contains("conference"));
    ///     for r in hit.ranges() {
    ///         let found = hit.text()[r.clone()].to_ascii_lowercase();
    ///         assert!(found == "discharge" || found == "conference");
    ///     }
    /// }
    /// assert!(q.iter().count() > 0);
    /// ```
    #[must_use]
    pub fn text_en(mut self, text: &str) -> Self {
        self.terms.push(text, Language::English);
        self
    }

    /// What the text terms left out: a term past
    /// [`MAX_TERMS`](Query::MAX_TERMS), a word too long to read, the part
    /// of a text past [`MAX_TEXT_BYTES`](Query::MAX_TEXT_BYTES). See
    /// [`Ignored`].
    pub fn ignored(&self) -> Ignored {
        self.terms.ignored
    }

    /// Whether `record` passes every filter.
    ///
    /// ```
    /// use zaitaku_opinions::{Query, Record, Theme};
    ///
    /// let o = zaitaku_opinions::opinion!("t2-kuseibu-04");
    /// assert!(Query::new().theme(Theme::HospitalCollaboration).matches(Record::from(o)));
    /// assert!(!Query::new().theme(Theme::LocalSituation).matches(Record::from(o)));
    /// ```
    pub fn matches(&self, record: Record) -> bool {
        self.matches_index(record.index())
    }

    /// Whether the record whose index is `i` (see `Record::index`) passes
    /// every filter; the text first: one flag, and the most selective.
    fn matches_index(&self, i: usize) -> bool {
        self.terms.allows(i)
            && Record::at(i).is_some_and(|record| {
                passes(self.themes.into(), || 1 << record.theme() as usize)
                    && passes(self.kinds.into(), || 1 << record.kind() as usize)
                    && passes(self.categories.into(), || 1 << record.category() as usize)
                    && passes(self.regions.into(), || record.region_mask().into())
                    && passes(self.points, || record.point_mask())
            })
    }

    /// The matching records, lazily, in document order. Allocates nothing.
    pub fn iter(&self) -> QueryIter<'_> {
        QueryIter {
            query: Cow::Borrowed(self),
            area: 0,
            key: 0,
        }
    }

    /// The matching records with the byte ranges of the text terms' matches
    /// in each record's original text (see [`Hit::ranges`]); each hit
    /// allocates its ranges.
    ///
    /// ```
    /// use zaitaku_opinions::{Query, RecordKind};
    ///
    /// for hit in Query::new().kind(RecordKind::Key).text("ICT").hits() {
    ///     for r in hit.ranges() {
    ///         assert_eq!(&hit.text()[r.clone()], "ＩＣＴ");
    ///     }
    /// }
    /// ```
    pub fn hits(&self) -> impl Iterator<Item = Hit<Record>> + '_ {
        self.iter().hits()
    }
}

impl fmt::Debug for Query {
    /// The filters as set, each a list of values (empty: not set), and the
    /// text terms as normalised.
    ///
    /// ```
    /// use zaitaku_opinions::{Query, Theme};
    ///
    /// let q = Query::new().theme(Theme::HospitalCollaboration).text("ＩＣＴ　活用");
    /// assert!(format!("{q:?}").starts_with(
    ///     "Query { themes: [HospitalCollaboration], regions: [], categories: [], \
    ///      kinds: [], text: [\"ict\", \"活用\"], text_en: [], text_matches: "
    /// ));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// The values whose bit is set in `mask`.
        fn members<T>(mask: u16, all: &[T]) -> Vec<&T> {
            let set = all
                .iter()
                .enumerate()
                .filter(|&(i, _)| mask & bit16(i) != 0);
            set.map(|(_, v)| v).collect()
        }
        f.debug_struct("Query")
            .field("themes", &members(self.themes.into(), &Theme::ALL))
            .field("regions", &members(self.regions, &Region::ALL))
            .field("categories", &members(self.categories, &Category::ALL))
            .field("kinds", &members(self.kinds.into(), &RecordKind::ALL))
            .field("text", &self.terms.terms(Language::Japanese))
            .field("text_en", &self.terms.terms(Language::English))
            .field("text_matches", &self.terms.matching_records())
            .field("points", &crate::point::Ids(self.points))
            .finish()
    }
}

/// Whether a record whose values are the bits of `values()` passes a
/// filter that keeps the values whose bits are set in `filter` (all, if
/// none is; `values` is then not called).
fn passes(filter: u128, values: impl FnOnce() -> u128) -> bool {
    filter == 0 || filter & values() != 0
}

/// The records a [`Query`] matches, borrowing or owning the query; see
/// [`Query::iter`].
///
/// ```
/// use zaitaku_opinions::{Query, QueryIter, RecordKind, Theme};
///
/// let q = Query::new().theme(Theme::LocalSituation).kind(RecordKind::Key);
/// let borrowed: QueryIter<'_> = q.iter();
/// assert_eq!(borrowed.count(), 29);
/// // An owned iterator outlives its query, e.g. to be returned.
/// fn keys() -> QueryIter<'static> {
///     Query::new().kind(RecordKind::Key).into_iter()
/// }
/// assert_eq!(keys().count(), 54);
/// ```
#[derive(Debug, Clone)]
pub struct QueryIter<'q> {
    query: Cow<'q, Query>,
    /// The next area opinion to consider, in `OPINIONS`.
    area: usize,
    /// The next key opinion to consider, in `KEY_OPINIONS`.
    key: usize,
}

impl<'q> QueryIter<'q> {
    /// The remaining records as [`Hit`]s (see [`Query::hits`]).
    pub(crate) fn hits(mut self) -> impl Iterator<Item = Hit<Record>> + Clone + 'q {
        std::iter::from_fn(move || {
            let record = self.next()?;
            Some(self.query.terms.hit(record))
        })
    }
}

impl Iterator for QueryIter<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let n = OPINIONS.len();
        loop {
            // The next records of each table whose text matches; each table
            // is in document order: take whichever comes first in the document.
            self.area = self.query.terms.next_match(self.area, n);
            self.key = self
                .query
                .terms
                .next_match(n + self.key, n + KEY_OPINIONS.len())
                - n;
            let key_first = match (OPINIONS.get(self.area), KEY_OPINIONS.get(self.key)) {
                (None, None) => return None,
                (Some(o), Some(k)) => k.lines() < o.lines(),
                (area, _) => area.is_none(),
            };
            let i = if key_first {
                self.key += 1;
                n + self.key - 1
            } else {
                self.area += 1;
                self.area - 1
            };
            if self.query.matches_index(i) {
                return Record::at(i);
            }
        }
    }
}

impl std::iter::FusedIterator for QueryIter<'_> {}

impl IntoIterator for Query {
    type Item = Record;
    type IntoIter = QueryIter<'static>;

    fn into_iter(self) -> QueryIter<'static> {
        QueryIter {
            query: Cow::Owned(self),
            area: 0,
            key: 0,
        }
    }
}

impl<'q> IntoIterator for &'q Query {
    type Item = Record;
    type IntoIter = QueryIter<'q>;

    fn into_iter(self) -> QueryIter<'q> {
        self.iter()
    }
}
