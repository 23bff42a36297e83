//! Bad data fails the build with `data/<file>:<line>: expected …` and a
//! non-zero exit, and no panic or backtrace. (That harmless variants, CRLF
//! or a BOM, build the same dataset is tested in `tolerance.rs`, with the
//! helpers here.)
//!
//! The first part runs the build on bytes, through the same function
//! `build.rs` calls (`build::run`): one test per corruption that issue #12
//! found building silently. The second part runs a real `cargo build` on a
//! copy.
//!
//! The test copies the crate (manifest, lock file, build script, sources,
//! data) into `CARGO_TARGET_TMPDIR`, corrupts the copy's data file in a few
//! ways and runs `cargo build --offline` there. The copy's target directory
//! persists under `CARGO_TARGET_TMPDIR`, so only the first run compiles the
//! build script and its dependencies; each later build only re-runs the
//! build script.

use crate::build;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

// --- the build on bytes -------------------------------------------------------

pub(crate) fn data_file(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(MANIFEST_DIR).join("data").join(name)).unwrap()
}

/// What `build.rs` does with these bytes (and the shipped pins): the
/// generated `dataset.rs`, or the message it prints after `error: `.
pub(crate) fn build_bytes(document: &[u8], municipalities: &[u8]) -> Result<String, String> {
    let mut dataset = String::new();
    build::run(
        |path| {
            Ok(match path {
                build::parse::PATH => document.to_vec(),
                build::municipality::PATH => municipalities.to_vec(),
                _ => data_file(path.trim_start_matches("data/")),
            })
        },
        |name, contents| {
            if name == "dataset.rs" {
                dataset = contents;
            }
            Ok(format!("OUT_DIR/{name}"))
        },
    )?;
    Ok(dataset)
}

/// The build with the document changed by `f` (on its lines, split on LF).
fn build_document(f: impl FnOnce(&mut Vec<String>)) -> Result<String, String> {
    let text = String::from_utf8(data_file("shiryo-3-2.txt")).unwrap();
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    f(&mut lines);
    build_bytes(
        lines.join("\n").as_bytes(),
        &data_file("municipalities.tsv"),
    )
}

/// The message of a build that must fail, checked for size and shape.
fn failure(result: Result<String, String>) -> String {
    let message = result.expect_err("the build succeeded");
    assert!(message.len() < 1024, "{} bytes: {message}", message.len());
    assert!(!message.contains('\n'), "{message}");
    message
}

/// The line of `data/pins.tsv` that pins `fact` of `file`.
fn pin_line(file: &str, fact: &str) -> usize {
    let pins = String::from_utf8(data_file("pins.tsv")).unwrap();
    pins.lines()
        .position(|l| l.starts_with(&format!("{file}\t{fact}\t")))
        .unwrap()
        + 1
}

fn assert_starts(message: &str, prefix: &str) {
    assert!(
        message.starts_with(prefix),
        "expected `{prefix}…`, got `{message}`"
    );
}

#[test]
fn swapped_one_line_opinions_fail_on_the_fingerprint() {
    // Lines 162 (区西部) and 190 (区西北部): both one-line opinions, so the
    // text reads as valid; the counts per area do not move.
    let message = failure(build_document(|l| {
        assert_eq!(l[161], "○24時間診療の負担感が大きい");
        assert_eq!(l[189], "○区境の連携が必要");
        l.swap(161, 189);
    }));
    let line = pin_line("data/shiryo-3-2.txt", "fingerprint");
    assert_starts(
        &message,
        &format!("data/pins.tsv:{line}: expected data/shiryo-3-2.txt `fingerprint` to be fnv1a64:"),
    );
    assert!(message.contains("Updating the source"), "{message}");
}

