//! Searches the opinions from the command line and prints the hits grouped
//! by area, with the matches in bold when stdout is a terminal (plain text
//! when piped).
//!
//! Run with `cargo run --example search -- 退院` or, with filters,
//! `cargo run --example search -- 退院 調整 --theme 2 --region 区西部 --category 入退院調整`;
//! in the English translation (this crate's, unofficial), with `--en`:
//! `cargo run --example search -- --en discharge conference`.
//!
//! Terms match width- and case-insensitively (`24時間` finds `２４時間`,
//! `アドバイス` finds `ｱﾄﾞﾊﾞｲｽ`) and must all match; with `--en` they match
//! the English texts, ignoring ASCII case, and the hits are printed in
//! English. Filters may be repeated (either value matches); `--key` or
//! `--area` keeps one kind of record. A key opinion matches a `--region`
//! when one of the area opinions it was taken from is of that region.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use zaitaku_opinions::{Category, Hit, Query, Record, RecordKind, Region, Theme};

const USAGE: &str = "\
usage: search [--en] [TERM]... [--theme T] [--region R] [--category C] [--key | --area]

  TERM           text to find (all terms must match; width and case do not matter)
  --en           search and print the English translation (unofficial) instead
  --theme T      1, 2, テーマ① …
  --region R     区中央部, ku-chuobu, 1301 …
  --category C   入退院調整, admission-discharge …
  --key          key opinions (主な意見) only
  --area         area opinions only

Filters may be repeated; give at least one term or filter.";

/// Parses the arguments into a query and whether it is on the English
/// texts, or says what is wrong.
fn parse(args: impl Iterator<Item = String>) -> Result<(Query, bool), String> {
    let mut query = Query::new();
    let mut terms = Vec::new();
    let mut any = false;
    let mut english = false;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "--theme" => {
                query = query.theme(
                    value("--theme")?
                        .parse::<Theme>()
                        .map_err(|e| e.to_string())?,
                )
            }
            "--region" => {
                query = query.region(
                    value("--region")?
                        .parse::<Region>()
                        .map_err(|e| e.to_string())?,
                )
            }
            "--category" => {
                query = query.category(
                    value("--category")?
                        .parse::<Category>()
                        .map_err(|e| e.to_string())?,
                )
            }
            "--key" => query = query.kind(RecordKind::Key),
            "--area" => query = query.kind(RecordKind::Area),
            "--en" => {
                english = true;
                continue;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            term => terms.push(term.to_string()),
        }
        any = true;
    }
    if !any {
        return Err("nothing to search for".to_string());
    }
    let query = match english {
        true => query.text_en(&terms.join(" ")),
        false => query.text(&terms.join(" ")),
    };
    Ok((query, english))
}

/// The heading a record is listed under: its area, or the theme's key
/// opinions; in English when the hits are.
fn heading(record: Record, english: bool) -> String {
    let theme = record.theme();
    match (record.region(), english) {
        (Some(region), false) => format!("{} {region}", theme.marker()),
        (None, false) => format!("{} 主な意見", theme.marker()),
        (Some(region), true) => format!("{}: {}", theme.name_en(), region.name_en()),
        (None, true) => format!("{}: key opinions", theme.name_en()),
    }
}

/// One hit on one line: its id, its category and its text, the matches in
/// bold.
fn print(out: &mut impl Write, hit: &Hit<Record>, english: bool, bold: bool) -> io::Result<()> {
    let record = hit.record();
    let category = record.category();
    match english {
        true => write!(out, "  {} [{}] ", record.id(), category.name_en())?,
        false => write!(out, "  {} 【{category}】 ", record.id())?,
    }
    for (piece, is_match) in hit.pieces() {
        if is_match && bold {
            write!(out, "\x1b[1m{piece}\x1b[0m")?;
        } else {
            out.write_all(piece.as_bytes())?;
        }
    }
    writeln!(out)
}

fn run(query: &Query, english: bool) -> io::Result<usize> {
    let stdout = io::stdout();
    let bold = stdout.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    let mut current = String::new();
    let mut n = 0;
    for hit in query.hits() {
        let h = heading(hit.record(), english);
        if h != current {
            writeln!(out, "{h}")?;
            current = h;
        }
        print(&mut out, &hit, english, bold)?;
        n += 1;
    }
    writeln!(out, "{n} hit(s)")?;
    // Say what the query left out rather than narrow it silently.
    let ignored = query.ignored();
    if ignored.past_limit {
        let max = Query::MAX_TERMS;
        eprintln!("note: only the first {max} distinct terms were searched");
    }
    if ignored.long_word {
        eprintln!("note: a word of more than 1 KiB was not read, so nothing matches");
    }
    out.flush()?;
    Ok(n)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let (query, english) = match parse(args.into_iter()) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&query, english) {
        Ok(_) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
