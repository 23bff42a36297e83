//! The tools around `zaitaku_opinions` that are not the crate, and are not
//! published: they write what `docs/` holds from the crate's data, and CI
//! checks that what is committed there is what they write today.
//!
//! - `cargo run -p zaitaku_tools --bin explorer [OUT_FILE]`: the explorer
//!   page, `docs/explorer.html` ([`explorer::page`]).
//! - `cargo run -p zaitaku_tools --bin heatmap [OUT_DIR]`: the heatmaps,
//!   `docs/heatmap-theme{1,2}.svg` and their data URIs, `docs/heatmaps.md`.
//! - `cargo run -p zaitaku_tools --bin datafiles [OUT_DIR]`: the data files
//!   in `docs/data/`, with their Frictionless Data Package ([`datafiles`]).
//!
//! `cargo test -p zaitaku_tools` checks the page without a browser
//! (`tests/explorer_page.rs`) and in the system's Chromium
//! (`tests/explorer_browser.rs`; its downloads, print header and comparison
//! of two areas in `tests/explorer_exports.rs`), and the committed data
//! files (`tests/datafiles.rs`).

use std::path::{Path, PathBuf};

pub mod datafiles;

/// The explorer page.
pub mod explorer {
    pub mod page;
}

/// The repository's `docs/` directory, where the tools write by default
/// (whatever the current directory).
pub fn docs_dir() -> PathBuf {
    // This package is `examples/tools/` in the repository.
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .ancestors()
        .nth(2)
        .unwrap_or(manifest_dir)
        .join("docs")
}
