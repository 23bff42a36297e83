//! The code generator: turns the parsed, linked document into plain Rust
//! data (records, ranges, maps); the library holds the code that reads it.
//!
//! Shared by `build.rs` and the determinism test (mounted with `#[path]`).
//! The output depends only on its input: no hash-map iteration order, no
//! time stamps, no paths from the machine that built it.

use crate::build::code::{key_map, lit, phf_map, KeyError, Out, Spelling};
use crate::build::link::Links;
use crate::build::parse::Document;
use crate::build::point::SimilarRow;
use crate::build::vocab::{CATEGORIES, KINDS, MATCH_KINDS, RECORD_KINDS, REGIONS, THEMES, ZONES};
use crate::normalize::{normalize_text, NAME_KEY_CAPACITY};

/// Everything the generator needs besides the document.
pub struct Input<'a> {
    /// The data file's path relative to the crate root, for the header.
    pub data_path: &'a str,
    /// The parsed document.
    pub doc: &'a Document,
    /// Its provenance links.
    pub links: &'a Links,
    /// Similar opinions of each opinion (see `point::similar`).
    pub similar: &'a [Vec<SimilarRow>],
}

/// A closed set's variants, each with every spelling a lookup accepts
/// but its name.
type Variants = Vec<(&'static str, Vec<String>)>;

/// The spellings of each closed set, from the vocabulary: the generated
/// map's name, the enum's, and its variants.
fn spellings() -> [(&'static str, &'static str, Variants); 7] {
    let own = |names: &[&str], also: &[&str]| -> Vec<String> {
        names.iter().chain(also).map(|s| s.to_string()).collect()
    };
    [
        (
            "REGIONS",
            "Region",
            REGIONS
                .iter()
                .map(|r| {
                    let mut names = own(
                        &[
                            r.ja,
                            r.slug,
                            r.romaji,
                            r.en,
                            r.kana,
                            r.description,
                            r.code,
                            r.id_token,
                        ],
                        r.also,
                    );
                    for suffix in ["保健医療圏", "医療圏", "二次保健医療圏"] {
                        names.push(format!("{}{suffix}", r.ja));
                    }
                    (r.variant, names)
                })
                .collect(),
        ),
        (
            "THEMES",
            "Theme",
            THEMES
                .iter()
                .map(|t| {
                    let n = t.number;
                    let mut names = own(&[t.marker, t.slug, t.ja, t.en], &[]);
                    names.push(format!("{}　{}", t.marker, t.ja));
                    names.extend([
                        format!("{n}"),
                        format!("t{n}"),
                        format!("theme{n}"),
                        format!("テーマ{n}"),
                    ]);
                    (t.variant, names)
                })
                .collect(),
        ),
        (
            "CATEGORIES",
            "Category",
            CATEGORIES
                .iter()
                .map(|c| {
                    let mut names = own(&[c.ja, c.slug, c.en], c.label_variants);
                    names.push(format!("【{}】", c.ja));
                    (c.variant, names)
                })
                .collect(),
        ),
        (
            "ZONES",
            "Zone",
            ZONES
                .iter()
                .map(|z| (z.variant, own(&[z.ja, z.slug, z.en], z.also)))
                .collect(),
        ),
        (
            "MATCH_KINDS",
            "MatchKind",
            MATCH_KINDS
                .iter()
                .map(|m| (m.variant, own(&[m.slug], &[])))
                .collect(),
        ),
        (
            "RECORD_KINDS",
            "RecordKind",
            RECORD_KINDS
                .iter()
                .map(|r| (r.variant, own(&[r.slug], &[])))
                .collect(),
        ),
        (
            "KINDS",
            "MunicipalityKind",
            KINDS
                .iter()
                .map(|k| (k.variant, own(&[k.ja, k.kana, k.romaji, k.en], k.also)))
                .collect(),
        ),
    ]
}

/// `[(a, b), (c, d)]`.
fn pairs(ranges: impl IntoIterator<Item = (usize, usize)>) -> String {
    let cells: Vec<String> = ranges
        .into_iter()
        .map(|(a, b)| format!("({a}, {b})"))
        .collect();
    format!("[{}]", cells.join(", "))
}

/// The generated Rust source.
pub fn generate(input: &Input<'_>) -> Result<String, String> {
    let Input {
        data_path,
        doc,
        links,
        similar,
    } = input;
    let mut out = Out::new(
        "src/build/emit.rs",
        data_path,
        &format!(
            "{} area opinions, {} key opinions.",
            doc.opinions.len(),
            doc.key_opinions.len()
        ),
    );
    writeln!(out, "use crate::closed_set::Names;");
    writeln!(out, "use crate::{{Category, KeyOpinion, KeyOpinionId, LineSpan, MatchKind, MunicipalityKind, Opinion, OpinionId, RecordKind, Region, Similar, Theme, Zone}};\n");

    let theme = |t: usize| format!("Theme::{}", THEMES[t].variant);
    let category = |c: usize| format!("Category::{}", CATEGORIES[c].variant);

    // --- records ---------------------------------------------------------
    writeln!(
        out,
        "/// Every area opinion, in document order. Public (not re-exported) for\n\
         /// `opinion!` and `record!`, through `__private`."
    );
    writeln!(
        out,
        "pub static OPINIONS: [Opinion; {}] = [",
        doc.opinions.len()
    );
    for (i, o) in doc.opinions.iter().enumerate() {
        let sims: Vec<String> = similar[i]
            .iter()
            .map(|s| {
                let shared: Vec<String> = s.shared.iter().map(usize::to_string).collect();
                format!(
                    "Similar {{ opinion: &OPINIONS[{}], shared: &[{}], score: {:.4} }}",
                    s.opinion,
                    shared.join(", "),
                    s.score
                )
            })
            .collect();
        writeln!(
            out,
            "    Opinion {{ // {i}\n        id: OpinionId {{ theme: {}, region: Region::{}, position: {} }},\n        category: {},\n        text: {},\n        lines: LineSpan {{ first: {}, last: {} }},\n        similar: &[{}],\n    }},",
            theme(o.theme),
            REGIONS[o.region].variant,
            o.position,
            category(o.category),
            lit(&o.text),
            o.first_line,
            o.last_line,
            sims.join(", "),
        );
    }
    writeln!(out, "];\n");

    writeln!(
        out,
        "/// Every key opinion, in document order. Public (not re-exported) for\n\
         /// `key_opinion!` and `record!`, through `__private`."
    );
    writeln!(
        out,
        "pub static KEY_OPINIONS: [KeyOpinion; {}] = [",
        doc.key_opinions.len()
    );
    for (k, key) in doc.key_opinions.iter().enumerate() {
        let p = &links.provenance[k];
        let taken_from: Vec<String> = p
            .sources
            .iter()
            .map(|s| format!("&OPINIONS[{s}]"))
            .collect();
        let kind = MATCH_KINDS[p.kind as usize].variant;
        writeln!(
            out,
            "    KeyOpinion {{ // {k}\n        id: KeyOpinionId {{ theme: {}, group: {}, position: {} }},\n        category: {},\n        text: {},\n        lines: LineSpan {{ first: {}, last: {} }},\n        taken_from: &[{}],\n        match_kind: MatchKind::{kind},\n    }},",
            theme(key.theme),
            key.group,
            key.position,
            category(links.key_category[k]),
            lit(&key.text),
            key.first_line,
            key.last_line,
            taken_from.join(", "),
        );
    }
    writeln!(out, "];\n");

    // The comparison forms that are not the text itself (NFKC and lower
    // case change few Japanese texts), each stored once, by record index:
    // the area opinions', then the key opinions' (see `Record::index`).
    let texts = doc.opinions.iter().map(|o| &o.text);
    let texts = texts.chain(doc.key_opinions.iter().map(|k| &k.text));
    let normalized: Vec<(usize, String)> = texts
        .map(|text| (text, normalize_text(text)))
        .enumerate()
        .filter(|(_, (text, n))| n != *text)
        .map(|(i, (_, n))| (i, n))
        .collect();
    writeln!(
        out,
        "/// `(record index, comparison form)` of the records whose comparison form\n\
         /// is not their text, by index."
    );
    writeln!(
        out,
        "pub(crate) static NORMALIZED: [(usize, &str); {}] = [",
        normalized.len()
    );
    for (i, n) in &normalized {
        writeln!(out, "    ({i}, {}),", lit(n));
    }
    writeln!(out, "];\n");

    // --- ranges ----------------------------------------------------------
    // Key-opinion groups in order: (start, end) into KEY_OPINIONS.
    writeln!(
        out,
        "/// `KEY_GROUP_RANGES[theme][group - 1]`: (start, end) into KEY_OPINIONS."
    );
    writeln!(
        out,
        "pub(crate) const KEY_GROUP_RANGES: [&[(usize, usize)]; Theme::COUNT] = ["
    );
    for t in 0..THEMES.len() {
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for (k, key) in doc.key_opinions.iter().enumerate() {
            if key.theme != t {
                continue;
            }
            match groups.last_mut() {
                Some(g) if doc.key_opinions[g.0].group == key.group => g.1 = k + 1,
                _ => groups.push((k, k + 1)),
            }
        }
        writeln!(out, "    &{},", pairs(groups));
    }
    writeln!(out, "];\n");

    // Ids need no map: an id is parsed back into (theme, area or group,
    // position), which indexes the tables above directly (see `src/id.rs`).

    // --- name lookups ----------------------------------------------------
    for (name, table, variants) in spellings() {
        let path = |v: usize| format!("{table}::{}", variants[v].0);
        let mut all: Vec<Spelling> = Vec::new();
        for (v, (variant, names)) in variants.iter().enumerate() {
            // The variant's name is a spelling too.
            let names = names.iter().map(String::as_str).chain([*variant]);
            all.extend(names.map(|s| (v, true, s.to_string())));
        }
        let keys = key_map(&all).map_err(|e| match e {
            KeyError::TooLong(i) => format!(
                "src/vocab.rs: {table}: the name `{}` of {} is longer than a lookup key may be ({NAME_KEY_CAPACITY} bytes)",
                all[i].2,
                path(all[i].0)
            ),
            KeyError::Clash(key, a, b) => format!(
                "src/vocab.rs: {table}: the names of {} and {} both normalise to `{key}`; names must be unique",
                path(all[a].0),
                path(all[b].0)
            ),
        })?;
        let (map, longest_input) = phf_map(&keys, path);
        writeln!(out, "/// Every spelling of a {table}, normalised.");
        writeln!(
            out,
            "pub(crate) static {name}: Names<{table}> = Names {{\n    longest_input: {longest_input},\n    keys: {map},\n}};\n"
        );
    }
    Ok(out.finish())
}
