//! Facts from 資料３－２ itself, checked against the generated dataset.
//!
//! Expected values here were read off `data/shiryo-3-2.txt` by hand (line
//! ranges of each area block, texts joined from their wrapped lines), not
//! produced by this crate.

use std::collections::HashSet;
use zaitaku_opinions::{
    counts, key_groups, key_opinion, key_opinions, opinion, opinions, Category, KeyOpinionId,
    MatchKind, OpinionId, Region, Theme,
};

const DATA: &str = include_str!("../data/shiryo-3-2.txt");

/// (theme, region, first line, last line, opinions) of every area block,
/// from reading the document: each block runs from its first heading to the
/// line before the blank line that ends it.
const BLOCKS: [(Theme, Region, usize, usize, usize); 24] = {
    use Region::*;
    use Theme::*;
    [
        (LocalSituation, KuChuobu, 70, 91, 7),
        (LocalSituation, KuNanbu, 93, 114, 6),
        (LocalSituation, KuSeinanbu, 116, 141, 8),
        (LocalSituation, KuSeibu, 143, 166, 9),
        (LocalSituation, KuSeihokubu, 168, 190, 6),
        (LocalSituation, KuTohokubu, 192, 216, 6),
        (LocalSituation, KuTobu, 220, 243, 6),
        (LocalSituation, Nishitama, 245, 260, 5),
        (LocalSituation, Minamitama, 262, 286, 6),
        (LocalSituation, KitatamaSeibu, 288, 309, 5),
        (LocalSituation, KitatamaNanbu, 311, 335, 6),
        (LocalSituation, KitatamaHokubu, 337, 358, 6),
        (HospitalCollaboration, KuChuobu, 439, 462, 7),
        (HospitalCollaboration, KuNanbu, 464, 490, 7),
        (HospitalCollaboration, KuSeinanbu, 492, 513, 5),
        (HospitalCollaboration, KuSeibu, 515, 537, 7),
        (HospitalCollaboration, KuSeihokubu, 539, 560, 6),
        (HospitalCollaboration, KuTohokubu, 562, 584, 6),
        (HospitalCollaboration, KuTobu, 588, 604, 6),
        (HospitalCollaboration, Nishitama, 606, 628, 7),
        (HospitalCollaboration, Minamitama, 630, 651, 6),
        (HospitalCollaboration, KitatamaSeibu, 653, 669, 6),
        (HospitalCollaboration, KitatamaNanbu, 671, 689, 5),
        (HospitalCollaboration, KitatamaHokubu, 691, 712, 6),
    ]
};

fn data_lines() -> Vec<&'static str> {
    DATA.lines().collect()
}

#[test]
fn totals() {
    assert_eq!(opinions().len(), 150);
    assert_eq!(key_opinions().len(), 54);
    assert_eq!(Theme::LocalSituation.opinions().len(), 76);
    assert_eq!(Theme::HospitalCollaboration.opinions().len(), 74);
    assert_eq!(Theme::LocalSituation.key_opinions().len(), 29);
    assert_eq!(Theme::HospitalCollaboration.key_opinions().len(), 25);
    assert_eq!(key_groups(Theme::LocalSituation).count(), 9);
    assert_eq!(key_groups(Theme::HospitalCollaboration).count(), 7);
}

#[test]
fn counts_per_area_and_theme() {
    let lines = data_lines();
    for (theme, region, first, last, expected) in BLOCKS {
        // Independently: bullets in the block's line range of the file.
        let bullets = lines[first - 1..last]
            .iter()
            .filter(|l| l.starts_with(['○', '〇']))
            .count();
        assert_eq!(
            bullets, expected,
            "{region:?} {theme:?}: the pinned count disagrees with the file"
        );
        let said = region.opinions(theme);
        assert_eq!(said.len(), expected, "{region:?} {theme:?}");
        assert!(said
            .iter()
            .all(|o| o.region() == region && o.theme() == theme));
        // Every opinion lies inside its block.
        for o in said {
            assert!(
                o.lines().first() as usize >= first && o.lines().last() as usize <= last,
                "{}",
                o.id()
            );
        }
        assert_eq!(counts(theme).region_total(region), expected);
    }
    for theme in Theme::ALL {
        assert!(Region::Tosho.opinions(theme).is_empty());
        assert_eq!(counts(theme).region_total(Region::Tosho), 0);
    }
}

