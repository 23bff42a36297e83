//! Lookups, hits and iteration allocate nothing: a counting global
//! allocator around each call. A global allocator is one per binary, so
//! every allocation test lives in this file.
//!
//! The counter is per thread (`counting_alloc.rs`, beside this file), so
//! tests running in parallel in this binary do not disturb each other.

mod counting_alloc;

#[global_allocator]
static GLOBAL: counting_alloc::Counting = counting_alloc::Counting;
use counting_alloc::allocations;
use zaitaku_opinions::{
    search, Category, KeyOpinionId, Municipality, OpinionId, Query, Region, Theme,
};

#[test]
fn counter_counts() {
    // The harness itself: an allocation is seen.
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 16]))).1 >= 1);
}

// --- ids, names, slices and counts -----------------------------------------

#[test]
fn lookups_do_not_allocate() {
    // Build the inputs first: the strings themselves allocate.
    let ids: Vec<String> = zaitaku_opinions::opinions()
        .iter()
        .map(|o| o.id().to_string())
        .collect();
    let key_ids: Vec<String> = zaitaku_opinions::key_opinions()
        .iter()
        .map(|k| k.id().to_string())
        .collect();

    for id in &ids {
        let (hit, n) = allocations(|| zaitaku_opinions::opinion(id));
        assert!(hit.is_some());
        assert_eq!(n, 0, "opinion({id})");
        let (parsed, n) = allocations(|| id.parse::<OpinionId>());
        assert!(parsed.is_ok());
        assert_eq!(n, 0, "OpinionId::from_str({id})");
        let (_, n) = allocations(|| parsed.map(|p| p.opinion()));
        assert_eq!(n, 0);
    }
    for id in &key_ids {
        let (hit, n) = allocations(|| zaitaku_opinions::key_opinion(id));
        assert!(hit.is_some());
        assert_eq!(n, 0, "key_opinion({id})");
        let (parsed, n) = allocations(|| id.parse::<KeyOpinionId>());
        assert!(parsed.is_ok());
        assert_eq!(n, 0, "KeyOpinionId::from_str({id})");
    }
    let (miss, n) = allocations(|| zaitaku_opinions::opinion("t1-kuchuobu-99"));
    assert!(miss.is_none());
    assert_eq!(n, 0);

    // Names: exact spellings (the match fast path) and normalised ones.
    for name in [
        "区中央部",
        "ku-chuobu",
        "ＫＵ－ＣＨＵＯＢＵ",
        "区中央部保健医療圏",
        " くちゅうおうぶ ",
        "Ku-Chūōbu",
        "1301",
    ] {
        let (r, n) = allocations(|| name.parse::<Region>());
        assert_eq!(r.ok(), Some(Region::KuChuobu), "{name}");
        assert_eq!(n, 0, "Region::from_str({name})");
    }
    for name in [
        "24時間診療体制",
        "【２４時間診療体制】",
        "24-hour-care",
        "TwentyFourHourCare",
    ] {
        let (c, n) = allocations(|| name.parse::<Category>());
        assert_eq!(c.ok(), Some(Category::TwentyFourHourCare), "{name}");
        assert_eq!(n, 0, "Category::from_str({name})");
    }
    for name in ["テーマ①", "テーマ1", "t1", "local-situation"] {
        let (t, n) = allocations(|| name.parse::<Theme>());
        assert_eq!(t.ok(), Some(Theme::LocalSituation), "{name}");
        assert_eq!(n, 0, "Theme::from_str({name})");
    }
    let (miss, n) = allocations(|| Region::from_name("区北部"));
    assert_eq!(miss, None);
    assert_eq!(n, 0);

    // Slices and counts.
    for theme in Theme::ALL {
        for region in Region::ALL {
            let (said, n) = allocations(|| region.opinions(theme));
            assert_eq!(n, 0);
            let (count, n) =
                allocations(|| zaitaku_opinions::counts(theme).get(region, Category::Other));
            assert_eq!(n, 0);
            assert_eq!(
                count,
                said.iter()
                    .filter(|o| o.category() == Category::Other)
                    .count()
            );
        }
        let (_, n) = allocations(|| {
            theme
                .key_opinions()
                .iter()
                .map(|k| k.taken_from().len())
                .sum::<usize>()
        });
        assert_eq!(n, 0);
    }
}

// --- municipalities and regions: every accepted spelling -----------------

#[test]
fn hits_allocate_nothing() {
    // Spellings built before counting.
    let mut municipalities: Vec<(String, &'static Municipality)> = Vec::new();
    for m in Municipality::all() {
        for s in [
            m.name().to_string(),
            format!("東京都{}", m.name()),
            m.slug().to_uppercase(),
            m.romaji().to_string(),
            m.code().to_string(),
            m.jis_code().to_string(),
        ] {
            municipalities.push((s, m));
        }
    }
    let mut regions: Vec<(String, Region)> = Vec::new();
    for r in Region::ALL {
        for s in [
            r.name_ja().to_string(),
            r.kana().to_string(),
            r.romaji().to_string(),
            r.slug().to_uppercase(),
            r.description().to_string(),
            format!("{}保健医療圏", r.name_ja()),
            format!("【{}医療圏】", r.name_ja()),
        ] {
            regions.push((s, r));
        }
    }
    let mut hits = 0;
    let ((), n) = allocations(|| {
        for (s, m) in &municipalities {
            // Romanised names shared by two municipalities are not keys.
            if let Some(found) = Municipality::from_name(s) {
                hits += usize::from(std::ptr::eq(found, *m));
            }
            hits += usize::from(Municipality::from_code(m.code()).is_some());
            hits += usize::from(Region::from_municipality(s) == Some(m.region()));
        }
        for (s, r) in &regions {
            hits += usize::from(Region::from_name(s) == Some(*r));
            hits += usize::from(s.parse::<Region>() == Ok(*r));
            hits += usize::from(Region::from_code(r.code()) == Some(*r));
        }
        hits += Region::ALL
            .iter()
            .map(|r| r.municipalities().len())
            .sum::<usize>();
    });
    assert_eq!(n, 0, "{n} allocations on hits");
    // Every lookup hit (the 2 × 2 spellings `Toshima` aside).
    let expected = municipalities.len() * 3 - 4 + regions.len() * 3 + 62;
    assert_eq!(hits, expected);
}

// --- search and Query ------------------------------------------------------

#[test]
fn iterating_allocates_nothing() {
    let q = Query::new()
        .theme(Theme::HospitalCollaboration)
        .region(Region::KuSeibu)
        .category(Category::AdmissionDischarge)
        .text("退院　調整");
    let (n, allocs) = allocations(|| q.iter().count());
    assert!(n > 0);
    assert_eq!(allocs, 0, "Query::iter");
    let (n, allocs) = allocations(|| Query::new().iter().count());
    assert_eq!((n, allocs), (204, 0));
    // search allocates its terms up front, then nothing per record.
    let it = search("退院 調整");
    let (n, allocs) = allocations(move || it.count());
    assert!(n > 0);
    assert_eq!(allocs, 0, "search iteration");
    // A builder without text allocates nothing at all.
    let (_, allocs) = allocations(|| {
        Query::new()
            .theme(Theme::LocalSituation)
            .region(Region::KuChuobu)
    });
    assert_eq!(allocs, 0);
}