#[test]
fn a_deleted_one_line_opinion_fails_on_its_areas_count() {
    // Line 153 is one of 区西部's 9 opinions in テーマ①.
    let message = failure(build_document(|l| {
        assert_eq!(l.remove(152), "○在宅歯科もマンパワーが不足");
    }));
    let line = pin_line("data/shiryo-3-2.txt", "t1 kuseibu opinions");
    assert_starts(
        &message,
        &format!("data/pins.tsv:{line}: expected data/shiryo-3-2.txt `t1 kuseibu opinions` to be 9 as pinned here, found 8;"),
    );
}

#[test]
fn a_broken_bullet_on_line_154_fails_there() {
    // Line 153 above it is a one-line opinion, so none of these may be
    // glued onto it.
    let cases = [
        (
            "・",
            "expected an opinion starting with ○ or 〇, or the wrapped rest",
        ),
        (
            "◯",
            "expected an opinion starting with ○ or 〇, or the wrapped rest",
        ),
        (
            "\u{200B}○",
            "expected visible text, found the control or invisible character U+200B at column 1",
        ),
        (
            "\0○",
            "expected visible text, found the control or invisible character U+0000 at column 1",
        ),
        (
            "\u{3000}○",
            "expected no space inside an opinion line or at a line's ends",
        ),
    ];
    for (bullet, expected) in cases {
        let message = failure(build_document(|l| {
            let rest = l[153].strip_prefix('○').unwrap().to_owned();
            l[153] = format!("{bullet}{rest}");
        }));
        assert_starts(&message, &format!("data/shiryo-3-2.txt:154: {expected}"));
    }
}

#[test]
fn an_invisible_character_before_a_heading_fails_there() {
    for ch in ['\0', '\u{200B}'] {
        let message = failure(build_document(|l| {
            assert_eq!(l[87], "【その他】");
            l[87] = format!("{ch}【その他】");
        }));
        assert_starts(&message, "data/shiryo-3-2.txt:88: expected visible text");
    }
}

#[test]
fn a_deleted_heading_fails_on_the_fingerprint() {
    // Without `【24時間診療体制】` its opinion reads as one more under the
    // heading above: a valid text, and the counts do not move.
    let message = failure(build_document(|l| {
        assert_eq!(l.remove(160), "【24時間診療体制】");
    }));
    let line = pin_line("data/shiryo-3-2.txt", "fingerprint");
    assert_starts(
        &message,
        &format!("data/pins.tsv:{line}: expected data/shiryo-3-2.txt `fingerprint`"),
    );
}

#[test]
fn swapped_lines_on_the_key_opinion_page_fail() {
    // Lines 3 (blank) and 4 (the first key opinion) of the first page: the
    // first group now holds one opinion and the second the rest of it.
    let message = failure(build_document(|l| {
        assert_eq!(l[2], "");
        l.swap(2, 3);
    }));
    let line = pin_line("data/shiryo-3-2.txt", "t1 key groups");
    assert_starts(
        &message,
        &format!("data/pins.tsv:{line}: expected data/shiryo-3-2.txt `t1 key groups` to be 9 as pinned here, found 10;"),
    );
}

#[test]
fn a_changed_key_opinion_fails_on_the_match_counts() {
    // `…連携も今後必要` → `…連携は今後不要` still passes the merge rule.
    let message = failure(build_document(|l| {
        assert_eq!(l[8], "○在宅専門医とかかりつけ医の連携も今後必要");
        l[8] = "○在宅専門医とかかりつけ医の連携は今後不要".to_owned();
    }));
    let line = pin_line("data/shiryo-3-2.txt", "t1 key opinion matches");
    assert_starts(
        &message,
        &format!("data/pins.tsv:{line}: expected data/shiryo-3-2.txt `t1 key opinion matches` to be 28 exact, 1 width-insensitive, 0 merged as pinned here, found 27 exact, 1 width-insensitive, 1 merged;"),
    );
}