#[test]
fn count_matrix_matches_records() {
    for theme in Theme::ALL {
        let m = counts(theme);
        for region in Region::ALL {
            for category in Category::ALL {
                let n = region
                    .opinions(theme)
                    .iter()
                    .filter(|o| o.category() == category)
                    .count();
                assert_eq!(m.get(region, category), n);
            }
        }
        let total: usize = Category::ALL.iter().map(|&c| m.category_total(c)).sum();
        assert_eq!(total, theme.opinions().len());
    }
}

#[test]
fn exact_texts() {
    // Wrapped over lines 71-72.
    let o = opinion("t1-kuchuobu-01").unwrap();
    assert_eq!(
        o.text(),
        "区内の在宅患者について、区外の先生が多く診療をしている"
    );
    assert_eq!((o.lines().first(), o.lines().last()), (71, 72));
    assert_eq!(o.category(), Category::MedicalResources);

    // A 〇 (U+3007) bullet, lines 94-96.
    let o = opinion("t1-kunanbu-01").unwrap();
    assert_eq!(
        o.text(),
        "最近、訪問診療専門の歯科診療所が乱立しているが、地元に根差した診療ではない"
    );

    // Half-width katakana kept as is, lines 205-208.
    let o = opinion("t1-kutohokubu-04").unwrap();
    assert_eq!(
        o.text(),
        "薬剤師の取組が進んできた。地域ケア会議のｱﾄﾞﾊﾞｲｽ的な立場の連携から、各事例からの服薬管理に繋げていく具体的な取組に進んできた"
    );
    assert_eq!(o.category(), Category::InterprofessionalCollaboration);

    // Full-width digits kept, lines 350-353.
    let o = opinion("t1-kitatamahokubu-05").unwrap();
    assert_eq!(
        o.text(),
        "在宅医にとって、２４時間診療体制の確保が大きな課題だが、訪問看護ステーションが連携に入ってくれると大変心強い"
    );
    assert_eq!(o.category(), Category::TwentyFourHourCare);

    // Last opinion of the file, lines 709-712.
    let o = opinions().last().unwrap();
    assert_eq!(o.id().to_string(), "t2-kitatamahokubu-06");
    assert_eq!(o.text(), "ケアマネジャーとして関わっている利用者の急変時に、医療者から家族同等に意見を求められる場面もあり、対応に苦慮");
    assert_eq!(o.category(), Category::Other);
    assert_eq!((o.lines().first(), o.lines().last()), (709, 712));

    // Key opinion over two lines (6-7).
    let k = key_opinion("t1-key-01-03").unwrap();
    assert_eq!(k.text(), "在宅医の数が適正か分からない。在宅医療のニーズと在宅医の数のマッチングを丁寧にする必要がある");
}

#[test]
fn what_kitatama_nanbu_said_about_24_hour_care() {
    let texts: Vec<&str> = Region::KitatamaNanbu
        .opinions(Theme::LocalSituation)
        .iter()
        .filter(|o| o.category() == Category::TwentyFourHourCare)
        .map(|o| o.text())
        .collect();
    assert_eq!(
        texts,
        [
            "24時間体制を支援する取組を試みたが、医師に「自分の患者は自分で診る」という考えがあり上手くいかなかった",
            "在宅医療への参入が進まない要因として、「24時間対応」「オンコール体制」「休日夜間対応」等への困難が挙げられる",
        ]
    );
}

#[test]
fn category_label_variants() {
    // 【医療・介護関係者の相互理解】 (line 575) heads two opinions of 区東北部.
    for id in ["t2-kutohokubu-04", "t2-kutohokubu-05"] {
        assert_eq!(
            opinion(id).unwrap().category(),
            Category::MutualUnderstanding,
            "{id}"
        );
    }
    assert!(opinion("t2-kutohokubu-04")
        .unwrap()
        .text()
        .starts_with("病院の看護師は医療の知識は豊富"));
    assert_eq!(
        opinion("t2-kutohokubu-03").unwrap().category(),
        Category::AdmissionDischarge
    );
    // 【訪問看護ＳＴ】 (line 701) heads one opinion of 北多摩北部.
    let o = opinion("t2-kitatamahokubu-04").unwrap();
    assert_eq!(o.category(), Category::HomeVisitNursingStations);
    assert_eq!(o.lines().first(), 702);
    assert_eq!(Category::HomeVisitNursingStations.opinions().count(), 1);
}

