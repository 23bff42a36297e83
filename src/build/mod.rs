//! Build-time code: the vocabularies, the parser, provenance linking, the
//! English texts, the points, the pins and the code generator. `build.rs` mounts this
//! module with `#[path]`; so do the tests and benches that check the parser
//! on fixtures. The library itself never parses anything at run time.
//!
//! [`read`] and [`Data`]'s methods are the whole build on the data files'
//! bytes: `build.rs` only reads the files and writes what they return, so
//! a test that calls them runs exactly what `cargo build` runs.

pub mod emit;
pub mod english;
pub mod error;
pub mod link;
pub mod municipality;
pub mod parse;
pub mod pins;
pub mod points;
pub mod vocab;

/// The data files, read, parsed, linked and counted.
pub struct Data {
    /// The parsed document.
    pub doc: parse::Document,
    /// Its key opinions' provenance.
    pub links: link::Links,
    /// The municipalities.
    pub municipalities: Vec<municipality::Record>,
    /// The facts the pins are checked against.
    pub facts: Vec<pins::Fact>,
}

/// Reads the bytes of `data/shiryo-3-2.txt` and `data/municipalities.tsv`.
/// Errors are `data/<file>:<line>: …` lines.
pub fn read(document: &[u8], municipalities: &[u8]) -> Result<Data, String> {
    let doc = parse::parse(document).map_err(|e| e.to_string())?;
    let links = link::link(&doc).map_err(|e| e.to_string())?;
    let records = municipality::parse(municipalities).map_err(|e| e.to_string())?;
    let text = error::decode(municipality::PATH, municipalities).map_err(|e| e.to_string())?;
    let mut facts = pins::document_facts(&doc, &links);
    facts.extend(pins::municipality_facts(
        &records,
        &error::fingerprint(text),
    ));
    Ok(Data {
        doc,
        links,
        municipalities: records,
        facts,
    })
}

impl Data {
    /// Checks the facts against the bytes of `data/pins.tsv`; `found_at`
    /// names the file the caller wrote [`pins::render`]`(&self.facts)` to.
    pub fn check(&self, pins: &[u8], found_at: &str) -> Result<(), String> {
        pins::check(pins, &self.facts, found_at).map_err(|e| e.to_string())
    }

    /// Reads the bytes of `data/glossary.tsv` and `data/english.tsv`
    /// against the document.
    pub fn english(&self, glossary: &[u8], english: &[u8]) -> Result<english::English, String> {
        let sources = english::sources(&self.doc, &self.links);
        english::read(glossary, english, &sources).map_err(|e| e.to_string())
    }

    /// The generated `english.rs`: the English texts checked by
    /// [`english`](Data::english), in the records' order.
    pub fn generate_english(&self, english: &english::English) -> String {
        let sources = english::sources(&self.doc, &self.links);
        english::generate(&sources, english, self.doc.opinions.len())
    }

    /// Reads the bytes of `data/points.tsv` and `data/opinion-points.tsv`
    /// against the document's area opinions.
    pub fn points(&self, points: &[u8], tags: &[u8]) -> Result<points::Points, String> {
        let rows = points::parse_points(points).map_err(|e| e.to_string())?;
        points::parse_tags(tags, rows, &points::opinion_ids(&self.doc)).map_err(|e| e.to_string())
    }

    /// The generated `dataset.rs`, `municipalities.rs` and `points.rs`.
    pub fn generate(&self, points: &points::Points) -> Result<(String, String, String), String> {
        let similar = points::similar(&self.doc, &points.tags);
        let input = emit::Input {
            data_path: parse::PATH,
            doc: &self.doc,
            links: &self.links,
            similar: &similar,
        };
        let dataset = emit::generate(&input).map_err(|e| format!("{}: {e}", parse::PATH))?;
        let municipalities = municipality::generate(municipality::PATH, &self.municipalities)
            .map_err(|e| e.to_string())?;
        let key_sources: Vec<Vec<usize>> = self
            .links
            .provenance
            .iter()
            .map(|p| p.sources.clone())
            .collect();
        let points = points::generate(&self.doc, points, &key_sources);
        Ok((dataset, municipalities, points))
    }
}
