//! Draws where the opinions concentrate: one SVG heatmap per theme, areas
//! (二次保健医療圏) across, categories down, each cell the number of area
//! opinions (from [`zaitaku_opinions::counts`]).
//!
//! Run with `cargo run --example heatmap` to (re)write
//! `docs/heatmap-theme1.svg` and `docs/heatmap-theme2.svg`, or
//! `cargo run --example heatmap -- OUT_DIR` to write them elsewhere.
//!
//! The drawing is done by `plotters` (SVG backend only, no font files: the
//! labels are SVG `<text>` set in the viewer's sans-serif font, so the
//! Japanese names render wherever the picture is shown).

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::error::Error;
use std::path::{Path, PathBuf};
use zaitaku_opinions::{Category, Counts, Region, Theme};

const WIDTH: u32 = 1240;
const ROW_HEIGHT: u32 = 44;
const FONT: &str = "sans-serif";

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1);
    let out_dir = args
        .next()
        .map_or_else(|| PathBuf::from("docs"), PathBuf::from);
    if args.next().is_some() {
        return Err("usage: heatmap [OUT_DIR]".into());
    }
    std::fs::create_dir_all(&out_dir)?;

    // One colour scale for both pictures, so that they can be compared.
    let max = Theme::ALL
        .iter()
        .flat_map(|&t| zaitaku_opinions::counts(t).rows().iter().flatten().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    for theme in Theme::ALL {
        let path = out_dir.join(format!("heatmap-theme{}.svg", theme.number()));
        draw(&path, theme, u32::from(max))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// White for 0, then from a pale to a deep teal as the count grows.
fn colour(count: u32, max: u32) -> RGBColor {
    if count == 0 {
        return RGBColor(248, 248, 248);
    }
    let t = f64::from(count) / f64::from(max);
    let mix = |from: u8, to: u8| (f64::from(from) + (f64::from(to) - f64::from(from)) * t) as u8;
    RGBColor(mix(204, 0), mix(236, 90), mix(230, 100))
}

fn draw(path: &Path, theme: Theme, max: u32) -> Result<(), Box<dyn Error>> {
    let counts: Counts = zaitaku_opinions::counts(theme);
    // Columns: the areas that speak in the source (島しょ does not, on
    // either theme); rows: the categories used on this theme, in order.
    let regions: Vec<Region> = Region::ALL
        .into_iter()
        .filter(|&r| Theme::ALL.iter().any(|&t| !r.opinions(t).is_empty()))
        .collect();
    let silent: Vec<&str> = Region::ALL
        .iter()
        .filter(|r| !regions.contains(r))
        .map(|r| r.name_ja())
        .collect();
    let categories: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|&c| counts.category_total(c) > 0)
        .collect();
    let total: usize = regions.iter().map(|&r| counts.region_total(r)).sum();

    let height = 78 + 52 + ROW_HEIGHT * categories.len() as u32;
    let root = SVGBackend::new(path, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let (header, body) = root.split_vertically(78);
    header.draw(&Text::new(
        format!("{} {}", theme.marker(), theme.name_ja()),
        (24, 14),
        (FONT, 26).into_font().style(FontStyle::Bold).color(&BLACK),
    ))?;
    let mut note = format!(
        "{total} area opinions by area (二次保健医療圏) and category (total in brackets); source: 東京都「資料３－２」"
    );
    if !silent.is_empty() {
        note.push_str(&format!("; no opinions from {}", silent.join(", ")));
    }
    header.draw(&Text::new(
        note,
        (24, 48),
        (FONT, 17).into_font().color(&RGBColor(80, 80, 80)),
    ))?;

    let n_x = regions.len() as i32;
    let n_y = categories.len() as i32;
    // Categories run top to bottom in the document's order; plotters' y
    // axis runs upwards, so row `y` holds category `n_y - 1 - y`.
    let category_at = |y: i32| categories.get((n_y - 1 - y) as usize).copied();
    let region_at = |x: i32| regions.get(x as usize).copied();
    let cell_count = |x: i32, y: i32| -> u32 {
        match (region_at(x), category_at(y)) {
            (Some(r), Some(c)) => counts.get(r, c) as u32,
            _ => 0,
        }
    };

    let mut chart = ChartBuilder::on(&body)
        .margin_left(16)
        .margin_right(24)
        .margin_bottom(8)
        .x_label_area_size(44)
        .y_label_area_size(250)
        .build_cartesian_2d((0..n_x - 1).into_segmented(), (0..n_y - 1).into_segmented())?;

    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(regions.len())
        .y_labels(categories.len())
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(x) => {
                region_at(*x).map_or_else(String::new, |r| r.name_ja().to_owned())
            }
            _ => String::new(),
        })
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(y) => category_at(*y).map_or_else(String::new, |c| {
                format!("{} ({})", c.name_ja(), counts.category_total(c))
            }),
            _ => String::new(),
        })
        .label_style((FONT, 17))
        .axis_style(RGBColor(160, 160, 160))
        .draw()?;

    let cells: Vec<(i32, i32)> = (0..n_x)
        .flat_map(|x| (0..n_y).map(move |y| (x, y)))
        .collect();
    let cell = |x: i32, y: i32| {
        [
            (SegmentValue::Exact(x), SegmentValue::Exact(y)),
            (SegmentValue::Exact(x + 1), SegmentValue::Exact(y + 1)),
        ]
    };
    chart.draw_series(
        cells
            .iter()
            .map(|&(x, y)| Rectangle::new(cell(x, y), colour(cell_count(x, y), max).filled())),
    )?;
    // White lines between the cells.
    chart.draw_series(
        cells
            .iter()
            .map(|&(x, y)| Rectangle::new(cell(x, y), WHITE.stroke_width(2))),
    )?;
    let centre = Pos::new(HPos::Center, VPos::Center);
    chart.draw_series(
        cells
            .iter()
            .filter(|&&(x, y)| cell_count(x, y) > 0)
            .map(|&(x, y)| {
                let n = cell_count(x, y);
                let ink = if n * 2 > max { WHITE } else { BLACK };
                Text::new(
                    n.to_string(),
                    (SegmentValue::CenterOf(x), SegmentValue::CenterOf(y)),
                    (FONT, 18).into_font().color(&ink).pos(centre),
                )
            }),
    )?;

    root.present()?;
    Ok(())
}
