//! The explorer page, rendered from the crate's data: one self-contained
//! HTML file with every record pre-rendered as text (readable, printable
//! and searchable with JavaScript off), the CSS and JavaScript inline, and a
//! small JSON block for the script (names, municipalities, and the English
//! of every Japanese label the page repeats).
//!
//! Used by the `explorer` binary (which writes `docs/explorer.html`) and by
//! the tests that check the page, so that they check exactly what the
//! binary writes.
//!
//! The templates are separate files beside this one: `template.html`,
//! `explorer.css` and `explorer.js`.
//!
//! Repeated labels (area and category names, point labels, the marks) are
//! written once in Japanese, as `<span class="tr">区中央部</span>`; their
//! English is in the JSON's `tr` table, which the language toggle reads.
//! That keeps the page under its size limit with 204 records, their links,
//! points and English texts.
//!
//! The English texts (issue #15, this crate's unofficial translation) come
//! through [`text_en`]; the language toggle shows them below the Japanese.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use zaitaku_opinions::{
    counts, key_groups, Category, KeyOpinion, MatchKind, Municipality, Opinion, Point, Query,
    Record, Region, Theme,
};

const TEMPLATE: &str = include_str!("template.html");
/// The page's style sheets, in order, inlined as one `<style>`.
const STYLES: &[&str] = &[include_str!("explorer.css"), include_str!("exports.css")];
/// The page's scripts, in order, inlined as its one `<script>`: later ones
/// may use what `explorer.js` offers them (`window.zaitakuView()`).
const SCRIPTS: &[&str] = &[include_str!("explorer.js"), include_str!("exports.js")];

// Downloads, the link to the view, the print header and the comparison of
// two areas (`exports.rs`, `.js` and `.css`).
#[path = "exports.rs"]
mod exports;

/// The most the page may weigh, in bytes (the issue's limit).
pub const MAX_BYTES: usize = 450 * 1024;

// --- the place where English comes in ---------------------------------------

/// A record's English text: this crate's unofficial translation.
pub fn text_en(record: Record) -> Option<&'static str> {
    Some(record.text_en())
}

// --- rendering ---------------------------------------------------------------

/// The whole page.
pub fn render() -> String {
    let mut page = Page::default();
    let controls = page.controls();
    let heatmaps = page.heatmaps();
    let points = page.points_view();
    let records = page.records();
    let data = page.data();
    let css: Vec<String> = STYLES.iter().map(|s| css_without_comments(s)).collect();
    let js = SCRIPTS
        .iter()
        .map(|s| js_without_comment_lines(s))
        .collect::<Vec<_>>()
        .join("\n");
    TEMPLATE
        .replace("{{SCRIPT_HASH}}", &script_hash(&js))
        .replace(
            "{{CSS}}",
            &format!("{}\n{}", css.join("\n"), Page::heatmap_css().trim_end()),
        )
        .replace("{{VERSION}}", env!("CARGO_PKG_VERSION"))
        .replace("{{TOTAL}}", &Query::new().iter().count().to_string())
        .replace("{{SOURCE_SHA256}}", zaitaku_opinions::SOURCE_SHA256)
        .replace("{{CONTROLS}}", &controls)
        .replace("{{HEATMAPS}}", &heatmaps)
        .replace("{{POINTS}}", &points)
        .replace("{{RECORDS}}", &records)
        .replace("{{DATA}}", &data)
        .replace("{{PRINT_HEAD}}", exports::PRINT_HEAD)
        .replace("{{COMPARE}}", &exports::compare())
        .replace(
            r#"<div id="view-actions"></div>"#,
            &format!(r#"<div id="view-actions">{}</div>"#, exports::controls()),
        )
        .replace("{{JS}}", &js)
}

/// A script without its whole-line `//` comments (they are for the
/// sources' readers; the page stays under its size limit). No line of the
/// scripts starts inside a multi-line string.
fn js_without_comment_lines(js: &str) -> String {
    let lines: Vec<&str> = js
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect();
    lines.join("\n").trim_end().to_string()
}

/// A style sheet without its `/* … */` comments.
fn css_without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find("*/") else {
            rest = "";
            break;
        };
        rest = rest[start + end + 2..].trim_start_matches('\n');
    }
    out.push_str(rest);
    out.trim_end().to_string()
}

