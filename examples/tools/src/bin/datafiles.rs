//! Writes the data files: the dataset as Excel-ready CSV and JSON Lines
//! tables, with a Frictionless Data Package (`datapackage.json`) describing
//! every field in English and Japanese (see `zaitaku_tools::datafiles`).
//!
//! Run with `cargo run -p zaitaku_tools --bin datafiles` to (re)write
//! `docs/data/`, or `cargo run -p zaitaku_tools --bin datafiles -- OUT_DIR`
//! to write them elsewhere. CI regenerates them and fails if the committed
//! files are stale.

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1);
    let out_dir = args
        .next()
        .map_or_else(|| zaitaku_tools::docs_dir().join("data"), PathBuf::from);
    if args.next().is_some() {
        return Err("usage: datafiles [OUT_DIR]".into());
    }
    std::fs::create_dir_all(&out_dir)?;
    for (name, bytes) in zaitaku_tools::datafiles::render()? {
        let path = out_dir.join(name);
        std::fs::write(&path, &bytes)?;
        println!("wrote {} ({} bytes)", path.display(), bytes.len());
    }
    Ok(())
}
