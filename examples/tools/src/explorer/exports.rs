//! The explorer's downloads: every record's [`Row`](zaitaku_opinions::Row),
//! serialised by serde exactly as the data files serialise it, as a compact
//! table in the page's JSON (`exports.table`). The page's script turns the
//! records of the current view back into rows and writes them as CSV or
//! JSON, so the columns, their order and their values are the files' own:
//! they cannot drift.
//!
//! The table, column by column:
//!
//! ```json
//! { "columns": ["id", "kind", …],
//!   "cells": [ {"from": "id"},
//!              {"values": ["key", "area"], "width": 1, "index": "0011…"},
//!              {"tokens": ["home-care", …], "sep": " ", "lists": "0.1,2,3…"}, … ] }
//! ```
//!
//! A column is read from the page when every record's value is exactly what
//! the page already shows (`"from": "id"`: the record's element id;
//! `"text"` and `"text-en"`: its Japanese and English text elements), which
//! keeps the page within its size limit. Otherwise it is, whichever is
//! smaller, its distinct values with each record's index among them
//! (`width` base-36 digits per record, in document order), or, for lists
//! such as the point ids or names, the distinct items with each record's
//! item indexes (base 36, joined by `.`; records joined by `,`), the items
//! joined again by `sep`; or, for the points' names, the names in the
//! page's points table of the ids in another column (`{"points": "ja",
//! "of": "points", "sep": "; "}`). Each gives back every value exactly; which
//! columns come from the page is decided here by comparing every value, not
//! assumed, and the browser test compares the files with the crate's.

use super::{esc, region_en, speaking_regions};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::fmt::Write as _;
use zaitaku_opinions::{Point, Query, Record, Theme};

/// A serialised row with its fields in the order serde wrote them (a
/// `serde_json::Map` would sort them).
struct Ordered(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a row as a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(Ordered(fields))
            }
        }
        d.deserialize_map(V)
    }
}

/// A record's row, serialised by serde, fields in order.
pub fn row(record: Record) -> Vec<(String, Value)> {
    let json = serde_json::to_string(&record.row()).expect("a Row serialises");
    serde_json::from_str::<Ordered>(&json)
        .expect("a serialised Row reads back as an object")
        .0
}

