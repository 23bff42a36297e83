//! Stable record ids.
//!
//! * Area opinion: `t<theme>-<area>-<nn>`, e.g. `t1-kuchuobu-03`: theme 1,
//!   区中央部 ([`Region::id_token`]), the 3rd opinion of that area's block.
//! * Key opinion: `t<theme>-key-<gg>-<nn>`, e.g. `t1-key-05-02`: theme 1,
//!   the 2nd opinion of the 5th group on the key-opinion page.
//!
//! Positions are 1-based and written with two digits. Ids are derived from
//! the document's layout, so they stay the same as long as the document
//! does.

use crate::dataset::{KEY_GROUP_RANGES, KEY_OPINIONS, OPINIONS, OPINION_RANGES};
use crate::{KeyOpinion, Opinion, Region, Theme, UnknownNameError};
use std::fmt;
use std::str::FromStr;

/// The id of an area opinion, e.g. `t1-kuchuobu-03`. Only ids of existing
/// records can be made (by parsing, or from [`Opinion::id`]).
///
/// ```
/// use zaitaku_opinions::{OpinionId, Region, Theme};
///
/// let id: OpinionId = "t2-kuseibu-04".parse()?;
/// assert_eq!((id.theme(), id.region(), id.position()), (Theme::HospitalCollaboration, Region::KuSeibu, 4));
/// assert_eq!(id.to_string(), "t2-kuseibu-04");
/// assert_eq!(id.opinion().id(), id);
/// assert!("t2-kuseibu-99".parse::<OpinionId>().is_err());
/// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OpinionId {
    pub(crate) theme: Theme,
    pub(crate) region: Region,
    pub(crate) position: u8,
}

impl OpinionId {
    /// The theme.
    pub const fn theme(self) -> Theme {
        self.theme
    }

    /// The area.
    pub const fn region(self) -> Region {
        self.region
    }

    /// The 1-based position within the area's block for the theme.
    pub const fn position(self) -> u8 {
        self.position
    }

    /// The record (no hashing: its place is computed from the id).
    pub fn opinion(self) -> &'static Opinion {
        &OPINIONS[self.index()]
    }

    /// Where the record is in `OPINIONS`.
    pub(crate) const fn index(self) -> usize {
        let (start, _) = OPINION_RANGES[self.theme as usize][self.region as usize];
        start + self.position as usize - 1
    }
}

impl fmt::Display for OpinionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "t{}-{}-{:02}",
            self.theme.number(),
            self.region.id_token(),
            self.position
        )
    }
}

impl FromStr for OpinionId {
    type Err = UnknownNameError;

    /// The id of an existing area opinion, exactly as it prints; a miss
    /// suggests the closest ids.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        opinion_index(s).map(|i| OPINIONS[i].id).ok_or_else(|| {
            UnknownNameError::new("area opinion id", s, |s| {
                closest_ids(s, OPINIONS.iter().map(|o| o.id))
            })
        })
    }
}

/// The id of a key opinion, e.g. `t1-key-05-02`. Only ids of existing
/// records can be made (by parsing, or from [`KeyOpinion::id`]).
///
/// ```
/// use zaitaku_opinions::{KeyOpinionId, Theme};
///
/// let id: KeyOpinionId = "t1-key-05-02".parse()?;
/// assert_eq!((id.theme(), id.group(), id.position()), (Theme::LocalSituation, 5, 2));
/// assert_eq!(id.to_string(), "t1-key-05-02");
/// assert_eq!(id.key_opinion().id(), id);
/// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeyOpinionId {
    pub(crate) theme: Theme,
    pub(crate) group: u8,
    pub(crate) position: u8,
}

impl KeyOpinionId {
    /// The theme.
    pub const fn theme(self) -> Theme {
        self.theme
    }

    /// The 1-based group (a row of the original table) on the theme's
    /// key-opinion page.
    pub const fn group(self) -> u8 {
        self.group
    }

    /// The 1-based position within the group.
    pub const fn position(self) -> u8 {
        self.position
    }

