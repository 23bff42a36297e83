//! The generator of the checked-literal macros' tables (`opinion!`,
//! `key_opinion!`, `record!`, `point!`, `municipality!`; the documented
//! macros are in `src/macros.rs`).
//!
//! `macros.rs` holds one hidden `#[macro_export] macro_rules!` per kind,
//! one arm per literal it accepts, each giving the static item
//! (`("t1-kuchuobu-02") => { &$crate::__private::OPINIONS[1] };`), and a
//! last arm that hands anything else to `__zaitaku_miss!`, which fails the
//! build with a message naming the literal and the kind of id.
//!
//! `macro_literals.rs` lists the same literals, kind by kind, for the test
//! that compares every macro's item with the run-time lookup's
//! (`tests/macros.rs`); the library does not include it.

use crate::build::code::{lit, Out};
use crate::build::municipality::{self, table_order, Record as MunicipalityRecord};
use crate::build::parse::Document;
use crate::build::point::Points;
use crate::normalize::{name_key, without_macron};
use std::collections::BTreeMap;

/// The name of the file with the tables, in `OUT_DIR`.
pub const TABLES: &str = "macros.rs";

/// The name of the file with the literal lists, in `OUT_DIR`.
pub const LITERALS: &str = "macro_literals.rs";

/// One kind of checked literal: the hidden macro's name, the list macro's
/// (for the test), and every literal with the expression it gives and a
/// comment for the reader of the generated file (empty for none).
struct Kind {
    table: &'static str,
    list: &'static str,
    what: &'static str,
    arms: Vec<(String, String, String)>,
}

/// The macros' tables and literal lists: `(TABLES's contents,
/// LITERALS's contents)`.
pub fn generate(
    doc: &Document,
    points: &Points,
    municipalities: &[MunicipalityRecord],
) -> Result<(String, String), String> {
    let opinion = |i: usize| format!("&$crate::__private::OPINIONS[{i}]");
    let key = |k: usize| format!("&$crate::__private::KEY_OPINIONS[{k}]");
    let area_arms: Vec<(String, String, String)> = (doc.opinions.iter().enumerate())
        .map(|(i, o)| (o.id(), opinion(i), String::new()))
        .collect();
    let key_arms: Vec<(String, String, String)> = (doc.key_opinions.iter().enumerate())
        .map(|(k, o)| (o.id(), key(k), String::new()))
        .collect();
    let record_arms = (area_arms.iter().map(|(id, e, _)| (id, "Area", e)))
        .chain(key_arms.iter().map(|(id, e, _)| (id, "Key", e)))
        .map(|(id, kind, e)| {
            (
                id.clone(),
                format!("$crate::Record::{kind}({e})"),
                String::new(),
            )
        })
        .collect();
    let mut point_arms = Vec::new();
    for (p, point) in points.points.iter().enumerate() {
        let expr = format!("&$crate::__private::POINTS[{p}]");
        point_arms.push((point.id.clone(), expr.clone(), String::new()));
        for former in &point.former_ids {
            let note = format!("former id of {}", point.id);
            point_arms.push((former.clone(), expr.clone(), note));
        }
    }
    let kinds = [
        Kind {
            table: "__zaitaku_opinion",
            list: "opinion_literals",
            what: "area opinion ids",
            arms: area_arms,
        },
        Kind {
            table: "__zaitaku_key_opinion",
            list: "key_opinion_literals",
            what: "key opinion ids",
            arms: key_arms,
        },
        Kind {
            table: "__zaitaku_record",
            list: "record_literals",
            what: "record ids, area opinions then key opinions",
            arms: record_arms,
        },
        Kind {
            table: "__zaitaku_point",
            list: "point_literals",
            what: "point ids and former point ids",
            arms: point_arms,
        },
        Kind {
            table: "__zaitaku_municipality",
            list: "municipality_literals",
            what: "municipality names and codes",
            arms: municipality_arms(municipalities)?,
        },
    ];
    let summary = kinds
        .iter()
        .map(|k| format!("{} {}", k.arms.len(), k.what))
        .collect::<Vec<_>>()
        .join(", ");
    let sources = format!(
        "{}, {} and {}",
        crate::build::parse::PATH,
        crate::build::point::POINTS_PATH,
        municipality::PATH
    );
    let mut tables = Out::new("src/build/macros.rs", &sources, &format!("{summary}."));
    let mut lists = Out::new("src/build/macros.rs", &sources, &format!("{summary}."));
    writeln!(
        lists,
        "// Each `NAME!(callback)` calls `callback!` with every literal of its kind.\n"
    );
    for kind in &kinds {
        let Kind {
            table,
            list,
            what,
            arms,
        } = kind;
        let public = table.trim_start_matches("__zaitaku_");
        writeln!(
            tables,
            "/// `{public}!`'s table: {what}, each with the static item it names.\n\
             #[doc(hidden)]\n\
             #[macro_export]\n\
             macro_rules! {table} {{"
        );
        for (literal, expr, note) in arms {
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(" // {note}")
            };
            writeln!(tables, "    ({}) => {{ {expr} }};{note}", lit(literal));
        }
        writeln!(
            tables,
            "    ($($other:tt)*) => {{ $crate::__zaitaku_miss!({public} $($other)*) }};\n}}\n"
        );
        writeln!(
            lists,
            "/// Every literal `{public}!` accepts: {what}.\n\
             #[allow(unused_macros)]\n\
             macro_rules! {list} {{\n    ($callback:ident) => {{\n        $callback! {{"
        );
        for (literal, _, _) in arms {
            writeln!(lists, "            {}", lit(literal));
        }
        writeln!(lists, "        }}\n    }};\n}}\n");
    }
    Ok((tables.finish(), lists.finish()))
}

