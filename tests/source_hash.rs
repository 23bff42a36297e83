//! The shipped source text is the one the crate was made from: its SHA-256
//! is `zaitaku_opinions::SOURCE_SHA256`.
//!
//! When it is not, the failure says whether the file differs only in how
//! tools store text (CRLF line endings as git on Windows writes them, a
//! UTF-8 byte-order mark), which the parser tolerates and which
//! `.gitattributes` (`data/*.txt -text`) should prevent, or in its content.

use sha2::{Digest, Sha256};
use zaitaku_opinions::SOURCE_SHA256;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/shiryo-3-2.txt");

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The bytes with a leading BOM removed and CRLF turned into LF: undoes what
/// a checkout or an editor may do to line endings, and nothing else.
fn normalize_line_endings(bytes: &[u8]) -> Vec<u8> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// `Ok` if the bytes are the source; otherwise what differs, in words.
fn diagnose(bytes: &[u8], expected: &str) -> Result<(), String> {
    let actual = sha256_hex(bytes);
    if actual == expected {
        return Ok(());
    }
    let normalized = sha256_hex(&normalize_line_endings(bytes));
    if normalized == expected {
        Err(format!(
            "data/shiryo-3-2.txt differs from the source only in line endings or a byte-order mark \
             (sha256 {actual}; {expected} once CRLF is turned into LF and the BOM removed). \
             The dataset is unaffected, but restore the file byte for byte: \
             `rm data/shiryo-3-2.txt && git checkout HEAD -- data/shiryo-3-2.txt` \
             (.gitattributes marks data/*.txt -text)"
        ))
    } else {
        Err(format!(
            "data/shiryo-3-2.txt differs from the source in content: sha256 {actual} \
             ({normalized} with LF line endings and no BOM), expected {expected}. \
             If the document was replaced on purpose, update SOURCE_SHA256 and the tests \
             that check facts from it"
        ))
    }
}

#[test]
fn the_data_file_is_the_source() {
    let bytes = std::fs::read(DATA).unwrap();
    if let Err(message) = diagnose(&bytes, SOURCE_SHA256) {
        panic!("{message}");
    }
}

#[test]
fn source_sha256_is_lowercase_hex() {
    assert_eq!(SOURCE_SHA256.len(), 64);
    assert!(SOURCE_SHA256
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
}

#[test]
fn sha256_is_the_standard_one() {
    // FIPS 180-2 test vector.
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn a_crlf_or_bom_copy_is_told_apart_from_an_edit() {
    let bytes = std::fs::read(DATA).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let crlf = text.replace('\n', "\r\n");
    let bom = format!("\u{feff}{text}");
    let both = format!("\u{feff}{crlf}");
    for copy in [&crlf, &bom, &both] {
        let message = diagnose(copy.as_bytes(), SOURCE_SHA256).unwrap_err();
        assert!(message.contains("only in line endings"), "{message}");
    }
    // An edit (one character of line 4) is a content change, CRLF or not.
    let edited = text.replacen("在宅専門医療機関", "在宅専門医療機闘", 1);
    assert_ne!(edited, text);
    for copy in [edited.clone(), edited.replace('\n', "\r\n")] {
        let message = diagnose(copy.as_bytes(), SOURCE_SHA256).unwrap_err();
        assert!(message.contains("in content"), "{message}");
    }
    // Trailing spaces are content: the source has some (lines 360 and 713).
    let trimmed: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    let message = diagnose(trimmed.join("\n").as_bytes(), SOURCE_SHA256).unwrap_err();
    assert!(message.contains("in content"), "{message}");
}

#[test]
fn gitattributes_keeps_data_byte_exact() {
    // A packaged crate has no .gitattributes (nor git); a checkout must.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/.gitattributes");
    let in_git = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.git")).exists();
    if let Ok(attributes) = std::fs::read_to_string(path) {
        assert!(
            attributes.lines().any(|l| l.trim() == "data/*.txt -text"),
            ".gitattributes must mark data/*.txt -text so checkouts keep LF"
        );
    } else {
        assert!(!in_git, "{path} is missing");
    }
    // The file as checked out has no CR and no BOM.
    let bytes = std::fs::read(DATA).unwrap();
    assert!(!bytes.contains(&b'\r'));
    assert!(!bytes.starts_with("\u{feff}".as_bytes()));
}
