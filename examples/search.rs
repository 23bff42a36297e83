//! Searches the opinions from the command line and prints the hits grouped
//! by area, with the matches in bold when stdout is a terminal (plain text
//! when piped).
//!
//! Run with `cargo run --example search -- 退院` or, with filters,
//! `cargo run --example search -- 退院 調整 --theme 2 --region 区西部 --category 入退院調整`.
//!
//! Terms match width- and case-insensitively (`24時間` finds `２４時間`,
//! `アドバイス` finds `ｱﾄﾞﾊﾞｲｽ`) and must all match. Filters may be repeated
//! (either value matches); `--key` or `--area` keeps one kind of record. A
//! key opinion matches a `--region` when one of the area opinions it was
//! taken from is of that region.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use zaitaku_opinions::{Category, Hit, Query, Record, RecordKind, Region, Theme};

const USAGE: &str = "\
usage: search [TERM]... [--theme T] [--region R] [--category C] [--key | --area]

  TERM           text to find (all terms must match; width and case do not matter)
  --theme T      1, 2, テーマ① …
  --region R     区中央部, ku-chuobu, 1301 …
  --category C   入退院調整, admission-discharge …
  --key          key opinions (主な意見) only
  --area         area opinions only

Filters may be repeated; give at least one term or filter.";

/// Parses the arguments into a query, or says what is wrong.
fn parse(args: impl Iterator<Item = String>) -> Result<Query, String> {
    let mut query = Query::new();
    let mut terms = Vec::new();
    let mut any = false;
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
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            term => terms.push(term.to_string()),
        }
        any = true;
    }
    if !any {
        return Err("nothing to search for".to_string());
    }
    Ok(query.text(&terms.join(" ")))
}

/// The heading a record is listed under: its area, or the theme's key
/// opinions.
fn heading(record: Record) -> String {
    let theme = record.theme().marker();
    match record.region() {
        Some(region) => format!("{theme} {region}"),
        None => format!("{theme} 主な意見"),
    }
}

fn print(out: &mut impl Write, hit: &Hit<Record>, bold: bool) -> io::Result<()> {
    let record = hit.record();
    write!(out, "  {record} 【{}】 ", record.category())?;
    for (piece, is_match) in hit.pieces() {
        if is_match && bold {
            write!(out, "\x1b[1m{piece}\x1b[0m")?;
        } else {
            out.write_all(piece.as_bytes())?;
        }
    }
    writeln!(out)
}

fn run(query: &Query) -> io::Result<usize> {
    let stdout = io::stdout();
    let bold = stdout.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    let mut current = String::new();
    let mut n = 0;
    for hit in query.hits() {
        let h = heading(hit.record());
        if h != current {
            writeln!(out, "{h}")?;
            current = h;
        }
        print(&mut out, &hit, bold)?;
        n += 1;
    }
    writeln!(out, "{n} hit(s)")?;
    out.flush()?;
    Ok(n)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let query = match parse(args.into_iter()) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&query) {
        Ok(_) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
