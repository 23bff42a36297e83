//! Points (論点): what each area opinion is about, across areas.
//!
//! The points and their tags are **this crate's reading** of 資料３－２,
//! written by reading each Japanese opinion; they are not 東京都's. The
//! document itself only files opinions under categories (【入退院調整】…).

use crate::dataset::points::{KEY_OPINION_POINTS, OPINION_POINTS, POINTS};
use crate::{KeyOpinion, Opinion, Region, UnknownNameError};
use std::fmt;
use std::str::FromStr;

/// A point (論点): one claim that several areas may make in their own words,
/// fine enough that the opinions sharing it would go into one bullet of a
/// policy summary ("pre-discharge conferences lack home doctors", not
/// "discharge").
///
/// The 83 points and the tags that link them to area opinions are **this
/// crate's reading** of the document (`data/points.tsv`,
/// `data/opinion-points.tsv`), written by reading the Japanese and reviewed
/// by a second reader; they are not 東京都's classification. Every area
/// opinion has at least one point, and every point at least one opinion; an
/// opinion that is genuinely alone has a point of its own.
///
/// ```
/// use zaitaku_opinions::{Point, Region};
///
/// let p: Point = "round-the-clock-burden".parse().unwrap();
/// assert_eq!(p.id(), "round-the-clock-burden");
/// assert!(!p.label_ja().is_empty() && !p.label_en().is_empty());
/// // Raised by several areas, each in the official order.
/// assert!(p.regions().len() >= 2);
/// assert!(p.regions().windows(2).all(|w| w[0] < w[1]));
/// for o in p.opinions() {
///     assert!(o.points().any(|q| *q == p));
///     assert!(p.regions().contains(&o.region()));
/// }
/// ```
#[derive(Clone, Copy)]
pub struct Point {
    pub(crate) index: u8,
    pub(crate) id: &'static str,
    pub(crate) label_ja: &'static str,
    pub(crate) label_en: &'static str,
    pub(crate) description: &'static str,
    pub(crate) description_ja: &'static str,
    /// Ids the point had before, which still find it.
    pub(crate) former_ids: &'static [&'static str],
    /// Indices into `OPINIONS`, in document order.
    pub(crate) opinions: &'static [u8],
    /// In the official order.
    pub(crate) regions: &'static [Region],
}

impl Point {
    /// Every point, in the order of `data/points.tsv` (grouped by theme:
    /// supply of doctors and clinics first, local organisation last).
    ///
    /// ```
    /// use zaitaku_opinions::Point;
    ///
    /// assert_eq!(Point::all().len(), 83);
    /// assert_eq!(Point::all()[0], zaitaku_opinions::points()[0]);
    /// ```
    pub fn all() -> &'static [Point] {
        &POINTS
    }

    /// The point with this id, or `None`; [`FromStr`] gives the error
    /// with the closest ids instead. An id a point had in an earlier
    /// release (renamed, or merged into it; see `CHANGELOG.md`) still
    /// finds it, so that saved ids keep loading.
    ///
    /// ```
    /// use zaitaku_opinions::Point;
    ///
    /// assert!(Point::from_id("face-to-face-meetings").is_some());
    /// assert!(Point::from_id("Face-To-Face-Meetings").is_none());
    /// // Renamed in 0.3: the old id finds the point under its new id.
    /// let p = Point::from_id("avoidable-ambulance-transfers");
    /// assert_eq!(p.map(Point::id), Some("ambulance-transfers-of-home-patients"));
    /// // For an id written in the code, `point!` checks it at compile time.
    /// assert_eq!(p, Some(zaitaku_opinions::point!("ambulance-transfers-of-home-patients")));
    /// ```
    pub fn from_id(id: &str) -> Option<&'static Point> {
        POINTS
            .iter()
            .find(|p| p.id == id || p.former_ids.contains(&id))
    }

    /// The stable id: lower-case ASCII words joined by hyphens, at most
    /// 40 bytes, e.g. `face-to-face-meetings`.
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// A short label in Japanese, in the document's own words where it has
    /// them.
    pub const fn label_ja(&self) -> &'static str {
        self.label_ja
    }

    /// The label in English (this crate's).
    pub const fn label_en(&self) -> &'static str {
        self.label_en
    }

    /// One line in English on what belongs to the point and what does not.
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The same in Japanese (this crate's, like the English): what belongs
    /// to the point and what does not, naming other points by what they
    /// say.
    ///
    /// ```
    /// use zaitaku_opinions::Point;
    ///
    /// let p = zaitaku_opinions::point!("round-the-clock-burden");
    /// assert!(p.description_ja().contains("24時間"));
    /// assert!(Point::all().iter().all(|p| !p.description_ja().is_empty()));
    /// ```
    pub const fn description_ja(&self) -> &'static str {
        self.description_ja
    }

    /// The area opinions tagged with it, in document order.
    ///
    /// ```
    /// use zaitaku_opinions::Point;
    ///
    /// let p = zaitaku_opinions::point!("hospital-staff-dont-know-home-care");
    /// let ids: Vec<String> = p.opinions().map(|o| o.id().to_string()).collect();
    /// assert!(ids.len() >= 2);
    /// ```
    pub fn opinions(
        &self,
    ) -> impl ExactSizeIterator<Item = &'static Opinion> + DoubleEndedIterator + Clone + 'static
    {
        self.opinions
            .iter()
            .map(|&i| &crate::dataset::OPINIONS[usize::from(i)])
    }

    /// The areas that raised it (gave an opinion tagged with it), in the
    /// official order, each once.
    pub const fn regions(&self) -> &'static [Region] {
        self.regions
    }

    /// Its bit in a set of points (a `u128`: at most 128 points, which the
    /// build checks).
    pub(crate) const fn bit(&self) -> u128 {
        1 << self.index
    }
}

