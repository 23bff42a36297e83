//! Pinned facts: what the data files are known to hold, written down in
//! `data/pins.tsv` and checked by `build.rs` on every build.
//!
//! The parser refuses text that breaks the document's rules, but some
//! corruptions leave text that follows them: a one-line opinion deleted or
//! duplicated, two lines swapped, a heading replaced by another valid one, a
//! word changed. The pins catch those. Each data file has a content
//! [`fingerprint`](crate::build::reader::fingerprint) (which line ends, a BOM
//! and trailing spaces do not change) and a shape: for the document, the
//! opinions per theme and area, the key-opinion groups and their sizes, and
//! how many key opinions match their sources exactly, width-insensitively
//! or merged; for the municipalities, how many each area has.
//!
//! A mismatch fails the build on the line of `data/pins.tsv` that
//! disagrees, with the value pinned and the value found, shape before
//! fingerprint (so the message says what changed where it can). Every
//! build writes the facts it found to `$OUT_DIR/pins.tsv` in the same
//! format: updating the pins after a deliberate change is reading the
//! diff and copying that file (see "Updating the source" in
//! `data/README.md`).
//!
//! # The file
//!
//! Tab-separated, read with [`crate::build::reader::tsv`]: `file`, `fact`,
//! `value`; `#` starts a comment.

use crate::build::link::Links;
use crate::build::municipality::{self, Record};
use crate::build::parse::{self, Document};
use crate::build::reader::{self, quote, Error};
use crate::build::vocab::{MATCH_KINDS, REGIONS, THEMES};

/// The pins file, as build errors name it.
pub const PATH: &str = "data/pins.tsv";

/// The section of `data/README.md` that says how to change the data.
pub const PROCEDURE: &str = "\"Updating the source\" in data/README.md";

/// One fact about a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The data file it is about.
    pub file: &'static str,
    /// What it says, e.g. `t1 kuchuobu opinions`.
    pub name: String,
    /// Its value, e.g. `12`.
    pub value: String,
}

fn fact(file: &'static str, name: String, value: impl ToString) -> Fact {
    Fact {
        file,
        name,
        value: value.to_string(),
    }
}

/// The facts of the parsed and linked document (shape first, fingerprint last).
pub fn document_facts(doc: &Document, links: &Links) -> Vec<Fact> {
    let file = parse::PATH;
    let mut facts = Vec::new();
    for (t, theme) in THEMES.iter().enumerate() {
        let tn = theme.number;
        for (r, region) in REGIONS.iter().enumerate() {
            let n = doc
                .opinions
                .iter()
                .filter(|o| o.theme == t && o.region == r)
                .count();
            facts.push(fact(file, format!("t{tn} {} opinions", region.id_token), n));
        }
        let keys: Vec<usize> = (0..doc.key_opinions.len())
            .filter(|&k| doc.key_opinions[k].theme == t)
            .collect();
        let groups = keys.iter().map(|&k| doc.key_opinions[k].group).max();
        let sizes: Vec<String> = (1..=groups.unwrap_or(0))
            .map(|g| {
                let n = keys.iter().filter(|&&k| doc.key_opinions[k].group == g);
                n.count().to_string()
            })
            .collect();
        facts.push(fact(file, format!("t{tn} key groups"), sizes.len()));
        facts.push(fact(
            file,
            format!("t{tn} key group sizes"),
            sizes.join(" "),
        ));
        // `28 exact, 1 width-insensitive, 0 merged`: each kind by its slug.
        let mut counts = vec![0; MATCH_KINDS.len()];
        for &k in &keys {
            counts[links.provenance[k].kind as usize] += 1;
        }
        let matches = MATCH_KINDS
            .iter()
            .zip(counts)
            .map(|(row, n)| format!("{n} {}", row.slug))
            .collect::<Vec<_>>()
            .join(", ");
        facts.push(fact(file, format!("t{tn} key opinion matches"), matches));
    }
    facts.push(fact(file, "fingerprint".into(), &doc.fingerprint));
    facts
}

/// The facts of the municipality table (shape first, fingerprint last);
/// `fingerprint` is the file's [`reader::fingerprint`].
pub fn municipality_facts(records: &[Record], fingerprint: &str) -> Vec<Fact> {
    let file = municipality::PATH;
    let mut facts: Vec<Fact> = REGIONS
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let n = records.iter().filter(|m| m.region == r).count();
            fact(file, format!("{} municipalities", region.id_token), n)
        })
        .collect();
    facts.push(fact(file, "fingerprint".into(), fingerprint));
    facts
}

/// The facts as a pins file: what `data/pins.tsv` holds when it agrees.
pub fn render(facts: &[Fact]) -> String {
    let mut out = String::from(
        "# Pinned facts about the data files, checked by build.rs (src/build/pins.rs).\n\
         # A build whose data disagrees with a line here fails and says what differs.\n\
         # To change the data on purpose, follow \"Updating the source\" in data/README.md.\n\
         # file\tfact\tvalue\n",
    );
    for f in facts {
        out.push_str(&format!("{}\t{}\t{}\n", f.file, f.name, f.value));
    }
    out
}

/// Checks the facts found against the pins file's bytes. `found_at` says
/// where the facts found were written (for the message).
pub fn check(pins: &[u8], facts: &[Fact], found_at: &str) -> Result<(), Error> {
    let file = reader::tsv(PATH, pins, "file, fact, value", 0)?;
    let mut pinned = Vec::new();
    for row in &file.rows {
        let (name, value) = (row.fields[1], row.fields[2]);
        let Some(f) = facts
            .iter()
            .find(|f| f.file == row.fields[0] && f.name == name)
        else {
            return Err(row.err(format!(
                "expected a fact build.rs checks, found `{}` `{}`: remove the line ({PROCEDURE})",
                quote(row.fields[0]),
                quote(name)
            )));
        };
        pinned.push((row.line, f, value));
    }
    let update = format!(
        "if the data changed on purpose, follow {PROCEDURE} (the facts found are in {found_at})"
    );
    if let Some(f) = facts
        .iter()
        .find(|f| !pinned.iter().any(|&(_, p, _)| p == *f))
    {
        return Error::fail(
            PATH,
            file.last,
            format!(
                "expected a pin for {} `{}` (found {}), found none; {update}",
                f.file, f.name, f.value
            ),
        );
    }
    // Shape before fingerprint: facts are listed in that order.
    for f in facts {
        for &(line, p, value) in &pinned {
            if p == f && value != f.value {
                return Error::fail(
                    PATH,
                    line,
                    format!(
                        "expected {} `{}` to be {} as pinned here, found {}; {update}",
                        f.file,
                        f.name,
                        quote(value),
                        f.value
                    ),
                );
            }
        }
    }
    Ok(())
}
