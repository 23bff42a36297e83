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

use std::path::Path;
use std::process::ExitCode;

#[path = "src/build/mod.rs"]
#[allow(dead_code)] // shared with tests, which call more of it than the build
mod build;
#[path = "src/normalize.rs"]
#[allow(dead_code)] // the library uses parts of it that the build does not
mod normalize;

fn main() -> ExitCode {
    for input in ["build.rs", "src/build", "src/normalize.rs", "src/vocab.rs"] {
        println!("cargo:rerun-if-changed={input}");
    }
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        eprintln!("error: OUT_DIR is not set (run through cargo)");
        return ExitCode::FAILURE;
    };
    let out = Path::new(&out_dir);
    let result = build::run(
        |path| {
            // Each data file read is one the build depends on.
            println!("cargo:rerun-if-changed={path}");
            std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))
        },
        |name, contents| {
            let path = out.join(name);
            std::fs::write(&path, contents)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            Ok(path.display().to_string())
        },
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
