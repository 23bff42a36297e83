//! One record of either kind: an area opinion or a key opinion.

use crate::dataset::{KEY_OPINIONS, OPINIONS};
use crate::{
    Category, KeyOpinion, KeyOpinionId, LineSpan, Opinion, OpinionId, Region, Theme,
    UnknownNameError,
};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

crate::closed_set::closed_set! {
/// Which kind of record: an area opinion or a key opinion (主な意見).
///
/// ```
/// use zaitaku_opinions::{Query, Record, RecordKind};
///
/// let r = Record::from(zaitaku_opinions::opinion!("t1-kuchuobu-01"));
/// assert_eq!(r.kind(), RecordKind::Area);
/// assert_eq!(RecordKind::Key.slug(), "key");
/// assert_eq!("area".parse::<RecordKind>()?, RecordKind::Area);
/// assert_eq!(Query::new().kind(RecordKind::Key).iter().count(), 54);
/// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
/// ```
pub enum RecordKind ("record kind", SlugNames, RECORD_KINDS) {
    canonical: slug, display: slug, slug: slug,
    /// An area opinion ([`Opinion`]).
    Area,
    /// A key opinion ([`KeyOpinion`]).
    Key,
}
}

impl RecordKind {
    /// An ASCII slug: `area` or `key`.
    pub const fn slug(self) -> &'static str {
        self.row().slug
    }
}

