//! The records: area opinions and key opinions.

use crate::dataset::NORMALIZED;
use crate::{Category, KeyOpinionId, OpinionId, Region, Theme};
use std::fmt;

/// The lines of the data file a record was read from (1-based, inclusive).
///
/// ```
/// let o = zaitaku_opinions::opinion!("t1-kuchuobu-01");
/// assert_eq!((o.lines().first(), o.lines().last()), (71, 72));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LineSpan {
    pub(crate) first: u32,
    pub(crate) last: u32,
}

impl LineSpan {
    /// The first line (1-based).
    pub const fn first(self) -> u32 {
        self.first
    }

    /// The last line (1-based, inclusive).
    pub const fn last(self) -> u32 {
        self.last
    }

    /// How many lines the record was wrapped over.
    pub const fn len(self) -> u32 {
        self.last - self.first + 1
    }

    /// Always `false`: a record has at least one line.
    pub const fn is_empty(self) -> bool {
        false
    }
}

/// An opinion an area (二次保健医療圏) gave on a theme, under a category.
///
/// ```
/// use zaitaku_opinions::{Category, Region, Theme};
///
/// let o = zaitaku_opinions::opinion!("t1-kitatamananbu-03");
/// assert_eq!(o.region(), Region::KitatamaNanbu);
/// assert_eq!(o.theme(), Theme::LocalSituation);
/// assert_eq!(o.category(), Category::TwentyFourHourCare);
/// assert!(o.text().starts_with("24時間体制を支援する取組"));
/// assert_eq!(o.to_string(), format!("t1-kitatamananbu-03: {}", o.text()));
///
/// // Records are `Eq`, `Hash` and `Ord` (document order), by id.
/// let set: std::collections::BTreeSet<_> = zaitaku_opinions::opinions().iter().rev().collect();
/// assert_eq!(set.first().unwrap().id().to_string(), "t1-kuchuobu-01");
/// ```
pub struct Opinion {
    pub(crate) id: OpinionId,
    pub(crate) category: Category,
    pub(crate) text: &'static str,
    pub(crate) lines: LineSpan,
    pub(crate) similar: &'static [Similar],
}

impl Opinion {
    /// The stable id, e.g. `t1-kuchuobu-03`.
    pub const fn id(&self) -> OpinionId {
        self.id
    }

    /// The theme it was given on.
    pub const fn theme(&self) -> Theme {
        self.id.theme
    }

    /// The area that gave it.
    pub const fn region(&self) -> Region {
        self.id.region
    }

    /// The category heading it stands under.
    pub const fn category(&self) -> Category {
        self.category
    }

