//! Lookups on the static dataset, side by side with what a user would write
//! instead, in one run:
//!
//! * name → enum (`Region`, `Category`, `Theme`: canonical names, aliases,
//!   forms that need normalising, misses) against a hand-written `match` on
//!   the canonical names (the floor);
//! * id → record (`opinion(id)`, `key_opinion(id)`: hits and misses) against
//!   an `FxHashMap<&str, &Opinion>` built in a `once_cell::sync::Lazy` (the
//!   fastest general map) and a `phf::Map` with phf's SipHash (what a
//!   generated phf map costs);
//! * O(1) accessors: `Region::opinions(theme)`, `counts(theme).get(..)`,
//!   `KeyOpinion::taken_from()`;
//! * municipality → record and → region (`Municipality::from_name`,
//!   `Municipality::from_code`, `Region::from_municipality`) against an
//!   `FxHashMap` of the 62 names or codes in a `Lazy`.
//!
//! Each benchmark looks up a whole set of inputs per iteration (so the
//! branch predictor cannot learn one key); divide by the set's size, given
//! in the benchmark's name (`/13`), for the time of one lookup.
//!
//! Run with `cargo bench --bench lookups` (a quick pass:
//! `cargo bench --bench lookups -- --warm-up-time 1 --measurement-time 2`).

use criterion::{criterion_group, criterion_main, Criterion};
use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;
use std::hint::black_box;
use zaitaku_opinions::{
    counts, key_opinion, key_opinions, opinion, opinions, Category, KeyOpinion, Municipality,
    Opinion, Region, Theme,
};

/// The floor for name → enum: a `match` on the 13 Japanese region names,
/// as a user would write it.
fn region_match(s: &str) -> Option<Region> {
    Some(match s {
        "区中央部" => Region::KuChuobu,
        "区南部" => Region::KuNanbu,
        "区西南部" => Region::KuSeinanbu,
        "区西部" => Region::KuSeibu,
        "区西北部" => Region::KuSeihokubu,
        "区東北部" => Region::KuTohokubu,
        "区東部" => Region::KuTobu,
        "西多摩" => Region::Nishitama,
        "南多摩" => Region::Minamitama,
        "北多摩西部" => Region::KitatamaSeibu,
        "北多摩南部" => Region::KitatamaNanbu,
        "北多摩北部" => Region::KitatamaHokubu,
        "島しょ" => Region::Tosho,
        _ => return None,
    })
}

/// The same floor for the 14 category names.
fn category_match(s: &str) -> Option<Category> {
    Some(match s {
        "医療資源等" => Category::MedicalResources,
        "機能分化" => Category::FunctionalDifferentiation,
        "多職種連携" => Category::InterprofessionalCollaboration,
        "情報共有(ICT含む)" => Category::InformationSharing,
        "24時間診療体制" => Category::TwentyFourHourCare,
        "医療機関間の連携" => Category::InterFacilityCollaboration,
        "看取り" => Category::EndOfLifeCare,
        "都民の意識・普及啓発" => Category::PublicAwareness,
        "広域的な取組・連携" => Category::WideAreaCollaboration,
        "入退院調整" => Category::AdmissionDischarge,
        "医療介護関係者の相互理解" => Category::MutualUnderstanding,
        "老健施設" => Category::LongTermCareHealthFacilities,
        "訪問看護ステーション" => Category::HomeVisitNursingStations,
        "その他" => Category::Other,
        _ => return None,
    })
}

/// And for the two theme markers.
fn theme_match(s: &str) -> Option<Theme> {
    match s {
        "テーマ①" => Some(Theme::LocalSituation),
        "テーマ②" => Some(Theme::HospitalCollaboration),
        _ => None,
    }
}

