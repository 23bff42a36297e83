//! The closed vocabularies, as plain data: one table per vocabulary, one
//! row per line, the only place a name, reading, slug or English gloss is
//! written.
//!
//! This module has no dependencies: the library mounts it (`name_ja()`,
//! `slug()` … index these tables) and so does `build.rs` (through
//! `src/build/mod.rs`), which maps the labels found in `data/` onto the
//! rows (a label that is not listed here fails the build) and generates the
//! name-lookup maps from them.
//!
//! Each table is in its enum's declaration order: row `i` describes the
//! variant whose discriminant is `i` (the library checks this at compile
//! time, and that there is one row per variant).
//!
//! Everything in English, the readings and the romanisations are this
//! crate's, not 東京都's.

/// One `Region` variant: its names for every audience.
#[derive(Debug, Clone, Copy)]
pub struct RegionNames {
    /// Rust variant name, e.g. `KuChuobu`.
    pub variant: &'static str,
    /// Japanese name as printed in the source, e.g. `区中央部`.
    pub ja: &'static str,
    /// Reading in hiragana.
    pub kana: &'static str,
    /// Romanised (Hepburn with macrons); this crate's, not official.
    pub romaji: &'static str,
    /// ASCII slug, e.g. `ku-chuobu`.
    pub slug: &'static str,
    /// Token used in opinion ids, e.g. `kuchuobu` (slug without hyphens).
    pub id_token: &'static str,
    /// Plain English name, e.g. `Central wards`.
    pub en: &'static str,
    /// Plain English description: which municipalities.
    pub description: &'static str,
    /// MHLW secondary-medical-care-area code.
    pub code: &'static str,
    /// Which part of Tokyo: a row of [`ZONES`].
    pub zone: usize,
    /// Other spellings a lookup accepts (besides every field above but `en`).
    #[allow(dead_code)] // read by build.rs, which generates the lookups
    pub also: &'static [&'static str],
}

/// Tokyo's 13 secondary medical care areas, in the official order.
#[rustfmt::skip]
pub const REGIONS: &[RegionNames] = &[
    RegionNames { variant: "KuChuobu", ja: "区中央部", kana: "くちゅうおうぶ", romaji: "Ku-Chūōbu", slug: "ku-chuobu", id_token: "kuchuobu", en: "Central wards", description: "central wards: Chiyoda, Chūō, Minato, Bunkyō, Taitō", code: "1301", zone: 0, also: &[] },
    RegionNames { variant: "KuNanbu", ja: "区南部", kana: "くなんぶ", romaji: "Ku-Nanbu", slug: "ku-nanbu", id_token: "kunanbu", en: "Southern wards", description: "southern wards: Shinagawa, Ōta", code: "1302", zone: 0, also: &[] },
    RegionNames { variant: "KuSeinanbu", ja: "区西南部", kana: "くせいなんぶ", romaji: "Ku-Seinanbu", slug: "ku-seinanbu", id_token: "kuseinanbu", en: "Southwestern wards", description: "southwestern wards: Meguro, Setagaya, Shibuya", code: "1303", zone: 0, also: &[] },
    RegionNames { variant: "KuSeibu", ja: "区西部", kana: "くせいぶ", romaji: "Ku-Seibu", slug: "ku-seibu", id_token: "kuseibu", en: "Western wards", description: "western wards: Shinjuku, Nakano, Suginami", code: "1304", zone: 0, also: &[] },
    RegionNames { variant: "KuSeihokubu", ja: "区西北部", kana: "くせいほくぶ", romaji: "Ku-Seihokubu", slug: "ku-seihokubu", id_token: "kuseihokubu", en: "Northwestern wards", description: "northwestern wards: Toshima, Kita, Itabashi, Nerima", code: "1305", zone: 0, also: &[] },
    RegionNames { variant: "KuTohokubu", ja: "区東北部", kana: "くとうほくぶ", romaji: "Ku-Tōhokubu", slug: "ku-tohokubu", id_token: "kutohokubu", en: "Northeastern wards", description: "northeastern wards: Arakawa, Adachi, Katsushika", code: "1306", zone: 0, also: &[] },
    RegionNames { variant: "KuTobu", ja: "区東部", kana: "くとうぶ", romaji: "Ku-Tōbu", slug: "ku-tobu", id_token: "kutobu", en: "Eastern wards", description: "eastern wards: Sumida, Kōtō, Edogawa", code: "1307", zone: 0, also: &[] },
    RegionNames { variant: "Nishitama", ja: "西多摩", kana: "にしたま", romaji: "Nishitama", slug: "nishitama", id_token: "nishitama", en: "West Tama", description: "West Tama (cities, towns and a village): Ōme, Fussa, Hamura, Akiruno, Mizuho, Hinode, Hinohara, Okutama", code: "1308", zone: 1, also: &[] },
    RegionNames { variant: "Minamitama", ja: "南多摩", kana: "みなみたま", romaji: "Minamitama", slug: "minamitama", id_token: "minamitama", en: "South Tama", description: "South Tama: Hachiōji, Machida, Hino, Tama, Inagi", code: "1309", zone: 1, also: &[] },
    RegionNames { variant: "KitatamaSeibu", ja: "北多摩西部", kana: "きたたませいぶ", romaji: "Kitatama-Seibu", slug: "kitatama-seibu", id_token: "kitatamaseibu", en: "North Tama, west", description: "North Tama, western part: Tachikawa, Akishima, Kokubunji, Kunitachi, Higashiyamato, Musashimurayama", code: "1310", zone: 1, also: &[] },
    RegionNames { variant: "KitatamaNanbu", ja: "北多摩南部", kana: "きたたまなんぶ", romaji: "Kitatama-Nanbu", slug: "kitatama-nanbu", id_token: "kitatamananbu", en: "North Tama, south", description: "North Tama, southern part: Musashino, Mitaka, Fuchū, Chōfu, Koganei, Komae", code: "1311", zone: 1, also: &[] },
    RegionNames { variant: "KitatamaHokubu", ja: "北多摩北部", kana: "きたたまほくぶ", romaji: "Kitatama-Hokubu", slug: "kitatama-hokubu", id_token: "kitatamahokubu", en: "North Tama, north", description: "North Tama, northern part: Kodaira, Higashimurayama, Kiyose, Higashikurume, Nishitōkyō", code: "1312", zone: 1, also: &[] },
    RegionNames { variant: "Tosho", ja: "島しょ", kana: "とうしょ", romaji: "Tōsho", slug: "tosho", id_token: "tosho", en: "Islands", description: "the islands: Ōshima, Toshima Village, Niijima, Kōzushima, Miyake, Mikurajima, Hachijō, Aogashima, Ogasawara", code: "1313", zone: 2, also: &["島嶼"] },
];