    /// The text, verbatim: wrapped lines joined with no space, bullet
    /// (`○`/`〇`) removed, nothing else changed.
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// The text in English: an **unofficial translation by this crate's
    /// authors, not by 東京都**. The Japanese [`text`](Self::text) is the
    /// source; quote it where the wording matters. Recurring terms have one
    /// rendering throughout (`data/glossary.tsv`: 在宅医療 is always "home
    /// medical care", 連携 "collaboration"). [`search`](crate::search) and
    /// [`Query::text`](crate::Query::text) match the Japanese text;
    /// [`search_en`](crate::search_en) and
    /// [`Query::text_en`](crate::Query::text_en) match this one.
    ///
    /// ```
    /// let o = zaitaku_opinions::opinion!("t1-kuchuobu-06");
    /// assert!(o.text().contains("在宅医療"));
    /// assert!(o.text_en().contains("home medical care"));
    /// // Search is on the Japanese; search_en on the English.
    /// assert!(zaitaku_opinions::search("home medical care").next().is_none());
    /// assert!(zaitaku_opinions::search_en("home medical care").any(|p| p == o));
    /// ```
    pub fn text_en(&self) -> &'static str {
        crate::dataset::english::OPINION_TEXT_EN[self.id.index()]
    }

    /// The text in comparison form (NFKC, ASCII lower case), computed at
    /// build time; what [`search`](crate::search) matches against.
    pub const fn normalized_text(&self) -> &'static str {
        normalized_text(self.index(), self.text)
    }

    /// Its [`Record::index`](crate::Record::index): its place in `OPINIONS`.
    pub(crate) const fn index(&self) -> usize {
        self.id.index()
    }

    /// The lines of the data file it was read from.
    pub const fn lines(&self) -> LineSpan {
        self.lines
    }

    /// The key opinions (主な意見) that quote it (those it is
    /// [taken from](KeyOpinion::taken_from)), in document order.
    ///
    /// ```
    /// let o = zaitaku_opinions::opinion!("t1-kuchuobu-05");
    /// assert_eq!(o.key_opinions().next().unwrap().id().to_string(), "t1-key-03-02");
    /// ```
    pub fn key_opinions(&self) -> impl Iterator<Item = &'static KeyOpinion> + Clone {
        let id = self.id;
        let keys = self.theme().key_opinions().iter();
        keys.filter(move |k| k.taken_from.iter().any(|o| o.id == id))
    }

    /// Opinions of other areas (either theme) that make the same point:
    /// those that share at least one of its [`points`](Opinion::points),
    /// computed at build time. Ranked by the number of points shared (most
    /// first), then by [`Similar::score`], the textual similarity (higher
    /// first), then in document order.
    ///
    /// It follows from the points (this crate's reading, see
    /// [`Point`](crate::Point)) only: two texts that share wording but no
    /// point are not similar, and an opinion whose points no other area
    /// raised has no similar opinions, rather than wrong ones. On a set of
    /// cross-area pairs labelled by independent readers
    /// (`tests/fixtures/similar-judgements.tsv`), 94% of the pairs it
    /// returns make the same point, and it returns 99% of the pairs that do
    /// (`tests/build/similar_judgements.rs`).
    ///
    /// ```
    /// let o = zaitaku_opinions::opinion!("t1-kuseinanbu-04");
    /// for s in o.similar() {
    ///     assert_ne!(s.opinion().region(), o.region());
    ///     assert!(s.shared_points().len() >= 1);
    ///     for p in s.shared_points() {
    ///         assert!(o.points().any(|q| q == p) && s.opinion().points().any(|q| q == p));
    ///     }
    /// }
    /// let shared: Vec<usize> = o.similar().iter().map(|s| s.shared_points().len()).collect();
    /// assert!(shared.windows(2).all(|w| w[0] >= w[1]));
    /// ```
    pub const fn similar(&self) -> &'static [Similar] {
        self.similar
    }
}

/// An opinion of another area that makes the same point as another one;
/// see [`Opinion::similar`].
///
/// ```
/// let o = zaitaku_opinions::opinion!("t1-kuseinanbu-04");
/// let first = &o.similar()[0];
/// assert_ne!(first.opinion().region(), o.region());
/// assert!(first.shared_points().len() >= 1);
/// assert!((0.0..=1.0).contains(&first.score()));
/// ```
///
/// Two are equal when they name the same opinion (opinions compare by id)
/// with the same shared points and score.
#[derive(PartialEq)]
pub struct Similar {
    pub(crate) opinion: &'static Opinion,
    /// Indices into `POINTS`.
    pub(crate) shared: &'static [u8],
    pub(crate) score: f32,
}

impl Similar {
    /// The similar opinion.
    pub const fn opinion(&self) -> &'static Opinion {
        self.opinion
    }

    /// The points the two opinions share (at least one), in the order of
    /// the first opinion's [`points`](Opinion::points). More shared points
    /// rank first.
    pub fn shared_points(&self) -> crate::PointIter {
        crate::PointIter::new(self.shared)
    }

    /// How alike the two texts are, from 0.0 to 1.0: the Dice coefficient
    /// of their character-bigram multisets after NFKC. It only orders
    /// opinions that share as many points; it never makes an opinion
    /// similar.
    pub const fn score(&self) -> f32 {
        self.score
    }
}

