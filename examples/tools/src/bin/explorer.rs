//! Writes the explorer: the whole dataset as one self-contained web page,
//! `docs/explorer.html`, to open in any browser (no server, no network).
//!
//! Run with `cargo run -p zaitaku_tools --bin explorer` to (re)write
//! `docs/explorer.html`, or `cargo run -p zaitaku_tools --bin explorer -- OUT_FILE` to
//! write it elsewhere. CI regenerates it and fails if the committed page is
//! stale.
//!
//! Every record is pre-rendered in the HTML as text, in the document's
//! order (theme → key opinions by group → area → category → opinions), so
//! the page reads and prints with JavaScript off. With JavaScript it adds a
//! search box with the crate's matching rules, filters, the view state in
//! the URL, heatmap cells that filter, permalinks, a municipality box and an
//! English toggle. The page is built in `src/explorer/page.rs` from the
//! templates beside it (`template.html`, `explorer.css`, `explorer.js`).

use std::error::Error;
use std::path::PathBuf;
use zaitaku_tools::explorer::page;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1);
    let out = args.next().map_or_else(
        || zaitaku_tools::docs_dir().join("explorer.html"),
        PathBuf::from,
    );
    if args.next().is_some() {
        return Err("usage: explorer [OUT_FILE]".into());
    }
    let html = page::render();
    if html.len() > page::MAX_BYTES {
        return Err(format!("the page is {} bytes, over {}", html.len(), page::MAX_BYTES).into());
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, &html)?;
    println!("wrote {} ({} bytes)", out.display(), html.len());
    Ok(())
}