/// The spellings `municipality!` accepts, each once: of every municipality
/// its name (`世田谷区`), with `東京都` before it, its reading
/// (`せたがやく`), its slug (`setagaya-ku`), its romanised name as written
/// (`Setagaya`, `Chūō`) and without macrons (`Chuo`), its name and reading
/// without the kind (`世田谷`, `せたがや`), its aliases and both codes
/// (`131121`, `13112`). A spelling other than a code is kept only where the
/// run-time lookup's key of it names the same municipality (that drops the
/// shared `Toshima`, as `Municipality::from_name` does).
fn municipality_arms(
    records: &[MunicipalityRecord],
) -> Result<Vec<(String, String, String)>, String> {
    let keys = municipality::name_keys(records).map_err(|e| e.to_string())?;
    let order = table_order(records);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut arms = Vec::new();
    for (place, &i) in order.iter().enumerate() {
        let r = &records[i];
        let romaji: String = r.romaji.chars().map(without_macron).collect();
        let mut names = vec![
            r.name.clone(),
            format!("東京都{}", r.name),
            r.reading.clone(),
            r.slug(),
            r.romaji.clone(),
            romaji,
            r.bare_name().to_string(),
            r.bare_reading().to_string(),
        ];
        names.extend(r.aliases.iter().cloned());
        let key_of = |s: &str| name_key(s.strip_prefix("東京都").unwrap_or(s));
        names.retain(|s| key_of(s).is_some_and(|k| keys.get(k.as_str()) == Some(&i)));
        names.extend([r.code.clone(), r.jis_code().to_string()]);
        for name in names {
            if let Some(&other) = seen.get(&name) {
                if other == i {
                    continue;
                }
                return Err(format!(
                    "{}:{}: expected spellings that name one municipality; `{name}` is both {}'s and {}'s",
                    municipality::PATH,
                    r.line,
                    records[other].name,
                    r.name
                ));
            }
            seen.insert(name.clone(), i);
            let expr = format!("&$crate::__private::MUNICIPALITIES[{place}]");
            let note = if name == r.name {
                format!("line {}", r.line)
            } else {
                String::new()
            };
            arms.push((name, expr, note));
        }
    }
    Ok(arms)
}
