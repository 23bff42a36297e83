//! What a user's tools do to a text file does not change the dataset: CRLF
//! line endings (git on Windows), a UTF-8 byte-order mark, trailing spaces
//! or tabs, a final newline added or removed. Tested once at each level:
//!
//! - **parsed data**: each variant of the data file (and of the valid
//!   fixture) parses to exactly the same `Document`, line roles included,
//!   and links the same;
//! - **generated code**: each variant of the data file (and a CRLF, BOM
//!   copy of `data/municipalities.tsv`) builds, through `build::run`, the
//!   same `dataset.rs` byte for byte;
//! - **a real build**: `cargo build` on a copy of the crate whose data file
//!   has CRLF line ends and a BOM writes the same `dataset.rs` as this
//!   crate's build script.

use crate::build;
use crate::build_failure::{self, build_bytes, data_file, COPY};
use build::{link, parse};
use std::path::Path;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The variants a tool may produce, each named for the failure message.
/// Every one keeps the number of lines.
fn variants(text: &str) -> Vec<(&'static str, String)> {
    let lf: Vec<&str> = text.split('\n').collect();
    let ends_with_newline = text.ends_with('\n');
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut out = vec![
        ("CRLF line endings", text.replace('\n', "\r\n")),
        ("byte-order mark", format!("\u{feff}{text}")),
        (
            "CRLF and BOM",
            format!("\u{feff}{}", text.replace('\n', "\r\n")),
        ),
        ("trailing spaces", lf.join("   \n")),
        ("trailing tabs", lf.join("\t\n")),
        (
            "CRLF, BOM and trailing spaces",
            format!("\u{feff}{}", lf.join(" \r\n")),
        ),
    ];
    if ends_with_newline {
        out.push(("no final newline", body.to_owned()));
        out.push(("CRLF and no final newline", body.replace('\n', "\r\n")));
        out.push((
            "BOM, trailing blanks, CRLF and no final newline",
            format!(
                "\u{feff}{}",
                body.split('\n').collect::<Vec<_>>().join("  \t\r\n")
            ),
        ));
    } else {
        out.push(("a final newline", format!("{text}\n")));
        out.push((
            "CRLF and a final CRLF",
            format!("{text}\n").replace('\n', "\r\n"),
        ));
        out.push((
            "BOM, trailing blanks, CRLF and a final CRLF",
            format!("\u{feff}{}  \t\r\n", lf.join("  \t\r\n")),
        ));
    }
    out
}

fn check(path: &str) {
    let bytes = std::fs::read(format!("{MANIFEST_DIR}/{path}")).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let expected = parse::parse(&bytes).unwrap();
    let expected_links = link::link(&expected).unwrap();
    assert!(!expected.opinions.is_empty());
    for (what, variant) in variants(text) {
        assert_ne!(variant.as_bytes(), bytes, "{what}: not a change");
        let doc =
            parse::parse(variant.as_bytes()).unwrap_or_else(|e| panic!("{path} with {what}: {e}"));
        assert!(doc == expected, "{path} with {what}: a different Document");
        assert!(
            link::link(&doc).unwrap() == expected_links,
            "{path} with {what}: different links"
        );
    }
}

#[test]
fn the_data_parses_the_same_whatever_the_line_endings() {
    // The source ends without a newline (its last line is a single space);
    // the fixture ends with one, so the other direction is covered.
    check("data/shiryo-3-2.txt");
    check("tests/fixtures/good/small.txt");
}

#[test]
fn the_generated_code_is_the_same_whatever_the_line_endings() {
    let text = String::from_utf8(data_file("shiryo-3-2.txt")).unwrap();
    let m = data_file("municipalities.tsv");
    let original = build_bytes(text.as_bytes(), &m).unwrap();
    for (what, variant) in variants(&text) {
        let built = build_bytes(variant.as_bytes(), &m).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(built == original, "{what}: a different dataset.rs");
    }
    // The same for the municipalities.
    let m_text = String::from_utf8(m.clone()).unwrap();
    let crlf = format!("\u{feff}{}", m_text.replace('\n', "  \r\n"));
    build_bytes(text.as_bytes(), crlf.as_bytes()).unwrap();
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
    let copy = build_failure::crate_copy();
    let data_path = copy.join(build_failure::DATA);
    let original = std::fs::read_to_string(&data_path).unwrap();
    let crlf_bom = format!("\u{feff}{}", original.replace('\n', "\r\n"));
    std::fs::write(&data_path, crlf_bom).unwrap();
    let (ok, stderr) = build_failure::build(&copy);
    assert!(ok, "the CRLF + BOM copy does not build:\n{stderr}");
    // This crate's own build script read the data as shipped.
    let ours = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/dataset.rs")).unwrap();
    assert!(
        built_dataset(&copy) == ours,
        "the CRLF + BOM copy generated a different dataset.rs"
    );
}

#[test]
fn a_byte_order_mark_only_counts_at_the_start() {
    // A BOM anywhere else is not something a tool added: it is an
    // invisible character in the text, an error on its line.
    let bytes = std::fs::read(format!("{MANIFEST_DIR}/tests/fixtures/good/small.txt")).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let moved = text.replacen("【医療資源等】", "\u{feff}【医療資源等】", 1);
    let err = parse::parse(moved.as_bytes()).unwrap_err();
    assert_eq!(err.line, 19);
    assert!(
        matches!(
            err.kind,
            parse::ErrorKind::Text(build::reader::TextError::Invisible {
                ch: '\u{feff}',
                column: 1,
                ..
            })
        ),
        "{err:?}"
    );
}
