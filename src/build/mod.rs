//! Build-time code: the reader of data files, the parser, provenance
//! linking, the English texts, the points, the pins and the code generators
//! (the checked-literal macros' tables among them)
//! (with the vocabularies of `src/vocab.rs`, which the library shares).
//! `build.rs` mounts this module with `#[path]`; so do the one test binary
//! that checks it (`tests/build/`) and `benches/first_query.rs`. The library itself never parses
//! anything at run time.
//!
//! [`run`] is the whole build on the data files' bytes: `build.rs` only
//! reads the files and writes what it returns, so a test that calls it runs
//! exactly what `cargo build` runs.

pub mod code;
pub mod emit;
pub mod english;
pub mod link;
pub mod macros;
pub mod municipality;
pub mod parse;
pub mod pins;
pub mod point;
pub mod reader;
#[path = "../vocab.rs"] // the library mounts it too
pub mod vocab;

/// The whole build, on the data files' bytes. `read` gives a data file's
/// bytes by its path relative to the crate root (`data/…`); each generated
/// file goes to `write` with its name in `OUT_DIR`, and `write` says where
/// it put it. `pins.tsv`, the facts found, is written before the pins are
/// checked, so that it is there when they disagree (the message says where).
/// Errors are `data/<file>:<line>: …` lines.
pub fn run(
    mut read: impl FnMut(&'static str) -> Result<Vec<u8>, String>,
    mut write: impl FnMut(&'static str, String) -> Result<String, String>,
) -> Result<(), String> {
    let doc = parse::parse(&read(parse::PATH)?)?;
    let links = link::link(&doc)?;
    let municipalities = read(municipality::PATH)?;
    let records = municipality::parse(&municipalities)?;
    let text = reader::decode(municipality::PATH, &municipalities)?;
    let mut facts = pins::document_facts(&doc, &links);
    facts.extend(pins::municipality_facts(
        &records,
        &reader::fingerprint(text),
    ));
    let found = write("pins.tsv", pins::render(&facts))?;
    pins::check(&read(pins::PATH)?, &facts, &found)?;
    let sources = english::sources(&doc, &links);
    let glossary = read(english::GLOSSARY_PATH)?;
    let english = english::read(&glossary, &read(english::PATH)?, &sources)?;
    let ids: Vec<String> = sources
        .iter()
        .take(doc.opinions.len())
        .map(|s| s.id.clone())
        .collect();
    let points = point::parse_points(&read(point::POINTS_PATH)?)?;
    let points = point::parse_tags(&read(point::TAGS_PATH)?, points, &ids)?;
    let similar = point::similar(&doc, &points.tags);
    let input = emit::Input {
        data_path: parse::PATH,
        doc: &doc,
        links: &links,
        similar: &similar,
    };
    write("dataset.rs", emit::generate(&input)?)?;
    write(
        "english.rs",
        english::generate(&sources, &english, ids.len()),
    )?;
    write(
        "municipalities.rs",
        municipality::generate(municipality::PATH, &records)?,
    )?;
    write("points.rs", point::generate(&doc, &points, &links))?;
    let (tables, literals) = macros::generate(&doc, &points, &records)?;
    write(macros::TABLES, tables)?;
    write(macros::LITERALS, literals)?;
    Ok(())
}
