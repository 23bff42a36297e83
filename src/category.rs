//! The categories (【…】 headings) opinions are sorted into.

use crate::dataset::{KEY_OPINIONS, OPINIONS};
use crate::{closed_set::closed_set, KeyOpinion, Opinion};

closed_set! {
/// One of the 14 categories of the document's tables, in the order listed
/// by the document's tables.
///
/// The source spells two headings in two ways: `【医療・介護関係者の相互理解】`
/// is [`Category::MutualUnderstanding`] and `【訪問看護ＳＴ】` is
/// [`Category::HomeVisitNursingStations`]. English names are this crate's.
///
/// ```
/// use zaitaku_opinions::Category;
///
/// assert_eq!("24時間診療体制".parse::<Category>()?, Category::TwentyFourHourCare);
/// assert_eq!("【訪問看護ＳＴ】".parse::<Category>()?, Category::HomeVisitNursingStations);
/// assert_eq!(Category::InformationSharing.name_ja(), "情報共有(ICT含む)");
/// # Ok::<(), zaitaku_opinions::UnknownNameError>(())
/// ```
pub enum Category ("category", CategoryNames, CATEGORIES) {
    canonical: ja, display: ja, slug: slug,
    /// 医療資源等: medical resources (doctors, nurses, pharmacies, …).
    MedicalResources,
    /// 機能分化: functional differentiation between providers.
    FunctionalDifferentiation,
    /// 多職種連携: interprofessional collaboration.
    InterprofessionalCollaboration,
    /// 情報共有(ICT含む): information sharing, including ICT.
    InformationSharing,
    /// 24時間診療体制: 24-hour medical care coverage (round-the-clock care).
    TwentyFourHourCare,
    /// 医療機関間の連携: collaboration between medical institutions.
    InterFacilityCollaboration,
    /// 看取り: end-of-life care.
    EndOfLifeCare,
    /// 都民の意識・普及啓発: Tokyo residents' awareness and awareness-raising.
    PublicAwareness,
    /// 広域的な取組・連携: wide-area initiatives and collaboration.
    WideAreaCollaboration,
    /// 入退院調整: admission and discharge coordination.
    AdmissionDischarge,
    /// 医療介護関係者の相互理解 (also spelt 医療・介護関係者の相互理解):
    /// mutual understanding between medical and long-term care professionals.
    MutualUnderstanding,
    /// 老健施設: long-term care health facilities (老健, short for
    /// 介護老人保健施設).
    LongTermCareHealthFacilities,
    /// 訪問看護ステーション (also spelt 訪問看護ＳＴ): home-visit nursing stations.
    HomeVisitNursingStations,
    /// その他: other.
    Other,
}

/// Looks a name up without allocating: the Japanese name or a spelling
/// the source uses, with or without `【】`, the English name, the slug or
/// the variant name. Width (`２４`, `ＩＣＴ`), spaces, hyphens, the middle
/// dot `・` and ASCII case do not matter.
///
/// ```
/// use zaitaku_opinions::Category;
///
/// for name in ["医療介護関係者の相互理解", "【医療・介護関係者の相互理解】", "mutual-understanding", "MutualUnderstanding"] {
///     assert_eq!(Category::from_name(name), Some(Category::MutualUnderstanding), "{name}");
/// }
/// assert_eq!(Category::from_name("情報共有（ＩＣＴ含む）"), Some(Category::InformationSharing));
/// assert_eq!(Category::from_name("介護"), None);
/// ```
fn from_name;
}

impl Category {
    /// The canonical Japanese name, without 【】: `24時間診療体制`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Category::MutualUnderstanding.name_ja(), "医療介護関係者の相互理解");
    /// ```
    pub const fn name_ja(self) -> &'static str {
        self.row().ja
    }

    /// An English name (this crate's translation).
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Category::EndOfLifeCare.name_en(), "End-of-life care");
    /// ```
    pub const fn name_en(self) -> &'static str {
        self.row().en
    }

    /// An ASCII slug: `admission-discharge`.
    ///
    /// ```
    /// assert_eq!(zaitaku_opinions::Category::AdmissionDischarge.slug(), "admission-discharge");
    /// ```
    pub const fn slug(self) -> &'static str {
        self.row().slug
    }

    /// The area opinions in this category, in document order.
    ///
    /// ```
    /// use zaitaku_opinions::Category;
    /// assert_eq!(Category::LongTermCareHealthFacilities.opinions().count(), 2);
    /// ```
    pub fn opinions(self) -> impl Iterator<Item = &'static Opinion> {
        OPINIONS.iter().filter(move |o| o.category() == self)
    }

    /// The key opinions in this category, in document order.
    ///
    /// ```
    /// use zaitaku_opinions::Category;
    /// assert_eq!(Category::LongTermCareHealthFacilities.key_opinions().count(), 2);
    /// ```
    pub fn key_opinions(self) -> impl Iterator<Item = &'static KeyOpinion> {
        KEY_OPINIONS.iter().filter(move |k| k.category() == self)
    }
}
