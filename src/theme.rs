//! The two themes of the document.

use crate::dataset::{
    KEY_OPINIONS, KEY_OPINION_RANGES, OPINIONS, OPINION_RANGES, THEME_EN, THEME_JA, THEME_KEYS,
    THEME_MARKER, THEME_SLUG, THEME_VALID,
};
use crate::{names::closed_set, KeyOpinion, Opinion};

/// One of the document's two themes (テーマ).
///
/// ```
/// use zaitaku_opinions::Theme;
///
/// let theme: Theme = "テーマ②".parse()?;
/// assert_eq!(theme, Theme::HospitalCollaboration);
/// assert_eq!(theme.number(), 2);
/// assert_eq!(theme.name_ja(), "地域と病院の連携について");
/// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Theme {
    /// テーマ① 在宅療養に関する地域の現状・課題等について: the local state
    /// of home medical care and its problems.
    LocalSituation,
    /// テーマ② 地域と病院の連携について: collaboration between the
    /// community and hospitals.
    HospitalCollaboration,
}

impl Theme {
    /// Both themes, in order.
    pub const ALL: [Theme; 2] = [Theme::LocalSituation, Theme::HospitalCollaboration];

    /// The theme's number: 1 or 2.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Theme::LocalSituation.number(), 1);
    /// ```
    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The Japanese title, without the marker:
    /// `在宅療養に関する地域の現状・課題等について`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Theme::HospitalCollaboration.name_ja(), "地域と病院の連携について");
    /// ```
    pub const fn name_ja(self) -> &'static str {
        THEME_JA[self as usize]
    }

    /// The marker as printed: `テーマ①` or `テーマ②`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Theme::LocalSituation.marker(), "テーマ①");
    /// ```
    pub const fn marker(self) -> &'static str {
        THEME_MARKER[self as usize]
    }

    /// An English title (this crate's translation).
    ///
    /// ```
    /// assert!(zaitaku_opinions::Theme::HospitalCollaboration.name_en().contains("hospitals"));
    /// ```
    pub const fn name_en(self) -> &'static str {
        THEME_EN[self as usize]
    }

    /// An ASCII slug: `local-situation` or `hospital-collaboration`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Theme::LocalSituation.slug(), "local-situation");
    /// ```
    pub const fn slug(self) -> &'static str {
        THEME_SLUG[self as usize]
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
    #[inline]
    pub fn from_name(name: &str) -> Option<Theme> {
        // The canonical names inline, everything else out of line.
        match crate::dataset::theme_canonical(name) {
            Some(theme) => Some(theme),
            None => crate::names::from_other_name(name, crate::dataset::theme_exact, &THEME_KEYS),
        }
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
        let (start, end) = KEY_OPINION_RANGES[self as usize];
        KEY_OPINIONS.get(start..end).unwrap_or(&[])
    }
}

closed_set!(Theme, "theme", THEME_VALID, 2);
