//! Lookups allocate nothing: a counting global allocator around each call.
//!
//! This file holds a single test so no other test thread allocates while it
//! counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use zaitaku_opinions::{Category, KeyOpinionId, OpinionId, Region, Theme};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the
// only addition is an atomic counter.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns how many allocations it made.
fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let out = std::hint::black_box(f());
    (out, ALLOCATIONS.load(Ordering::SeqCst) - before)
}

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
    let (miss, n) = allocations(|| zaitaku_opinions::opinion("t1-kuchubu-99"));
    assert!(miss.is_none());
    assert_eq!(n, 0);

    // Names: exact spellings (the match fast path) and normalised ones.
    for name in [
        "区中央部",
        "ku-chubu",
        "ＫＵ－ＣＨＵＢＵ",
        "区中央部保健医療圏",
        " くちゅうぶ ",
        "Ku-Chūbu",
        "1301",
    ] {
        let (r, n) = allocations(|| name.parse::<Region>());
        assert_eq!(r.ok(), Some(Region::KuChubu), "{name}");
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
                .map(|k| k.sources().len())
                .sum::<usize>()
        });
        assert_eq!(n, 0);
    }
}