/// One `Theme` variant.
#[derive(Debug, Clone, Copy)]
pub struct ThemeNames {
    /// Rust variant name.
    pub variant: &'static str,
    /// Theme number as printed (1 for テーマ①).
    pub number: u8,
    /// The marker as printed, e.g. `テーマ①`.
    pub marker: &'static str,
    /// Japanese title as printed after the marker.
    pub ja: &'static str,
    /// English title (this crate's translation).
    pub en: &'static str,
    /// ASCII slug.
    pub slug: &'static str,
}

/// The two themes of the document, in order.
#[rustfmt::skip]
pub const THEMES: &[ThemeNames] = &[
    ThemeNames { variant: "LocalSituation", number: 1, marker: "テーマ①", ja: "在宅療養に関する地域の現状・課題等について", en: "The local state of home care and its challenges", slug: "local-situation" },
    ThemeNames { variant: "HospitalCollaboration", number: 2, marker: "テーマ②", ja: "地域と病院の連携について", en: "Collaboration between the community and hospitals", slug: "hospital-collaboration" },
];

/// One `Category` variant.
#[derive(Debug, Clone, Copy)]
pub struct CategoryNames {
    /// Rust variant name.
    pub variant: &'static str,
    /// Canonical Japanese name (the heading without 【】).
    pub ja: &'static str,
    /// Other spellings the source uses for the same heading.
    #[allow(dead_code)] // read by build.rs, which parses the headings
    pub label_variants: &'static [&'static str],
    /// English name (this crate's translation).
    pub en: &'static str,
    /// ASCII slug.
    pub slug: &'static str,
}

/// The 14 categories, in the order the document's tables use them.
#[rustfmt::skip]
pub const CATEGORIES: &[CategoryNames] = &[
    CategoryNames { variant: "MedicalResources", ja: "医療資源等", label_variants: &[], en: "Medical resources", slug: "medical-resources" },
    CategoryNames { variant: "FunctionalDifferentiation", ja: "機能分化", label_variants: &[], en: "Functional differentiation", slug: "functional-differentiation" },
    CategoryNames { variant: "InterprofessionalCollaboration", ja: "多職種連携", label_variants: &[], en: "Interprofessional collaboration", slug: "interprofessional-collaboration" },
    CategoryNames { variant: "InformationSharing", ja: "情報共有(ICT含む)", label_variants: &[], en: "Information sharing (including ICT)", slug: "information-sharing" },
    CategoryNames { variant: "TwentyFourHourCare", ja: "24時間診療体制", label_variants: &[], en: "24-hour medical care coverage", slug: "24-hour-care" },
    CategoryNames { variant: "InterFacilityCollaboration", ja: "医療機関間の連携", label_variants: &[], en: "Collaboration between medical institutions", slug: "inter-facility-collaboration" },
    CategoryNames { variant: "EndOfLifeCare", ja: "看取り", label_variants: &[], en: "End-of-life care", slug: "end-of-life-care" },
    CategoryNames { variant: "PublicAwareness", ja: "都民の意識・普及啓発", label_variants: &[], en: "Tokyo residents' awareness and awareness-raising", slug: "public-awareness" },
    CategoryNames { variant: "WideAreaCollaboration", ja: "広域的な取組・連携", label_variants: &[], en: "Wide-area collaboration", slug: "wide-area-collaboration" },
    CategoryNames { variant: "AdmissionDischarge", ja: "入退院調整", label_variants: &[], en: "Admission and discharge coordination", slug: "admission-discharge" },
    CategoryNames { variant: "MutualUnderstanding", ja: "医療介護関係者の相互理解", label_variants: &["医療・介護関係者の相互理解"], en: "Mutual understanding between medical and long-term care professionals", slug: "mutual-understanding" },
    CategoryNames { variant: "LongTermCareHealthFacilities", ja: "老健施設", label_variants: &[], en: "Long-term care health facilities", slug: "long-term-care-health-facilities" },
    CategoryNames { variant: "HomeVisitNursingStations", ja: "訪問看護ステーション", label_variants: &["訪問看護ＳＴ"], en: "Home-visit nursing stations", slug: "home-visit-nursing-stations" },
    CategoryNames { variant: "Other", ja: "その他", label_variants: &[], en: "Other", slug: "other" },
];

