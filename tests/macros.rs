//! The checked-literal macros (`opinion!`, `key_opinion!`, `record!`,
//! `point!`, `municipality!`) as a downstream crate calls them: over every
//! literal the generator gives them (`macro_literals.rs`, written by
//! `build.rs` next to the macros' tables, so nothing here copies an id),
//! each macro's item is the very item the run-time lookup returns; and a
//! miss of each fails the build with its message.

use std::collections::BTreeSet;
use zaitaku_opinions::{
    key_opinion, key_opinions, municipality, opinion, opinions, point, record, KeyOpinion,
    Municipality, Opinion, Point, Record,
};

include!(concat!(env!("OUT_DIR"), "/macro_literals.rs"));

/// Each literal's macro result, in `const` (so each is checked to resolve
/// at compile time), with the literal.
macro_rules! opinion_items {
    ($($id:tt)*) => { [$(($id, { const X: &Opinion = opinion!($id); X }),)*] };
}
macro_rules! key_opinion_items {
    ($($id:tt)*) => { [$(($id, { const X: &KeyOpinion = key_opinion!($id); X }),)*] };
}
macro_rules! record_items {
    ($($id:tt)*) => { [$(($id, { const X: Record = record!($id); X }),)*] };
}
macro_rules! point_items {
    ($($id:tt)*) => { [$(($id, { const X: &Point = point!($id); X }),)*] };
}
macro_rules! municipality_items {
    ($($id:tt)*) => { [$(($id, { const X: &Municipality = municipality!($id); X }),)*] };
}

#[test]
fn every_area_opinion_id_gives_the_run_time_lookups_item() {
    let items = opinion_literals!(opinion_items);
    for (id, o) in items {
        let looked_up = zaitaku_opinions::opinion(id).unwrap();
        assert!(std::ptr::eq(o, looked_up), "{id}");
        assert_eq!(o.id().to_string(), id);
    }
    let ids: BTreeSet<String> = items.iter().map(|(id, _)| id.to_string()).collect();
    let all: BTreeSet<String> = opinions().iter().map(|o| o.id().to_string()).collect();
    assert_eq!((ids, items.len()), (all, 150));
}

#[test]
fn every_key_opinion_id_gives_the_run_time_lookups_item() {
    let items = key_opinion_literals!(key_opinion_items);
    for (id, k) in items {
        assert!(std::ptr::eq(k, key_opinion(id).unwrap()), "{id}");
        assert_eq!(k.id().to_string(), id);
    }
    let ids: BTreeSet<String> = items.iter().map(|(id, _)| id.to_string()).collect();
    let all: BTreeSet<String> = key_opinions().iter().map(|k| k.id().to_string()).collect();
    assert_eq!((ids, items.len()), (all, 54));
}

#[test]
fn every_record_id_gives_the_run_time_lookups_record() {
    let items = record_literals!(record_items);
    for (id, r) in items {
        let looked_up = zaitaku_opinions::record(id).unwrap();
        assert_eq!(r, looked_up, "{id}");
        let same = match (r, looked_up) {
            (Record::Area(a), Record::Area(b)) => std::ptr::eq(a, b),
            (Record::Key(a), Record::Key(b)) => std::ptr::eq(a, b),
            _ => false,
        };
        assert!(same, "{id}");
        assert_eq!(r.id().to_string(), id);
    }
    let ids: BTreeSet<&str> = items.iter().map(|(id, _)| *id).collect();
    assert_eq!((ids.len(), items.len()), (204, 204));
}

#[test]
fn every_point_id_and_former_id_gives_the_run_time_lookups_point() {
    let items = point_literals!(point_items);
    for (id, p) in items {
        assert!(std::ptr::eq(p, Point::from_id(id).unwrap()), "{id}");
    }
    let ids: BTreeSet<&str> = items.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids.len(), items.len(), "each literal once");
    // Every current id is there; the rest are former ids, each of a point
    // whose current id differs.
    for p in Point::all() {
        assert!(ids.contains(p.id()), "{}", p.id());
    }
    assert_eq!(Point::all().len(), 83);
    let former = items.iter().filter(|(id, p)| p.id() != *id).count();
    assert_eq!(former, items.len() - Point::all().len());
    assert!(former > 0);
}

#[test]
fn every_municipality_name_and_code_gives_the_run_time_lookups_municipality() {
    let items = municipality_literals!(municipality_items);
    for (name, m) in items {
        let looked_up = Municipality::from_name(name).unwrap();
        assert!(std::ptr::eq(m, looked_up), "{name}");
    }
    let names: BTreeSet<&str> = items.iter().map(|(name, _)| *name).collect();
    assert_eq!(names.len(), items.len(), "each literal once");
    assert_eq!(Municipality::all().len(), 62);
    for m in Municipality::all() {
        for spelling in [m.name(), m.code(), &m.code()[..5]] {
            let found = items.iter().find(|(name, _)| *name == spelling);
            assert!(
                found.is_some_and(|(_, n)| std::ptr::eq(*n, m)),
                "{spelling}"
            );
        }
    }
}

/// A crate calling each macro with a miss, compiled by `rustc` against the
/// library this test was built with (found next to this binary): each
/// miss fails the build with its own message, naming the literal and the
/// kind of id.
#[test]
fn a_miss_of_each_macro_fails_the_build_with_its_message() {
    let exe = std::env::current_exe().unwrap();
    let deps = exe.parent().unwrap();
    let rlib = std::fs::read_dir(deps)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("libzaitaku_opinions-") && name.ends_with(".rlib")
        })
        .max_by_key(|p| p.metadata().unwrap().modified().unwrap())
        .expect("the library's rlib next to the test binary");
    let dir = std::env::temp_dir().join(format!("zaitaku-macros-miss-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("miss.rs");
    std::fs::write(
        &source,
        r#"
pub const A: &zaitaku_opinions::Opinion = zaitaku_opinions::opinion!("t1-kuchuobu-99");
pub const B: &zaitaku_opinions::KeyOpinion = zaitaku_opinions::key_opinion!("t2-key-99-01");
pub const C: zaitaku_opinions::Record = zaitaku_opinions::record!("t1-kuchuobu-98");
pub const D: &zaitaku_opinions::Point = zaitaku_opinions::point!("round-the-clock-burdens");
pub const E: &zaitaku_opinions::Municipality = zaitaku_opinions::municipality!("横浜市");
pub const F: &zaitaku_opinions::Municipality = zaitaku_opinions::municipality!(ID);
const ID: &str = "131121";
"#,
    )
    .unwrap();
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = std::process::Command::new(rustc)
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "lib",
            "--emit",
            "metadata",
        ])
        .arg("--crate-name")
        .arg("miss")
        .arg("-L")
        .arg(format!("dependency={}", deps.display()))
        .arg("--extern")
        .arg(format!("zaitaku_opinions={}", rlib.display()))
        .arg("--out-dir")
        .arg(&dir)
        .arg(&source)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    for message in [
        "error: no area opinion t1-kuchuobu-99 in 資料３－２",
        "error: no key opinion t2-key-99-01 in 資料３－２",
        "error: no record t1-kuchuobu-98 in 資料３－２",
        "error: no point round-the-clock-burdens in this crate's points",
        "error: no Tokyo municipality 横浜市",
        "error: municipality! takes one string literal, not `ID`",
    ] {
        assert!(stderr.contains(message), "{message}\n---\n{stderr}");
    }
}
