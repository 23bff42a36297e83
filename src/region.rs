//! Tokyo's secondary medical care areas (二次保健医療圏).

use crate::dataset::{OPINIONS, OPINION_RANGES};
use crate::{closed_set::closed_set, Municipality, Opinion, Theme};

closed_set! {
/// One of Tokyo's 13 secondary medical care areas (二次保健医療圏), in the
/// official order.
///
/// The readings, the romanised names ([`romaji`](Region::romaji),
/// [`slug`](Region::slug)), the English names ([`name_en`](Region::name_en))
/// and descriptions are this crate's, not official.
///
/// ```
/// use zaitaku_opinions::{Region, Theme};
///
/// let region: Region = "北多摩南部".parse()?;
/// assert_eq!(region, Region::KitatamaNanbu);
/// assert_eq!(region.name_ja(), "北多摩南部");
/// assert_eq!(region.to_string(), "北多摩南部");
/// assert_eq!(region.opinions(Theme::LocalSituation).len(), 6);
/// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
/// ```
pub enum Region ("region", RegionNames, REGIONS) {
    canonical: ja, display: ja, slug: slug,
    /// 区中央部: Chiyoda, Chūō, Minato, Bunkyō, Taitō.
    KuChuobu,
    /// 区南部: Shinagawa, Ōta.
    KuNanbu,
    /// 区西南部: Meguro, Setagaya, Shibuya.
    KuSeinanbu,
    /// 区西部: Shinjuku, Nakano, Suginami.
    KuSeibu,
    /// 区西北部: Toshima, Kita, Itabashi, Nerima.
    KuSeihokubu,
    /// 区東北部: Arakawa, Adachi, Katsushika.
    KuTohokubu,
    /// 区東部: Sumida, Kōtō, Edogawa.
    KuTobu,
    /// 西多摩: West Tama, its cities, towns and a village (檜原村).
    Nishitama,
    /// 南多摩: Hachiōji, Machida, Hino, Tama, Inagi.
    Minamitama,
    /// 北多摩西部: North Tama, western part: Tachikawa, Akishima,
    /// Kokubunji, Kunitachi, Higashiyamato, Musashimurayama.
    KitatamaSeibu,
    /// 北多摩南部: North Tama, southern part: Musashino, Mitaka, Fuchū,
    /// Chōfu, Koganei, Komae.
    KitatamaNanbu,
    /// 北多摩北部: North Tama, northern part: Kodaira, Higashimurayama,
    /// Kiyose, Higashikurume, Nishitōkyō.
    KitatamaHokubu,
    /// 島しょ (also written 島嶼): the Izu and Ogasawara islands.
    ///
    /// **Has no opinions in this source**: 資料３－２ covers the other 12
    /// areas only, so [`Region::opinions`] returns an empty slice for it.
    /// It is still a region users will meet in other Tokyo data.
    Tosho,
}

/// Looks a name up without allocating: the Japanese name (also with
/// `保健医療圏`, `医療圏` or `二次保健医療圏` after it), the reading, the
/// romanised name, the English name (`Central wards`, as
/// [`Region::name_en`] and the English columns of an export write it), the
/// slug, the variant name, the English description, the area code, or
/// `島嶼` for 島しょ. Full-width and half-width forms,
/// katakana for hiragana, `【】`, spaces, hyphens and ASCII case do not
/// matter. `None` on a miss; use [`str::parse`] for an error that lists
/// the valid names.
///
/// ```
/// use zaitaku_opinions::Region;
///
/// for name in ["区中央部", "区中央部保健医療圏", "くちゅうおうぶ", "Ku-Chūōbu", "Central wards", "ku-chuobu", "KUCHUOBU", "ｋｕ－ｃｈｕｏｂｕ", "1301"] {
///     assert_eq!(Region::from_name(name), Some(Region::KuChuobu), "{name}");
/// }
/// assert_eq!(Region::from_name("区北部"), None);
/// ```
fn from_name;
}

closed_set! {
/// Which part of Tokyo a [`Region`] lies in.
///
/// ```
/// use zaitaku_opinions::{Region, Zone};
///
/// assert_eq!(Region::KuSeibu.zone(), Zone::Wards);
/// assert_eq!(Region::Nishitama.zone(), Zone::Tama);
/// assert_eq!(Region::Tosho.zone(), Zone::Islands);
/// assert_eq!(Zone::Islands.to_string(), "島しょ");
/// assert_eq!("島嶼".parse::<Zone>()?, Zone::Islands);
/// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
/// ```
pub enum Zone ("zone", ZoneNames, ZONES) {
    canonical: ja, display: ja, slug: slug,
    /// The 23 special wards (区部).
    Wards,
    /// The Tama area (多摩).
    Tama,
    /// The islands (島しょ).
    Islands,
}

/// Looks a name up without allocating: the Japanese name (also
/// `島嶼`), the English name, the slug or the variant name, compared as
/// [`Region::from_name`] compares names.
fn from_name;
}

impl Zone {
    /// The Japanese name: 区部, 多摩 or 島しょ.
    pub const fn name_ja(self) -> &'static str {
        self.row().ja
    }

    /// An English name: `the 23 special wards`, `the Tama area` or `the
    /// islands`.
    pub const fn name_en(self) -> &'static str {
        self.row().en
    }

    /// An ASCII slug: `wards`, `tama` or `islands`.
    pub const fn slug(self) -> &'static str {
        self.row().slug
    }
}

