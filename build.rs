//! Compiles the data files into static Rust: read, parse, link, validate
//! (against the pins in `data/pins.tsv`), emit. All the logic lives in
//! ordinary modules under `src/build/` (mounted here with `#[path]`) so that
//! `tests/` can run it on fixtures; a build script has no test harness of
//! its own.
//!
//! Bad data stops the build with `data/<file>:<line>: <what was expected>`
//! and no panic backtrace.

// Errors are returned and printed by `main`, never panicked: this covers
// the mounted parser, linker and generator modules too.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "src/build/mod.rs"]
#[allow(dead_code)] // shared with tests, which call more of it than the build
mod build;
#[path = "src/normalize.rs"]
#[allow(dead_code)] // the library uses parts of it that the build does not
mod normalize;

use build::{english, municipality, parse, pins, points};

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    for input in [
        parse::PATH,
        municipality::PATH,
        pins::PATH,
        english::PATH,
        english::GLOSSARY_PATH,
        points::POINTS_PATH,
        points::TAGS_PATH,
        "src/normalize.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    println!("cargo:rerun-if-changed=src/build");
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))
}

fn write(path: PathBuf, contents: String) -> Result<(), String> {
    std::fs::write(&path, contents).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set (run through cargo)")?;
    let out = Path::new(&out_dir);
    let data = build::read(&read(parse::PATH)?, &read(municipality::PATH)?)?;
    // The facts found, for the update procedure, even if the pins disagree.
    let found = out.join("pins.tsv");
    write(found.clone(), pins::render(&data.facts))?;
    data.check(&read(pins::PATH)?, &found.display().to_string())?;
    let english = data.english(&read(english::GLOSSARY_PATH)?, &read(english::PATH)?)?;
    let points = data.points(&read(points::POINTS_PATH)?, &read(points::TAGS_PATH)?)?;
    let (dataset, municipalities, points) = data.generate(&points)?;
    write(out.join("dataset.rs"), dataset)?;
    write(out.join("english.rs"), data.generate_english(&english))?;
    write(out.join("municipalities.rs"), municipalities)?;
    write(out.join("points.rs"), points)
}
