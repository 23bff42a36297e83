//! The code generator: turns the parsed, linked document into plain Rust.
//!
//! Shared by `build.rs` and the determinism test (mounted with `#[path]`).
//! The output depends only on its input: no hash-map iteration order, no
//! time stamps, no paths from the machine that built it.

use crate::build::link::{Links, MatchKind};
use crate::build::parse::Document;
use crate::build::vocab::{CATEGORIES, REGIONS, THEMES};
use crate::normalize::{name_key, normalize_text};
use std::collections::BTreeMap;
use std::fmt::Write;

/// How many similar opinions each opinion lists at most.
pub const SIMILAR_LIMIT: usize = 5;

/// Everything the generator needs besides the document.
pub struct Input<'a> {
    /// The data file's path relative to the crate root, for the header.
    pub data_path: &'a str,
    /// The parsed document.
    pub doc: &'a Document,
    /// Its provenance links.
    pub links: &'a Links,
    /// Similar opinions of each opinion (index, similarity).
    pub similar: &'a [Vec<(usize, f64)>],
}

/// An error found while generating: two names of different values that
/// normalise to the same lookup key (or, with `values.1` empty, a name too
/// long to be a lookup key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyClash {
    /// The enum.
    pub table: &'static str,
    /// The shared key.
    pub key: String,
    /// The two values.
    pub values: (String, String),
}

impl std::fmt::Display for KeyClash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.values.1.is_empty() {
            return write!(
                f,
                "{}: the name `{}` of {} is longer than a lookup key may be ({} bytes)",
                self.table,
                self.key,
                self.values.0,
                crate::normalize::NAME_KEY_CAPACITY
            );
        }
        write!(
            f,
            "{}: the names of {} and {} both normalise to `{}`; names must be unique",
            self.table, self.values.0, self.values.1, self.key
        )
    }
}

/// phf_codegen panics on a duplicate key; report it as an error instead.
fn check_unique(table: &'static str, keys: &[String]) -> Result<(), KeyClash> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(first) = seen.insert(k, i) {
            return Err(KeyClash {
                table,
                key: k.clone(),
                values: (format!("record {first}"), format!("record {i}")),
            });
        }
    }
    Ok(())
}

/// A Rust string literal for `s` (its `Debug` form, which escapes what a
/// literal must). Shared with the municipality generator.
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn theme_path(t: usize) -> String {
    format!("Theme::{}", THEMES[t].variant)
}

fn region_path(r: usize) -> String {
    format!("Region::{}", REGIONS[r].variant)
}

fn category_path(c: usize) -> String {
    format!("Category::{}", CATEGORIES[c].variant)
}

/// Builds a name → value lookup: a `match` on the exact spellings (the fast
/// path) and a phf map on the normalised keys of every spelling.
fn name_lookup(
    out: &mut String,
    table: &'static str,
    fn_name: &str,
    map_name: &str,
    names: &[(String, Vec<String>)],
) -> Result<(), KeyClash> {
    let mut keys: BTreeMap<String, String> = BTreeMap::new();
    let mut exact: BTreeMap<String, String> = BTreeMap::new();
    for (path, spellings) in names {
        for s in spellings {
            // A name too long to be a key could never be looked up.
            let Some(key) = name_key(s).map(|k| k.as_str().to_string()) else {
                return Err(KeyClash {
                    table,
                    key: s.clone(),
                    values: (path.clone(), String::new()),
                });
            };
            if let Some(other) = keys.get(&key) {
                if other != path {
                    return Err(KeyClash {
                        table,
                        key,
                        values: (other.clone(), path.clone()),
                    });
                }
            }
            keys.insert(key.clone(), path.clone());
            exact.insert(s.clone(), path.clone());
            // Every key too, so that a miss on an input that is already in
            // normal form is final (see `normalize::is_name_key`).
            exact.insert(key, path.clone());
        }
    }
    exact_match(out, table, fn_name, &exact);
    let mut map = phf_codegen::Map::new();
    for (k, path) in &keys {
        map.entry(k.as_str(), path.as_str());
    }
    writeln!(
        out,
        "/// Normalised {table} names (see `crate::normalize::name_key`)."
    )
    .ok();
    writeln!(
        out,
        "pub(crate) static {map_name}: phf::Map<&'static str, {table}> = {};\n",
        map.build()
    )
    .ok();
    canonical_match(out, table, names);
    let valid: Vec<&str> = names.iter().map(|(_, s)| s[0].as_str()).collect();
    writeln!(out, "/// The canonical {table} names, for error messages.").ok();
    writeln!(
        out,
        "pub(crate) const {}_VALID: &str = {};\n",
        table.to_uppercase(),
        lit(&valid.join(", "))
    )
    .ok();
    Ok(())
}