#[test]
fn more_than_99_opinions_or_groups_fail_at_their_line() {
    // 区西部 has 9 opinions in テーマ①; 91 more after its 8th (line 162)
    // make the 9th, on line 164, the 100th.
    let message = failure(build_document(|l| {
        let extra = vec!["○追加の意見".to_owned(); 91];
        l.splice(162..162, extra);
    }));
    assert_starts(
        &message,
        "data/shiryo-3-2.txt:255: expected at most 99 opinions in an area block (an id numbers them with two digits), found more",
    );
    // テーマ① has 9 key-opinion groups; 91 more after the blank line 62
    // make a 100th, starting on line 62 + 2·90 + 1.
    let message = failure(build_document(|l| {
        let extra = ["○地元で亡くなりたいという人が多い", ""].map(str::to_owned);
        l.splice(62..62, extra.iter().cycle().take(182).cloned());
    }));
    assert_starts(
        &message,
        "data/shiryo-3-2.txt:243: expected at most 99 key-opinion groups in a theme",
    );
}

#[test]
fn a_lone_cr_file_and_an_empty_file_fail_at_line_1_briefly() {
    let text = String::from_utf8(data_file("shiryo-3-2.txt")).unwrap();
    let m = data_file("municipalities.tsv");
    for separator in ["\r", "\u{2028}", "\u{2029}", "\u{85}"] {
        let message = failure(build_bytes(text.replace('\n', separator).as_bytes(), &m));
        assert_starts(
            &message,
            "data/shiryo-3-2.txt:1: expected LF or CRLF line ends, found ",
        );
    }
    for empty in ["", "\n", " \n\n"] {
        let message = failure(build_bytes(empty.as_bytes(), &m));
        assert_starts(&message, "data/shiryo-3-2.txt:1: expected `主な意見`");
    }
}

/// `data/municipalities.tsv` with 世田谷区's area (its last field) made
/// 区中央部.
fn setagaya_in_kuchuobu(text: &str) -> String {
    let line = text.lines().find(|l| l.contains("\t世田谷区\t")).unwrap();
    assert!(line.ends_with("\t区西南部"), "{line}");
    let moved = format!("{}\t区中央部", line.strip_suffix("\t区西南部").unwrap());
    text.replacen(line, &moved, 1)
}

#[test]
fn a_municipality_moved_to_another_area_fails_on_the_areas_count() {
    let text = String::from_utf8(data_file("municipalities.tsv")).unwrap();
    let moved = setagaya_in_kuchuobu(&text);
    assert_ne!(moved, text);
    let message = failure(build_bytes(&data_file("shiryo-3-2.txt"), moved.as_bytes()));
    let line = pin_line("data/municipalities.tsv", "kuchuobu municipalities");
    assert_starts(
        &message,
        &format!("data/pins.tsv:{line}: expected data/municipalities.tsv `kuchuobu municipalities` to be 5 as pinned here, found 6;"),
    );
}

#[test]
fn quoted_lines_are_cut_and_escaped() {
    // A 2,000-character line with a control character: the message quotes
    // its first 80 characters, the control character escaped, then `…`.
    let message = failure(build_document(|l| {
        l[153] = format!("・長\u{1B}{}", "長".repeat(2000));
    }));
    assert_starts(&message, "data/shiryo-3-2.txt:154: expected visible text, found the control or invisible character U+001B at column 3 of ");
    assert!(
        message.ends_with(&format!("`・長\\u{{001B}}{}…`", "長".repeat(77))),
        "{message}"
    );
}

