//! The two themes of the document.

use crate::dataset::{KEY_GROUP_RANGES, KEY_OPINIONS, OPINIONS, OPINION_RANGES};
use crate::{closed_set::closed_set, KeyOpinion, Opinion, UnknownNameError};

closed_set! {
/// One of the document's two themes (テーマ).
///
/// ```
/// use zaitaku_opinions::Theme;
///
/// let theme: Theme = "テーマ②".parse()?;
/// assert_eq!(theme, Theme::HospitalCollaboration);
/// assert_eq!(theme.number(), 2);
/// assert_eq!(theme.name_ja(), "地域と病院の連携について");
/// assert_eq!(Theme::try_from(2u8), Ok(Theme::HospitalCollaboration));
/// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
/// ```
pub enum Theme ("theme", ThemeNames, THEMES) {
    canonical: marker, display: ja, slug: slug,
    /// テーマ① 在宅療養に関する地域の現状・課題等について: the local state
    /// of home care and its challenges.
    LocalSituation,
    /// テーマ② 地域と病院の連携について: collaboration between the
    /// community and hospitals.
    HospitalCollaboration,
}

/// Looks a name up without allocating: the marker (`テーマ①`,
/// `テーマ1`), the title with or without the marker, the number (`1`,
/// `t1`, `theme1`), the slug, the variant name or the English title.
/// Width, `【】`, spaces, hyphens and ASCII case do not matter.
///
/// ```
/// use zaitaku_opinions::Theme;
///
/// for name in ["テーマ①", "テーマ1", "1", "t1", "local-situation", "LocalSituation", "在宅療養に関する地域の現状・課題等について"] {
///     assert_eq!(Theme::from_name(name), Some(Theme::LocalSituation), "{name}");
/// }
/// assert_eq!(Theme::from_name("3"), None);
/// ```
fn from_name;
}

impl Theme {
    /// The theme's number: 1 or 2.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Theme::LocalSituation.number(), 1);
    /// ```
    pub const fn number(self) -> u8 {
        self.row().number
    }

    /// The theme with this number, or `None`.
    ///
    /// ```
    /// use zaitaku_opinions::Theme;
    /// assert_eq!(Theme::from_number(1), Some(Theme::LocalSituation));
    /// assert_eq!(Theme::from_number(3), None);
    /// ```
    pub fn from_number(number: u8) -> Option<Theme> {
        Theme::iter().find(|t| t.number() == number)
    }

    /// The Japanese title, without the marker:
    /// `在宅療養に関する地域の現状・課題等について`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Theme::HospitalCollaboration.name_ja(), "地域と病院の連携について");
    /// ```
    pub const fn name_ja(self) -> &'static str {
        self.row().ja
    }

    /// The marker as printed: `テーマ①` or `テーマ②`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Theme::LocalSituation.marker(), "テーマ①");
    /// ```
    pub const fn marker(self) -> &'static str {
        self.row().marker
    }

    /// An English title (this crate's translation).
    ///
    /// ```
    /// assert!(zaitaku_opinions::Theme::HospitalCollaboration.name_en().contains("hospitals"));
    /// ```
    pub const fn name_en(self) -> &'static str {
        self.row().en
    }

    /// An ASCII slug: `local-situation` or `hospital-collaboration`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Theme::LocalSituation.slug(), "local-situation");
    /// ```
    pub const fn slug(self) -> &'static str {
        self.row().slug
    }

    /// Every area opinion on this theme, in document order (no allocation).
    ///
    /// ```
    /// use zaitaku_opinions::Theme;
    /// assert_eq!(Theme::LocalSituation.opinions().len() + Theme::HospitalCollaboration.opinions().len(), 150);
    /// ```
    pub fn opinions(self) -> &'static [Opinion] {
        let ranges = &OPINION_RANGES[self as usize];
        let start = ranges[0].0;
        let end = ranges[ranges.len() - 1].1;
        OPINIONS.get(start..end).unwrap_or(&[])
    }

    /// Every key opinion (主な意見) on this theme, in document order.
    ///
    /// ```
    /// use zaitaku_opinions::Theme;
    /// assert_eq!(Theme::LocalSituation.key_opinions().len(), 29);
    /// ```
    pub fn key_opinions(self) -> &'static [KeyOpinion] {
        let groups = KEY_GROUP_RANGES[self as usize];
        match (groups.first(), groups.last()) {
            (Some(&(start, _)), Some(&(_, end))) => KEY_OPINIONS.get(start..end).unwrap_or(&[]),
            _ => &[],
        }
    }
}

impl TryFrom<u8> for Theme {
    type Error = UnknownNameError;

    /// The theme with this number ([`Theme::from_number`]); a miss is an
    /// [`UnknownNameError`] of kind `"theme number"`.
    ///
    /// ```
    /// use zaitaku_opinions::Theme;
    ///
    /// let err = Theme::try_from(3u8).unwrap_err();
    /// assert_eq!(err.to_string(), "unknown theme number `3`; closest: 1, 2");
    /// ```
    fn try_from(number: u8) -> Result<Self, Self::Error> {
        Theme::from_number(number).ok_or_else(|| {
            UnknownNameError::new("theme number", &number.to_string(), |s| {
                let numbers = Theme::iter().map(|t| t.number().to_string());
                crate::normalize::closest(
                    s,
                    numbers.map(|n| (n.clone(), [n])),
                    crate::normalize::THREE,
                )
            })
        })
    }
}
