//! The first query in a fresh process: the crate's static data needs no
//! initialisation, against the two ways a user would otherwise load the
//! same data on first use (what a `once_cell::sync::Lazy` would run once):
//!
//! * run-time parsing: `data/shiryo-3-2.txt` `include_str!`-ed and parsed
//!   with the crate's own parser (`src/build/`, mounted here with `#[path]`
//!   as `build.rs` does), key opinions linked to the area opinions they were taken from;
//! * JSON + serde: the records exported as JSON (the fields of
//!   `cargo run --example export -- --format jsonl`, made here from the
//!   public API at start-up) and deserialised with serde_json into owned
//!   structs.
//!
//! Each baseline is timed as its whole initialisation plus one lookup; the
//! crate's as the lookup alone, which is all its first query does.
//!
//! Run with `cargo bench --bench first_query` (a quick pass:
//! `cargo bench --bench first_query -- --warm-up-time 1 --measurement-time 2`).

use criterion::{criterion_group, criterion_main, Criterion};
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};
use std::hint::black_box;
use zaitaku_opinions::{key_opinions, opinion, opinions, Region, Theme};

#[path = "../src/build/mod.rs"]
#[allow(dead_code)]
mod build;
#[path = "../src/normalize.rs"]
#[allow(dead_code)]
mod normalize;

/// The source text, embedded as a user parsing at run time would embed it.
const DATA: &str = include_str!("../data/shiryo-3-2.txt");

/// What the run-time-parsing route keeps: the parsed records with their
/// ids, and what each key opinion was taken from.
struct Parsed {
    doc: build::parse::Document,
    links: build::link::Links,
}

fn parse_at_run_time() -> Parsed {
    let doc = build::parse::parse(DATA.as_bytes()).unwrap();
    let links = build::link::link(&doc).unwrap();
    Parsed { doc, links }
}

impl Parsed {
    /// The opinion with this (theme, region, position), as the crate's id
    /// `t1-kuchuobu-03` names it.
    fn find(&self, theme: usize, region: usize, position: usize) -> Option<&str> {
        self.doc
            .opinions
            .iter()
            .find(|o| (o.theme, o.region, o.position) == (theme, region, position))
            .map(|o| o.text.as_str())
    }
}

/// One exported record, as `examples/export.rs` writes it.
#[derive(Serialize, Deserialize)]
struct Record {
    id: String,
    kind: String,
    theme: u8,
    region: Option<String>,
    category: String,
    text: String,
    taken_from: Vec<String>,
}

/// The JSON a user would embed: every record, from the public API.
fn export_json() -> String {
    let key = key_opinions().iter().map(|k| Record {
        id: k.id().to_string(),
        kind: "key".into(),
        theme: k.theme().number(),
        region: None,
        category: k.category().name_ja().into(),
        text: k.text().into(),
        taken_from: k.taken_from().iter().map(|s| s.id().to_string()).collect(),
    });
    let area = opinions().iter().map(|o| Record {
        id: o.id().to_string(),
        kind: "area".into(),
        theme: o.theme().number(),
        region: Some(o.region().name_ja().into()),
        category: o.category().name_ja().into(),
        text: o.text().into(),
        taken_from: Vec::new(),
    });
    serde_json::to_string(&key.chain(area).collect::<Vec<_>>()).unwrap()
}

static JSON: Lazy<String> = Lazy::new(export_json);

fn deserialise(json: &str) -> Vec<Record> {
    serde_json::from_str(json).unwrap()
}

const ID: &str = "t1-kitatamananbu-03";

fn first_query(c: &mut Criterion) {
    // Every route must find the same record.
    let want = opinion(ID).map(|o| o.text());
    let parsed = parse_at_run_time();
    assert_eq!(parsed.doc.opinions.len(), opinions().len());
    assert_eq!(parsed.links.provenance.len(), key_opinions().len());
    assert_eq!(parsed.find(0, Region::KitatamaNanbu as usize, 3), want);
    let records = deserialise(&JSON);
    assert_eq!(records.len(), opinions().len() + key_opinions().len());
    assert_eq!(
        records.iter().find(|r| r.id == ID).map(|r| r.text.as_str()),
        want
    );
    eprintln!(
        "source text {} bytes, JSON export {} bytes",
        DATA.len(),
        JSON.len()
    );

    let mut g = c.benchmark_group("first_query");
    g.bench_function("crate/static_lookup", |b| {
        b.iter(|| opinion(black_box(ID)).map(|o| o.text().len()))
    });
    g.bench_function("crate/region_opinions", |b| {
        b.iter(|| {
            black_box(Region::KitatamaNanbu)
                .opinions(black_box(Theme::LocalSituation))
                .len()
        })
    });
    g.bench_function("runtime_parse/parse_only", |b| {
        b.iter(|| build::parse::parse(black_box(DATA).as_bytes()).map(|d| d.opinions.len()))
    });
    g.bench_function("runtime_parse/init_and_lookup", |b| {
        b.iter(|| {
            let parsed = parse_at_run_time();
            parsed
                .find(0, black_box(Region::KitatamaNanbu as usize), 3)
                .map(str::len)
        })
    });
    g.bench_function("serde_json/init_and_lookup", |b| {
        b.iter(|| {
            let records = deserialise(black_box(&JSON));
            records
                .iter()
                .find(|r| r.id == black_box(ID))
                .map(|r| r.text.len())
        })
    });
    g.finish();
}

criterion_group!(benches, first_query);
criterion_main!(benches);