/// The tests share one copy of the crate; they take turns.
pub(crate) static COPY: Mutex<()> = Mutex::new(());

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
pub(crate) const DATA: &str = "data/shiryo-3-2.txt";
const MUNICIPALITIES: &str = "data/municipalities.tsv";
const PINS: &str = "data/pins.tsv";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the crate, refreshed from the sources on every run.
pub(crate) fn crate_copy() -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-failure");
    let copy = root.join("crate");
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).unwrap();
    // What the package ships besides its directories (the crate docs
    // include both READMEs and the heatmaps' data URIs).
    for file in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "README.md",
        "README.ja.md",
        "docs/heatmaps.md",
    ] {
        let from = Path::new(MANIFEST_DIR).join(file);
        if from.exists() {
            std::fs::create_dir_all(copy.join(file).parent().unwrap()).unwrap();
            std::fs::copy(&from, copy.join(file)).unwrap();
        }
    }
    // Targets the manifest may declare must exist for it to load.
    for dir in ["src", "data", "examples", "benches", "tests"] {
        let from = Path::new(MANIFEST_DIR).join(dir);
        if from.is_dir() {
            copy_dir(&from, &copy.join(dir));
        }
    }
    copy
}

/// Builds the copy; returns (success, stderr).
pub(crate) fn build(copy: &Path) -> (bool, String) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let target = copy.parent().unwrap().join("target");
    let out = Command::new(cargo)
        .args(["build", "--offline", "--lib", "--quiet"])
        .current_dir(copy)
        .env("CARGO_TARGET_DIR", &target)
        // A backtrace would show if anything panicked.
        .env("RUST_BACKTRACE", "1")
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("CARGO_PRIMARY_PACKAGE")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The 1-based line of the first line equal to `line` in the data file.
fn line_of(text: &str, line: &str) -> usize {
    text.split('\n').position(|l| l == line).unwrap() + 1
}

#[test]
fn bad_data_fails_the_build_with_file_line_and_no_backtrace() {
    let _turn = COPY.lock().unwrap_or_else(|e| e.into_inner());
    let copy = crate_copy();
    let data_path = copy.join(DATA);
    let original = std::fs::read_to_string(&data_path).unwrap();

    let heading = line_of(&original, "【看取り】");
    let key = line_of(&original, "○地元で亡くなりたいという人が多い");
    let mut invalid = original.clone().into_bytes();
    let at = original.find("○区境の連携が必要").unwrap();
    invalid[at + 3] = 0xff; // inside the line after the bullet
    let invalid_line = original[..at].matches('\n').count() + 1;
    let municipalities = std::fs::read_to_string(copy.join(MUNICIPALITIES)).unwrap();
    let pins = std::fs::read(copy.join(PINS)).unwrap();
    let lines: Vec<&str> = original.split('\n').collect();
    let edit_line = |n: usize, new: Option<&str>| {
        let mut l = lines.clone();
        match new {
            Some(new) => l[n - 1] = new,
            None => {
                l.remove(n - 1);
            }
        }
        l.join("\n").into_bytes()
    };
    assert_eq!(lines[152], "○在宅歯科もマンパワーが不足");
    let lookalike = format!("・{}", lines[153].strip_prefix('○').unwrap());
    // (what, file, its new bytes or none, the error line `cargo build` prints)
    let cases: Vec<(&str, &str, Option<Vec<u8>>, String)> = vec![
        (
            "a lookalike bullet (line 154)",
            DATA,
            Some(edit_line(154, Some(&lookalike))),
            format!("{DATA}:154: expected an opinion starting with ○ or 〇, or the wrapped rest"),
        ),
        (
            "a one-line opinion deleted (line 153)",
            DATA,
            Some(edit_line(153, None)),
            format!(
                "{PINS}:{}: expected {DATA} `t1 kuseibu opinions` to be 9 as pinned here, found 8;",
                pin_line(DATA, "t1 kuseibu opinions")
            ),
        ),
        (
            "lone-CR line ends",
            DATA,
            Some(original.replace('\n', "\r").into_bytes()),
            format!("{DATA}:1: expected LF or CRLF line ends, found a lone CR"),
        ),
        (
            "世田谷区 under 区中央部",
            MUNICIPALITIES,
            Some(
                setagaya_in_kuchuobu(&municipalities).into_bytes(),
            ),
            format!(
                "{PINS}:{}: expected {MUNICIPALITIES} `kuchuobu municipalities` to be 5 as pinned here, found 6;",
                pin_line(MUNICIPALITIES, "kuchuobu municipalities")
            ),
        ),
        ("no pins", PINS, None, format!("{PINS}: cannot read: ")),

        (
            "unknown category",
            DATA,
            Some(original
                .replacen("【看取り】", "【看取り等】", 1)
                .into_bytes()),
            format!("{DATA}:{heading}: expected a known category in 【】"),
        ),
        (
            "key opinion without a source",
            DATA,
            Some(original
                .replacen(
                    "○地元で亡くなりたいという人が多い",
                    "○どの地域も言っていない意見",
                    1,
                )
                .into_bytes()),
            format!("{DATA}:{key}: expected the key opinion `どの地域も言っていない意見`"),
        ),
        (
            "invalid UTF-8",
            DATA,
            Some(invalid),
            format!("{DATA}:{invalid_line}: expected UTF-8 text"),
        ),
    ];
    let originals = [
        (DATA, original.as_bytes()),
        (MUNICIPALITIES, municipalities.as_bytes()),
        (PINS, &pins[..]),
    ];
    for (what, file, bytes, expected) in cases {
        match bytes {
            Some(bytes) => std::fs::write(copy.join(file), bytes).unwrap(),
            None => std::fs::remove_file(copy.join(file)).unwrap(),
        }
        let (ok, stderr) = build(&copy);
        for (file, bytes) in originals {
            std::fs::write(copy.join(file), bytes).unwrap();
        }
        assert!(!ok, "{what}: the build succeeded");
        assert!(
            stderr.contains(&format!("error: {expected}")),
            "{what}: expected `{expected}` in:\n{stderr}"
        );
        for bad in ["panicked", "stack backtrace", "RUST_BACKTRACE"] {
            assert!(!stderr.contains(bad), "{what}: `{bad}` in:\n{stderr}");
        }
        let line = stderr.lines().find(|l| l.contains("error: data/")).unwrap();
        assert!(line.len() < 1024, "{what}: {} bytes", line.len());
    }

    // And the unmodified copy builds, so the failures above are the data's.
    let (ok, stderr) = build(&copy);
    assert!(ok, "the unmodified copy does not build:\n{stderr}");
}