/// Writes `fn {table}_canonical(s: &str) -> Option<{table}>`, `#[inline]`:
/// a `match` on each value's canonical name (its first spelling) only, the
/// `match` a user would write by hand. It is small enough to inline into
/// the caller of `from_name`, so the names used most cost what that
/// `match` costs; everything else goes to the full `_exact` match.
fn canonical_match(out: &mut String, table: &str, names: &[(String, Vec<String>)]) {
    writeln!(
        out,
        "/// The canonical {table} names (the inlined fast path of `from_name`).\n\
         #[inline]\n\
         pub(crate) fn {}_canonical(s: &str) -> Option<{table}> {{\n    match s {{",
        table.to_lowercase()
    )
    .ok();
    for (path, spellings) in names {
        writeln!(out, "        {} => Some({path}),", lit(&spellings[0])).ok();
    }
    writeln!(out, "        _ => None,\n    }}\n}}\n").ok();
}

/// The tables `src/id.rs` resolves ids with: the area token → `Region`
/// `match`, and each theme's key-opinion groups as (start, end) into
/// KEY_OPINIONS.
fn id_index(out: &mut String, groups: &[(usize, usize, usize)]) {
    let tokens: BTreeMap<String, String> = REGIONS
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id_token.to_string(), region_path(i)))
        .collect();
    exact_match(out, "Region", "region_by_id_token", &tokens);
    writeln!(
        out,
        "/// `KEY_GROUP_RANGES[theme][group - 1]`: (start, end) into KEY_OPINIONS."
    )
    .ok();
    let themes: Vec<String> = (0..THEMES.len())
        .map(|t| {
            let cells: Vec<String> = groups
                .iter()
                .filter(|g| g.0 == t)
                .map(|(_, a, b)| format!("({a}, {b})"))
                .collect();
            format!("&[{}]", cells.join(", "))
        })
        .collect();
    writeln!(
        out,
        "pub(crate) const KEY_GROUP_RANGES: [&[(usize, usize)]; {}] = [{}];",
        THEMES.len(),
        themes.join(", ")
    )
    .ok();
}

/// Writes `fn {fn_name}(s: &str) -> Option<{table}>`: a `match` on the
/// exact spellings, split by length, then by the byte that best tells
/// apart the strings of that length. One flat `match` on a hundred strings
/// compiles to a hundred comparisons in a row; the two switches leave one
/// or two candidates, each compared in a few word-sized loads.
fn exact_match(out: &mut String, table: &str, fn_name: &str, exact: &BTreeMap<String, String>) {
    let mut by_len: BTreeMap<usize, Vec<(&str, &str)>> = BTreeMap::new();
    for (s, path) in exact {
        by_len.entry(s.len()).or_default().push((s, path));
    }
    writeln!(
        out,
        "/// Exact spellings and normalised keys of {table} names (the fast path\n\
         /// of `from_name`), by length, then by value."
    )
    .ok();
    writeln!(
        out,
        "pub(crate) fn {fn_name}(s: &str) -> Option<{table}> {{\n    match s.len() {{"
    )
    .ok();
    for (len, names) in &by_len {
        if names.len() <= 2 {
            writeln!(out, "        {len} => match s {{").ok();
            match_arms(out, names, "            ");
            writeln!(out, "        }},").ok();
            continue;
        }
        // Several strings of one length: switch on the byte that tells
        // them apart best, so that at most a few are compared in full.
        let at = (0..*len)
            .min_by_key(|&i| {
                let mut groups: BTreeMap<u8, usize> = BTreeMap::new();
                for (s, _) in names {
                    *groups.entry(s.as_bytes()[i]).or_default() += 1;
                }
                groups.values().copied().max().unwrap_or(0)
            })
            .unwrap_or(0);
        let mut by_byte: BTreeMap<u8, Vec<(&str, &str)>> = BTreeMap::new();
        for &(s, path) in names {
            by_byte.entry(s.as_bytes()[at]).or_default().push((s, path));
        }
        writeln!(out, "        {len} => match s.as_bytes()[{at}] {{").ok();
        for (byte, names) in &by_byte {
            writeln!(out, "            {byte:#04x} => match s {{").ok();
            match_arms(out, names, "                ");
            writeln!(out, "            }},").ok();
        }
        writeln!(out, "            _ => None,\n        }},").ok();
    }
    writeln!(out, "        _ => None,\n    }}\n}}\n").ok();
}