/// ASCII to full width (`ku-chuobu` → `ｋｕ－ｃｈｕｏｂｕ`): a spelling only
/// NFKC turns back into a known name.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Runs `f` on every input; the result is used so nothing is optimised out.
fn each<T: Copy>(inputs: &[&str], f: impl Fn(&str) -> Option<T>) -> usize {
    inputs.iter().filter(|s| f(black_box(s)).is_some()).count()
}

fn names(c: &mut Criterion) {
    let regions: Vec<&str> = Region::ALL.iter().map(|r| r.name_ja()).collect();
    let region_aliases: Vec<&str> = Region::ALL
        .iter()
        .flat_map(|r| [r.slug(), r.romaji(), r.kana(), r.code()])
        .collect();
    let region_normalised: Vec<String> = Region::ALL
        .iter()
        .flat_map(|r| {
            [
                full_width(r.slug()),
                r.slug().to_uppercase(),
                format!("【{}】", r.name_ja()),
            ]
        })
        .collect();
    let region_normalised: Vec<&str> = region_normalised.iter().map(String::as_str).collect();
    // Misses already in normal form, and misses that must be normalised
    // before they can be ruled out.
    let region_misses = ["区北部", "東多摩", "kuhokubu", "1314", ""];
    let region_misses_nfkc = ["区中央部 と 区南部", "ＫＵＨＯＫＵＢＵ"];
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.name_ja()).collect();
    let category_aliases: Vec<&str> = Category::ALL.iter().map(|c| c.slug()).collect();
    let themes: Vec<&str> = Theme::ALL.iter().map(|t| t.marker()).collect();
    let theme_aliases: Vec<&str> = Theme::ALL
        .iter()
        .flat_map(|t| [t.slug(), t.name_ja()])
        .collect();

    // The floors must agree with the crate, or the comparison means nothing.
    for s in &regions {
        assert_eq!(region_match(s), Region::from_name(s));
    }
    for s in &categories {
        assert_eq!(category_match(s), Category::from_name(s));
    }
    for s in &themes {
        assert_eq!(theme_match(s), Theme::from_name(s));
    }
    for s in region_aliases.iter().chain(&region_normalised) {
        assert!(Region::from_name(s).is_some(), "{s}");
    }

    let mut g = c.benchmark_group("name_to_enum");
    g.bench_function("region/match_floor/canonical/13", |b| {
        b.iter(|| each(&regions, region_match))
    });
    g.bench_function("region/from_name/canonical/13", |b| {
        b.iter(|| each(&regions, Region::from_name))
    });
    g.bench_function("region/match_floor/miss/5", |b| {
        b.iter(|| each(&region_misses, region_match))
    });
    g.bench_function("region/from_name/miss/5", |b| {
        b.iter(|| each(&region_misses, Region::from_name))
    });
    g.bench_function("region/from_name/miss_normalised/2", |b| {
        b.iter(|| each(&region_misses_nfkc, Region::from_name))
    });
    g.bench_function("region/from_name/alias/52", |b| {
        b.iter(|| each(&region_aliases, Region::from_name))
    });
    g.bench_function("region/from_name/normalised/39", |b| {
        b.iter(|| each(&region_normalised, Region::from_name))
    });
    g.bench_function("category/match_floor/canonical/14", |b| {
        b.iter(|| each(&categories, category_match))
    });
    g.bench_function("category/from_name/canonical/14", |b| {
        b.iter(|| each(&categories, Category::from_name))
    });
    g.bench_function("category/from_name/alias/14", |b| {
        b.iter(|| each(&category_aliases, Category::from_name))
    });
    g.bench_function("theme/match_floor/canonical/2", |b| {
        b.iter(|| each(&themes, theme_match))
    });
    g.bench_function("theme/from_name/canonical/2", |b| {
        b.iter(|| each(&themes, Theme::from_name))
    });
    g.bench_function("theme/from_name/alias/4", |b| {
        b.iter(|| each(&theme_aliases, Theme::from_name))
    });
    g.finish();
}