/// One record of either kind, as a [`Query`](crate::Query) yields it.
///
/// ```
/// use zaitaku_opinions::{Record, RecordKind, Region};
///
/// let o = zaitaku_opinions::opinion!("t1-kuchuobu-01");
/// let r = Record::from(o);
/// assert_eq!(r.kind(), RecordKind::Area);
/// assert_eq!(r.region(), Some(Region::KuChuobu));
/// assert_eq!(r.id().to_string(), "t1-kuchuobu-01");
/// assert!(r.to_string().starts_with("t1-kuchuobu-01: "));
///
/// let k = Record::from(zaitaku_opinions::key_opinion!("t2-key-02-02"));
/// assert_eq!(k.region(), None);
/// // Taken from opinions of 区南部, 区西北部 and 区中央部 (in the official order):
/// let regions: Vec<Region> = k.regions().collect();
/// assert_eq!(regions, [Region::KuChuobu, Region::KuNanbu, Region::KuSeihokubu]);
///
/// // Records sort in document order: テーマ②'s key opinions come before its
/// // area opinions.
/// assert!(k < Record::from(zaitaku_opinions::opinion!("t2-kuchuobu-01")));
/// assert!(r < k);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Record {
    /// An area opinion.
    Area(&'static Opinion),
    /// A key opinion.
    Key(&'static KeyOpinion),
}

/// Accessors that ask whichever record it is, the [`Opinion`] or the
/// [`KeyOpinion`] method of the same name: `[const]` or `[]`, then the name
/// and what it returns.
macro_rules! either {
    ($($(#[$doc:meta])* $vis:vis [$($const:tt)?] fn $name:ident -> $ty:ty;)*) => {$(
        $(#[$doc])*
        $vis $($const)? fn $name(self) -> $ty {
            match self {
                Record::Area(o) => o.$name(),
                Record::Key(k) => k.$name(),
            }
        }
    )*};
}

impl Record {
    /// The id: [`RecordId`] prints as `t1-kuchuobu-03` or `t1-key-05-02`.
    pub const fn id(self) -> RecordId {
        match self {
            Record::Area(o) => RecordId::Area(o.id()),
            Record::Key(k) => RecordId::Key(k.id()),
        }
    }

    /// Which kind of record it is.
    pub const fn kind(self) -> RecordKind {
        match self {
            Record::Area(_) => RecordKind::Area,
            Record::Key(_) => RecordKind::Key,
        }
    }

    either! {
        /// The theme.
        pub [const] fn theme -> Theme;

        /// The category (a key opinion's is its group's).
        pub [const] fn category -> Category;

        /// The text, verbatim.
        pub [const] fn text -> &'static str;

        /// The text in English: an **unofficial translation by this crate's
        /// authors, not by 東京都**; the Japanese [`text`](Record::text) is the
        /// source. See [`Opinion::text_en`] and [`KeyOpinion::text_en`].
        ///
        /// ```
        /// use zaitaku_opinions::{Query, Theme};
        ///
        /// // Query and search match the Japanese; show the English beside it.
        /// let r = Query::new().theme(Theme::LocalSituation).text("看取り").iter().next().unwrap();
        /// assert!(r.text().contains("看取り"));
        /// assert!(r.text_en().contains("end-of-life care"));
        /// ```
        pub [] fn text_en -> &'static str;

        /// The text in comparison form (NFKC, ASCII lower case).
        pub [const] fn normalized_text -> &'static str;

        /// The lines of the data file it was read from.
        pub [const] fn lines -> LineSpan;

        /// What the record is about: an area opinion's
        /// [`points`](Opinion::points), or a key opinion's (those of the area
        /// opinions it was taken from). This crate's reading, see
        /// [`Point`](crate::Point).
        ///
        /// ```
        /// use zaitaku_opinions::Record;
        ///
        /// let r = Record::from(zaitaku_opinions::opinion!("t1-kuchuobu-01"));
        /// assert!(r.points().len() >= 1);
        /// ```
        pub [] fn points -> crate::PointIter;

        /// Where the record is among all records: its place in `OPINIONS`, or
        /// `OPINIONS.len()` plus its place in `KEY_OPINIONS`.
        pub(crate) [const] fn index -> usize;
    }

    /// The area that gave an area opinion; `None` for a key opinion, which
    /// was selected for the whole theme (see
    /// [`regions`](Record::regions)).
    pub const fn region(self) -> Option<Region> {
        match self {
            Record::Area(o) => Some(o.region()),
            Record::Key(_) => None,
        }
    }

    /// The areas the record speaks for: an area opinion's own area; for a
    /// key opinion, the areas of the area opinions it was taken from
    /// ([`KeyOpinion::taken_from`]). In the official order, each once. This is
    /// what [`Query::region`](crate::Query::region) filters on.
    pub fn regions(self) -> impl Iterator<Item = Region> {
        let mask = self.region_mask();
        Region::ALL
            .into_iter()
            .filter(move |&r| mask & bit16(r as usize) != 0)
    }

    pub(crate) fn region_mask(self) -> u16 {
        match self {
            Record::Area(o) => bit16(o.region() as usize),
            Record::Key(k) => k
                .taken_from()
                .iter()
                .fold(0, |m, o| m | bit16(o.region() as usize)),
        }
    }

    /// The area opinion, if it is one.
    pub const fn as_opinion(self) -> Option<&'static Opinion> {
        match self {
            Record::Area(o) => Some(o),
            Record::Key(_) => None,
        }
    }

    /// The record whose [`index`](Record::index) is `i`.
    pub(crate) fn at(i: usize) -> Option<Record> {
        match OPINIONS.get(i) {
            Some(o) => Some(Record::Area(o)),
            None => KEY_OPINIONS.get(i - OPINIONS.len()).map(Record::Key),
        }
    }

    /// The key opinion, if it is one.
    pub const fn as_key_opinion(self) -> Option<&'static KeyOpinion> {
        match self {
            Record::Area(_) => None,
            Record::Key(k) => Some(k),
        }
    }
}

impl fmt::Display for Record {
    /// Writes the id and the text: `t1-kuchuobu-03: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.id(), self.text())
    }
}

impl PartialOrd for Record {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Record {
    /// Document order (each record starts on a line of its own).
    fn cmp(&self, other: &Self) -> Ordering {
        self.lines().first().cmp(&other.lines().first())
    }
}

/// The id of a record of either kind: what to save for a list that mixes
/// area and key opinions. It parses from its string ([`FromStr`]), and with
/// `serde` is written as it and read back from it. Only ids of existing
/// records can be made.
///
/// ```
/// use zaitaku_opinions::{Record, RecordId};
///
/// let id = zaitaku_opinions::key_opinion!("t1-key-05-02").id();
/// let any = RecordId::from(id);
/// assert_eq!(any.to_string(), "t1-key-05-02");
/// assert_eq!(any.record(), Record::from(id.key_opinion()));
///
/// let ids: Vec<RecordId> = ["t2-kuseibu-04", "t1-key-05-02"].iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
/// assert_eq!(ids[0].record().text(), zaitaku_opinions::opinion!("t2-kuseibu-04").text());
/// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordId {
    /// An area opinion's.
    Area(OpinionId),
    /// A key opinion's.
    Key(KeyOpinionId),
}