/// The arms of a `match s` on `names`, and the catch-all.
fn match_arms(out: &mut String, names: &[(&str, &str)], indent: &str) {
    for (s, path) in names {
        writeln!(out, "{indent}{} => Some({path}),", lit(s)).ok();
    }
    writeln!(out, "{indent}_ => None,").ok();
}

/// The `normalized` field of a record: `None` where the comparison form is
/// the text itself (most records: NFKC and lower case change few Japanese
/// texts), so that the text is stored once and needs no second pointer.
fn normalized_field(text: &str) -> String {
    let normalized = normalize_text(text);
    if normalized == text {
        "None".to_string()
    } else {
        format!("Some({})", lit(&normalized))
    }
}

fn str_array(out: &mut String, name: &str, values: impl Iterator<Item = String>) {
    let values: Vec<String> = values.map(|v| lit(&v)).collect();
    writeln!(
        out,
        "pub(crate) const {name}: [&str; {}] = [{}];",
        values.len(),
        values.join(", ")
    )
    .ok();
}

/// The generated Rust source.
pub fn generate(input: &Input<'_>) -> Result<String, KeyClash> {
    let Input {
        data_path,
        doc,
        links,
        similar,
    } = input;
    let mut out = String::new();
    writeln!(
        out,
        "// @generated by build.rs (src/build/emit.rs) from {data_path}.\n\
         // Do not edit: change the data or the generator and run `cargo build`.\n\
         // {} area opinions, {} key opinions.\n",
        doc.opinions.len(),
        doc.key_opinions.len()
    )
    .ok();
    writeln!(out, "use crate::{{Category, KeyOpinion, KeyOpinionId, LineSpan, MatchKind, Opinion, OpinionId, Region, Similar, Theme}};\n").ok();

    // --- name tables -----------------------------------------------------
    str_array(
        &mut out,
        "REGION_JA",
        REGIONS.iter().map(|r| r.ja.to_string()),
    );
    str_array(
        &mut out,
        "REGION_KANA",
        REGIONS.iter().map(|r| r.kana.to_string()),
    );
    str_array(
        &mut out,
        "REGION_ROMAJI",
        REGIONS.iter().map(|r| r.romaji.to_string()),
    );
    str_array(
        &mut out,
        "REGION_SLUG",
        REGIONS.iter().map(|r| r.slug.to_string()),
    );
    str_array(
        &mut out,
        "REGION_ID_TOKEN",
        REGIONS.iter().map(|r| r.id_token.to_string()),
    );
    str_array(
        &mut out,
        "REGION_DESCRIPTION",
        REGIONS.iter().map(|r| r.description.to_string()),
    );
    str_array(
        &mut out,
        "REGION_CODE",
        REGIONS.iter().map(|r| r.code.to_string()),
    );
    str_array(
        &mut out,
        "THEME_MARKER",
        THEMES.iter().map(|t| t.marker.to_string()),
    );
    str_array(
        &mut out,
        "THEME_JA",
        THEMES.iter().map(|t| t.ja.to_string()),
    );
    str_array(
        &mut out,
        "THEME_EN",
        THEMES.iter().map(|t| t.en.to_string()),
    );
    str_array(
        &mut out,
        "THEME_SLUG",
        THEMES.iter().map(|t| t.slug.to_string()),
    );
    str_array(
        &mut out,
        "CATEGORY_JA",
        CATEGORIES.iter().map(|c| c.ja.to_string()),
    );
    str_array(
        &mut out,
        "CATEGORY_EN",
        CATEGORIES.iter().map(|c| c.en.to_string()),
    );
    str_array(
        &mut out,
        "CATEGORY_SLUG",
        CATEGORIES.iter().map(|c| c.slug.to_string()),
    );
    out.push('\n');

    // --- name lookups ----------------------------------------------------
    let regions: Vec<(String, Vec<String>)> = REGIONS
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut names = vec![
                r.ja.to_string(),
                r.slug.to_string(),
                r.variant.to_string(),
                r.romaji.to_string(),
                r.kana.to_string(),
                r.description.to_string(),
                r.code.to_string(),
            ];
            names.extend([
                format!("{}保健医療圏", r.ja),
                format!("{}医療圏", r.ja),
                format!("{}二次保健医療圏", r.ja),
            ]);
            (region_path(i), names)
        })
        .collect();
    name_lookup(&mut out, "Region", "region_exact", "REGION_KEYS", &regions)?;
    let themes: Vec<(String, Vec<String>)> = THEMES
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let n = t.number;
            let names = vec![
                t.marker.to_string(),
                t.slug.to_string(),
                t.variant.to_string(),
                t.ja.to_string(),
                format!("{}　{}", t.marker, t.ja),
                t.en.to_string(),
                format!("{n}"),
                format!("t{n}"),
                format!("theme{n}"),
                format!("テーマ{n}"),
            ];
            (theme_path(i), names)
        })
        .collect();
    name_lookup(&mut out, "Theme", "theme_exact", "THEME_KEYS", &themes)?;
    let categories: Vec<(String, Vec<String>)> = CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut names = vec![
                c.ja.to_string(),
                c.slug.to_string(),
                c.variant.to_string(),
                c.en.to_string(),
            ];
            names.extend(c.label_variants.iter().map(|s| s.to_string()));
            names.push(format!("【{}】", c.ja));
            (category_path(i), names)
        })
        .collect();
    name_lookup(
        &mut out,
        "Category",
        "category_exact",
        "CATEGORY_KEYS",
        &categories,
    )?;

    // --- records ---------------------------------------------------------
    // Reverse links: which key opinions quote each area opinion.
    let mut quoted_by: Vec<Vec<usize>> = vec![Vec::new(); doc.opinions.len()];
    for (k, p) in links.provenance.iter().enumerate() {
        for &s in &p.sources {
            quoted_by[s].push(k);
        }
    }
    writeln!(out, "/// Every area opinion, in document order.").ok();
    writeln!(
        out,
        "pub(crate) static OPINIONS: [Opinion; {}] = [",
        doc.opinions.len()
    )
    .ok();
    for (i, o) in doc.opinions.iter().enumerate() {
        let keys: Vec<String> = quoted_by[i]
            .iter()
            .map(|k| format!("&KEY_OPINIONS[{k}]"))
            .collect();
        let sims: Vec<String> = similar[i]
            .iter()
            .map(|&(j, s)| format!("Similar {{ opinion: &OPINIONS[{j}], score: {:.4} }}", s))
            .collect();
        writeln!(
            out,
            "    // {i}: lines {}-{}\n    Opinion {{\n        id: OpinionId {{ theme: {}, region: {}, position: {} }},\n        category: {},\n        text: {},\n        normalized: {},\n        lines: LineSpan {{ first: {}, last: {} }},\n        key_opinions: &[{}],\n        similar: &[{}],\n    }},",
            o.first_line,
            o.last_line,
            theme_path(o.theme),
            region_path(o.region),
            o.position,
            category_path(o.category),
            lit(&o.text),
            normalized_field(&o.text),
            o.first_line,
            o.last_line,
            keys.join(", "),
            sims.join(", "),
        )
        .ok();
    }
    writeln!(out, "];\n").ok();

    writeln!(out, "/// Every key opinion, in document order.").ok();
    writeln!(
        out,
        "pub(crate) static KEY_OPINIONS: [KeyOpinion; {}] = [",
        doc.key_opinions.len()
    )
    .ok();
    for (k, key) in doc.key_opinions.iter().enumerate() {
        let p = &links.provenance[k];
        let taken_from: Vec<String> = p
            .sources
            .iter()
            .map(|s| format!("&OPINIONS[{s}]"))
            .collect();
        let kind = match p.kind {
            MatchKind::Exact => "Exact",
            MatchKind::WidthInsensitive => "WidthInsensitive",
            MatchKind::Merged => "Merged",
        };
        writeln!(
            out,
            "    // {k}: lines {}-{}\n    KeyOpinion {{\n        id: KeyOpinionId {{ theme: {}, group: {}, position: {} }},\n        category: {},\n        text: {},\n        normalized: {},\n        lines: LineSpan {{ first: {}, last: {} }},\n        taken_from: &[{}],\n        match_kind: MatchKind::{kind},\n    }},",
            key.first_line,
            key.last_line,
            theme_path(key.theme),
            key.group,
            key.position,
            category_path(links.key_category[k]),
            lit(&key.text),
            normalized_field(&key.text),
            key.first_line,
            key.last_line,
            taken_from.join(", "),
        )
        .ok();
    }
    writeln!(out, "];\n").ok();

    // --- indices ---------------------------------------------------------
    // Area opinions are grouped by theme, then region: each (theme, region)
    // is one contiguous range of OPINIONS.
    let mut ranges = vec![vec![(0usize, 0usize); REGIONS.len()]; THEMES.len()];
    for (t, row) in ranges.iter_mut().enumerate() {
        for (r, range) in row.iter_mut().enumerate() {
            let idx: Vec<usize> = (0..doc.opinions.len())
                .filter(|&i| doc.opinions[i].theme == t && doc.opinions[i].region == r)
                .collect();
            if let (Some(&a), Some(&b)) = (idx.first(), idx.last()) {
                *range = (a, b + 1);
            } else {
                // An empty range placed where the region would be.
                let at = (0..doc.opinions.len())
                    .find(|&i| (doc.opinions[i].theme, doc.opinions[i].region) > (t, r))
                    .unwrap_or(doc.opinions.len());
                *range = (at, at);
            }
        }
    }
    writeln!(
        out,
        "/// `OPINION_RANGES[theme][region]`: that area's opinions on that theme."
    )
    .ok();
    writeln!(
        out,
        "pub(crate) const OPINION_RANGES: [[(usize, usize); {}]; {}] = [",
        REGIONS.len(),
        THEMES.len()
    )
    .ok();
    for row in &ranges {
        let cells: Vec<String> = row.iter().map(|(a, b)| format!("({a}, {b})")).collect();
        writeln!(out, "    [{}],", cells.join(", ")).ok();
    }
    writeln!(out, "];\n").ok();

    let mut key_ranges = vec![(0usize, 0usize); THEMES.len()];
    for (t, range) in key_ranges.iter_mut().enumerate() {
        let idx: Vec<usize> = (0..doc.key_opinions.len())
            .filter(|&i| doc.key_opinions[i].theme == t)
            .collect();
        if let (Some(&a), Some(&b)) = (idx.first(), idx.last()) {
            *range = (a, b + 1);
        }
    }
    let cells: Vec<String> = key_ranges
        .iter()
        .map(|(a, b)| format!("({a}, {b})"))
        .collect();
    writeln!(
        out,
        "/// `KEY_OPINION_RANGES[theme]`: that theme's key opinions."
    )
    .ok();
    writeln!(
        out,
        "pub(crate) const KEY_OPINION_RANGES: [(usize, usize); {}] = [{}];\n",
        THEMES.len(),
        cells.join(", ")
    )
    .ok();

    // Key-opinion groups in order: (theme, start, end) into KEY_OPINIONS.
    let mut groups: Vec<(usize, usize, usize)> = Vec::new();
    for (k, key) in doc.key_opinions.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if g.0 == key.theme && doc.key_opinions[g.1].group == key.group => g.2 = k + 1,
            _ => groups.push((key.theme, k, k + 1)),
        }
    }
    // Counts per theme, region, category.
    writeln!(
        out,
        "/// `COUNTS[theme][region][category]`: number of area opinions."
    )
    .ok();
    writeln!(
        out,
        "pub(crate) const COUNTS: [[[u16; {}]; {}]; {}] = [",
        CATEGORIES.len(),
        REGIONS.len(),
        THEMES.len()
    )
    .ok();
    for t in 0..THEMES.len() {
        writeln!(out, "    [").ok();
        for (r, region) in REGIONS.iter().enumerate() {
            let cells: Vec<String> = (0..CATEGORIES.len())
                .map(|c| {
                    doc.opinions
                        .iter()
                        .filter(|o| o.theme == t && o.region == r && o.category == c)
                        .count()
                        .to_string()
                })
                .collect();
            writeln!(out, "        [{}], // {}", cells.join(", "), region.ja).ok();
        }
        writeln!(out, "    ],").ok();
    }
    writeln!(out, "];\n").ok();

    // Ids: no map. An id is parsed back into (theme, area or group,
    // position), which indexes the tables above directly (see `src/id.rs`);
    // only the area token needs a lookup. The ids must still be unique.
    let opinion_ids: Vec<String> = doc
        .opinions
        .iter()
        .map(|o| {
            format!(
                "t{}-{}-{:02}",
                THEMES[o.theme].number, REGIONS[o.region].id_token, o.position
            )
        })
        .collect();
    check_unique("opinion ids", &opinion_ids)?;
    let key_ids: Vec<String> = doc
        .key_opinions
        .iter()
        .map(|k| {
            format!(
                "t{}-key-{:02}-{:02}",
                THEMES[k.theme].number, k.group, k.position
            )
        })
        .collect();
    check_unique("key-opinion ids", &key_ids)?;
    id_index(&mut out, &groups);
    Ok(out)
}
