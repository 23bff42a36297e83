//! Points (論点): what each area opinion is about, read from
//! `data/points.tsv` and `data/opinion-points.tsv`; the similar opinions
//! that follow from them; and the generated `points.rs`.
//!
//! Shared by `build.rs` and the tests (mounted with `#[path]`).
//!
//! The points and their tags are this crate's reading of 資料３－２, written
//! by reading the Japanese; they are not 東京都's classification.
//!
//! # The files
//!
//! `data/points.tsv`: `id<TAB>label_ja<TAB>label_en<TAB>description<TAB>description_ja`
//! and, optionally, `<TAB>former_ids` (comma-separated ids the point had
//! before, which still find it; none may be a point's id or listed twice),
//! one point a line, in the order the API lists them. `data/opinion-points.tsv`:
//! `opinion_id<TAB>point_id[ point_id…]`, one row per area opinion, its
//! main point first. Both are read with [`reader::tsv`](super::reader::tsv)
//! (blank lines and `#` comments skipped), and the build stops with
//! `data/<file>:<line>: …` on: a wrong number of fields, an empty field, a
//! malformed id ([`is_id`]), a duplicate point id, an unknown opinion or
//! point id, a second row for one opinion, a point given twice on one row,
//! an area opinion with no row, and a point no opinion is tagged with.
//!
//! # Similar opinions
//!
//! [`similar`]: for each area opinion, the opinions of *other* areas that
//! share at least one point with it, by number of shared points, then by
//! the character-bigram Dice score of the two texts
//! ([`link::similarity`](super::link::similarity)), then in document order.
//! There is no lexical fallback: an opinion whose points no other area
//! raised has no similar opinions.

use super::code::{lit, Out};
use super::link::{similarity, Links};
use super::parse::Document;
use super::reader::{self, Error, Row};
use super::vocab::REGIONS;

/// The vocabulary of points.
pub const POINTS_PATH: &str = "data/points.tsv";
/// The tags: area opinion → points.
pub const TAGS_PATH: &str = "data/opinion-points.tsv";
/// The longest id a point may have, in bytes.
pub const MAX_ID: usize = 40;
/// The most points there may be: a point set is a 128-bit mask.
pub const MAX_POINTS: usize = 128;

/// One row of `data/points.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointRow {
    /// The stable ASCII id, e.g. `round-the-clock-burden`.
    pub id: String,
    /// The short Japanese label.
    pub label_ja: String,
    /// The English label.
    pub label_en: String,
    /// What belongs to the point and what does not.
    pub description: String,
    /// The same in Japanese.
    pub description_ja: String,
    /// Ids the point had before; they still find it.
    pub former_ids: Vec<String>,
    /// Its 1-based line in the file.
    pub line: u32,
}

/// The points and the tags, checked against each other and the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Points {
    /// The points, in file order.
    pub points: Vec<PointRow>,
    /// For each area opinion (document order), its points as indices into
    /// `points`, main point first.
    pub tags: Vec<Vec<usize>>,
}

/// One similar opinion, see [`similar`].
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarRow {
    /// Index of the similar opinion in [`Document::opinions`].
    pub opinion: usize,
    /// The points the two share (indices into [`Points::points`]), in the
    /// first opinion's order.
    pub shared: Vec<usize>,
    /// Character-bigram Dice similarity of the two texts.
    pub score: f64,
}

