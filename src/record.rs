//! One record of either kind: an area opinion or a key opinion.

use crate::{Category, KeyOpinion, LineSpan, Opinion, Region, Theme};
use std::fmt;

/// Which kind of record: an area opinion or a key opinion (主な意見).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    /// An area opinion ([`Opinion`]).
    Area,
    /// A key opinion ([`KeyOpinion`]).
    Key,
}

/// One record of either kind, as a [`Query`](crate::Query) yields it.
///
/// ```
/// use zaitaku_opinions::{Record, RecordKind, Region};
///
/// let o = zaitaku_opinions::opinion("t1-kuchuobu-01").unwrap();
/// let r = Record::from(o);
/// assert_eq!(r.kind(), RecordKind::Area);
/// assert_eq!(r.region(), Some(Region::KuChuobu));
/// assert_eq!(r.to_string(), "t1-kuchuobu-01");
///
/// let k = Record::from(zaitaku_opinions::key_opinion("t2-key-02-02").unwrap());
/// assert_eq!(k.region(), None);
/// // Taken from opinions of 区南部, 区西北部 and 区中央部 (in the official order):
/// let regions: Vec<Region> = k.regions().collect();
/// assert_eq!(regions, [Region::KuChuobu, Region::KuNanbu, Region::KuSeihokubu]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Record {
    /// An area opinion.
    Area(&'static Opinion),
    /// A key opinion.
    Key(&'static KeyOpinion),
}

impl Record {
    /// Which kind of record it is.
    pub const fn kind(self) -> RecordKind {
        match self {
            Record::Area(_) => RecordKind::Area,
            Record::Key(_) => RecordKind::Key,
        }
    }

    /// The theme.
    pub const fn theme(self) -> Theme {
        match self {
            Record::Area(o) => o.theme(),
            Record::Key(k) => k.theme(),
        }
    }

    /// The category (a key opinion's is its group's).
    pub const fn category(self) -> Category {
        match self {
            Record::Area(o) => o.category(),
            Record::Key(k) => k.category(),
        }
    }

    /// The text, verbatim.
    pub const fn text(self) -> &'static str {
        match self {
            Record::Area(o) => o.text(),
            Record::Key(k) => k.text(),
        }
    }

    /// The text in comparison form (NFKC, ASCII lower case).
    pub const fn normalized_text(self) -> &'static str {
        match self {
            Record::Area(o) => o.normalized_text(),
            Record::Key(k) => k.normalized_text(),
        }
    }

    /// The lines of the data file it was read from.
    pub const fn lines(self) -> LineSpan {
        match self {
            Record::Area(o) => o.lines(),
            Record::Key(k) => k.lines(),
        }
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

    /// The key opinion, if it is one.
    pub const fn as_key_opinion(self) -> Option<&'static KeyOpinion> {
        match self {
            Record::Area(_) => None,
            Record::Key(k) => Some(k),
        }
    }
}

impl fmt::Display for Record {
    /// Writes the record's id (`t1-kuchuobu-03`, `t1-key-05-02`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Record::Area(o) => o.id().fmt(f),
            Record::Key(k) => k.id().fmt(f),
        }
    }
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
