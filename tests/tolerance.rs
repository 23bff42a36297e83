//! What a user's tools do to a text file does not change the dataset: CRLF
//! line endings (git on Windows), a UTF-8 byte-order mark, trailing spaces
//! or tabs, a final newline added or removed. Each variant of the data file
//! (and of the valid fixture) parses to exactly the same `Document`, line
//! roles included, and links the same.
//!
//! The generated code is compared byte for byte in tests/determinism.rs.

#[path = "../src/build/mod.rs"]
#[allow(dead_code)]
mod build;
#[path = "../src/normalize.rs"]
#[allow(dead_code)]
mod normalize;

use build::{link, parse};

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
    } else {
        out.push(("a final newline", format!("{text}\n")));
        out.push((
            "CRLF and a final CRLF",
            format!("{text}\n").replace('\n', "\r\n"),
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
fn the_data_file_parses_the_same_whatever_the_line_endings() {
    // The source ends without a newline (its last line is a single space).
    check("data/shiryo-3-2.txt");
}

#[test]
fn the_valid_fixture_parses_the_same_whatever_the_line_endings() {
    // The fixture ends with a newline, so the other direction is covered.
    check("tests/fixtures/good/small.txt");
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