impl Region {
    /// The Japanese name, as printed in the source: `区中央部`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Region::KuChuobu.name_ja(), "区中央部");
    /// ```
    pub const fn name_ja(self) -> &'static str {
        self.row().ja
    }

    /// A plain English name (this crate's, not official): `Central wards`,
    /// `North Tama, west`, `Islands`. What the crate writes where an English
    /// reader needs the area's name ([`Row::regions_en`](crate::Row::regions_en));
    /// [`description`](Region::description) adds the municipalities.
    ///
    /// ```
    /// use zaitaku_opinions::Region;
    ///
    /// assert_eq!(Region::KuChuobu.name_en(), "Central wards");
    /// assert_eq!(Region::KitatamaNanbu.name_en(), "North Tama, south");
    /// assert!(Region::iter().all(|r| !r.name_en().is_empty()));
    /// ```
    pub const fn name_en(self) -> &'static str {
        self.row().en
    }

    /// The reading in hiragana: `くちゅうおうぶ`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Region::KuChuobu.kana(), "くちゅうおうぶ");
    /// ```
    pub const fn kana(self) -> &'static str {
        self.row().kana
    }

    /// A romanised name with macrons: `Ku-Chūōbu` (this crate's, not
    /// official).
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Region::KuChuobu.romaji(), "Ku-Chūōbu");
    /// ```
    pub const fn romaji(self) -> &'static str {
        self.row().romaji
    }

    /// An ASCII slug: `ku-chuobu`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Region::KitatamaNanbu.slug(), "kitatama-nanbu");
    /// ```
    pub const fn slug(self) -> &'static str {
        self.row().slug
    }

    /// The token used in opinion ids: `kuchuobu` (the slug without hyphens).
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Region::KitatamaNanbu.id_token(), "kitatamananbu");
    /// ```
    pub const fn id_token(self) -> &'static str {
        self.row().id_token
    }

    /// A plain English description (this crate's): `central wards: Chiyoda,
    /// Chūō, …`, `North Tama, western part: Tachikawa, …`.
    ///
    /// ```
    /// assert!(zaitaku_opinions::Region::KuChuobu.description().starts_with("central wards"));
    /// ```
    pub const fn description(self) -> &'static str {
        self.row().description
    }

    /// The four-digit area code (二次医療圏コード): `1301` for 区中央部 …
    /// `1313` for 島しょ.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Region::KuSeinanbu.code(), "1303");
    /// ```
    pub const fn code(self) -> &'static str {
        self.row().code
    }

    /// The part of Tokyo the region lies in.
    ///
    /// ```
    /// use zaitaku_opinions::{Region, Zone};
    /// assert_eq!(Region::KitatamaHokubu.zone(), Zone::Tama);
    /// ```
    pub const fn zone(self) -> Zone {
        Zone::ALL[self.row().zone]
    }

    /// This area's opinions on `theme`, in document order: a slice of the
    /// static dataset (no allocation). Empty for [`Region::Tosho`].
    ///
    /// ```
    /// use zaitaku_opinions::{Category, Region, Theme};
    ///
    /// let said = Region::KitatamaNanbu.opinions(Theme::LocalSituation);
    /// let on_24h: Vec<&str> = said
    ///     .iter()
    ///     .filter(|o| o.category() == Category::TwentyFourHourCare)
    ///     .map(|o| o.text())
    ///     .collect();
    /// assert_eq!(on_24h.len(), 2);
    /// assert!(Region::Tosho.opinions(Theme::LocalSituation).is_empty());
    /// ```
    pub fn opinions(self, theme: Theme) -> &'static [Opinion] {
        let (start, end) = OPINION_RANGES[theme as usize][self as usize];
        OPINIONS.get(start..end).unwrap_or(&[])
    }

    /// The municipalities (区市町村) that make up this area, in the order
    /// of their local-government codes: a slice of [`Municipality::all`]
    /// (no allocation). Every area has at least one; 島しょ has the 9
    /// island towns and villages.
    ///
    /// ```
    /// use zaitaku_opinions::Region;
    ///
    /// let names: Vec<&str> = Region::KuSeinanbu.municipalities().iter().map(|m| m.name()).collect();
    /// assert_eq!(names, ["目黒区", "世田谷区", "渋谷区"]);
    /// assert_eq!(Region::Tosho.municipalities().len(), 9);
    /// ```
    pub fn municipalities(self) -> &'static [Municipality] {
        crate::municipality::members(self)
    }

    /// The area a municipality belongs to, from any name or code
    /// [`Municipality::from_name`] accepts (`世田谷区`, `東京都世田谷区`,
    /// `Setagaya`, `131121`). Allocates nothing; `None` on a miss.
    ///
    /// ```
    /// use zaitaku_opinions::Region;
    ///
    /// assert_eq!(Region::from_municipality("世田谷区"), Some(Region::KuSeinanbu));
    /// assert_eq!(Region::from_municipality("東京都八王子市"), Some(Region::Minamitama));
    /// assert_eq!(Region::from_municipality("小笠原村"), Some(Region::Tosho));
    /// assert_eq!(Region::from_municipality("横浜市"), None);
    /// ```
    pub fn from_municipality(name: &str) -> Option<Region> {
        Municipality::from_name(name).map(|m| m.region())
    }

    /// The area with this four-digit area code (`"1301"` … `"1313"`, see
    /// [`Region::code`]). ASCII digits only; [`Region::from_name`] also
    /// takes codes, in any width.
    ///
    /// ```
    /// use zaitaku_opinions::Region;
    ///
    /// assert_eq!(Region::from_code("1303"), Some(Region::KuSeinanbu));
    /// assert_eq!(Region::from_code("1313"), Some(Region::Tosho));
    /// assert_eq!(Region::from_code("1314"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Region> {
        Region::iter().find(|r| r.code() == code)
    }

    /// The area whose [`id_token`](Region::id_token) is exactly `token`.
    pub(crate) fn from_id_token(token: &str) -> Option<Region> {
        Region::iter().find(|r| r.id_token() == token)
    }
}