/// An id as this crate writes its own: lower-case ASCII letters and digits
/// in runs joined by single hyphens (`^[a-z0-9]+(-[a-z0-9]+)*$`).
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|run| {
            !run.is_empty()
                && run
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_id(row: &Row<'_>, what: &str, id: &str) -> Result<(), Error> {
    if !is_id(id) || id.len() > MAX_ID {
        return Err(row.err(format!(
            "expected {what} id of lower-case letters, digits and single hyphens, at most {MAX_ID} bytes, found `{}`",
            reader::quote(id)
        )));
    }
    Ok(())
}

/// Reads `data/points.tsv`.
pub fn parse_points(bytes: &[u8]) -> Result<Vec<PointRow>, Error> {
    let columns = "id, label_ja, label_en, description, description_ja[, former_ids]";
    let file = reader::tsv(POINTS_PATH, bytes, columns, 5)?;
    let mut points: Vec<PointRow> = Vec::new();
    for row in &file.rows {
        let id = row.fields[0];
        check_id(row, "a point", id)?;
        let first = points.iter().find(|p| p.id == id).map(|p| p.line);
        row.again("point id", id, first)?;
        let former = row.fields.get(5).filter(|f| !f.is_empty());
        let former_ids: Vec<String> = former.map_or(Vec::new(), |f| {
            f.split(',').map(|f| f.trim().to_string()).collect()
        });
        for f in &former_ids {
            check_id(row, "a former point", f)?;
        }
        points.push(PointRow {
            id: id.to_string(),
            label_ja: row.fields[1].to_string(),
            label_en: row.fields[2].to_string(),
            description: row.fields[3].to_string(),
            description_ja: row.fields[4].to_string(),
            former_ids,
            line: row.line,
        });
    }
    // A former id finds one point: no point has it as its id, and it is
    // listed once.
    for p in &points {
        for f in &p.former_ids {
            let uses = points
                .iter()
                .map(|q| usize::from(q.id == *f) + q.former_ids.iter().filter(|g| *g == f).count());
            if uses.sum::<usize>() > 1 {
                let m = format!("expected a former id that no other point has, found `{f}`");
                return Error::fail(POINTS_PATH, p.line, m);
            }
        }
    }
    if points.is_empty() {
        return Error::fail(POINTS_PATH, 1, "expected at least one point, found none");
    }
    if let Some(p) = points.get(MAX_POINTS) {
        return Error::fail(
            POINTS_PATH,
            p.line,
            format!("expected at most {MAX_POINTS} points, found more"),
        );
    }
    Ok(points)
}

/// Reads `data/opinion-points.tsv` against the points and the area
/// opinions' ids (document order), and checks that every opinion is tagged
/// and every point used.
pub fn parse_tags(
    bytes: &[u8],
    points: Vec<PointRow>,
    opinion_ids: &[String],
) -> Result<Points, Error> {
    let file = reader::tsv(TAGS_PATH, bytes, "opinion id, point ids", 2)?;
    // Indices are emitted as `u8`.
    if opinion_ids.len() > 256 {
        return Error::fail(
            TAGS_PATH,
            1,
            format!(
                "expected at most 256 area opinions, found {}",
                opinion_ids.len()
            ),
        );
    }
    let mut tags: Vec<Option<(u32, Vec<usize>)>> = vec![None; opinion_ids.len()];
    for row in &file.rows {
        let id = row.fields[0];
        check_id(row, "an opinion", id)?;
        let Some(o) = opinion_ids.iter().position(|o| o == id) else {
            let ids = opinion_ids.iter().map(String::as_str);
            return Err(row.unknown("the id of an area opinion", id, ids));
        };
        row.again("opinion id", id, tags[o].as_ref().map(|t| t.0))?;
        let mut these: Vec<usize> = Vec::new();
        for p in row.fields[1].split(' ') {
            if p.is_empty() {
                return Err(
                    row.err("expected point ids separated by single spaces, found an empty one")
                );
            }
            check_id(row, "a point", p)?;
            let Some(i) = points.iter().position(|q| q.id == p) else {
                let ids = points.iter().map(|q| q.id.as_str());
                return Err(row.unknown(&format!("a point id of {POINTS_PATH}"), p, ids));
            };
            if these.contains(&i) {
                return Err(row.err(format!(
                    "expected each point once per opinion, found `{p}` twice"
                )));
            }
            these.push(i);
        }
        tags[o] = Some((row.line, these));
    }
    // Whole-file checks name the last line.
    let tags = file.complete(TAGS_PATH, tags, "a row for every area opinion", |o| {
        &opinion_ids[o]
    })?;
    let tags: Vec<Vec<usize>> = tags.into_iter().map(|(_, t)| t).collect();
    if let Some(unused) = (0..points.len()).find(|p| !tags.iter().any(|t| t.contains(p))) {
        let p = &points[unused];
        return Error::fail(
            POINTS_PATH,
            p.line,
            format!(
                "expected every point to tag an opinion in {TAGS_PATH}, found none tagged `{}`",
                p.id
            ),
        );
    }
    Ok(Points { points, tags })
}

/// For each area opinion, the opinions of other areas that share a point
/// with it: most shared points first, then highest Dice score, then in
/// document order. See the module docs.
pub fn similar(doc: &Document, tags: &[Vec<usize>]) -> Vec<Vec<SimilarRow>> {
    doc.opinions
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let mut rows: Vec<SimilarRow> = doc
                .opinions
                .iter()
                .enumerate()
                .filter(|(_, p)| p.region != o.region)
                .filter_map(|(j, p)| {
                    let shared: Vec<usize> = tags[i]
                        .iter()
                        .copied()
                        .filter(|t| tags[j].contains(t))
                        .collect();
                    (!shared.is_empty()).then(|| SimilarRow {
                        opinion: j,
                        shared,
                        score: similarity(&o.text, &p.text),
                    })
                })
                .collect();
            rows.sort_by(|a, b| {
                b.shared
                    .len()
                    .cmp(&a.shared.len())
                    .then(b.score.total_cmp(&a.score))
                    .then(a.opinion.cmp(&b.opinion))
            });
            rows
        })
        .collect()
}

