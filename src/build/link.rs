//! Key-opinion provenance, and the text similarity it (and
//! `point::similar`'s ranking) uses, computed at build time.
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

use crate::build::parse::{Document, ErrorKind, ParseError};
use crate::build::reader::quote;
use crate::build::vocab::{CATEGORIES, MATCH_KINDS};
use crate::normalize::{dice, normalize_text as normalize};
use std::cell::OnceCell;

/// The least [`similarity`] for the main source of a merged key opinion.
pub const MERGE_MAIN_MIN: f64 = 0.6;
/// The least [`similarity`] for a further source of a merged key opinion.
pub const MERGE_PART_MIN: f64 = 0.3;

/// How a key opinion was linked to its sources. `MATCH_KINDS[kind as
/// usize]` is its vocabulary row, which names it in the generated code and
/// in the pins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// The text is identical to one area opinion.
    Exact,
    /// Identical after NFKC normalisation.
    WidthInsensitive,
    /// Several area opinions merged into one sentence.
    Merged,
}

// One vocabulary row per kind, in this order: a row out of order would
// mislabel the match counts pinned in `data/pins.tsv`, and fail the build.
const _: () = assert!(MATCH_KINDS.len() == MatchKind::Merged as usize + 1);

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

/// Dice coefficient of character-bigram multisets of the two texts after
/// NFKC normalisation: 1.0 for identical texts, 0.0 for texts sharing no bigram.
pub fn similarity(a: &str, b: &str) -> f64 {
    dice(&bigrams(&normalize(a)), &bigrams(&normalize(b)))
}

/// Links every key opinion to its sources and derives group categories.
pub fn link(doc: &Document) -> Result<Links, ParseError> {
    // Normal forms and bigrams, computed once and only if a key opinion
    // needs them (most match exactly).
    let norm: Vec<OnceCell<String>> = vec![OnceCell::new(); doc.opinions.len()];
    let grams: Vec<OnceCell<Vec<(char, char)>>> = vec![OnceCell::new(); doc.opinions.len()];
    let norm_of = |i: usize| norm[i].get_or_init(|| normalize(&doc.opinions[i].text));
    let grams_of = |i: usize| grams[i].get_or_init(|| bigrams(norm_of(i)));
    let mut provenance = Vec::with_capacity(doc.key_opinions.len());
    for key in &doc.key_opinions {
        let same_theme: Vec<usize> = (0..doc.opinions.len())
            .filter(|&i| doc.opinions[i].theme == key.theme)
            .collect();
        let key_norm = OnceCell::new();
        let key_norm = || key_norm.get_or_init(|| normalize(&key.text));
        // The rules in turn: the first that finds a source links the key.
        let rules: [(MatchKind, &dyn Fn(usize) -> bool); 2] = [
            (MatchKind::Exact, &|i| doc.opinions[i].text == key.text),
            (MatchKind::WidthInsensitive, &|i| norm_of(i) == key_norm()),
        ];
        let found = rules.iter().find_map(|&(kind, same)| {
            let sources: Vec<usize> = same_theme.iter().copied().filter(|&i| same(i)).collect();
            (!sources.is_empty()).then_some((sources, kind))
        });
        let (sources, kind) = if let Some(found) = found {
            found
        } else {
            // Merged: the most similar is the main source (the first, on a
            // tie), and the others of its category follow, most similar first.
            let key_grams = bigrams(key_norm());
            let mut scores: Vec<(usize, f64)> = same_theme
                .iter()
                .map(|&i| (i, dice(grams_of(i), &key_grams)))
                .collect();
            scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let Some(&(main, _)) = scores.first().filter(|&&(_, s)| s >= MERGE_MAIN_MIN) else {
                return ErrorKind::KeyOpinionWithoutSource {
                    text: quote(&key.text),
                }
                .at(key.first_line);
            };
            let category = doc.opinions[main].category;
            let sources = scores
                .iter()
                .filter(|&&(i, s)| doc.opinions[i].category == category && s >= MERGE_PART_MIN)
                .map(|&(i, _)| i)
                .collect();
            (sources, MatchKind::Merged)
        };
        provenance.push(Provenance { sources, kind });
    }

    // Group categories: majority of the main sources' categories. Key
    // opinions are in document order, so a group's are consecutive.
    let mut key_category = vec![0; doc.key_opinions.len()];
    let mut group_categories: Vec<(usize, usize)> = Vec::new(); // (theme, category)
    let mut start = 0;
    for members in doc
        .key_opinions
        .chunk_by(|a, b| (a.theme, a.group) == (b.theme, b.group))
    {
        let keys = start..start + members.len();
        start = keys.end;
        let mut votes = vec![0; CATEGORIES.len()];
        for k in keys.clone() {
            votes[doc.opinions[provenance[k].sources[0]].category] += 1;
        }
        let top = votes.iter().copied().max().unwrap_or(0);
        let winners: Vec<usize> = (0..votes.len()).filter(|&c| votes[c] == top).collect();
        let [winner] = winners[..] else {
            return ErrorKind::AmbiguousGroupCategory {
                group: members[0].group,
            }
            .at(members[0].first_line);
        };
        key_category[keys].fill(winner);
        group_categories.push((members[0].theme, winner));
    }

    // The surviving row labels must each name exactly one group's category.
    for label in &doc.row_labels {
        let n = group_categories
            .iter()
            .filter(|&&(t, c)| t == label.theme && c == label.category)
            .count();
        if n != 1 {
            return ErrorKind::RowLabelMismatch {
                label: CATEGORIES[label.category].ja,
            }
            .at(label.first_line);
        }
    }
    Ok(Links {
        provenance,
        key_category,
    })
}
