//! Compiles `data/shiryo-3-2.txt` into static Rust: read, parse, link,
//! validate, emit. All the logic lives in ordinary modules under
//! `src/build/` (mounted here with `#[path]`) so that `tests/` can run it
//! on fixtures; a build script has no test harness of its own.
//!
//! Bad data stops the build with `data/<file>:<line>: <what was expected>`
//! and no panic backtrace.

// Errors are returned and printed by `main`, never panicked: this covers
// the mounted parser, linker and generator modules too.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::ExitCode;

#[path = "src/build/mod.rs"]
#[allow(dead_code)] // shared with tests, which call more of it than the build
mod build;
#[path = "src/normalize.rs"]
#[allow(dead_code)] // the library uses parts of it that the build does not
mod normalize;

const DATA: &str = "data/shiryo-3-2.txt";
const INPUTS: [&str; 6] = [
    DATA,
    "src/normalize.rs",
    "src/build/mod.rs",
    "src/build/vocab.rs",
    "src/build/parse.rs",
    "src/build/link.rs",
];

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/build/emit.rs");
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
    }
    match run().and_then(|()| municipalities()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let bytes = std::fs::read(DATA).map_err(|e| format!("{DATA}: cannot read: {e}"))?;
    let doc = build::parse::parse(&bytes).map_err(|e| e.at(DATA))?;
    let links = build::link::link(&doc).map_err(|e| e.at(DATA))?;
    let similar = build::link::similar(&doc, build::emit::SIMILAR_LIMIT);
    let input = build::emit::Input {
        data_path: DATA,
        doc: &doc,
        links: &links,
        similar: &similar,
    };
    let code = build::emit::generate(&input).map_err(|e| format!("{DATA}: {e}"))?;
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set (run through cargo)")?;
    let out = Path::new(&out_dir).join("dataset.rs");
    std::fs::write(&out, code).map_err(|e| format!("{}: cannot write: {e}", out.display()))
}

const MUNICIPALITIES: &str = "data/municipalities.tsv";

/// Tokyo's municipalities and their areas: `$OUT_DIR/municipalities.rs`.
fn municipalities() -> Result<(), String> {
    println!("cargo:rerun-if-changed={MUNICIPALITIES}");
    println!("cargo:rerun-if-changed=src/build/municipality.rs");
    let bytes =
        std::fs::read(MUNICIPALITIES).map_err(|e| format!("{MUNICIPALITIES}: cannot read: {e}"))?;
    let records = build::municipality::parse(&bytes).map_err(|e| e.at(MUNICIPALITIES))?;
    let code = build::municipality::generate(MUNICIPALITIES, &records)
        .map_err(|e| e.at(MUNICIPALITIES))?;
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set (run through cargo)")?;
    let out = Path::new(&out_dir).join("municipalities.rs");
    std::fs::write(&out, code).map_err(|e| format!("{}: cannot write: {e}", out.display()))
}