#[test]
fn bad_english_fails_the_build_with_file_line_and_no_backtrace() {
    let _turn = COPY.lock().unwrap_or_else(|e| e.into_inner());
    let copy = crate_copy();
    let path = "data/english.tsv";
    let original = std::fs::read_to_string(copy.join(path)).unwrap();
    let at = original.find("t1-kuchuobu-02\t").unwrap();
    let line = original[..at].matches('\n').count() + 1;
    let bad = original.replacen("t1-kuchuobu-02\t", "t1-kuchuobu-92\t", 1);
    std::fs::write(copy.join(path), bad).unwrap();
    let (ok, stderr) = build(&copy);
    assert!(!ok, "the build succeeded");
    let expected =
        format!("error: {path}:{line}: expected the id of a record, found `t1-kuchuobu-92`");
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
    for bad in ["panicked", "stack backtrace", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(bad), "`{bad}` in:\n{stderr}");
    }
}

/// A record as `examples/export.rs` writes it (id, category, text,
/// sources), from the build-time data.
fn export_rows(doc: &build::parse::Document, links: &build::link::Links) -> Vec<String> {
    use build::vocab::{CATEGORIES, REGIONS};
    let id = |i: usize| {
        let o = &doc.opinions[i];
        format!(
            "t{}-{}-{:02}",
            o.theme + 1,
            REGIONS[o.region].id_token,
            o.position
        )
    };
    let mut rows: Vec<String> = (0..doc.opinions.len())
        .map(|i| {
            format!(
                "{} {} {}",
                id(i),
                CATEGORIES[doc.opinions[i].category].ja,
                doc.opinions[i].text
            )
        })
        .collect();
    for (k, key) in doc.key_opinions.iter().enumerate() {
        let sources: Vec<String> = links.provenance[k].sources.iter().map(|&s| id(s)).collect();
        rows.push(format!(
            "t{}-key-{:02}-{:02} {} {} [{}]",
            key.theme + 1,
            key.group,
            key.position,
            CATEGORIES[links.key_category[k]].ja,
            key.text,
            sources.join(",")
        ));
    }
    rows
}