#[test]
fn every_variant_is_used() {
    for category in Category::ALL {
        assert!(
            category.opinions().next().is_some(),
            "{category:?} has no opinion"
        );
    }
    for region in &Region::ALL[..12] {
        for theme in Theme::ALL {
            assert!(!region.opinions(theme).is_empty(), "{region:?} {theme:?}");
        }
    }
}

#[test]
fn key_opinion_provenance() {
    let mut kinds = [0; 3];
    for k in key_opinions() {
        assert!(!k.taken_from().is_empty(), "{}", k.id());
        for s in k.taken_from() {
            assert_eq!(s.theme(), k.theme(), "{}", k.id());
            assert!(
                s.key_opinions().any(|q| q.id() == k.id()),
                "back-link missing for {}",
                k.id()
            );
        }
        match k.match_kind() {
            MatchKind::Exact => {
                kinds[0] += 1;
                assert_eq!(k.text(), k.taken_mainly_from().text());
            }
            MatchKind::WidthInsensitive => kinds[1] += 1,
            MatchKind::Merged => kinds[2] += 1,
        }
    }
    assert_eq!(kinds, [52, 1, 1]);

    // ＩＣＴ (line 25, key opinion) vs ICT (line 186, 区西北部).
    let k = key_opinion("t1-key-04-02").unwrap();
    assert_eq!(k.match_kind(), MatchKind::WidthInsensitive);
    assert!(k.text().starts_with("ＩＣＴを活用した連携"));
    assert_eq!(k.taken_from().len(), 1);
    assert_eq!(k.taken_mainly_from().id().to_string(), "t1-kuseihokubu-05");
    assert!(k
        .taken_mainly_from()
        .text()
        .starts_with("ICTを活用した連携"));

    // The merged one (lines 378-380): 区南部's opinion plus 区西北部's and
    // 区中央部's on transfers between hospitals.
    let k = key_opinion("t2-key-02-02").unwrap();
    assert_eq!(k.match_kind(), MatchKind::Merged);
    let ids: Vec<String> = k.taken_from().iter().map(|s| s.id().to_string()).collect();
    assert_eq!(
        ids,
        ["t2-kunanbu-02", "t2-kuseihokubu-04", "t2-kuchuobu-03"]
    );
    assert_eq!(k.taken_mainly_from().region(), Region::KuNanbu);
    assert!(k
        .taken_from()
        .iter()
        .all(|s| s.category() == Category::InformationSharing));

    // Sources of a few exact ones, located by reading the area pages.
    for (key, source) in [
        ("t1-key-01-01", "t1-kutobu-01"),
        ("t1-key-05-01", "t1-kutobu-02"),
        ("t1-key-09-01", "t1-kuseinanbu-08"),
        ("t2-key-01-01", "t2-kunanbu-01"),
        ("t2-key-06-01", "t2-kitatamahokubu-04"),
        ("t2-key-07-04", "t2-kitatamahokubu-05"),
    ] {
        assert_eq!(
            key_opinion(key)
                .unwrap()
                .taken_mainly_from()
                .id()
                .to_string(),
            source,
            "{key}"
        );
    }
}

#[test]
fn key_group_categories() {
    use Category::*;
    // テーマ①: each group's sources share one category, except group 5,
    // whose first opinion comes from 区東部's 【医療資源等】.
    let t1: Vec<Category> = key_groups(Theme::LocalSituation)
        .map(|g| g[0].category())
        .collect();
    assert_eq!(
        t1,
        [
            MedicalResources,
            FunctionalDifferentiation,
            InterprofessionalCollaboration,
            InformationSharing,
            TwentyFourHourCare,
            InterFacilityCollaboration,
            EndOfLifeCare,
            PublicAwareness,
            Other
        ]
    );
    assert_eq!(
        key_opinion("t1-key-05-01")
            .unwrap()
            .taken_mainly_from()
            .category(),
        MedicalResources
    );
    // テーマ②: the labels printed after the groups (lines 419-434), as a set.
    let t2: HashSet<Category> = key_groups(Theme::HospitalCollaboration)
        .map(|g| g[0].category())
        .collect();
    let printed: HashSet<Category> = [
        Other,
        WideAreaCollaboration,
        HomeVisitNursingStations,
        AdmissionDischarge,
        LongTermCareHealthFacilities,
        InformationSharing,
        MutualUnderstanding,
    ]
    .into();
    assert_eq!(t2, printed);
    for group in key_groups(Theme::HospitalCollaboration).chain(key_groups(Theme::LocalSituation)) {
        assert!(group.iter().all(|k| k.category() == group[0].category()));
    }
}

