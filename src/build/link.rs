//! Key-opinion provenance, and the text similarity it (and
//! `points::similar`'s ranking) uses, computed at build time.
//!
//! Shared by `build.rs` and the tests (mounted with `#[path]`).
//!
//! # The provenance rule
//!
//! Every key opinion (主な意見) is linked to the area opinion(s) of the same
//! theme it was taken from, trying in turn:
//!
//! 1. **exact**: an area opinion whose text is identical;
//! 2. **width-insensitive**: identical after NFKC normalisation and ASCII
//!    lower-casing (`ＩＣＴ` = `ICT`), see `crate::normalize`;
//! 3. **merged**: the key opinion joins several area opinions into one
//!    sentence. Its *main source* is the area opinion with the highest
//!    [`similarity`] to it, which must be at least [`MERGE_MAIN_MIN`]. It
//!    also names every other area opinion of the theme whose
//!    [`similarity`] to the key opinion is at least
//!    [`MERGE_PART_MIN`] and whose category is the main source's, most
//!    similar first.
//!
//! A key opinion that none of these link is a build error.
//!
//! Each key-opinion group (a row of the original table) takes the majority
//! category of its opinions' main sources; a tie is a build error. The row
//! labels that survived extraction must each be the category of exactly one
//! group of their theme.

use crate::build::error::{quote, Error};
use crate::build::parse::{Document, ErrorKind, ParseError, PATH};
use crate::normalize::normalize_text as normalize;
use std::collections::BTreeMap;

/// The least [`similarity`] for the main source of a merged key opinion.
pub const MERGE_MAIN_MIN: f64 = 0.6;
/// The least [`similarity`] for a further source of a merged key opinion.
pub const MERGE_PART_MIN: f64 = 0.3;

/// How a key opinion was linked to its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// The text is identical to one area opinion.
    Exact,
    /// Identical after NFKC normalisation.
    WidthInsensitive,
    /// Several area opinions merged into one sentence.
    Merged,
}

/// The sources of one key opinion.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// Indices into [`Document::opinions`], the main source first.
    pub sources: Vec<usize>,
    /// Which rule linked them.
    pub kind: MatchKind,
}

/// Everything derived from the parsed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Links {
    /// One entry per key opinion, in the same order.
    pub provenance: Vec<Provenance>,
    /// Category index of each key opinion (its group's category).
    pub key_category: Vec<usize>,
}

/// The multiset of character bigrams of an (already normalised) text, as
/// a sorted list.
fn bigrams(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(char, char)> = chars.windows(2).map(|p| (p[0], p[1])).collect();
    out.sort_unstable();
    out
}

/// The size of the multisets' intersection (both sorted).
fn shared(a: &[(char, char)], b: &[(char, char)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// Dice coefficient of the character-bigram multisets of the two texts after
/// NFKC normalisation: 1.0 for identical texts, 0.0 for texts sharing no bigram.
pub fn similarity(a: &str, b: &str) -> f64 {
    dice(&bigrams(&normalize(a)), &bigrams(&normalize(b)))
}

/// The Dice coefficient of two bigram multisets.
fn dice(a: &[(char, char)], b: &[(char, char)]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    2.0 * shared(a, b) as f64 / total as f64
}

/// Links every key opinion to its sources and derives group categories.
pub fn link(doc: &Document) -> Result<Links, ParseError> {
    // Normal forms and bigrams, computed once and only if a key opinion
    // needs them (most match exactly).
    let mut norm: Vec<Option<String>> = vec![None; doc.opinions.len()];
    let mut grams: Vec<Option<Vec<(char, char)>>> = vec![None; doc.opinions.len()];
    let mut provenance = Vec::with_capacity(doc.key_opinions.len());
    for key in &doc.key_opinions {
        let same_theme: Vec<usize> = (0..doc.opinions.len())
            .filter(|&i| doc.opinions[i].theme == key.theme)
            .collect();
        let exact: Vec<usize> = same_theme
            .iter()
            .copied()
            .filter(|&i| doc.opinions[i].text == key.text)
            .collect();
        if !exact.is_empty() {
            provenance.push(Provenance {
                sources: exact,
                kind: MatchKind::Exact,
            });
            continue;
        }
        let key_norm = normalize(&key.text);
        for &i in &same_theme {
            norm[i].get_or_insert_with(|| normalize(&doc.opinions[i].text));
        }
        let wide: Vec<usize> = same_theme
            .iter()
            .copied()
            .filter(|&i| norm[i].as_deref() == Some(key_norm.as_str()))
            .collect();
        if !wide.is_empty() {
            provenance.push(Provenance {
                sources: wide,
                kind: MatchKind::WidthInsensitive,
            });
            continue;
        }
        // Merged: best similarity is the main source.
        let key_grams = bigrams(&key_norm);
        let mut similarity_to = |i: usize| {
            let g = grams[i].get_or_insert_with(|| bigrams(norm[i].as_deref().unwrap_or("")));
            dice(g, &key_grams)
        };
        let mut best: Option<(usize, f64)> = None;
        let mut scores = Vec::with_capacity(same_theme.len());
        for &i in &same_theme {
            let s = similarity_to(i);
            scores.push((i, s));
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        let Some((main, _)) = best.filter(|&(_, s)| s >= MERGE_MAIN_MIN) else {
            return Err(Error::new(
                PATH,
                key.first_line,
                ErrorKind::KeyOpinionWithoutSource {
                    text: quote(&key.text),
                },
            ));
        };
        let main_category = doc.opinions[main].category;
        let mut parts: Vec<(usize, f64)> = scores
            .into_iter()
            .filter(|&(i, s)| {
                i != main && doc.opinions[i].category == main_category && s >= MERGE_PART_MIN
            })
            .collect();
        parts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut sources = vec![main];
        sources.extend(parts.into_iter().map(|(i, _)| i));
        provenance.push(Provenance {
            sources,
            kind: MatchKind::Merged,
        });
    }

    // Group categories: majority of the main sources' categories.
    let mut key_category = vec![0; doc.key_opinions.len()];
    let mut groups: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (k, key) in doc.key_opinions.iter().enumerate() {
        groups.entry((key.theme, key.group)).or_default().push(k);
    }
    let mut group_categories: Vec<(usize, usize)> = Vec::new(); // (theme, category)
    for ((theme, group), members) in &groups {
        let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
        for &k in members {
            *votes
                .entry(doc.opinions[provenance[k].sources[0]].category)
                .or_insert(0) += 1;
        }
        let top = votes.values().copied().max().unwrap_or(0);
        let winners: Vec<usize> = votes
            .iter()
            .filter(|(_, &n)| n == top)
            .map(|(&c, _)| c)
            .collect();
        if winners.len() != 1 {
            let line = doc.key_opinions[members[0]].first_line;
            return Err(Error::new(
                PATH,
                line,
                ErrorKind::AmbiguousGroupCategory { group: *group },
            ));
        }
        for &k in members {
            key_category[k] = winners[0];
        }
        group_categories.push((*theme, winners[0]));
    }

    // The surviving row labels must each name exactly one group's category.
    for label in &doc.row_labels {
        let n = group_categories
            .iter()
            .filter(|&&(t, c)| t == label.theme && c == label.category)
            .count();
        if n != 1 {
            return Err(Error::new(
                PATH,
                label.first_line,
                ErrorKind::RowLabelMismatch {
                    label: crate::build::vocab::CATEGORIES[label.category].ja,
                },
            ));
        }
    }
    Ok(Links {
        provenance,
        key_category,
    })
}