/// `data/README.md`, "Updating the source", on a copy: one opinion's text
/// changed, the build fails on the fingerprint pin and names the facts it
/// found; with those copied over `data/pins.tsv` it passes, and the records
/// differ in that one opinion.
#[test]
fn the_update_procedure_takes_a_corrected_text_through_the_build() {
    let _turn = COPY.lock().unwrap_or_else(|e| e.into_inner());
    let copy = crate_copy();
    let before = std::fs::read_to_string(copy.join(DATA)).unwrap();
    let after = before.replacen(
        "○区内にリーダー医師を10名置き、",
        "○区内にリーダー医師を12名置き、",
        1,
    );
    assert_ne!(after, before);
    std::fs::write(copy.join(DATA), &after).unwrap();

    let (ok, stderr) = build(&copy);
    assert!(!ok, "the build passed with the old pins");
    let line = pin_line(DATA, "fingerprint");
    let expected = format!("error: {PINS}:{line}: expected {DATA} `fingerprint` to be ");
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
    let found = stderr
        .split("the facts found are in ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap_or_else(|| panic!("no path to the facts found in:\n{stderr}"));
    let found = std::fs::read_to_string(found).unwrap();
    let pinned = std::fs::read_to_string(copy.join(PINS)).unwrap();
    // Only the fingerprint changed: the shape is the same.
    let changed: Vec<(&str, &str)> = pinned
        .lines()
        .zip(found.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(pinned.lines().count(), found.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0]
        .1
        .starts_with(&format!("{DATA}\tfingerprint\tfnv1a64:")));

    std::fs::write(copy.join(PINS), &found).unwrap();
    let (ok, stderr) = build(&copy);
    assert!(ok, "the build fails with the updated pins:\n{stderr}");

    let rows = |text: &str| {
        let doc = build::parse::parse(text.as_bytes()).unwrap();
        export_rows(&doc, &build::link::link(&doc).unwrap())
    };
    let (old, new) = (rows(&before), rows(&after));
    assert_eq!(old.len(), new.len());
    let differ: Vec<(&String, &String)> = old.iter().zip(&new).filter(|(a, b)| a != b).collect();
    assert_eq!(differ.len(), 1, "{differ:?}");
    assert!(
        differ[0]
            .1
            .starts_with("t1-kuchuobu-07 その他 区内にリーダー医師を12名置き、"),
        "{differ:?}"
    );
}

#[test]
fn bad_points_data_fails_the_build_with_file_and_line() {
    let _turn = COPY.lock().unwrap_or_else(|e| e.into_inner());
    let copy = crate_copy();
    let tags_path = copy.join("data/opinion-points.tsv");
    let original = std::fs::read_to_string(&tags_path).unwrap();
    let line = line_of(&original, "t1-kuchuobu-01\thome-care-across-ward-borders");
    let bad = original.replacen(
        "t1-kuchuobu-01\thome-care-across-ward-borders",
        "t1-kuchuobu-01\thome-care-across-ward-border",
        1,
    );
    std::fs::write(&tags_path, bad).unwrap();
    let (ok, stderr) = build(&copy);
    std::fs::write(&tags_path, &original).unwrap();
    assert!(!ok, "the build succeeded");
    let expected = format!(
        "error: data/opinion-points.tsv:{line}: expected a point id of data/points.tsv, found `home-care-across-ward-border`"
    );
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
    for bad in ["panicked", "stack backtrace", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(bad), "`{bad}` in:\n{stderr}");
    }
}
