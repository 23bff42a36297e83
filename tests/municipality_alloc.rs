//! Lookups that hit allocate nothing: a counting global allocator around
//! every accepted spelling of every municipality and region.
//!
//! The counter is per thread, so tests running in parallel in this binary
//! do not disturb it.

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

#[global_allocator]
static GLOBAL: counting_alloc::Counting = counting_alloc::Counting;

use zaitaku_opinions::{Municipality, Region};

/// Allocations made by `f` on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    counting_alloc::allocations(f).1
}

#[test]
fn counter_counts() {
    // The harness itself: an allocation is seen.
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 16]))) >= 1);
}

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
    let n = allocations(|| {
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
