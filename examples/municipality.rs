//! What did my area say? Give a Tokyo municipality (区市町村) by name or
//! code; this prints its secondary medical care area and that area's
//! opinions, by theme and category.
//!
//! ```sh
//! cargo run --example municipality -- 世田谷区
//! cargo run --example municipality -- 東京都八王子市
//! cargo run --example municipality -- setagaya-ku
//! cargo run --example municipality -- 131121      # or the 5-digit 13112
//! ```
//!
//! An unknown name exits with status 2 and the closest valid names.

use std::process::ExitCode;
use zaitaku_opinions::{Category, Municipality, Theme};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: municipality <name or code>   (e.g. 世田谷区, Setagaya, 131121)");
        return ExitCode::from(2);
    }
    let input = args.join(" ");
    let m: Municipality = match input.parse() {
        Ok(m) => m,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let region = m.region();
    println!(
        "{} ({}, {}; code {}, JIS {})",
        m.name(),
        m.romaji(),
        m.kind().name_en(),
        m.code(),
        m.jis_code()
    );
    println!(
        "area: {} ({}; {}, {}; area code {}, {})",
        region.name_ja(),
        region.name_en(),
        region.romaji(),
        region.kana(),
        region.code(),
        region.zone().name_ja()
    );
    println!("      {}", region.description());
    let members: Vec<&str> = region.municipalities().iter().map(|m| m.name()).collect();
    println!("      members: {}", members.join(", "));

    for theme in Theme::ALL {
        println!("\n{}　{}", theme.marker(), theme.name_ja());
        let said = region.opinions(theme);
        if said.is_empty() {
            println!("  (資料３－２ has no opinions from {})", region.name_ja());
            continue;
        }
        for category in Category::ALL {
            let mut in_category = said.iter().filter(|o| o.category() == category).peekable();
            if in_category.peek().is_none() {
                continue;
            }
            println!("【{}】", category.name_ja());
            for o in in_category {
                println!("  ○ {}  [{}]", o.text(), o.id());
            }
        }
    }
    ExitCode::SUCCESS
}