/// Every point, in order: [`Point::all`].
///
/// ```
/// // Points raised by the most areas first.
/// let mut points = zaitaku_opinions::points().to_vec();
/// points.sort_by_key(|p| std::cmp::Reverse(p.regions().len()));
/// assert!(points[0].regions().len() >= points[1].regions().len());
/// ```
pub fn points() -> &'static [Point] {
    Point::all()
}

impl PartialEq for Point {
    /// The same point (compared by id).
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}

impl Eq for Point {}

impl std::hash::Hash for Point {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl fmt::Debug for Point {
    /// The id and the labels.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Point")
            .field("id", &self.id)
            .field("label_ja", &self.label_ja)
            .field("label_en", &self.label_en)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Point {
    /// Writes the id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

impl FromStr for Point {
    type Err = UnknownNameError;

    /// The point with exactly this id; a miss suggests the closest ids.
    ///
    /// ```
    /// use zaitaku_opinions::Point;
    ///
    /// let err = "round-clock-burden".parse::<Point>().unwrap_err();
    /// assert_eq!(err.kind(), "point id");
    /// assert_eq!(err.input(), "round-clock-burden");
    /// assert_eq!(err.suggestions()[0], "round-the-clock-burden");
    /// assert!(err.to_string().len() < 200);
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Point::from_id(s).copied().ok_or_else(|| {
            UnknownNameError::new("point id", s, |s| {
                let ids = POINTS.iter().map(|p| (p.id.to_owned(), [p.id]));
                crate::normalize::closest(s, ids, crate::normalize::THREE)
            })
        })
    }
}

/// The points of a record, as [`Opinion::points`], [`KeyOpinion::points`],
/// [`Similar::shared_points`](crate::Similar::shared_points) and
/// [`Record::points`](crate::Record::points) give them.
#[derive(Debug, Clone)]
pub struct PointIter {
    indices: std::slice::Iter<'static, u8>,
}

impl PointIter {
    pub(crate) fn new(indices: &'static [u8]) -> Self {
        Self {
            indices: indices.iter(),
        }
    }
}

impl Iterator for PointIter {
    type Item = &'static Point;

    fn next(&mut self) -> Option<Self::Item> {
        self.indices.next().map(|&i| &POINTS[usize::from(i)])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl DoubleEndedIterator for PointIter {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.indices.next_back().map(|&i| &POINTS[usize::from(i)])
    }
}

impl ExactSizeIterator for PointIter {}

impl std::iter::FusedIterator for PointIter {}

impl Opinion {
    /// What it is about: its points (this crate's reading, see [`Point`]),
    /// the main point first. Never empty.
    ///
    /// ```
    /// let o = zaitaku_opinions::opinion!("t1-kitatamananbu-03");
    /// let main = o.points().next().unwrap();
    /// assert!(main.opinions().any(|p| p == o));
    /// ```
    pub fn points(&self) -> PointIter {
        PointIter::new(OPINION_POINTS[self.id().index()])
    }
}

impl KeyOpinion {
    /// The points of the area opinions it was taken from
    /// ([`taken_from`](KeyOpinion::taken_from)), the main one's first, each
    /// once.
    ///
    /// ```
    /// let k = zaitaku_opinions::key_opinion!("t2-key-02-02");
    /// for o in k.taken_from() {
    ///     assert!(o.points().all(|p| k.points().any(|q| q == p)));
    /// }
    /// ```
    pub fn points(&self) -> PointIter {
        PointIter::new(KEY_OPINION_POINTS[self.id().index()])
    }
}

impl crate::Record {
    /// The set of its points, as bits (see [`Point::bit`]).
    pub(crate) fn point_mask(self) -> u128 {
        self.points().fold(0, |mask, p| mask | p.bit())
    }
}

/// The ids of the points in a set, for `Debug`.
pub(crate) struct Ids(pub(crate) u128);

impl fmt::Debug for Ids {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(
                POINTS
                    .iter()
                    .filter(|p| self.0 & p.bit() != 0)
                    .map(|p| p.id),
            )
            .finish()
    }
}
