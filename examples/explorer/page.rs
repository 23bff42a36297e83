//! The explorer page, rendered from the crate's data: one self-contained
//! HTML file with every record pre-rendered as text (readable, printable
//! and searchable with JavaScript off), the CSS and JavaScript inline, and a
//! small JSON block of names and municipalities for the script.
//!
//! Mounted with `#[path]` by `examples/explorer.rs` (which writes
//! `docs/explorer.html`) and by the tests that check the page, so that they
//! check exactly what the example writes.
//!
//! The templates are separate files beside this one: `template.html`,
//! `explorer.css` and `explorer.js`.
//!
//! Two parts of the dataset are still on their way into the crate: the
//! points (論点, issue #14) and the English texts (issue #15). They enter
//! the page through [`points_of`], [`all_points`] and [`text_en`] only;
//! everything else (filters, the points view, the language toggle) already
//! handles them.

use std::fmt::Write as _;
use zaitaku_opinions::{
    counts, key_groups, Category, KeyOpinion, MatchKind, Municipality, Opinion, Record, Region,
    Theme,
};

const TEMPLATE: &str = include_str!("template.html");
const CSS: &str = include_str!("explorer.css");
const JS: &str = include_str!("explorer.js");

/// The most the page may weigh, in bytes (the issue's limit).
#[allow(dead_code)] // used by the tests
pub const MAX_BYTES: usize = 400 * 1024;

// --- the places where points and English come in ---------------------------

/// A point (論点) as the page shows it.
pub struct PointView {
    pub id: &'static str,
    pub label_ja: &'static str,
    pub label_en: &'static str,
    pub description: &'static str,
    /// The areas that raised it, in the official order.
    pub regions: Vec<Region>,
}

/// Every point, in the crate's order (none until issue #14 lands).
pub fn all_points() -> Vec<PointView> {
    Vec::new()
}

/// The ids of a record's points (a key opinion takes its sources' points).
pub fn points_of(_record: Record) -> Vec<&'static str> {
    Vec::new()
}

/// A record's English text, this crate's translation (none until issue
/// #15 lands).
pub fn text_en(_record: Record) -> Option<&'static str> {
    None
}

// --- rendering ---------------------------------------------------------------

/// The whole page.
pub fn render() -> String {
    let points = all_points();
    TEMPLATE
        .replace("{{CSS}}", CSS.trim_end())
        .replace("{{VERSION}}", env!("CARGO_PKG_VERSION"))
        .replace("{{SOURCE_SHA256}}", zaitaku_opinions::SOURCE_SHA256)
        .replace("{{CONTROLS}}", &controls(&points))
        .replace("{{HEATMAPS}}", &heatmaps())
        .replace("{{POINTS}}", &points_view(&points))
        .replace("{{RECORDS}}", &records())
        .replace("{{DATA}}", &data(&points))
        .replace("{{JS}}", JS.trim_end())
}

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A region's English label: the romanised name (this crate's).
fn region_en(r: Region) -> &'static str {
    r.romaji()
}

/// The regions that speak in the source (島しょ does not).
fn speaking_regions() -> Vec<Region> {
    Region::ALL
        .into_iter()
        .filter(|&r| Theme::ALL.iter().any(|&t| !r.opinions(t).is_empty()))
        .collect()
}

/// The element id of an area's category block on a theme:
/// `t1-kuchuobu--medical-resources`.
fn block_id(theme: Theme, region: Region, category: Category) -> String {
    format!(
        "t{}-{}--{}",
        theme.number(),
        region.id_token(),
        category.slug()
    )
}

/// Where to mark something as derived by this crate.
const DERIVED: &str = r#"<span class="derived" title="この crate が導いたもの（資料にはない）" data-en="derived" data-en-title="derived by this crate, not in the source">推定</span>"#;

