//! Prints every record of the dataset, in document order (テーマ① key
//! opinions, テーマ① area opinions in area order, then テーマ②), as JSON
//! Lines or CSV: each record's [`Row`](zaitaku_opinions::Row), written by
//! serde.
//!
//! Run with `cargo run --features serde --example export -- --format jsonl`
//! or `… -- --format csv`, or `… -- --format csv --excel` for a file to open
//! in Excel.
//!
//! **When to use `--excel`.** Excel reads a CSV without a byte-order mark
//! in the computer's legacy code page: Japanese Excel reads it as Shift_JIS
//! (CP932) and shows `在宅専門医療機関` as `蝨ｨ螳…`. With `--excel` the CSV
//! starts with the UTF-8 byte-order mark (`EF BB BF`) and ends its lines
//! with CRLF, and Excel (Windows and Mac, Japanese or not) opens it with the
//! Japanese intact; every field is quoted, so that LibreOffice, which also
//! splits on `;` by default, keeps `区中央部; 区南部` in one cell. Leave it off for programs: R's `read.csv`, pandas and
//! csvkit read plain UTF-8 (and most also read the BOM, as `utf-8-sig` in
//! Python or `fileEncoding = "UTF-8-BOM"` in R). The repository's
//! `docs/data/records.csv` is this command's output.
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

const USAGE: &str = "usage: export --format jsonl|csv [--excel]";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let excel = args
        .iter()
        .position(|a| a == "--excel")
        .map(|i| args.remove(i));
    let format = match args.as_slice() {
        [flag, value] if flag == "--format" => value.as_str(),
        [flag] => flag.strip_prefix("--format=").unwrap_or(""),
        _ => "",
    };
    let out = io::stdout().lock();
    let result = match (format, excel.is_some()) {
        ("jsonl", false) => write_jsonl(out),
        ("csv", excel) => write_csv(out, excel),
        ("jsonl", true) => {
            eprintln!("export: --excel is for --format csv\n{USAGE}");
            return ExitCode::from(2);
        }
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

/// CSV; for Excel (`excel`), UTF-8 with a byte-order mark, CRLF, and
/// every field quoted (LibreOffice's import also splits on `;` and `\t`).
fn write_csv(mut out: impl Write, excel: bool) -> Result<(), Box<dyn std::error::Error>> {
    let mut builder = csv::WriterBuilder::new();
    if excel {
        out.write_all(b"\xEF\xBB\xBF")?;
        builder.terminator(csv::Terminator::CRLF);
        builder.quote_style(csv::QuoteStyle::Always);
    }
    let mut w = builder.from_writer(out);
    for record in Query::new() {
        w.serialize(record.row())?;
    }
    w.flush()?;
    Ok(())
}