#[test]
fn ids_are_unique_and_round_trip() {
    let mut seen = HashSet::new();
    for o in opinions() {
        let id = o.id().to_string();
        assert!(id.is_ascii());
        assert!(seen.insert(id.clone()), "duplicate {id}");
        assert!(std::ptr::eq(opinion(&id).unwrap(), o));
        let parsed: OpinionId = id.parse().unwrap();
        assert_eq!(parsed, o.id());
        assert!(std::ptr::eq(parsed.opinion(), o));
        assert_eq!(parsed.to_string(), id);
    }
    for k in key_opinions() {
        let id = k.id().to_string();
        assert!(id.is_ascii());
        assert!(seen.insert(id.clone()), "duplicate {id}");
        assert!(std::ptr::eq(key_opinion(&id).unwrap(), k));
        let parsed: KeyOpinionId = id.parse().unwrap();
        assert!(std::ptr::eq(parsed.key_opinion(), k));
        assert_eq!(parsed.to_string(), id);
    }
    assert_eq!(seen.len(), 204);
    // Positions restart at 1 in each block and group.
    assert_eq!(opinion("t1-kuchuobu-01").unwrap().lines().first(), 71);
    assert_eq!(opinion("t2-kuchuobu-01").unwrap().lines().first(), 440);
    assert_eq!(key_opinion("t2-key-01-01").unwrap().lines().first(), 366);
}

#[test]
fn misses_return_none_or_typed_errors() {
    for id in [
        "",
        "t1-kuchuobu-00",
        "t1-kuchuobu-08",
        "t1-kuchuobu-1",
        "T1-KUCHUOBU-01",
        "t3-kuchuobu-01",
        "t1-tosho-01",
        "t1-key-10-01",
        "t2-key-01-06",
        "t1-key-01-01 ",
    ] {
        assert!(opinion(id).is_none(), "{id}");
        assert!(key_opinion(id).is_none(), "{id}");
        assert!(id.parse::<OpinionId>().is_err(), "{id}");
        assert!(id.parse::<KeyOpinionId>().is_err(), "{id}");
    }
    let err = "t9-x-01".parse::<OpinionId>().unwrap_err();
    assert_eq!(err.input(), "t9-x-01");
    assert_eq!(err.kind(), "area opinion id");
    assert_eq!(err.suggestions().len(), 3);
    for id in err.suggestions() {
        assert!(opinion(id).is_some(), "{id}");
        assert!(err.to_string().contains(id.as_str()), "{err}");
    }
    let err = "t1-kuchuobu-99".parse::<OpinionId>().unwrap_err();
    assert!(err.suggestions()[0].starts_with("t1-kuchuobu-"), "{err}");
    let err = "t1-key-05-2".parse::<KeyOpinionId>().unwrap_err();
    assert_eq!(err.kind(), "key opinion id");
    assert!(
        err.suggestions().iter().any(|id| id == "t1-key-05-02"),
        "{err}"
    );
    assert!(err.suggestions().iter().all(|id| key_opinion(id).is_some()));
}