fn controls(points: &[PointView]) -> String {
    let mut s = String::new();
    let checkbox = |s: &mut String, name: &str, value: &str, ja: &str, en: &str| {
        let _ = write!(
            s,
            r#"<label class="check"><input type="checkbox" name="{name}" value="{value}"> <span data-en="{}">{}</span></label>"#,
            esc(en),
            esc(ja)
        );
    };
    s.push_str(r#"<details id="f-areas"><summary><span data-en="Areas">地域</span> <span class="n"></span></summary><div class="checks">"#);
    for r in speaking_regions() {
        checkbox(&mut s, "area", r.slug(), r.name_ja(), region_en(r));
    }
    s.push_str("</div></details>\n");
    s.push_str(r#"<details id="f-cats"><summary><span data-en="Categories">分類</span> <span class="n"></span></summary><div class="checks">"#);
    for c in Category::ALL {
        if c.opinions().next().is_some() || c.key_opinions().next().is_some() {
            checkbox(&mut s, "cat", c.slug(), c.name_ja(), c.name_en());
        }
    }
    s.push_str("</div></details>\n");
    if !points.is_empty() {
        s.push_str(r#"<details id="f-points"><summary><span data-en="Points">論点</span> "#);
        s.push_str(DERIVED);
        s.push_str(r#" <span class="n"></span></summary><div class="checks">"#);
        for p in points {
            checkbox(&mut s, "point", p.id, p.label_ja, p.label_en);
        }
        s.push_str("</div></details>\n");
    }
    s
}

/// White-ish for few, deep teal for many; the text colour is whichever of
/// near-black and white contrasts more with the cell.
fn cell_colours(count: u16, max: u16) -> (String, &'static str) {
    let t = f64::from(count) / f64::from(max.max(1));
    let mix = |from: f64, to: f64| from + (to - from) * t;
    let (r, g, b) = (mix(214.0, 0.0), mix(240.0, 84.0), mix(236.0, 94.0));
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    // Contrast with #111 (luminance ~0.0056) against white (1.0).
    let with_dark = (l + 0.05) / (0.0056 + 0.05);
    let with_white = 1.05 / (l + 0.05);
    let fg = if with_dark >= with_white {
        "#111"
    } else {
        "#fff"
    };
    (
        format!("#{:02x}{:02x}{:02x}", r as u8, g as u8, b as u8),
        fg,
    )
}

fn heatmaps() -> String {
    let regions = speaking_regions();
    let max = Theme::ALL
        .iter()
        .flat_map(|&t| counts(t).rows().iter().flatten().copied())
        .max()
        .unwrap_or(1);
    let mut s = String::new();
    for theme in Theme::ALL {
        let m = counts(theme);
        let n = theme.number();
        let cats: Vec<Category> = Category::ALL
            .into_iter()
            .filter(|&c| m.category_total(c) > 0)
            .collect();
        let _ = write!(
            s,
            r#"<figure class="heatmap" id="heatmap-{n}" data-t="{n}"><figcaption><span data-en="{}">{}</span> <span data-en="area opinions by area and category">地域×分類ごとの地域の意見の数</span></figcaption><div class="scroll"><table><thead><tr><th scope="col"><span data-en="Category \ Area">分類＼地域</span></th>"#,
            esc(&format!("Theme {n}")),
            esc(theme.marker()),
        );
        for &r in &regions {
            let _ = write!(
                s,
                r#"<th scope="col"><span data-en="{}">{}</span></th>"#,
                esc(region_en(r)),
                esc(r.name_ja())
            );
        }
        s.push_str(r#"<th scope="col"><span data-en="Total">計</span></th></tr></thead><tbody>"#);
        for &c in &cats {
            let _ = write!(
                s,
                r#"<tr><th scope="row"><span data-en="{}">{}</span></th>"#,
                esc(c.name_en()),
                esc(c.name_ja())
            );
            for &r in &regions {
                let v = m.get(r, c) as u16;
                if v == 0 {
                    s.push_str(r#"<td class="zero">0</td>"#);
                } else {
                    let (bg, fg) = cell_colours(v, max);
                    let _ = write!(
                        s,
                        r##"<td style="background:{bg}"><a style="color:{fg}" href="#{}" data-t="{n}" data-r="{}" data-c="{}">{v}</a></td>"##,
                        block_id(theme, r, c),
                        r.slug(),
                        c.slug()
                    );
                }
            }
            let _ = write!(s, r#"<td class="total">{}</td></tr>"#, m.category_total(c));
        }
        s.push_str(r#"<tr class="total"><th scope="row"><span data-en="Total">計</span></th>"#);
        let mut all = 0;
        for &r in &regions {
            let v = m.region_total(r);
            all += v;
            let _ = write!(s, "<td>{v}</td>");
        }
        let _ = writeln!(s, "<td>{all}</td></tr></tbody></table></div></figure>");
    }
    s
}

fn points_view(points: &[PointView]) -> String {
    if points.is_empty() {
        return String::new();
    }
    let mut order: Vec<&PointView> = points.iter().collect();
    order.sort_by_key(|p| std::cmp::Reverse(p.regions.len()));
    let mut s = String::new();
    s.push_str(r#"<section id="points" aria-labelledby="points-h"><h2 id="points-h"><span data-en="Points raised across areas">論点と、それを挙げた地域</span> "#);
    s.push_str(DERIVED);
    s.push_str(r#"</h2><p class="note" data-en="Points are this crate's reading of the document, not the Tokyo Metropolitan Government's.">論点はこの crate による資料の読み取りで、東京都によるものではありません。</p><ol class="points">"#);
    for p in order {
        let _ = write!(
            s,
            r#"<li><button type="button" class="point" data-p="{}" title="{}"><span lang="ja" data-en="{}">{}</span></button> <span class="n">{}</span> <span class="areas">"#,
            esc(p.id),
            esc(p.description),
            esc(p.label_en),
            esc(p.label_ja),
            p.regions.len()
        );
        for (i, r) in p.regions.iter().enumerate() {
            if i > 0 {
                s.push('、');
            }
            let _ = write!(
                s,
                r#"<span data-en="{}">{}</span>"#,
                esc(region_en(*r)),
                esc(r.name_ja())
            );
        }
        s.push_str("</span></li>");
    }
    s.push_str("</ol></section>\n");
    s
}

/// A link to another record, labelled with its area (if any) and id.
fn record_link(s: &mut String, r: Record) {
    let id = r.id().to_string();
    let _ = write!(s, r##"<a href="#{id}">"##);
    if let Some(region) = r.region() {
        let _ = write!(
            s,
            r#"<span data-en="{}">{}</span> "#,
            esc(region_en(region)),
            esc(region.name_ja())
        );
    }
    let _ = write!(s, "<code>{id}</code></a>");
}

fn open_record(s: &mut String, r: Record) {
    let kind = match r {
        Record::Area(_) => "area",
        Record::Key(_) => "key",
    };
    let regions: Vec<&str> = r.regions().map(Region::slug).collect();
    let points = points_of(r);
    let id = r.id().to_string();
    let _ = write!(
        s,
        r#"<article class="rec" id="{id}" data-t="{}" data-k="{kind}" data-c="{}" data-r="{}" data-p="{}"><p class="text" lang="ja">{}</p>"#,
        r.theme().number(),
        r.category().slug(),
        regions.join(" "),
        points.join(" "),
        esc(r.text()),
    );
    if let Some(en) = text_en(r) {
        let _ = write!(s, r#"<p class="text-en" lang="en" hidden>{}</p>"#, esc(en));
    }
    let lines = r.lines();
    let _ = write!(
        s,
        r##"<p class="meta"><a class="permalink" href="#{id}" title="この意見へのリンク" data-en-title="link to this opinion"><code>{id}</code></a> <span data-en="source lines {0}–{1}">資料 {0}–{1} 行</span>"##,
        lines.first(),
        lines.last()
    );
    if !points.is_empty() {
        s.push_str(r#" <span class="tags">"#);
        for p in &points {
            let _ = write!(s, r#"<span class="tag" data-p="{p}">{p}</span>"#);
        }
        s.push_str("</span>");
    }
    s.push_str("</p>");
}

fn key_record(s: &mut String, k: &'static KeyOpinion) {
    open_record(s, Record::Key(k));
    let how = match k.match_kind() {
        MatchKind::Exact => ("同文", "identical text"),
        MatchKind::WidthInsensitive => ("文字幅のみ違う", "same text up to character width"),
        MatchKind::Merged => ("複数の意見をまとめたもの", "several opinions merged"),
    };
    let _ = write!(
        s,
        r#"<p class="links"><span data-en="Taken from">出典となった地域の意見</span> {DERIVED} <span class="how">（<span data-en="{}">{}</span>）</span>："#,
        how.1, how.0
    );
    for (i, o) in k.taken_from().iter().enumerate() {
        if i > 0 {
            s.push('、');
        }
        record_link(s, Record::Area(o));
    }
    s.push_str("</p></article>\n");
}

fn area_record(s: &mut String, o: &'static Opinion) {
    open_record(s, Record::Area(o));
    if !o.key_opinions().is_empty() {
        let _ = write!(
            s,
            r#"<p class="links"><span data-en="Quoted in key opinions">主な意見に採用</span> {DERIVED}："#
        );
        for (i, k) in o.key_opinions().iter().enumerate() {
            if i > 0 {
                s.push('、');
            }
            record_link(s, Record::Key(k));
        }
        s.push_str("</p>");
    }
    if !o.similar().is_empty() {
        let _ = write!(
            s,
            r#"<p class="links similar"><span data-en="Similar opinions in other areas">他地域の似た意見</span> {DERIVED}："#
        );
        for (i, sim) in o.similar().iter().enumerate() {
            if i > 0 {
                s.push('、');
            }
            record_link(s, Record::Area(sim.opinion()));
        }
        s.push_str("</p>");
    }
    s.push_str("</article>\n");
}

fn records() -> String {
    let mut s = String::new();
    for theme in Theme::ALL {
        let n = theme.number();
        let _ = write!(
            s,
            r#"<section class="theme" id="t{n}" data-t="{n}"><h2><span class="marker" data-en="Theme {n}">{}</span> <span lang="ja">{}</span><span class="title-en" lang="en" hidden> {}</span></h2>"#,
            esc(theme.marker()),
            esc(theme.name_ja()),
            esc(theme.name_en()),
        );
        // Key opinions, by group.
        let _ = write!(
            s,
            r#"<section class="keys" id="t{n}-key"><h3 data-en="Key opinions (主な意見)">主な意見</h3>"#
        );
        for (g, group) in key_groups(theme).enumerate() {
            let Some(first) = group.first() else { continue };
            let c = first.category();
            let _ = write!(
                s,
                r#"<section class="group" id="t{n}-key-{:02}"><h4><span data-en="Group {}">グループ {}</span>：<span data-en="{}">{}</span> {DERIVED}</h4>"#,
                g + 1,
                g + 1,
                g + 1,
                esc(c.name_en()),
                esc(c.name_ja()),
            );
            for k in group {
                key_record(&mut s, k);
            }
            s.push_str("</section>\n");
        }
        s.push_str("</section>\n");
        // Area opinions, by area, then by category as the source orders
        // them.
        let _ = write!(
            s,
            r#"<section class="areas" id="t{n}-areas"><h3 data-en="Opinions of the areas">地域の意見</h3>"#
        );
        for r in Region::ALL {
            let ops = r.opinions(theme);
            if ops.is_empty() {
                continue;
            }
            let _ = write!(
                s,
                r#"<section class="region" id="t{n}-{}"><h4><span data-en="{}">{}</span></h4>"#,
                r.id_token(),
                esc(region_en(r)),
                esc(r.name_ja())
            );
            let mut current: Option<Category> = None;
            for o in ops {
                if current != Some(o.category()) {
                    if current.is_some() {
                        s.push_str("</section>");
                    }
                    current = Some(o.category());
                    let c = o.category();
                    let _ = write!(
                        s,
                        r#"<section class="cat" id="{}"><h5>【<span data-en="{}">{}</span>】</h5>"#,
                        block_id(theme, r, c),
                        esc(c.name_en()),
                        esc(c.name_ja())
                    );
                }
                area_record(&mut s, o);
            }
            if current.is_some() {
                s.push_str("</section>");
            }
            s.push_str("</section>\n");
        }
        s.push_str("</section></section>\n");
    }
    s
}

/// The names and municipalities the script needs, as JSON (the record
/// texts are in the HTML, not repeated here).
fn data(points: &[PointView]) -> String {
    use serde_json::json;
    let regions: Vec<_> = Region::ALL
        .iter()
        .map(|r| {
            json!({
                "slug": r.slug(),
                "ja": r.name_ja(),
                "en": region_en(*r),
            })
        })
        .collect();
    let categories: Vec<_> = Category::ALL
        .iter()
        .map(|c| json!({ "slug": c.slug(), "ja": c.name_ja(), "en": c.name_en() }))
        .collect();
    let themes: Vec<_> = Theme::ALL
        .iter()
        .map(
            |t| json!({ "n": t.number(), "ja": t.marker(), "en": format!("Theme {}", t.number()) }),
        )
        .collect();
    let municipalities: Vec<_> = Municipality::all()
        .iter()
        .map(|m| {
            json!({
                "name": m.name(),
                "kind": m.kind().name_ja(),
                "romaji": m.romaji(),
                "slug": m.slug(),
                "code": m.code(),
                "jis": m.jis_code(),
                "kana": m.reading(),
                "kindKana": m.kind().kana(),
                "region": m.region().slug(),
            })
        })
        .collect();
    let points: Vec<_> = points
        .iter()
        .map(|p| json!({ "id": p.id, "ja": p.label_ja, "en": p.label_en }))
        .collect();
    let data = json!({
        "regions": regions,
        "categories": categories,
        "themes": themes,
        "municipalities": municipalities,
        "points": points,
    });
    // `</` cannot end the script element early: JSON allows `<\/`.
    data.to_string().replace("</", "<\\/")
}
