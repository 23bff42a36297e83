//! Lookups allocate nothing: a counting global allocator around each call.
//!
//! The counter is per thread (`tests/support/counting_alloc.rs`).

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

#[global_allocator]
static GLOBAL: counting_alloc::Counting = counting_alloc::Counting;
use counting_alloc::allocations;
use zaitaku_opinions::{Category, KeyOpinionId, OpinionId, Region, Theme};

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