crate::closed_set::closed_set! {
/// How a key opinion was matched to the area opinion(s) it was taken from.
///
/// ```
/// use zaitaku_opinions::{key_opinions, MatchKind};
///
/// let merged: Vec<_> = key_opinions().iter().filter(|k| k.match_kind() == MatchKind::Merged).collect();
/// assert_eq!(merged.len(), 1);
/// assert_eq!(merged[0].taken_from().len(), 3);
/// assert_eq!(MatchKind::WidthInsensitive.to_string(), "width-insensitive");
/// assert!(MatchKind::Exact < MatchKind::Merged);
/// ```
pub enum MatchKind ("match kind", SlugNames, MATCH_KINDS) {
    canonical: slug, display: slug, slug: slug,
    /// Identical text.
    Exact,
    /// Identical after NFKC normalisation (e.g. `ＩＣＴ` vs `ICT`).
    WidthInsensitive,
    /// Several area opinions merged into one sentence; the first one it was
    /// taken from is the main one (highest similarity, at least 0.6), the
    /// others are area opinions of the same category with a similarity of
    /// at least 0.3.
    Merged,
}

/// Looks a name up: the slug or the variant name, compared as
/// [`Region::from_name`] compares names.
fn from_name;
}

impl MatchKind {
    /// An ASCII slug: `exact`, `width-insensitive` or `merged`.
    pub const fn slug(self) -> &'static str {
        self.row().slug
    }
}

/// A key opinion (主な意見) selected for a theme, with the area opinion(s)
/// it was taken from.
///
/// ```
/// use zaitaku_opinions::{Category, MatchKind, Region};
///
/// let k = zaitaku_opinions::key_opinion!("t1-key-01-01");
/// assert_eq!(k.category(), Category::MedicalResources);
/// assert_eq!(k.match_kind(), MatchKind::Exact);
/// assert_eq!(k.taken_from()[0].region(), Region::KuTobu);
/// assert_eq!(k.text(), k.taken_from()[0].text());
/// ```
pub struct KeyOpinion {
    pub(crate) id: KeyOpinionId,
    pub(crate) category: Category,
    pub(crate) text: &'static str,
    pub(crate) lines: LineSpan,
    pub(crate) taken_from: &'static [&'static crate::Opinion],
    pub(crate) match_kind: MatchKind,
}

impl KeyOpinion {
    /// The stable id, e.g. `t1-key-05-02`.
    pub const fn id(&self) -> KeyOpinionId {
        self.id
    }

    /// The theme.
    pub const fn theme(&self) -> Theme {
        self.id.theme
    }

    /// The category of its group (a row of the original table), derived at
    /// build time from the majority category of the area opinions the
    /// group's opinions were mainly taken from. A key opinion may so stand in
    /// another category than the area opinion it was taken from:
    /// `t1-key-05-01` is in the 24時間診療体制 group although the area
    /// opinion it was taken from is filed under 医療資源等.
    ///
    /// ```
    /// use zaitaku_opinions::Category;
    ///
    /// let k = zaitaku_opinions::key_opinion!("t1-key-05-01");
    /// assert_eq!(k.category(), Category::TwentyFourHourCare);
    /// assert_eq!(k.taken_mainly_from().category(), Category::MedicalResources);
    /// ```
    pub const fn category(&self) -> Category {
        self.category
    }

