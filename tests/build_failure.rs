//! Bad data fails the build with `data/<file>:<line>: expected …` and a
//! non-zero exit, and no panic or backtrace; a CRLF, BOM-prefixed copy of
//! the data builds the same `dataset.rs` byte for byte.
//!
//! The test copies the crate (manifest, lock file, build script, sources,
//! data) into `CARGO_TARGET_TMPDIR`, corrupts the copy's data file in a few
//! ways and runs `cargo build --offline` there. The copy's target directory
//! persists under `CARGO_TARGET_TMPDIR`, so only the first run compiles the
//! build script and its dependencies; each later build only re-runs the
//! build script.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// The tests share one copy of the crate; they take turns.
static COPY: Mutex<()> = Mutex::new(());

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const DATA: &str = "data/shiryo-3-2.txt";

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
fn crate_copy() -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-failure");
    let copy = root.join("crate");
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).unwrap();
    for file in ["Cargo.toml", "Cargo.lock", "build.rs", "README.md"] {
        let from = Path::new(MANIFEST_DIR).join(file);
        if from.exists() {
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
fn build(copy: &Path) -> (bool, String) {
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
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        (
            "unknown category",
            original
                .replacen("【看取り】", "【看取り等】", 1)
                .into_bytes(),
            format!("{DATA}:{heading}: expected a known category in 【】"),
        ),
        (
            "key opinion without a source",
            original
                .replacen(
                    "○地元で亡くなりたいという人が多い",
                    "○どの地域も言っていない意見",
                    1,
                )
                .into_bytes(),
            format!("{DATA}:{key}: expected the key opinion `どの地域も言っていない意見`"),
        ),
        (
            "invalid UTF-8",
            invalid,
            format!("{DATA}:{invalid_line}: expected UTF-8 text"),
        ),
    ];
    for (what, bytes, expected) in cases {
        std::fs::write(&data_path, bytes).unwrap();
        let (ok, stderr) = build(&copy);
        assert!(!ok, "{what}: the build succeeded");
        assert!(
            stderr.contains(&format!("error: {expected}")),
            "{what}: expected `{expected}` in:\n{stderr}"
        );
        for bad in ["panicked", "stack backtrace", "RUST_BACKTRACE"] {
            assert!(!stderr.contains(bad), "{what}: `{bad}` in:\n{stderr}");
        }
    }

    // And the unmodified copy builds, so the failures above are the data's.
    std::fs::write(&data_path, &original).unwrap();
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

/// The newest `dataset.rs` the copy's build script wrote.
fn built_dataset(copy: &Path) -> String {
    let build = copy.parent().unwrap().join("target/debug/build");
    let newest = std::fs::read_dir(&build)
        .unwrap()
        .map(|e| e.unwrap().path().join("out/dataset.rs"))
        .filter(|p| p.exists())
        .max_by_key(|p| p.metadata().unwrap().modified().unwrap())
        .unwrap();
    std::fs::read_to_string(newest).unwrap()
}

#[test]
fn a_crlf_bom_copy_of_the_data_builds_the_same_dataset() {
    let _turn = COPY.lock().unwrap_or_else(|e| e.into_inner());
    let copy = crate_copy();
    let data_path = copy.join(DATA);
    let original = std::fs::read_to_string(&data_path).unwrap();
    let crlf_bom = format!("\u{feff}{}", original.replace('\n', "\r\n"));
    std::fs::write(&data_path, crlf_bom).unwrap();
    let (ok, stderr) = build(&copy);
    assert!(ok, "the CRLF + BOM copy does not build:\n{stderr}");
    // This crate's own build script read the data as shipped.
    let ours = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/dataset.rs")).unwrap();
    assert!(
        built_dataset(&copy) == ours,
        "the CRLF + BOM copy generated a different dataset.rs"
    );
}
