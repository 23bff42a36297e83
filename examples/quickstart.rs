//! A short tour of the dataset: one opinion in Japanese and English,
//! counts per area and theme, one area's
//! opinions by category, and a key opinion with the area opinions it was
//! taken from.
//!
//! Run with `cargo run --example quickstart`.

use zaitaku_opinions::{counts, key_groups, Category, Region, Theme};

fn main() {
    println!(
        "{} area opinions and {} key opinions (主な意見)\n",
        zaitaku_opinions::opinions().len(),
        zaitaku_opinions::key_opinions().len()
    );

    // One opinion in both languages. The English is an unofficial
    // translation by this crate's authors, not by 東京都: the Japanese is
    // the source (and what search matches).
    // A literal id is checked when this compiles: `opinion!`, not a lookup.
    {
        let o = zaitaku_opinions::opinion!("t1-kuchuobu-02");
        println!(
            "{} 【{}】 ({})\n  ja: {}\n  en: {}\n",
            o.id(),
            o.category().name_ja(),
            o.category().name_en(),
            o.text(),
            o.text_en()
        );
    }

    // Counts per area and theme.
    println!("{}  テーマ①  テーマ②", pad("area", 12));
    for region in Region::ALL {
        let [t1, t2] = Theme::ALL.map(|t| region.opinions(t).len());
        println!("{}  {t1:>7}  {t2:>7}", pad(region.name_ja(), 12));
    }

    // One area's opinions on theme ②, by category.
    let region = Region::KitatamaNanbu;
    let theme = Theme::HospitalCollaboration;
    println!(
        "\n{} on {} {}:",
        region.name_ja(),
        theme.marker(),
        theme.name_ja()
    );
    for category in Category::ALL {
        let said: Vec<_> = region
            .opinions(theme)
            .iter()
            .filter(|o| o.category() == category)
            .collect();
        if said.is_empty() {
            continue;
        }
        println!("  【{}】", category.name_ja());
        for o in said {
            println!("    {}  {}", o.id(), o.text());
        }
    }

    // Where 24時間診療体制 came up on theme ①.
    let matrix = counts(Theme::LocalSituation);
    let areas: Vec<String> = Region::ALL
        .iter()
        .filter(|&&r| matrix.get(r, Category::TwentyFourHourCare) > 0)
        .map(|r| {
            format!(
                "{} ({})",
                r.name_ja(),
                matrix.get(*r, Category::TwentyFourHourCare)
            )
        })
        .collect();
    println!(
        "\n【{}】 on テーマ①: {}",
        Category::TwentyFourHourCare.name_ja(),
        areas.join(", ")
    );

    // A key opinion with the area opinions it was taken from: the one that merges several areas.
    {
        let key = zaitaku_opinions::key_opinion!("t2-key-02-02");
        println!(
            "\nkey opinion {} 【{}】 ({:?}):\n  {}",
            key.id(),
            key.category().name_ja(),
            key.match_kind(),
            key.text()
        );
        for source in key.taken_from() {
            println!(
                "  <- {} {}: {}",
                source.id(),
                source.region().name_ja(),
                source.text()
            );
        }
    }

    // The key-opinion groups of theme ①, with their derived categories.
    println!("\nテーマ① key-opinion groups:");
    for (i, group) in key_groups(Theme::LocalSituation).enumerate() {
        println!(
            "  {:>2}. 【{}】 {} opinions",
            i + 1,
            group[0].category().name_ja(),
            group.len()
        );
    }
}

/// Pads a string of (mostly double-width) Japanese to `width` columns.
fn pad(s: &str, width: usize) -> String {
    let cols: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(cols)))
}