    /// The text, verbatim (lines joined, bullet removed).
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// The text in English: an **unofficial translation by this crate's
    /// authors, not by 東京都**; the Japanese [`text`](Self::text) is the
    /// source. A key opinion whose Japanese is that of the area opinion it
    /// was taken from (exactly or but for character width) has that
    /// opinion's English, word for word; the merged one is translated as
    /// itself. [`Query::text`](crate::Query::text) matches the Japanese
    /// text, [`Query::text_en`](crate::Query::text_en) this one.
    ///
    /// ```
    /// use zaitaku_opinions::MatchKind;
    ///
    /// let k = zaitaku_opinions::key_opinion!("t1-key-04-02");
    /// assert_eq!(k.match_kind(), MatchKind::WidthInsensitive); // ＩＣＴ / ICT
    /// assert_eq!(k.text_en(), k.taken_mainly_from().text_en());
    /// assert!(k.text_en().contains("ICT"));
    /// ```
    pub fn text_en(&self) -> &'static str {
        crate::dataset::english::KEY_OPINION_TEXT_EN[self.id.index()]
    }

    /// The text in comparison form (NFKC, ASCII lower case).
    pub const fn normalized_text(&self) -> &'static str {
        normalized_text(self.index(), self.text)
    }

    /// Its [`Record::index`](crate::Record::index): after every area
    /// opinion's.
    pub(crate) const fn index(&self) -> usize {
        crate::dataset::OPINIONS.len() + self.id.index()
    }

    /// The lines of the data file it was read from.
    pub const fn lines(&self) -> LineSpan {
        self.lines
    }

    /// The area opinion(s) it was taken from, the one it was mainly taken
    /// from first.
    pub const fn taken_from(&self) -> &'static [&'static crate::Opinion] {
        self.taken_from
    }

    /// The area opinion it was mainly taken from: `taken_from()[0]`.
    pub const fn taken_mainly_from(&self) -> &'static crate::Opinion {
        self.taken_from[0]
    }

    /// How it was matched to the area opinion(s) it was taken from.
    pub const fn match_kind(&self) -> MatchKind {
        self.match_kind
    }
}

/// The comparison form of the record whose index is `i` (see
/// `Record::index`) and whose text is `text`: stored in `NORMALIZED` where
/// it is not the text itself.
const fn normalized_text(i: usize, text: &'static str) -> &'static str {
    let mut k = 0;
    while k < NORMALIZED.len() {
        if NORMALIZED[k].0 == i {
            return NORMALIZED[k].1;
        }
        k += 1;
    }
    text
}

// The records link to each other (an opinion to the key opinions quoting it
// and back, similar opinions both ways), so derived `Debug`, `PartialEq`
// and `Hash` would follow the links round a cycle until the stack
// overflows. Links are shown and compared by id instead; an id names one
// record of the static dataset, so equal ids mean the same record, and ids
// sort in document order.

/// An id shown as its string (`t1-kuchuobu-03`), for `Debug`.
struct Id<T>(T);

impl<T: fmt::Display> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Ids of linked records, for `Debug`.
fn ids<T>(ids: impl Iterator<Item = T>) -> Vec<Id<T>> {
    ids.map(Id).collect()
}

impl fmt::Debug for Opinion {
    /// What the accessors show, with linked records as ids.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Opinion")
            .field("id", &Id(self.id))
            .field("category", &self.category)
            .field("text", &self.text)
            .field("lines", &self.lines)
            .field("key_opinions", &ids(self.key_opinions().map(|k| k.id)))
            .field("similar", &self.similar)
            .finish()
    }
}

impl fmt::Debug for KeyOpinion {
    /// What the accessors show, with linked records as ids.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyOpinion")
            .field("id", &Id(self.id))
            .field("category", &self.category)
            .field("text", &self.text)
            .field("lines", &self.lines)
            .field("taken_from", &ids(self.taken_from.iter().map(|o| o.id)))
            .field("match_kind", &self.match_kind)
            .finish()
    }
}

impl fmt::Debug for Similar {
    /// The similar opinion's id, the shared points' ids and the score.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Similar")
            .field("opinion", &Id(self.opinion.id))
            .field("shared_points", &ids(self.shared_points().map(|p| p.id())))
            .field("score", &self.score)
            .finish()
    }
}

/// `Eq`, `Hash` and `Ord` by id, and `Display` as `id: text`, for a record
/// type.
macro_rules! by_id {
    ($ty:ident) => {
        impl PartialEq for $ty {
            /// The same record (compared by id).
            fn eq(&self, other: &Self) -> bool {
                self.id == other.id
            }
        }

        impl Eq for $ty {}

        impl std::hash::Hash for $ty {
            /// Hashes the id.
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.id.hash(state);
            }
        }

        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $ty {
            /// Document order (by id).
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.id.cmp(&other.id)
            }
        }

        impl fmt::Display for $ty {
            /// Writes the id and the text: `t1-kuchuobu-03: …`.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}: {}", self.id, self.text)
            }
        }
    };
}

by_id!(Opinion);
by_id!(KeyOpinion);
