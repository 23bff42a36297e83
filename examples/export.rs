//! Prints every record of the dataset, in document order (テーマ① key
//! opinions, テーマ① area opinions in area order, then テーマ②), as JSON
//! Lines or CSV: each record's [`Row`](zaitaku_opinions::Row), written by
//! serde.
//!
//! Run with `cargo run --features serde --example export -- --format jsonl`
//! or `… -- --format csv`.
//!
//! Fields: `id`, `kind` (`area` or `key`), `theme`, `region` (slugs; empty
//! or null for key opinions), `category` (slug), `text` (the Japanese
//! source), `text_en` (an unofficial English translation by this crate's
//! authors, not by 東京都), `taken_from` (the
//! ids of the area opinions a key opinion was taken from, separated by a
//! space; empty for area opinions), `first_line`, `last_line` and
//! `points` (the ids of its points, this crate's reading of the document,
//! separated by a space).

use std::io::{self, Write};
use std::process::ExitCode;
use zaitaku_opinions::Query;

const USAGE: &str = "usage: export --format jsonl|csv";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let format = match args.as_slice() {
        [flag, value] if flag == "--format" => value.as_str(),
        [flag] => flag.strip_prefix("--format=").unwrap_or(""),
        _ => "",
    };
    let out = io::stdout().lock();
    let result = match format {
        "jsonl" => write_jsonl(out),
        "csv" => write_csv(out),
        _ => {
            eprintln!("export: expected --format jsonl or --format csv\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("export: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_jsonl(mut out: impl Write) -> Result<(), Box<dyn std::error::Error>> {
    for record in Query::new() {
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

fn write_csv(out: impl Write) -> Result<(), Box<dyn std::error::Error>> {
    let mut w = csv::Writer::from_writer(out);
    for record in Query::new() {
        w.serialize(record.row())?;
    }
    w.flush()?;
    Ok(())
}