#[test]
fn names_parse() {
    use std::str::FromStr;
    assert_eq!(
        Category::from_str("情報共有(ICT含む)").unwrap(),
        Category::InformationSharing
    );
    assert_eq!(
        Category::from_str("情報共有（ＩＣＴ含む）").unwrap(),
        Category::InformationSharing
    );
    assert_eq!(
        Category::from_str("２４時間診療体制").unwrap(),
        Category::TwentyFourHourCare
    );
    assert_eq!(
        Category::from_str("【24時間診療体制】").unwrap(),
        Category::TwentyFourHourCare
    );
    assert_eq!(
        Category::from_str("【医療・介護関係者の相互理解】").unwrap(),
        Category::MutualUnderstanding
    );
    assert_eq!(
        Category::from_str("訪問看護ST").unwrap(),
        Category::HomeVisitNursingStations
    );
    assert_eq!(
        Category::from_str("訪問看護ＳＴ").unwrap(),
        Category::HomeVisitNursingStations
    );
    assert_eq!(
        Category::from_str("ADMISSION-DISCHARGE").unwrap(),
        Category::AdmissionDischarge
    );
    assert_eq!(
        Category::from_str("admissiondischarge").unwrap(),
        Category::AdmissionDischarge
    );
    assert_eq!(
        Theme::from_str("テーマ②").unwrap(),
        Theme::HospitalCollaboration
    );
    assert_eq!(
        Theme::from_str("テーマ②　地域と病院の連携について").unwrap(),
        Theme::HospitalCollaboration
    );
    assert_eq!(
        Theme::from_str("hospital-collaboration").unwrap(),
        Theme::HospitalCollaboration
    );
    assert_eq!(Region::from_str("区西北部").unwrap(), Region::KuSeihokubu);
    assert_eq!(
        Region::from_str("北多摩北部医療圏").unwrap(),
        Region::KitatamaHokubu
    );
    assert_eq!(
        Region::from_str("kitatama-hokubu").unwrap(),
        Region::KitatamaHokubu
    );
    assert_eq!(
        Region::from_str("KitatamaHokubu").unwrap(),
        Region::KitatamaHokubu
    );

    // A miss suggests the three closest canonical names, by any spelling.
    let err = Category::from_str("介護関係者の相互理解").unwrap_err();
    assert_eq!(err.kind(), "category");
    assert_eq!(err.suggestions()[0], "医療介護関係者の相互理解");
    assert!(
        err.to_string().contains("医療介護関係者の相互理解"),
        "{err}"
    );
    let err = Category::from_str("end-of-live-care").unwrap_err();
    assert_eq!(err.suggestions()[0], "看取り");
    // A set of two: both, in order.
    let err = Theme::from_str("テーマ③").unwrap_err();
    assert_eq!(err.suggestions(), ["テーマ①", "テーマ②"]);
    let err = Region::from_str("").unwrap_err();
    assert_eq!(err.suggestions().len(), 3);
    for err in [
        Category::from_str("在宅").unwrap_err(),
        Region::from_str("x".repeat(100_000).as_str()).unwrap_err(),
    ] {
        assert_eq!(err.suggestions().len(), 3);
        assert!(err
            .suggestions()
            .iter()
            .all(|n| n.parse::<Category>().is_ok() || n.parse::<Region>().is_ok()));
        assert!(err.to_string().chars().count() < 200, "{err}");
    }
}

#[test]
fn enums_round_trip_and_strum_traits() {
    use strum::{EnumCount, IntoEnumIterator, VariantArray, VariantNames};
    // strum's traits, named (the enums' inherent `COUNT` and `iter()`
    // would otherwise be found first).
    assert_eq!(<Region as EnumCount>::COUNT, 13);
    assert_eq!(<Theme as EnumCount>::COUNT, 2);
    assert_eq!(<Category as EnumCount>::COUNT, 14);
    assert_eq!(
        <Region as IntoEnumIterator>::iter().collect::<Vec<_>>(),
        Region::ALL
    );
    assert_eq!(<Category as VariantArray>::VARIANTS, Category::ALL);
    assert_eq!(
        <Theme as VariantNames>::VARIANTS,
        [
            "在宅療養に関する地域の現状・課題等について",
            "地域と病院の連携について"
        ]
    );
    for r in Region::iter() {
        for s in [
            r.name_ja(),
            r.slug(),
            r.kana(),
            r.romaji(),
            r.name_en(),
            r.code(),
            r.id_token(),
            r.description(),
        ] {
            assert_eq!(s.parse::<Region>().unwrap(), r, "{s}");
        }
        assert_eq!(format!("{r:?}").parse::<Region>().unwrap(), r);
        assert_eq!(r.to_string().parse::<Region>().unwrap(), r);
        let s: &'static str = r.into();
        assert_eq!(s, r.name_ja());
    }
    for t in Theme::iter() {
        for s in [t.name_ja(), t.slug(), t.marker(), t.name_en()] {
            assert_eq!(s.parse::<Theme>().unwrap(), t, "{s}");
        }
        assert_eq!(t.number().to_string().parse::<Theme>().unwrap(), t);
    }
    for c in Category::iter() {
        for s in [c.name_ja(), c.slug(), c.name_en()] {
            assert_eq!(s.parse::<Category>().unwrap(), c, "{s}");
        }
        assert_eq!(format!("【{c}】").parse::<Category>().unwrap(), c);
    }
}