/// `items` as the elements of an array literal, wrapped at about 100
/// columns, each line indented by four spaces.
fn wrapped(items: &[String]) -> String {
    let mut out = String::new();
    let mut line = String::from("   ");
    for item in items {
        if line.len() + item.len() + 2 > 100 && line.len() > 3 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("   ");
        }
        line.push(' ');
        line.push_str(item);
        line.push(',');
    }
    if line.len() > 3 {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn index_slice(indices: &[usize]) -> String {
    let items: Vec<String> = indices.iter().map(usize::to_string).collect();
    format!("&[{}]", items.join(", "))
}

/// The generated `points.rs`: `POINTS` (one line per point, with the
/// indices of its opinions and its areas), `OPINION_POINTS` and
/// `KEY_OPINION_POINTS` (each record's points as indices into `POINTS`).
/// A key opinion's points are its sources' (`links`), main source first.
pub fn generate(doc: &Document, points: &Points, links: &Links) -> String {
    let mut out = Out::new(
        "src/build/point.rs",
        &format!("{POINTS_PATH} and {TAGS_PATH}"),
        &format!(
            "{} points, {} tags: this crate's reading of the document, not 東京都's.",
            points.points.len(),
            points.tags.iter().map(Vec::len).sum::<usize>()
        ),
    );
    writeln!(out, "use crate::{{Point, Region}};\n");
    writeln!(
        out,
        "/// Every point, in the order of {POINTS_PATH}; `opinions` index OPINIONS.\n\
         /// Public (not re-exported) for `point!`, through `__private`."
    );
    writeln!(
        out,
        "pub static POINTS: [Point; {}] = [",
        points.points.len()
    );
    for (p, point) in points.points.iter().enumerate() {
        let opinions: Vec<usize> = (0..points.tags.len())
            .filter(|&o| points.tags[o].contains(&p))
            .collect();
        let regions: Vec<String> = (0..REGIONS.len())
            .filter(|&r| opinions.iter().any(|&o| doc.opinions[o].region == r))
            .map(|r| format!("Region::{}", REGIONS[r].variant))
            .collect();
        writeln!(
            out,
            "    Point {{ index: {p}, id: {}, label_ja: {}, label_en: {}, description: {}, description_ja: {}, former_ids: &[{}], opinions: {}, regions: &[{}] }},",
            lit(&point.id),
            lit(&point.label_ja),
            lit(&point.label_en),
            lit(&point.description),
            lit(&point.description_ja),
            point.former_ids.iter().map(|f| lit(f)).collect::<Vec<_>>().join(", "),
            index_slice(&opinions),
            regions.join(", ")
        );
    }
    writeln!(out, "];\n");
    let opinion_points: Vec<String> = points.tags.iter().map(|t| index_slice(t)).collect();
    writeln!(
        out,
        "/// `OPINION_POINTS[i]`: area opinion `i`'s points (indices into POINTS), main point first.\n\
         pub(crate) static OPINION_POINTS: [&[u8]; {}] = [\n{}];\n",
        opinion_points.len(),
        wrapped(&opinion_points)
    );
    let key_points: Vec<String> = links
        .provenance
        .iter()
        .map(|provenance| {
            let mut these: Vec<usize> = Vec::new();
            for &s in &provenance.sources {
                for &p in &points.tags[s] {
                    if !these.contains(&p) {
                        these.push(p);
                    }
                }
            }
            index_slice(&these)
        })
        .collect();
    writeln!(
        out,
        "/// `KEY_OPINION_POINTS[k]`: the points of key opinion `k`'s sources, main source first, each once.\n\
         pub(crate) static KEY_OPINION_POINTS: [&[u8]; {}] = [\n{}];",
        key_points.len(),
        wrapped(&key_points)
    );
    out.finish()
}
