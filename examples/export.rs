//! Prints every record of the dataset, in document order (テーマ① key
//! opinions, テーマ① area opinions in area order, then テーマ②), as JSON
//! Lines or CSV.
//!
//! Run with `cargo run --example export -- --format jsonl` or
//! `cargo run --example export -- --format csv`.
//!
//! Fields: `id`, `kind` (`"area"` or `"key"`), `theme` (1 or 2),
//! `region` (Japanese name; null/empty for key opinions), `category`
//! (Japanese canonical name), `text`, `taken_from` (ids of the area opinions
//! a key opinion was taken from; empty for area opinions; in CSV joined
//! with `;`).

use std::io::{self, Write};
use std::process::ExitCode;
use zaitaku_opinions::{KeyOpinion, Opinion, Theme};

const USAGE: &str = "usage: export --format jsonl|csv";

enum Format {
    Jsonl,
    Csv,
}

/// One exported record; fields serialise in this order.
#[derive(serde::Serialize)]
struct Row {
    id: String,
    kind: &'static str,
    theme: u8,
    region: Option<&'static str>,
    category: &'static str,
    text: &'static str,
    taken_from: Vec<String>,
}

impl Row {
    fn area(o: &Opinion) -> Row {
        Row {
            id: o.id().to_string(),
            kind: "area",
            theme: o.theme().number(),
            region: Some(o.region().name_ja()),
            category: o.category().name_ja(),
            text: o.text(),
            taken_from: Vec::new(),
        }
    }

    fn key(k: &KeyOpinion) -> Row {
        Row {
            id: k.id().to_string(),
            kind: "key",
            theme: k.theme().number(),
            region: None,
            category: k.category().name_ja(),
            text: k.text(),
            taken_from: k.taken_from().iter().map(|s| s.id().to_string()).collect(),
        }
    }
}

/// Every record in document order.
fn rows() -> impl Iterator<Item = Row> {
    Theme::ALL.into_iter().flat_map(|theme| {
        let keys = theme.key_opinions().iter().map(Row::key);
        keys.chain(theme.opinions().iter().map(Row::area))
    })
}

fn parse_args(args: &[String]) -> Result<Format, String> {
    match args {
        [flag, value] if flag == "--format" => match value.as_str() {
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            other => Err(format!("unknown format `{other}`")),
        },
        [flag] if flag.starts_with("--format=") => {
            parse_args(&["--format".into(), flag["--format=".len()..].into()])
        }
        _ => Err("expected --format".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let format = match parse_args(&args) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("export: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match format {
        Format::Jsonl => write_jsonl(io::stdout().lock()),
        Format::Csv => write_csv(io::stdout().lock()),
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
    for row in rows() {
        serde_json::to_writer(&mut out, &row)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

fn write_csv(out: impl Write) -> Result<(), Box<dyn std::error::Error>> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "kind",
        "theme",
        "region",
        "category",
        "text",
        "taken_from",
    ])?;
    for row in rows() {
        let theme = row.theme.to_string();
        let taken_from = row.taken_from.join(";");
        w.write_record([
            &row.id,
            row.kind,
            &theme,
            row.region.unwrap_or(""),
            row.category,
            row.text,
            &taken_from,
        ])?;
    }
    w.flush()?;
    Ok(())
}
