//! Build-time code: the vocabularies, the parser, provenance linking, the
//! English texts, the pins and the code generator. `build.rs` mounts this
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

    /// The generated `dataset.rs` and `municipalities.rs`.
    pub fn generate(&self) -> Result<(String, String), String> {
        let similar = link::similar(&self.doc, emit::SIMILAR_LIMIT);
        let input = emit::Input {
            data_path: parse::PATH,
            doc: &self.doc,
            links: &self.links,
            similar: &similar,
        };
        let dataset = emit::generate(&input).map_err(|e| format!("{}: {e}", parse::PATH))?;
        let municipalities = municipality::generate(municipality::PATH, &self.municipalities)
            .map_err(|e| e.to_string())?;
        Ok((dataset, municipalities))
    }
}