/// The id maps a user would build: every id → its record, filled on first
/// use.
static FX_OPINIONS: Lazy<FxHashMap<&'static str, &'static Opinion>> = Lazy::new(|| {
    opinions()
        .iter()
        .map(|o| (leak(o.id().to_string()), o))
        .collect()
});
static FX_KEY_OPINIONS: Lazy<FxHashMap<&'static str, &'static KeyOpinion>> = Lazy::new(|| {
    key_opinions()
        .iter()
        .map(|k| (leak(k.id().to_string()), k))
        .collect()
});

/// An id string that lives as long as the records, like a user's table of
/// ids would.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// A phf map with phf's own (SipHash 1-3) hash, as `phf_codegen` would
/// generate it, built here at start-up from the same ids.
fn phf_map<V: Copy>(entries: Vec<(String, V)>) -> phf::Map<&'static str, V> {
    let entries: Vec<(&'static str, V)> = entries.into_iter().map(|(k, v)| (leak(k), v)).collect();
    let keys: Vec<&str> = entries.iter().map(|(k, _)| *k).collect();
    let state = phf_generator::generate_hash(&keys);
    let ordered: Vec<(&'static str, V)> = state.map.iter().map(|&i| entries[i]).collect();
    phf::Map {
        key: state.key,
        disps: Box::leak(state.disps.into_boxed_slice()),
        entries: Box::leak(ordered.into_boxed_slice()),
    }
}

fn ids(c: &mut Criterion) {
    let hits: Vec<String> = opinions().iter().map(|o| o.id().to_string()).collect();
    let hits: Vec<&str> = hits.iter().map(String::as_str).collect();
    let key_hits: Vec<String> = key_opinions().iter().map(|k| k.id().to_string()).collect();
    let key_hits: Vec<&str> = key_hits.iter().map(String::as_str).collect();
    // Near misses (right shape, wrong value) and junk.
    let misses = [
        "t1-kuchuobu-99",
        "t1-kuchuobu-00",
        "t3-kuchuobu-01",
        "t1-kuhokubu-01",
        "t1-tosho-01",
        "t2-kitatamananbu-3",
        "T1-KUCHUOBU-01",
        "t1-key-01-01",
        "",
        "kuchuobu",
    ];
    let key_misses = [
        "t1-key-01-99",
        "t1-key-99-01",
        "t3-key-01-01",
        "t1-key-1-1",
        "t1-kuchuobu-01",
        "",
    ];
    let phf_opinions = phf_map(opinions().iter().map(|o| (o.id().to_string(), o)).collect());
    let phf_key_opinions = phf_map(
        key_opinions()
            .iter()
            .map(|k| (k.id().to_string(), k))
            .collect(),
    );
    let fx = |s: &str| FX_OPINIONS.get(s).copied();
    let fx_key = |s: &str| FX_KEY_OPINIONS.get(s).copied();
    let phf = |s: &str| phf_opinions.get(s).copied();
    let phf_key = |s: &str| phf_key_opinions.get(s).copied();

    for s in &hits {
        assert_eq!(opinion(s).map(Opinion::id), fx(s).map(Opinion::id));
        assert_eq!(opinion(s).map(Opinion::id), phf(s).map(Opinion::id));
    }
    for s in &key_hits {
        assert_eq!(
            key_opinion(s).map(KeyOpinion::id),
            fx_key(s).map(KeyOpinion::id)
        );
    }
    for s in &misses {
        assert!(opinion(s).is_none() && fx(s).is_none(), "{s}");
    }
    for s in &key_misses {
        assert!(key_opinion(s).is_none() && fx_key(s).is_none(), "{s}");
    }

    let mut g = c.benchmark_group("id_to_record");
    g.bench_function("opinion/fxhashmap/hit/150", |b| b.iter(|| each(&hits, fx)));
    g.bench_function("opinion/phf_siphash/hit/150", |b| {
        b.iter(|| each(&hits, phf))
    });
    g.bench_function("opinion/crate/hit/150", |b| b.iter(|| each(&hits, opinion)));
    g.bench_function("opinion/fxhashmap/miss/10", |b| {
        b.iter(|| each(&misses, fx))
    });
    g.bench_function("opinion/phf_siphash/miss/10", |b| {
        b.iter(|| each(&misses, phf))
    });
    g.bench_function("opinion/crate/miss/10", |b| {
        b.iter(|| each(&misses, opinion))
    });
    g.bench_function("key_opinion/fxhashmap/hit/54", |b| {
        b.iter(|| each(&key_hits, fx_key))
    });
    g.bench_function("key_opinion/phf_siphash/hit/54", |b| {
        b.iter(|| each(&key_hits, phf_key))
    });
    g.bench_function("key_opinion/crate/hit/54", |b| {
        b.iter(|| each(&key_hits, key_opinion))
    });
    g.bench_function("key_opinion/fxhashmap/miss/6", |b| {
        b.iter(|| each(&key_misses, fx_key))
    });
    g.bench_function("key_opinion/crate/miss/6", |b| {
        b.iter(|| each(&key_misses, key_opinion))
    });
    g.finish();
}

fn access(c: &mut Criterion) {
    let mut g = c.benchmark_group("access");
    g.bench_function("region_opinions/1", |b| {
        b.iter(|| black_box(Region::KitatamaNanbu).opinions(black_box(Theme::LocalSituation)))
    });
    g.bench_function("counts_get/1", |b| {
        b.iter(|| {
            counts(black_box(Theme::LocalSituation))
                .get(black_box(Region::KitatamaNanbu), black_box(Category::Other))
        })
    });
    let all_keys = key_opinions();
    g.bench_function("key_sources/1", |b| {
        b.iter(|| black_box(&all_keys[black_box(30)]).taken_from().len())
    });
    g.finish();
}

fn municipalities(c: &mut Criterion) {
    static BY_NAME: Lazy<FxHashMap<&'static str, &'static Municipality>> =
        Lazy::new(|| Municipality::all().iter().map(|m| (m.name(), m)).collect());
    static BY_CODE: Lazy<FxHashMap<&'static str, &'static Municipality>> =
        Lazy::new(|| Municipality::all().iter().map(|m| (m.code(), m)).collect());
    let names: Vec<&str> = Municipality::all().iter().map(|m| m.name()).collect();
    let codes: Vec<&str> = Municipality::all().iter().map(|m| m.code()).collect();
    let addresses: Vec<String> = names.iter().map(|n| format!("東京都{n}")).collect();
    let addresses: Vec<&str> = addresses.iter().map(String::as_str).collect();
    for (n, code) in names.iter().zip(&codes) {
        assert_eq!(Municipality::from_name(n).map(|m| m.code()), Some(*code));
        assert_eq!(BY_NAME.get(n).map(|m| m.code()), Some(*code));
    }
    Lazy::force(&BY_NAME);
    Lazy::force(&BY_CODE);

    let mut g = c.benchmark_group("municipalities");
    g.bench_function("from_name/crate/62", |b| {
        b.iter(|| each(&names, Municipality::from_name))
    });
    g.bench_function("from_name/fxhashmap/62", |b| {
        b.iter(|| each(&names, |s| BY_NAME.get(s).copied()))
    });
    g.bench_function("from_code/crate/62", |b| {
        b.iter(|| each(&codes, Municipality::from_code))
    });
    g.bench_function("from_code/fxhashmap/62", |b| {
        b.iter(|| each(&codes, |s| BY_CODE.get(s).copied()))
    });
    g.bench_function("region_from_municipality/crate/tokyo-prefixed/62", |b| {
        b.iter(|| each(&addresses, Region::from_municipality))
    });
    g.finish();
}

criterion_group!(benches, names, ids, access, municipalities);
criterion_main!(benches);