    /// The record.
    pub fn key_opinion(self) -> &'static KeyOpinion {
        &KEY_OPINIONS[self.index()]
    }

    /// Where the record is in `KEY_OPINIONS`.
    pub(crate) const fn index(self) -> usize {
        // Only ids of existing records can be made, so the group exists.
        let (start, _) = KEY_GROUP_RANGES[self.theme as usize][self.group as usize - 1];
        start + self.position as usize - 1
    }
}

impl fmt::Display for KeyOpinionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "t{}-key-{:02}-{:02}",
            self.theme.number(),
            self.group,
            self.position
        )
    }
}

impl FromStr for KeyOpinionId {
    type Err = UnknownNameError;

    /// The id of an existing key opinion, exactly as it prints; a miss
    /// suggests the closest ids.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        key_opinion_index(s)
            .map(|i| KEY_OPINIONS[i].id)
            .ok_or_else(|| {
                UnknownNameError::new("key opinion id", s, |s| {
                    closest_ids(s, KEY_OPINIONS.iter().map(|k| k.id))
                })
            })
    }
}

/// The ids of `ids` closest to `input`, as they print.
pub(crate) fn closest_ids<T: fmt::Display>(
    input: &str,
    ids: impl Iterator<Item = T>,
) -> Vec<String> {
    let ids = ids.map(|id| id.to_string());
    crate::normalize::closest(
        input,
        ids.map(|id| (id.clone(), [id])),
        crate::normalize::THREE,
    )
}

/// Where the area opinion `t<theme>-<area>-<nn>` is in `OPINIONS`: the id
/// parsed back into theme, area and position, which index
/// `OPINION_RANGES`. No hashing, and no allocation; `None` unless `s` is
/// exactly the id of a record (as [`OpinionId`]'s `Display` writes it).
#[inline]
pub(crate) fn opinion_index(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let theme = theme_index(b)?;
    let n = b.len().checked_sub(3)?;
    let (&[_, _, b'-'], &[b'-', d1, d2]) = (b.get(..3)?, b.get(n..)?) else {
        return None;
    };
    // The area token sits between; it is ASCII, so a split inside a
    // multi-byte character is a miss.
    let area = s.get(3..n)?;
    let position = two_digits(d1, d2)?;
    let region = Region::from_id_token(area)?;
    let (start, end) = OPINION_RANGES[theme][region as usize];
    let i = (start + position).checked_sub(1)?;
    (position >= 1 && i < end).then_some(i)
}

/// Where the key opinion `t<theme>-key-<gg>-<nn>` is in `KEY_OPINIONS`,
/// computed from the id like [`opinion_index`].
#[inline]
pub(crate) fn key_opinion_index(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let theme = theme_index(b)?;
    let &[_, _, b'-', b'k', b'e', b'y', b'-', g1, g2, b'-', p1, p2] = b else {
        return None;
    };
    let group = two_digits(g1, g2)?;
    let position = two_digits(p1, p2)?;
    let &(start, end) = KEY_GROUP_RANGES[theme].get(group.checked_sub(1)?)?;
    let i = (start + position).checked_sub(1)?;
    (position >= 1 && i < end).then_some(i)
}

/// The theme of an id, from its `t1`/`t2` prefix, as an index.
#[inline]
fn theme_index(b: &[u8]) -> Option<usize> {
    match b {
        [b't', b'1', ..] => Some(0),
        [b't', b'2', ..] => Some(1),
        _ => None,
    }
}

/// Two ASCII digits as a number.
#[inline]
fn two_digits(d1: u8, d2: u8) -> Option<usize> {
    (d1.is_ascii_digit() && d2.is_ascii_digit())
        .then(|| usize::from(d1 - b'0') * 10 + usize::from(d2 - b'0'))
}

// The parsers above read exactly two digits: no position or group reaches
// 100, because the build refuses a data file that would number one so, at
// its line (`src/build/parse.rs`, `MAX_NUMBER`).