/// The CSP source that allows the page's one inline script and nothing
/// else: `'sha256-…'` of its text as the template wraps it
/// (`<script>\n{{JS}}\n</script>`).
pub fn script_hash(js: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("\n{js}\n").as_bytes());
    format!("'sha256-{}'", base64(&digest))
}

/// Standard base64 with padding, as CSP hashes are written.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
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

/// Whether `c` is Japanese script or full-width punctuation: what an
/// English text marks as `lang="ja"` (the script's `CJK` is the same set).
fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff9f}')
}

/// An English text escaped, with its Japanese runs (`介護老人保健施設`) in
/// `<span lang="ja">`.
fn esc_en(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(is_japanese) {
        out.push_str(&esc(&rest[..start]));
        let run = &rest[start..];
        let end = run.find(|c: char| !is_japanese(c)).unwrap_or(run.len());
        let _ = write!(out, r#"<span lang="ja">{}</span>"#, esc(&run[..end]));
        rest = &run[end..];
    }
    out.push_str(&esc(rest));
    out
}

/// A region's English label (this crate's): its English name with the
/// romaji, `Central wards (Ku-Chūōbu)`.
pub fn region_en(r: Region) -> String {
    format!("{} ({})", r.name_en(), r.romaji())
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

/// The rendering state: the English of the labels written so far.
#[derive(Default)]
struct Page {
    tr: BTreeMap<String, String>,
}

impl Page {
    /// A Japanese label the toggle turns into `en`: `<span class="tr">ja</span>`
    /// (with the English in the JSON), or with its English beside it when the
    /// same Japanese already stands for other English.
    fn tr(&mut self, ja: &str, en: &str) -> String {
        self.tr_class(ja, en, "tr")
    }

    fn tr_class(&mut self, ja: &str, en: &str, class: &str) -> String {
        if self.learn(ja, en) {
            format!(r#"<span class="{class}">{}</span>"#, esc(ja))
        } else {
            format!(r#"<span data-en="{}">{}</span>"#, esc(en), esc(ja))
        }
    }

    /// Records that `ja` reads `en` in English; `false` if it already
    /// stands for other English.
    fn learn(&mut self, ja: &str, en: &str) -> bool {
        match self.tr.get(ja) {
            Some(known) => known == en,
            None => {
                self.tr.insert(ja.to_string(), en.to_string());
                true
            }
        }
    }

    /// The mark on what this crate's program derived by comparing the
    /// document's texts (key opinions' sources, group categories, similar
    /// opinions): the document does not say it.
    fn matched(&mut self) -> String {
        self.tr_class("機械照合", "program-matched", "tr mp")
    }

    /// The mark on what this crate's authors wrote by reading the document
    /// (points, the English).
    fn reading(&mut self) -> String {
        self.tr_class("著者の読み", "authors' reading", "tr ma")
    }

    fn region(&mut self, r: Region) -> String {
        self.tr(r.name_ja(), &region_en(r))
    }

    fn category(&mut self, c: Category) -> String {
        self.tr(c.name_ja(), c.name_en())
    }

    fn point(&mut self, p: &Point) -> String {
        self.tr(p.label_ja(), p.label_en())
    }

    fn controls(&mut self) -> String {
        let mut s = String::new();
        let areas = self.tr("地域", "Areas");
        let _ = write!(
            s,
            r#"<details id="f-areas"><summary>{areas} <span class="n"></span></summary><div class="checks">"#
        );
        for r in speaking_regions() {
            let label = self.region(r);
            let _ = write!(
                s,
                r#"<label class="check"><input type="checkbox" name="area" value="{}"> {label}</label>"#,
                r.slug()
            );
        }
        s.push_str("</div></details>\n");
        let cats = self.tr("分類", "Categories");
        let _ = write!(
            s,
            r#"<details id="f-cats"><summary>{cats} <span class="n"></span></summary><div class="checks">"#
        );
        for c in Category::ALL {
            if c.opinions().next().is_some() || c.key_opinions().next().is_some() {
                let label = self.category(c);
                let _ = write!(
                    s,
                    r#"<label class="check"><input type="checkbox" name="cat" value="{}"> {label}</label>"#,
                    c.slug()
                );
            }
        }
        s.push_str("</div></details>\n");
        if !Point::all().is_empty() {
            // The points' own buttons, in the points view, are the filter;
            // here, how many are chosen and the way there.
            let points = self.tr("論点", "Points");
            let _ = write!(
                s,
                r##"<a id="f-points" href="#points">{points} <span class="n"></span></a>"##
            );
        }
        s
    }

    fn heatmaps(&mut self) -> String {
        let regions = speaking_regions();
        let mut s = String::new();
        for theme in Theme::ALL {
            let m = counts(theme);
            let n = theme.number();
            let cats: Vec<Category> = Category::ALL
                .into_iter()
                .filter(|&c| m.category_total(c) > 0)
                .collect();
            let marker = self.tr(theme.marker(), &format!("Theme {n}"));
            let caption = self.tr(
                "地域×分類ごとの地域の意見の数",
                "area opinions by area and category",
            );
            let corner = self.tr("分類＼地域", "Category \\ Area");
            let _ = write!(
                s,
                r#"<figure class="heatmap" id="heatmap-{n}"><figcaption>{marker} {caption}</figcaption><div class="scroll"><table><thead><tr><th scope="col">{corner}</th>"#,
            );
            for &r in &regions {
                let label = self.region(r);
                let _ = write!(s, r#"<th scope="col">{label}</th>"#);
            }
            let total = self.tr("計", "Total");
            let _ = write!(s, r#"<th scope="col">{total}</th></tr></thead><tbody>"#);
            for &c in &cats {
                let label = self.category(c);
                let _ = write!(s, r#"<tr><th scope="row">{label}</th>"#);
                for &r in &regions {
                    let v = m.get(r, c) as u16;
                    if v == 0 {
                        s.push_str(r#"<td class="zero">0</td>"#);
                    } else {
                        // The script reads the theme, area and category
                        // from the link.
                        let _ = write!(
                            s,
                            r##"<td class="c{v}"><a href="#{}">{v}</a></td>"##,
                            block_id(theme, r, c),
                        );
                    }
                }
                let _ = write!(s, r#"<td class="total">{}</td></tr>"#, m.category_total(c));
            }
            let _ = write!(s, r#"<tr class="total"><th scope="row">{total}</th>"#);
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

    fn points_view(&mut self) -> String {
        let points = Point::all();
        if points.is_empty() {
            return String::new();
        }
        // Raised by the most areas first.
        let mut order: Vec<&Point> = points.iter().collect();
        order.sort_by_key(|p| std::cmp::Reverse(p.regions().len()));
        let mut s = String::new();
        let title = self.tr(
            "論点と、それを挙げた地域",
            "Points, and the areas that raised them",
        );
        let derived = self.reading();
        let _ = write!(
            s,
            r#"<section id="points" aria-labelledby="points-h"><details><summary><h2 id="points-h">{title} {derived}</h2></summary><p class="note" data-en="Points (論点) and which opinions make them are this crate's reading of the document, not the Tokyo Metropolitan Government's. A point's button filters the list to its opinions (press several for any of them).">論点と各意見の論点は、この crate による資料の読み取りで、東京都によるものではありません。論点のボタンを押すと、その論点の意見に絞り込みます（複数押すといずれかの論点）。</p><ol class="points">"#
        );
        let areas = self.tr("地域", "areas");
        for p in order {
            let label = self.point(p);
            let _ = write!(
                s,
                r#"<li id="point-{id}"><button type="button" class="point" data-p="{id}" aria-pressed="false">{label}</button> <span class="n">{} {areas}</span>："#,
                p.regions().len(),
                id = esc(p.id()),
            );
            for (i, &r) in p.regions().iter().enumerate() {
                if i > 0 {
                    s.push('、');
                }
                let label = self.region(r);
                s.push_str(&label);
            }
            // The description in the page's language.
            let _ = write!(
                s,
                r#"<br><span class="desc about-ja">{}</span><span class="desc about-en" lang="en" hidden>{}</span></li>"#,
                esc(p.description_ja()),
                esc_en(p.description())
            );
        }
        s.push_str("</ol></details></section>\n");
        s
    }

    /// A link to another record, labelled with its area (if any) and id.
    fn record_link(&mut self, s: &mut String, r: Record) {
        let id = r.id().to_string();
        let _ = write!(s, r##"<a href="#{id}">"##);
        if let Some(region) = r.region() {
            let label = self.region(region);
            let _ = write!(s, "{label} ");
        }
        let _ = write!(s, "<code>{id}</code></a>");
    }

    /// A list of links after a label, marked as the program's matching.
    fn links(&mut self, s: &mut String, class: &str, label: &str, records: &[Record]) {
        let derived = self.matched();
        let _ = write!(s, r#"<p class="{class}">{label} {derived}："#);
        for (i, &r) in records.iter().enumerate() {
            if i > 0 {
                s.push('、');
            }
            self.record_link(s, r);
        }
        s.push_str("</p>");
    }

    fn open_record(&mut self, s: &mut String, r: Record) {
        let kind = match r {
            Record::Area(_) => "area",
            Record::Key(_) => "key",
        };
        let regions: Vec<&str> = r.regions().map(Region::slug).collect();
        let id = r.id().to_string();
        let _ = write!(
            s,
            r#"<article class="rec" id="{id}" data-t="{}" data-k="{kind}" data-c="{}" data-r="{}"><p class="text" lang="ja">{}</p>"#,
            r.theme().number(),
            r.category().slug(),
            regions.join(" "),
            esc(r.text()),
        );
        if let Some(en) = text_en(r) {
            let _ = write!(
                s,
                r#"<p class="text-en" lang="en" hidden>{}</p>"#,
                esc_en(en)
            );
        }
        let lines = r.lines();
        let _ = write!(
            s,
            r##"<p class="meta"><a href="#{id}"><code>{id}</code></a> <span class="ln">{}–{}</span>"##,
            lines.first(),
            lines.last()
        );
        let points: Vec<&'static Point> = r.points().collect();
        if !points.is_empty() {
            // The point ids are in the links: the script reads them there.
            let label = self.tr("論点", "Points");
            let derived = self.reading();
            let _ = write!(s, r#"<br>{label} {derived}："#);
            for (i, p) in points.iter().enumerate() {
                if i > 0 {
                    s.push('、');
                }
                let href = format!("#point-{}", esc(p.id()));
                if self.learn(p.label_ja(), p.label_en()) {
                    let _ = write!(
                        s,
                        r#"<a class="tag tr" href="{href}">{}</a>"#,
                        esc(p.label_ja())
                    );
                } else {
                    let label = self.point(p);
                    let _ = write!(s, r#"<a class="tag" href="{href}">{label}</a>"#);
                }
            }
        }
        s.push_str("</p>");
    }

    fn key_record(&mut self, s: &mut String, k: &'static KeyOpinion) {
        self.open_record(s, Record::Key(k));
        let (ja, en) = match k.match_kind() {
            MatchKind::Exact => ("同文", "identical text"),
            MatchKind::WidthInsensitive => ("文字幅のみ違う", "same text up to character width"),
            MatchKind::Merged => ("複数の意見をまとめたもの", "several opinions merged"),
        };
        let how = self.tr(ja, en);
        let label = format!(
            "{}（{how}）",
            self.tr("出典となった地域の意見", "Taken from")
        );
        let sources: Vec<Record> = k.taken_from().iter().map(|&o| Record::Area(o)).collect();
        self.links(s, "links", &label, &sources);
        s.push_str("</article>\n");
    }

    fn area_record(&mut self, s: &mut String, o: &'static Opinion) {
        self.open_record(s, Record::Area(o));
        let keys: Vec<Record> = o.key_opinions().map(Record::Key).collect();
        if !keys.is_empty() {
            let label = self.tr("主な意見に採用", "Quoted in key opinions");
            self.links(s, "links", &label, &keys);
        }
        if !o.similar().is_empty() {
            let label = self.tr("他地域の似た意見", "Similar opinions in other areas");
            let similar: Vec<Record> = o
                .similar()
                .iter()
                .map(|x| Record::Area(x.opinion()))
                .collect();
            self.links(s, "links similar", &label, &similar);
        }
        s.push_str("</article>\n");
    }

    fn records(&mut self) -> String {
        let mut s = String::new();
        for theme in Theme::ALL {
            let n = theme.number();
            let marker = self.tr(theme.marker(), &format!("Theme {n}"));
            let _ = write!(
                s,
                r#"<section class="theme" id="t{n}"><h2>{marker} <span lang="ja">{}</span><span class="title-en" lang="en" hidden> {}</span></h2>"#,
                esc(theme.name_ja()),
                esc(theme.name_en()),
            );
            // Key opinions, by group.
            let keys = self.tr("主な意見", "Key opinions (主な意見)");
            let _ = write!(s, r#"<section class="keys" id="t{n}-key"><h3>{keys}</h3>"#);
            for (g, group) in key_groups(theme).enumerate() {
                let Some(first) = group.first() else { continue };
                let group_label = self.tr("グループ", "Group");
                let category = self.category(first.category());
                let derived = self.matched();
                let _ = write!(
                    s,
                    r#"<section class="group" id="t{n}-key-{:02}"><h4>{group_label} {}：{category} {derived}</h4>"#,
                    g + 1,
                    g + 1,
                );
                for k in group {
                    self.key_record(&mut s, k);
                }
                s.push_str("</section>\n");
            }
            s.push_str("</section>\n");
            // Area opinions, by area, then by category as the source orders
            // them.
            let areas = self.tr("地域の意見", "Opinions of the areas");
            let _ = write!(
                s,
                r#"<section class="areas" id="t{n}-areas"><h3>{areas}</h3>"#
            );
            for r in Region::ALL {
                let ops = r.opinions(theme);
                if ops.is_empty() {
                    continue;
                }
                let label = self.region(r);
                let _ = write!(
                    s,
                    r#"<section class="region" id="t{n}-{}"><h4>{label}</h4>"#,
                    r.id_token(),
                );
                let mut current: Option<Category> = None;
                for o in ops {
                    if current != Some(o.category()) {
                        if current.is_some() {
                            s.push_str("</section>");
                        }
                        current = Some(o.category());
                        let c = o.category();
                        let label = self.category(c);
                        let _ = write!(
                            s,
                            r#"<section class="cat" id="{}"><h5>【{label}】</h5>"#,
                            block_id(theme, r, c),
                        );
                    }
                    self.area_record(&mut s, o);
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

    /// The heatmap cells' colours, one class per count.
    fn heatmap_css() -> String {
        let max = Theme::ALL
            .iter()
            .flat_map(|&t| counts(t).rows().iter().flatten().copied())
            .max()
            .unwrap_or(1);
        let mut css = String::new();
        for v in 1..=max {
            let (bg, fg) = cell_colours(v, max);
            let _ = writeln!(
                css,
                ".heatmap td.c{v} {{ background: {bg}; }} .heatmap td.c{v} a {{ color: {fg}; }}"
            );
        }
        css
    }

    /// What the script needs, as JSON: the names, the municipalities, and
    /// the English of every `tr` label (the record texts are in the HTML,
    /// not repeated here).
    fn data(&mut self) -> String {
        use serde_json::json;
        let regions: Vec<_> = Region::ALL
            .iter()
            .map(|r| json!({ "slug": r.slug(), "token": r.id_token(), "ja": r.name_ja(), "en": region_en(*r) }))
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
                    "region": m.region().slug(),
                    "kana": m.reading(),
                    "kindKana": m.kind().kana(),
                })
            })
            .collect();
        let cats: Vec<_> = Category::ALL
            .iter()
            .map(|c| json!({ "slug": c.slug(), "ja": c.name_ja(), "en": c.name_en() }))
            .collect();
        let points: Vec<_> = Point::all()
            .iter()
            .map(|p| json!({ "id": p.id(), "ja": p.label_ja(), "en": p.label_en() }))
            .collect();
        let data = json!({
            "regions": regions,
            "cats": cats,
            "points": points,
            "municipalities": municipalities,
            "tr": self.tr,
            "exports": exports::data(),
        });
        // `</` cannot end the script element early: JSON allows `<\/`.
        data.to_string().replace("</", "<\\/")
    }
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