/// One `Zone` variant: a part of Tokyo.
#[derive(Debug, Clone, Copy)]
pub struct ZoneNames {
    /// Rust variant name.
    pub variant: &'static str,
    /// Japanese name.
    pub ja: &'static str,
    /// English name.
    pub en: &'static str,
    /// ASCII slug.
    pub slug: &'static str,
    /// Other spellings a lookup accepts.
    #[allow(dead_code)] // read by build.rs, which generates the lookups
    pub also: &'static [&'static str],
}

/// The three parts of Tokyo, in `Zone` order.
#[rustfmt::skip]
pub const ZONES: &[ZoneNames] = &[
    ZoneNames { variant: "Wards", ja: "区部", en: "the 23 special wards", slug: "wards", also: &[] },
    ZoneNames { variant: "Tama", ja: "多摩", en: "the Tama area", slug: "tama", also: &[] },
    ZoneNames { variant: "Islands", ja: "島しょ", en: "the islands", slug: "islands", also: &["島嶼"] },
];

/// One `MunicipalityKind` variant.
#[derive(Debug, Clone, Copy)]
pub struct KindNames {
    /// Rust variant name.
    pub variant: &'static str,
    /// The kind as written at the end of a name: `区`.
    pub ja: &'static str,
    /// Its reading at the end of a Tokyo municipality's name, in hiragana:
    /// `く`, `し`, `まち` (every 町 in Tokyo is read まち), `むら` (every 村).
    pub kana: &'static str,
    /// The romanised suffix used in slugs: `ku`.
    pub romaji: &'static str,
    /// English name.
    pub en: &'static str,
    /// Other spellings a lookup accepts.
    #[allow(dead_code)] // read by build.rs, which generates the lookups
    pub also: &'static [&'static str],
}

/// The kinds of municipality, in `MunicipalityKind` order (the order of
/// their codes).
#[rustfmt::skip]
pub const KINDS: &[KindNames] = &[
    KindNames { variant: "Ku", ja: "区", kana: "く", romaji: "ku", en: "special ward", also: &["ward"] },
    KindNames { variant: "Shi", ja: "市", kana: "し", romaji: "shi", en: "city", also: &[] },
    KindNames { variant: "Machi", ja: "町", kana: "まち", romaji: "machi", en: "town", also: &["cho"] },
    KindNames { variant: "Mura", ja: "村", kana: "むら", romaji: "mura", en: "village", also: &["son"] },
];

/// A row of a vocabulary that has only a slug and an English gloss.
#[derive(Debug, Clone, Copy)]
pub struct SlugNames {
    /// Rust variant name.
    pub variant: &'static str,
    /// ASCII slug.
    pub slug: &'static str,
    /// English description.
    #[allow(dead_code)] // no reader yet
    pub en: &'static str,
}

/// How a key opinion was matched to what it was taken from, in
/// `MatchKind` order.
#[rustfmt::skip]
pub const MATCH_KINDS: &[SlugNames] = &[
    SlugNames { variant: "Exact", slug: "exact", en: "identical text" },
    SlugNames { variant: "WidthInsensitive", slug: "width-insensitive", en: "identical after NFKC" },
    SlugNames { variant: "Merged", slug: "merged", en: "several area opinions merged into one sentence" },
];

/// The two kinds of record, in `RecordKind` order.
#[rustfmt::skip]
pub const RECORD_KINDS: &[SlugNames] = &[
    SlugNames { variant: "Area", slug: "area", en: "area opinion" },
    SlugNames { variant: "Key", slug: "key", en: "key opinion" },
];