/// What the page shows of a record, by the name the script reads it by.
fn shown(record: Record) -> [(&'static str, String); 3] {
    [
        ("id", record.id().to_string()),
        ("text", record.text().to_string()),
        (
            "text-en",
            super::text_en(record).unwrap_or_default().to_string(),
        ),
    ]
}

/// The script's data (the page's JSON, key `exports`): the rows table,
/// the themes in the crate's order with their names, and the
/// source, for the notes written into each file.
pub fn data() -> Value {
    let themes: Vec<Value> = Theme::ALL
        .iter()
        .map(|t| json!({ "slug": t.slug(), "n": t.number(), "marker": t.marker(), "ja": t.name_ja(), "en": t.name_en() }))
        .collect();
    json!({
        "table": table(),
        "themes": themes,
        "source": "東京都「資料３－２」",
        "sha256": zaitaku_opinions::SOURCE_SHA256,
        "generator": concat!("zaitaku_opinions ", env!("CARGO_PKG_VERSION")),
    })
}

/// The download buttons and the link to the view, compact, for the filter
/// panel's `view-actions` (next to the count).
pub fn controls() -> String {
    r#"<span class="exports" role="group" aria-label="この表示" data-en-aria-label="This view"><button type="button" id="dl-csv" data-en="CSV (Excel)">CSV（Excel）</button><button type="button" id="dl-json">JSON</button><button type="button" id="copy-link" data-en="Copy link">リンクをコピー</button><output id="exports-out" aria-live="polite"></output></span>"#.to_string()
}

/// The print header: what was printed, filled in by the script (without
/// it, nothing is filtered and the header says so).
pub const PRINT_HEAD: &str = r#"<section id="print-head" class="print-only"><dl><dt data-en="Filter">絞り込み</dt><dd id="ph-filter">なし（全件）</dd><dt data-en="Records">件数</dt><dd id="ph-count"></dd><dt data-en="Source">出典</dt><dd><span lang="ja">東京都「資料３－２」</span></dd><dt data-en="Printed">印刷日</dt><dd id="ph-date"></dd></dl></section>"#;

/// The comparison of two areas, category by category: the choice of the
/// two; the script writes the table. In the page from the start, so that
/// nothing moves when the script starts; without JavaScript the template's
/// `<noscript>` style hides it, as it hides the controls.
pub fn compare() -> String {
    let regions = speaking_regions();
    let mut options = String::new();
    for r in &regions {
        let _ = write!(
            options,
            r#"<option value="{}" data-en="{}">{}</option>"#,
            r.slug(),
            esc(&region_en(*r)),
            esc(r.name_ja())
        );
    }
    format!(
        r#"<section id="compare" aria-labelledby="compare-h"><details><summary><h2 id="compare-h" data-en="Compare two areas">二つの地域を比べる</h2></summary><p class="note" data-en="The opinions of two areas side by side, category by category, on each theme.">二つの地域の意見を、テーマごと、分類ごとに並べて示します。</p><div class="row"><label for="cmp-a" data-en="Area A">地域 A</label> <select id="cmp-a">{options}</select> <label for="cmp-b" data-en="Area B">地域 B</label> <select id="cmp-b">{options}</select></div><div id="cmp-out"></div></details></section>"#
    )
}

/// The table described in the module's documentation.
pub fn table() -> Value {
    let records: Vec<Record> = Query::new().iter().collect();
    let rows: Vec<Vec<(String, Value)>> = records.iter().map(|&r| row(r)).collect();
    let columns: Vec<String> = rows
        .first()
        .map(|r| r.iter().map(|(k, _)| k.clone()).collect())
        .unwrap_or_default();
    for r in &rows {
        assert!(
            r.iter().map(|(k, _)| k).eq(columns.iter()),
            "every Row serialises the same fields in the same order"
        );
    }
    let mut cells = Vec::new();
    for (c, _) in columns.iter().enumerate() {
        let from_page = ["id", "text", "text-en"].into_iter().find(|&name| {
            records.iter().zip(&rows).all(|(&rec, row)| {
                let page = shown(rec);
                let (_, value) = page.iter().find(|(n, _)| *n == name).expect("a name");
                row[c].1.as_str() == Some(value.as_str())
            })
        });
        if let Some(name) = from_page {
            cells.push(json!({ "from": name }));
            continue;
        }
        if let Some(cell) = point_names(&columns, &rows, c) {
            cells.push(cell);
            continue;
        }
        let values: Vec<&Value> = rows.iter().map(|row| &row[c].1).collect();
        // The smallest of the encodings, each of which gives back every
        // value exactly.
        let cell = std::iter::once(whole(&values))
            .chain(LIST_SEPARATORS.iter().filter_map(|sep| lists(&values, sep)))
            .min_by_key(|cell| cell.to_string().len())
            .expect("one encoding at least");
        cells.push(cell);
    }
    json!({ "columns": columns, "cells": cells })
}

/// A column of the points' names (`"ja"` or `"en"`), in the order of
/// another column's point ids, for every record: read from the page's
/// points table (`points`, written by page.rs from the same `Point`s), the
/// names joined by `sep`. `None` if the column is not that.
fn point_names(columns: &[String], rows: &[Vec<(String, Value)>], c: usize) -> Option<Value> {
    const SEP: &str = "; ";
    let names = |ids: &str, ja: bool| -> Option<String> {
        if ids.is_empty() {
            return Some(String::new());
        }
        let names: Option<Vec<&str>> = ids
            .split(' ')
            .map(|id| Point::from_id(id).map(|p| if ja { p.label_ja() } else { p.label_en() }))
            .collect();
        Some(names?.join(SEP))
    };
    (0..columns.len()).filter(|&s| s != c).find_map(|s| {
        [("ja", true), ("en", false)]
            .into_iter()
            .find_map(|(key, ja)| {
                rows.iter()
                    .all(|row| {
                        let (Some(ids), Some(value)) = (row[s].1.as_str(), row[c].1.as_str())
                        else {
                            return false;
                        };
                        names(ids, ja).as_deref() == Some(value)
                    })
                    .then(|| json!({ "points": key, "of": columns[s], "sep": SEP }))
            })
    })
}

/// The separators of the Row's list columns (ids: a space; names: `; `).
const LIST_SEPARATORS: [&str; 2] = ["; ", " "];

/// `n` in base 36, at least `width` digits (zeros in front).
fn base36(n: usize, width: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    let mut n = n;
    loop {
        out.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.resize(out.len().max(width), b'0');
    out.reverse();
    String::from_utf8(out).expect("ASCII digits")
}

/// Distinct items, in the order met, and each item's index among them.
fn dictionary<'a, T: Eq + std::hash::Hash + Clone + 'a>(
    items: impl IntoIterator<Item = &'a T>,
) -> (Vec<T>, Vec<usize>) {
    let mut distinct = Vec::new();
    let mut seen: HashMap<&T, usize> = HashMap::new();
    let mut index = Vec::new();
    for item in items {
        let i = *seen.entry(item).or_insert_with(|| {
            distinct.push(item.clone());
            distinct.len() - 1
        });
        index.push(i);
    }
    (distinct, index)
}

/// A column as its distinct values and, for each record in turn, the
/// index of its value in `width` base-36 digits (`index`).
fn whole(values: &[&Value]) -> Value {
    let keys: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    let (distinct, index) = dictionary(&keys);
    let width = base36(distinct.len().saturating_sub(1), 1).len();
    let distinct: Vec<Value> = distinct
        .iter()
        .map(|k| serde_json::from_str(k).expect("a value reads back"))
        .collect();
    let index: String = index.iter().map(|&i| base36(i, width)).collect();
    json!({ "values": distinct, "width": width, "index": index })
}

/// A column of strings as lists joined by `sep`: the distinct items
/// (`tokens`) and, for each record, its items' indexes in base 36 joined
/// by `.`, the records joined by `,` (`lists`). `None` if a value is not a
/// string.
fn lists(values: &[&Value], sep: &str) -> Option<Value> {
    let split: Vec<Vec<String>> = values
        .iter()
        .map(|v| Some(v.as_str()?.split(sep).map(str::to_string).collect()))
        .collect::<Option<_>>()?;
    let (tokens, index) = dictionary(split.iter().flatten());
    let mut at = index.into_iter();
    let lists: Vec<String> = split
        .iter()
        .map(|items| {
            let ids: Vec<String> = items
                .iter()
                .map(|_| base36(at.next().expect("an index per item"), 1))
                .collect();
            ids.join(".")
        })
        .collect();
    Some(json!({ "tokens": tokens, "sep": sep, "lists": lists.join(",") }))
}
