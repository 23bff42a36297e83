//! `search` against the loop a user would write, against the per-record
//! loop that the compile-time corpus replaces, and against the floor of one
//! substring pass over the whole corpus.
//!
//! Run with `cargo bench --bench search` (a short run:
//! `cargo bench --bench search -- --warm-up-time 1 --measurement-time 3`);
//! medians land in `target/criterion/search */*/new/estimates.json`.
//!
//! For each query:
//! - `search`: [`zaitaku_opinions::search`], counting the hits; includes
//!   normalising the query, building its searcher and narrowing the record
//!   set over the corpus of all 204 texts.
//! - `naive_contains`: `text().contains(q)` over `opinions()`, no
//!   normalisation (so it misses `２４時間` for `24時間`): what a user would
//!   write without this crate's search.
//! - `memmem_per_record`: one `memchr::memmem::Finder` searching each of
//!   the 204 normalised texts in turn, the query given already normalised:
//!   what the narrowing would cost without the corpus (keep the corpus only
//!   while this is at least 1.5× `memmem_corpus`).
//! - `memmem_corpus`: one `memchr::memmem` pass over the 204 normalised
//!   texts concatenated in advance, the query given already normalised,
//!   counting matches without mapping them to records: the floor for any
//!   search over these texts.
//!
//! And the English search, `search_en`, against the loop a user would
//! write: `text_en().to_ascii_lowercase().contains(q)` over `opinions()`.

use criterion::{criterion_group, criterion_main, Criterion};
use memchr::memmem::Finder;
use std::hint::black_box;
use zaitaku_opinions::{key_opinions, opinions, search, search_en};

/// Each query, and its normalised form for the memmem rows.
const QUERIES: [(&str, &str); 3] = [("退院", "退院"), ("24時間", "24時間"), ("ICT", "ict")];

fn bench(c: &mut Criterion) {
    let texts: Vec<&str> = opinions()
        .iter()
        .map(|o| o.normalized_text())
        .chain(key_opinions().iter().map(|k| k.normalized_text()))
        .collect();
    let corpus: String = texts.iter().flat_map(|&t| [t, "\n"]).collect();
    for (q, normalized) in QUERIES {
        let mut group = c.benchmark_group(format!("search {q}"));
        group.bench_function("search", |b| b.iter(|| search(black_box(q)).count()));
        group.bench_function("naive_contains", |b| {
            b.iter(|| {
                let q = black_box(q);
                opinions().iter().filter(|o| o.text().contains(q)).count()
            })
        });
        group.bench_function("memmem_per_record", |b| {
            b.iter(|| {
                let finder = Finder::new(black_box(normalized));
                texts
                    .iter()
                    .filter(|t| finder.find(t.as_bytes()).is_some())
                    .count()
            })
        });
        group.bench_function("memmem_corpus", |b| {
            b.iter(|| memchr::memmem::find_iter(corpus.as_bytes(), black_box(normalized)).count())
        });
        group.finish();
    }
    for q in ["discharge", "Home care"] {
        let mut group = c.benchmark_group(format!("search_en {q}"));
        group.bench_function("search_en", |b| b.iter(|| search_en(black_box(q)).count()));
        group.bench_function("naive_lowercase_contains", |b| {
            b.iter(|| {
                let terms: Vec<String> = black_box(q)
                    .split_whitespace()
                    .map(str::to_ascii_lowercase)
                    .collect();
                let all = |o: &&zaitaku_opinions::Opinion| {
                    let en = o.text_en().to_ascii_lowercase();
                    terms.iter().all(|t| en.contains(t.as_str()))
                };
                opinions().iter().filter(all).count()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