impl RecordId {
    /// The record.
    pub fn record(self) -> Record {
        match self {
            RecordId::Area(id) => Record::Area(id.opinion()),
            RecordId::Key(id) => Record::Key(id.key_opinion()),
        }
    }
}

impl FromStr for RecordId {
    type Err = UnknownNameError;

    /// The id of an existing record of either kind, exactly as it prints;
    /// a miss suggests the closest ids of both kinds.
    ///
    /// ```
    /// use std::collections::HashSet;
    /// use zaitaku_opinions::RecordId;
    ///
    /// let ids: HashSet<RecordId> = "t1-kuchuobu-03 t1-key-05-02".split(' ').map(str::parse).collect::<Result<_, _>>()?;
    /// assert_eq!(ids.len(), 2);
    /// let err = "t1-key-05-2".parse::<RecordId>().unwrap_err();
    /// assert_eq!(err.kind(), "record id");
    /// assert!(err.suggestions().iter().any(|id| id == "t1-key-05-02"));
    /// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::record(s).map(Record::id).ok_or_else(|| {
            crate::UnknownNameError::new("record id", s, |s| {
                let ids = OPINIONS.iter().map(|o| RecordId::Area(o.id));
                let ids = ids.chain(KEY_OPINIONS.iter().map(|k| RecordId::Key(k.id)));
                crate::id::closest_ids(s, ids)
            })
        })
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordId::Area(id) => id.fmt(f),
            RecordId::Key(id) => id.fmt(f),
        }
    }
}

impl From<OpinionId> for RecordId {
    fn from(id: OpinionId) -> Self {
        RecordId::Area(id)
    }
}

impl From<KeyOpinionId> for RecordId {
    fn from(id: KeyOpinionId) -> Self {
        RecordId::Key(id)
    }
}

/// A record as one flat row of scalars, for spreadsheets and CSV; also what
/// serde writes for every record ([`Opinion`], [`KeyOpinion`], [`Record`]).
///
/// Next to the stable ids and slugs, for joins, it carries the names in
/// Japanese (`_ja`) and in English (`_en`, this crate's) for people who
/// read the file: the theme, the areas, the category and the points. A list
/// of ids or slugs is separated by a space, a list of names by `; `.
///
/// ```
/// use zaitaku_opinions::{Query, RecordKind};
///
/// let rows: Vec<_> = Query::new().iter().map(|r| r.row()).collect();
/// assert_eq!(rows.len(), 204);
/// let k = zaitaku_opinions::key_opinion!("t2-key-02-02");
/// let row = zaitaku_opinions::Record::from(k).row();
/// assert_eq!(row.kind, RecordKind::Key);
/// assert_eq!(row.region, None);
/// assert_eq!(row.taken_from.split(' ').count(), 3);
/// assert_eq!(row.regions_ja, "区中央部; 区南部; 区西北部");
/// assert_eq!(row.regions_en, "Central wards; Southern wards; Northwestern wards");
/// assert_eq!(row.theme_ja, "地域と病院の連携について");
/// assert_eq!(row.category_en, k.category().name_en());
/// assert!(row.points.split(' ').all(|id| id.parse::<zaitaku_opinions::Point>().is_ok()));
/// assert_eq!(row.points_ja.split("; ").count(), row.points.split(' ').count());
/// assert!(row.first_line <= row.last_line);
/// assert_eq!(row.text_en, k.text_en());
/// ```
///
/// With the `serde` feature, `csv::Writer::serialize(record.row())` writes
/// one CSV line per record, with the fields in this order as its header
/// (enums as their slugs; `region` empty for a key opinion).
///
/// # What serde writes and reads
///
/// With the `serde` feature, in chrono-tz's shape (every value that has a
/// name is a string, read back through the same lookup as `FromStr`):
///
/// - the closed sets ([`Region`], [`Theme`], [`Category`], [`Zone`](crate::Zone),
///   [`MatchKind`](crate::MatchKind), [`RecordKind`],
///   [`MunicipalityKind`](crate::MunicipalityKind)) are written as their
///   ASCII slugs (`ku-chuobu`) and read from any name their `from_name`
///   accepts;
/// - [`OpinionId`](crate::OpinionId), [`KeyOpinionId`](crate::KeyOpinionId)
///   and [`RecordId`] are written as their id strings and read back from
///   them;
/// - records ([`Opinion`](crate::Opinion), [`KeyOpinion`](crate::KeyOpinion),
///   [`Record`]) are written as their `Row`; `&'static Opinion`,
///   `&'static KeyOpinion` and `Record` are read from an id, or from a
///   row, found by its id alone: the other fields, what the crate wrote at
///   the time, are not read, so a data correction in a later release never
///   makes a saved row fail to load;
/// - [`Municipality`](crate::Municipality) is written with its fields, and
///   `&'static Municipality` read from a name or code, or from such a
///   record, found by its code (or name).
///
/// Nothing read is kept: the values are the `'static` dataset's, so
/// borrowed, transient and owned input all work.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Row {
    /// `t1-kuchuobu-03` or `t1-key-05-02`.
    pub id: RecordId,
    /// `area` or `key`.
    pub kind: RecordKind,
    /// The theme.
    pub theme: Theme,
    /// The theme's Japanese title ([`Theme::name_ja`]).
    pub theme_ja: &'static str,
    /// The theme's English title ([`Theme::name_en`]).
    pub theme_en: &'static str,
    /// The area of an area opinion; `None` for a key opinion.
    pub region: Option<Region>,
    /// The Japanese names of the areas the record speaks for
    /// ([`Record::regions`]): an area opinion's own area, or the areas of
    /// the area opinions a key opinion was taken from, in the official
    /// order, separated by `; `.
    pub regions_ja: String,
    /// Their English names ([`Region::name_en`]), in the same order,
    /// separated by `; `.
    pub regions_en: String,
    /// The category (a key opinion's is its group's).
    pub category: Category,
    /// The category's Japanese name ([`Category::name_ja`]).
    pub category_ja: &'static str,
    /// The category's English name ([`Category::name_en`]).
    pub category_en: &'static str,
    /// The text, verbatim.
    pub text: &'static str,
    /// The text in English: an unofficial translation by this crate's
    /// authors, not by 東京都 (see [`Record::text_en`]).
    pub text_en: &'static str,
    /// The ids of the area opinions a key opinion was taken from, main one
    /// first, separated by a space; empty for an area opinion.
    pub taken_from: String,
    /// The first line of the data file it was read from (1-based).
    pub first_line: u32,
    /// The last line (1-based, inclusive).
    pub last_line: u32,
    /// The ids of its points ([`Record::points`], this crate's reading of
    /// the document), main point first, separated by a space.
    pub points: String,
    /// The points' Japanese labels ([`Point::label_ja`](crate::Point::label_ja)),
    /// in the same order, separated by `; `.
    pub points_ja: String,
    /// The points' English labels ([`Point::label_en`](crate::Point::label_en)),
    /// in the same order, separated by `; `.
    pub points_en: String,
}

