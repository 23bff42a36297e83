//! `search` against the loop a user would write and against the floor of
//! one substring pass over the whole corpus.
//!
//! Run with `cargo bench --bench search` (add `-- --quick` for a short run);
//! medians land in `target/criterion/search */*/new/estimates.json`.
//!
//! For each query:
//! - `search`: [`zaitaku_opinions::search`], counting the hits; includes
//!   normalising the query and building its searcher.
//! - `naive_contains`: `text().contains(q)` over `opinions()`, no
//!   normalisation (so it misses `２４時間` for `24時間`): what a user would
//!   write without this crate's search.
//! - `memmem_corpus`: one `memchr::memmem` pass over every opinion's
//!   normalised text concatenated in advance, with the query given already
//!   normalised, counting matches without mapping them to records: the
//!   floor for any search over this corpus.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use zaitaku_opinions::{opinions, search};

/// Each query, and its normalised form for the memmem floor.
const QUERIES: [(&str, &str); 3] = [("退院", "退院"), ("24時間", "24時間"), ("ICT", "ict")];

fn bench(c: &mut Criterion) {
    let corpus: String = opinions()
        .iter()
        .flat_map(|o| [o.normalized_text(), "\n"])
        .collect();
    for (q, normalized) in QUERIES {
        let mut group = c.benchmark_group(format!("search {q}"));
        group.bench_function("search", |b| b.iter(|| search(black_box(q)).count()));
        group.bench_function("naive_contains", |b| {
            b.iter(|| {
                let q = black_box(q);
                opinions().iter().filter(|o| o.text().contains(q)).count()
            })
        });
        group.bench_function("memmem_corpus", |b| {
            b.iter(|| memchr::memmem::find_iter(corpus.as_bytes(), black_box(normalized)).count())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