impl Record {
    /// The record as a [`Row`] of scalars (allocates the lists).
    pub fn row(self) -> Row {
        let taken_from = self
            .as_key_opinion()
            .map_or(&[][..], KeyOpinion::taken_from);
        Row {
            id: self.id(),
            kind: self.kind(),
            theme: self.theme(),
            theme_ja: self.theme().name_ja(),
            theme_en: self.theme().name_en(),
            region: self.region(),
            regions_ja: joined(self.regions().map(Region::name_ja), "; "),
            regions_en: joined(self.regions().map(Region::name_en), "; "),
            category: self.category(),
            category_ja: self.category().name_ja(),
            category_en: self.category().name_en(),
            text: self.text(),
            text_en: self.text_en(),
            taken_from: joined(taken_from.iter().map(|o| o.id()), " "),
            first_line: self.lines().first(),
            last_line: self.lines().last(),
            points: joined(self.points().map(|p| p.id()), " "),
            points_ja: joined(self.points().map(|p| p.label_ja()), "; "),
            points_en: joined(self.points().map(|p| p.label_en()), "; "),
        }
    }
}

/// `items`, written one after another, separated by `by`.
fn joined<T: fmt::Display>(items: impl Iterator<Item = T>, by: &str) -> String {
    items
        .map(|item| item.to_string())
        .collect::<Vec<_>>()
        .join(by)
}

impl From<&'static Opinion> for Record {
    fn from(o: &'static Opinion) -> Self {
        Record::Area(o)
    }
}

impl From<&'static KeyOpinion> for Record {
    fn from(k: &'static KeyOpinion) -> Self {
        Record::Key(k)
    }
}

pub(crate) const fn bit16(i: usize) -> u16 {
    1 << i
}
