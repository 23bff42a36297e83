//! The explorer's downloads, link, print header and comparison of two
//! areas, driven through headless Chromium (the driver is shared with
//! `tests/explorer_browser.rs`: `tests/support/browser.rs`).
//!
//! - Downloads: for all records, one area, one point and one text search,
//!   the "CSV (Excel)" and "JSON" buttons are clicked (a real mouse click;
//!   Chromium saves the file into a temporary directory) and the files are
//!   compared field by field with the crate's `Query` for the same view: the
//!   CSV with what the `csv` crate writes for each record's `Row`, the JSON
//!   with what `serde_json` writes; the CSV's columns are those of
//!   `docs/data/records.csv`, and all records' rows are that file's. The CSV
//!   starts with the UTF-8 byte-order mark, ends its lines with CRLF and
//!   says in its first rows what was selected (in the page's language: one
//!   more area is downloaded in English); the file name says it too, and the
//!   JSON's link to the view reopens it.
//! - The link to the view is copied to the clipboard.
//! - Printed with a filter, the page starts with a header naming the filter,
//!   the count, the source and the date, and leaves out the heatmaps and
//!   the points; unfiltered, it keeps them. The filtered printout is saved
//!   as a PDF in `target/tmp/explorer_exports/` to look at.
//! - Two areas compared: each theme's table, category by category, against
//!   `Region::opinions`, for every area against the next, in both
//!   languages.

#[allow(dead_code)]
#[path = "support/browser.rs"]
mod browser;

use browser::{eval, js_click, open, Res, Session};
use headless_chrome::protocol::cdp::{Browser as CdpBrowser, Emulation, Page};
use headless_chrome::Tab;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use zaitaku_opinions::{Category, Point, Query, Record, Region, Theme};
use zaitaku_tools::explorer::page;

#[test]
fn explorer_exports_in_chromium() -> Res<()> {
    let Some(session) = Session::start("explorer_exports", &page::render())? else {
        return Ok(());
    };
    let tab = &session.tab;
    let downloads = session
        .dir
        .join(format!("downloads-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads)?;
    tab.call_method(CdpBrowser::SetDownloadBehavior {
        behavior: CdpBrowser::SetDownloadBehaviorBehaviorOption::Allow,
        browser_context_id: None,
        download_path: Some(downloads.canonicalize()?.display().to_string()),
        events_enabled: None,
    })?;

    open(tab, &session.url)?;
    downloads_match_the_crate(tab, &session.url, &downloads)?;
    copy_link(tab)?;
    printing(tab, &session.url, &session.dir)?;
    compare_two_areas(tab, &session.url)?;

    let _ = std::fs::remove_dir_all(&downloads);
    session.finish()
}

// --- downloads -------------------------------------------------------------------

type SetView = Box<dyn Fn(&Tab) -> Res<()>>;

/// A view of the page, set through its controls, and the crate's query for
/// the same records.
struct ViewCase {
    name: String,
    /// Sets the view in the page.
    set: SetView,
    query: Query,
    /// What the file name must contain.
    in_name: String,
    /// What the notes must contain (the filter as the page describes it).
    in_notes: String,
    /// The page's language.
    english: bool,
}

fn downloads_match_the_crate(tab: &Tab, url: &str, downloads: &Path) -> Res<()> {
    // The point raised by the most areas.
    let point = Point::all()
        .iter()
        .max_by_key(|p| p.regions().len())
        .ok_or("no points")?;
    let cases = [
        ViewCase {
            name: "all records".into(),
            set: Box::new(|tab| js_click(tab, &["#reset"])),
            query: Query::new(),
            in_name: "_all.".into(),
            in_notes: "なし（全件）".into(),
            english: false,
        },
        ViewCase {
            name: "one area".into(),
            set: Box::new(|tab| {
                js_click(
                    tab,
                    &[
                        "#reset",
                        "#f-areas summary",
                        "input[name=area][value=ku-seinanbu]",
                    ],
                )
            }),
            query: Query::new().region(Region::KuSeinanbu),
            in_name: format!("area-{}", Region::KuSeinanbu.slug()),
            in_notes: format!("地域：{}", Region::KuSeinanbu.name_ja()),
            english: false,
        },
        ViewCase {
            name: format!("point {}", point.id()),
            set: Box::new(move |tab| {
                js_click(
                    tab,
                    &[
                        "#reset",
                        &format!("button.point[data-p=\"{}\"]", point.id()),
                    ],
                )
            }),
            query: Query::new().point(point),
            in_name: format!("point-{}", point.id()),
            in_notes: format!("論点：{}", point.label_ja()),
            english: false,
        },
        ViewCase {
            name: "text 退院 調整".into(),
            set: Box::new(|tab| {
                js_click(tab, &["#reset"])?;
                tab.find_element("#q")?.click()?;
                tab.send_character("退院　調整")?;
                Ok(())
            }),
            query: Query::new().text("退院　調整"),
            in_name: "q-退院-調整".into(),
            in_notes: "検索：退院　調整".into(),
            english: false,
        },
        ViewCase {
            name: "one area, in English".into(),
            set: Box::new(|tab| {
                js_click(tab, &["#reset"])?;
                tab.find_element("#lang")?.click()?;
                let area = format!("input[name=area][value={}]", Region::KuNanbu.slug());
                js_click(tab, &[&area])
            }),
            query: Query::new().region(Region::KuNanbu),
            in_name: format!("area-{}", Region::KuNanbu.slug()),
            in_notes: "Area: ".into(),
            english: true,
        },
    ];
    for case in &cases {
        (case.set)(tab)?;
        let expected: Vec<Record> = case.query.iter().collect();
        assert!(
            !expected.is_empty(),
            "{}: the crate finds nothing",
            case.name
        );
        let shown: Vec<String> = eval(
            tab,
            "[...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => e.id)",
        )?;
        assert_eq!(shown, ids(&expected), "{}: the records shown", case.name);

        let (name, bytes) = download(tab, "#dl-csv", downloads)?;
        check_name(&name, "csv", case)?;
        check_csv(&bytes, &expected, case)?;
        let (name, bytes) = download(tab, "#dl-json", downloads)?;
        check_name(&name, "json", case)?;
        let view = check_json(&bytes, &expected, case)?;
        // The file's link to the view reopens it.
        open(tab, &format!("{url}{view}"))?;
        let reopened: Vec<String> = eval(
            tab,
            "[...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => e.id)",
        )?;
        assert_eq!(reopened, ids(&expected), "{}: reopened {view}", case.name);
        println!(
            "{}: {name} and its CSV hold the crate's {} rows, field by field",
            case.name,
            expected.len()
        );
    }
    js_click(tab, &["#reset", "#lang"])?;
    Ok(())
}

fn ids(records: &[Record]) -> Vec<String> {
    records.iter().map(|r| r.id().to_string()).collect()
}

/// Clicks the button (a real mouse click) and waits for the file it saves.
fn download(tab: &Tab, button: &str, dir: &Path) -> Res<(String, Vec<u8>)> {
    for old in std::fs::read_dir(dir)? {
        std::fs::remove_file(old?.path())?;
    }
    tab.find_element(button)?.scroll_into_view()?.click()?;
    let started = Instant::now();
    loop {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        if let [file] = files.as_slice() {
            let name = file
                .file_name()
                .ok_or("no name")?
                .to_string_lossy()
                .into_owned();
            if !name.ends_with(".crdownload") {
                return Ok((name, std::fs::read(file)?));
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{button}: no file saved in 10 s ({files:?})"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn check_name(name: &str, ext: &str, case: &ViewCase) -> Res<()> {
    assert!(
        name.starts_with("zaitaku_opinions_") && name.ends_with(&format!(".{ext}")),
        "{}: file name {name:?}",
        case.name
    );
    assert!(
        name.contains(&case.in_name),
        "{}: file name {name:?} does not say {:?}",
        case.name,
        case.in_name
    );
    Ok(())
}

/// What the `csv` crate writes for the records' rows: the header and one
/// line per record.
fn crate_csv(records: &[Record]) -> Res<Vec<csv::StringRecord>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in records {
        w.serialize(r.row())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    Ok(rd.records().collect::<Result<_, _>>()?)
}

fn check_csv(bytes: &[u8], expected: &[Record], case: &ViewCase) -> Res<()> {
    let what = &case.name;
    let text = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .ok_or_else(|| format!("{what}: the CSV does not start with the UTF-8 BOM"))?;
    let text = std::str::from_utf8(text)?;
    // Every line ends with CRLF (no line break inside a field here).
    assert!(text.ends_with("\r\n"), "{what}: no CRLF at the end");
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "{what}: a line ends without CR"
    );
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let lines: Vec<csv::StringRecord> = rd.records().collect::<Result<_, _>>()?;
    // Three notes, a blank line, then the table.
    let notes: Vec<&str> = lines[..3].iter().map(|l| l.get(0).unwrap_or("")).collect();
    for note in &notes {
        assert!(note.starts_with("# "), "{what}: note {note:?}");
    }
    let (count, table_at) = if case.english {
        (format!("{} of 204 records", expected.len()), "row 5")
    } else {
        (format!("{} 件（全 204 件中）", expected.len()), "5 行目")
    };
    assert!(notes[0].contains(&count), "{what}: {notes:?}");
    assert!(notes[0].contains(table_at), "{what}: {notes:?}");
    assert!(
        notes[1].contains(&case.in_notes),
        "{what}: the filter in {notes:?}"
    );
    assert!(
        notes[2].contains("資料３－２"),
        "{what}: the source in {notes:?}"
    );
    assert!(
        notes[2].contains(zaitaku_opinions::SOURCE_SHA256),
        "{what}: {notes:?}"
    );
    assert_eq!(lines[..3].iter().map(|l| l.len()).max(), Some(1));
    // The csv reader skips the blank line; the header is on row 5.
    assert_eq!(
        text.split("\r\n").nth(3),
        Some(""),
        "{what}: row 4 is not blank"
    );
    let table = &lines[3..];
    let crate_lines = crate_csv(expected)?;
    assert_eq!(table.len(), crate_lines.len(), "{what}: rows");
    let header = &crate_lines[0];
    assert_eq!(&table[0], header, "{what}: the header");
    for (got, want) in table[1..].iter().zip(&crate_lines[1..]) {
        let id = want.get(0).unwrap_or("");
        assert_eq!(got.len(), want.len(), "{what}: fields of {id}");
        for ((column, g), w) in header.iter().zip(got).zip(want) {
            assert_eq!(g, w, "{what}: {id}, column {column}");
        }
    }
    // The committed data file has the same columns; all records, the same
    // rows.
    let file = std::fs::read(zaitaku_tools::docs_dir().join("data/records.csv"))?;
    let file: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(file.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&file))
        .records()
        .collect::<Result<_, _>>()?;
    assert_eq!(
        table[0], file[0],
        "{what}: the header of docs/data/records.csv"
    );
    if expected.len() == Query::new().iter().count() {
        assert_eq!(table, &file[..], "{what}: docs/data/records.csv");
        // Byte for byte too: the same quoting rule (every field quoted).
        let raw = std::fs::read(zaitaku_tools::docs_dir().join("data/records.csv"))?;
        let header_at = text
            .split("\r\n")
            .take(4)
            .map(|l| l.len() + 2)
            .sum::<usize>();
        assert_eq!(
            &text.as_bytes()[header_at..],
            raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&raw),
            "{what}: the table's bytes are not docs/data/records.csv's"
        );
    }
    // Every field of the table is quoted, as in the data files.
    for line in text.split("\r\n").skip(4).filter(|l| !l.is_empty()) {
        assert!(
            line.starts_with('"') && line.ends_with('"'),
            "{what}: a field left unquoted in {line:?}"
        );
    }
    Ok(())
}

/// Checks the JSON file; returns its link to the view (`#…`).
fn check_json(bytes: &[u8], expected: &[Record], case: &ViewCase) -> Res<String> {
    let what = &case.name;
    let file: Value = serde_json::from_slice(bytes)?;
    let filter = file["filter"].as_str().ok_or("no filter")?;
    assert!(filter.contains(&case.in_notes), "{what}: filter {filter:?}");
    assert_eq!(file["count"], expected.len(), "{what}");
    assert_eq!(file["total"], Query::new().iter().count(), "{what}");
    assert_eq!(file["source_sha256"], zaitaku_opinions::SOURCE_SHA256);
    let header = crate_csv(&expected[..1])?;
    let columns: Vec<&str> = file["columns"]
        .as_array()
        .ok_or("no columns")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        columns,
        header[0].iter().collect::<Vec<_>>(),
        "{what}: columns"
    );
    let records = file["records"].as_array().ok_or("no records")?;
    assert_eq!(records.len(), expected.len(), "{what}: records");
    // Each record's fields in the columns' order (serde_json's `Value`
    // sorts them: read the keys as they come).
    #[derive(serde::Deserialize)]
    struct File {
        records: Vec<Keys>,
    }
    let in_order: File = serde_json::from_slice(bytes)?;
    for (keys, r) in in_order.records.iter().zip(expected) {
        assert_eq!(
            keys.0,
            columns,
            "{what}: the fields of {}, in order",
            r.id()
        );
    }
    for (got, r) in records.iter().zip(expected) {
        let want = serde_json::to_value(r.row())?;
        let (got, want) = (
            got.as_object().ok_or("not an object")?,
            want.as_object().ok_or("not an object")?,
        );
        assert_eq!(got.len(), want.len(), "{what}: the fields of {}", r.id());
        for (column, value) in want {
            assert_eq!(got.get(column), Some(value), "{what}: {}, {column}", r.id());
        }
    }
    let view = file["view"].as_str().ok_or("no view")?;
    assert!(view.starts_with('#'), "{what}: view {view:?}");
    Ok(view.to_string())
}

/// The keys of a JSON object, in order.
struct Keys(Vec<String>);

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some((k, serde::de::IgnoredAny)) = map.next_entry()? {
                    keys.push(k);
                }
                Ok(Keys(keys))
            }
        }
        d.deserialize_map(V)
    }
}

// --- the link -------------------------------------------------------------------

fn copy_link(tab: &Tab) -> Res<()> {
    let area = format!("input[name=area][value={}]", Region::KitatamaNanbu.slug());
    js_click(tab, &["#reset", "#f-areas summary", &area])?;
    let grant: CdpBrowser::GrantPermissions = serde_json::from_value(serde_json::json!({
        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
    }))?;
    tab.call_method(grant)?;
    tab.find_element("#copy-link")?
        .scroll_into_view()?
        .click()?;
    std::thread::sleep(Duration::from_millis(200));
    let (said, href): (String, String) = eval(
        tab,
        "[document.querySelector('#exports-out').textContent, location.href]",
    )?;
    assert!(href.contains(Region::KitatamaNanbu.slug()), "{href}");
    assert_eq!(said, "リンクをコピーしました", "copy link");
    let copied = tab
        .evaluate("navigator.clipboard.readText()", true)?
        .value
        .ok_or("nothing read")?;
    assert_eq!(copied.as_str(), Some(href.as_str()), "the clipboard");
    println!("copy link: the clipboard holds {href}");
    Ok(())
}

// --- printing -------------------------------------------------------------------

fn printing(tab: &Tab, url: &str, dir: &Path) -> Res<()> {
    let printed = "[getComputedStyle(document.querySelector('#overview')).display, getComputedStyle(document.querySelector('#print-head')).display, document.querySelector('#ph-filter').textContent, document.querySelector('#ph-count').textContent, document.querySelector('#ph-date').textContent, [...document.querySelectorAll('article.rec')].filter(e => e.checkVisibility()).length]";
    let print_media = |on: bool| -> Res<()> {
        tab.call_method(Emulation::SetEmulatedMedia {
            media: Some(if on { "print" } else { "" }.into()),
            features: None,
        })?;
        Ok(())
    };
    // Unfiltered: the overview stays, the header says "none".
    open(tab, url)?;
    print_media(true)?;
    let (overview, head, filter, count, _, n): (String, String, String, String, String, usize) =
        eval(tab, printed)?;
    assert_ne!(overview, "none", "unfiltered, the overview prints");
    assert_eq!(head, "block");
    assert_eq!(filter, "なし（全件）");
    assert_eq!(count, "204 件（全 204 件中）");
    assert_eq!(n, 204);
    print_media(false)?;

    // One area: the header names it; no heatmaps, no points.
    let area = format!("input[name=area][value={}]", Region::KuTobu.slug());
    js_click(tab, &["#f-areas summary", &area])?;
    let expected = Query::new().region(Region::KuTobu).iter().count();
    print_media(true)?;
    let (overview, head, filter, count, date, n): (String, String, String, String, String, usize) =
        eval(tab, printed)?;
    assert_eq!(overview, "none", "filtered, the overview does not print");
    assert_eq!(head, "block");
    assert!(
        filter.contains(Region::KuTobu.slug()) || filter.contains("区東部"),
        "{filter}"
    );
    assert_eq!(count, format!("{expected} 件（全 204 件中）"));
    assert_eq!(date.len(), "2026-01-01".len(), "{date}");
    assert_eq!(n, expected);
    print_media(false)?;

    // The printout itself, to look at.
    let pdf = tab.call_method(Page::PrintToPDF {
        landscape: None,
        display_header_footer: Some(false),
        print_background: Some(true),
        scale: None,
        paper_width: Some(8.27),
        paper_height: Some(11.69),
        margin_top: None,
        margin_bottom: None,
        margin_left: None,
        margin_right: None,
        page_ranges: None,
        header_template: None,
        footer_template: None,
        prefer_css_page_size: None,
        transfer_mode: None,
        generate_tagged_pdf: None,
        generate_document_outline: None,
    })?;
    let bytes = base64_decode(&pdf.data)?;
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    let path = dir.join("explorer-print-kutobu.pdf");
    std::fs::write(&path, &bytes)?;
    println!(
        "print: header with the filter, {expected} records, no overview; {} ({} bytes)",
        path.display(),
        bytes.len()
    );
    js_click(tab, &["#reset"])?;
    Ok(())
}

fn base64_decode(s: &str) -> Res<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter(|&c| c != b'=') {
        let v = ALPHABET.iter().position(|&a| a == c).ok_or("not base64")? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

// --- two areas side by side -----------------------------------------------------------

/// A category's row in a comparison: its slug, and each area's opinions
/// in it as (id, text).
type CategoryRow = (String, Vec<Vec<(String, String)>>);

/// One theme's comparison as the page shows it: the two areas' names, and
/// for each category row its slug and the ids and texts on each side.
#[derive(serde::Deserialize, Debug)]
struct Shown {
    theme: String,
    names: Vec<String>,
    rows: Vec<CategoryRow>,
}

fn compare_two_areas(tab: &Tab, url: &str) -> Res<()> {
    let speaking: Vec<Region> = Region::ALL
        .into_iter()
        .filter(|&r| Theme::ALL.iter().any(|&t| !r.opinions(t).is_empty()))
        .collect();
    // Opened on a view of one area, it starts from that area and the next.
    open(tab, &format!("{url}#area={}", Region::KuTobu.slug()))?;
    let before: usize = eval(tab, "document.querySelectorAll('#cmp-out *').length")?;
    assert_eq!(before, 0, "the comparison is written when shown");
    tab.find_element("#compare summary")?
        .scroll_into_view()?
        .click()?;
    std::thread::sleep(Duration::from_millis(100));
    let (a, b, tables): (String, String, usize) = eval(
        tab,
        "[document.querySelector('#cmp-a').value, document.querySelector('#cmp-b').value, document.querySelectorAll('#cmp-out table').length]",
    )?;
    assert_eq!(
        (a.as_str(), b.as_str(), tables),
        (
            Region::KuTobu.slug(),
            speaking[speaking
                .iter()
                .position(|&r| r == Region::KuTobu)
                .ok_or("not speaking")?
                + 1]
            .slug(),
            2
        )
    );
    let read = "[...document.querySelectorAll('#cmp-out table')].map(t => ({ theme: t.dataset.t, names: [...t.querySelectorAll('thead th')].map(th => th.textContent), rows: [...t.querySelectorAll('tbody')].map(tb => [tb.dataset.c, [...tb.querySelectorAll('td')].map(td => [...td.querySelectorAll('li')].map(li => [li.querySelector('a').getAttribute('href').slice(1), li.querySelector('.cmp-ja').textContent]))]) }))";
    // The areas' English names, as the page writes them everywhere.
    let english: std::collections::HashMap<String, String> = eval(
        tab,
        "Object.fromEntries(JSON.parse(document.getElementById('data').textContent).regions.map(r => [r.slug, r.en]))",
    )?;
    for lang in ["ja", "en"] {
        if lang == "en" {
            tab.find_element("#lang")?.click()?;
        }
        for (i, &a) in speaking.iter().enumerate() {
            let b = speaking[(i + 1) % speaking.len()];
            tab.evaluate(
                &format!(
                    "(() => {{ for (const [id, v] of [['cmp-a', '{}'], ['cmp-b', '{}']]) {{ const s = document.getElementById(id); s.value = v; s.dispatchEvent(new Event('change')); }} }})()",
                    a.slug(),
                    b.slug()
                ),
                false,
            )?;
            let shown: Vec<Shown> = eval(tab, read)?;
            assert_eq!(shown.len(), Theme::ALL.len());
            for (table, theme) in shown.iter().zip(Theme::ALL) {
                assert_eq!(table.theme, theme.slug());
                let names: Vec<String> = [a, b]
                    .iter()
                    .map(|r| {
                        if lang == "en" {
                            english.get(r.slug()).cloned().unwrap_or_default()
                        } else {
                            r.name_ja().to_string()
                        }
                    })
                    .collect();
                assert_eq!(table.names, names, "{lang}: the two areas");
                let expected: Vec<CategoryRow> = Category::ALL
                    .into_iter()
                    .map(|c| {
                        let side = |r: Region| -> Vec<(String, String)> {
                            r.opinions(theme)
                                .iter()
                                .filter(|o| o.category() == c)
                                .map(|o| (o.id().to_string(), o.text().to_string()))
                                .collect()
                        };
                        (c.slug().to_string(), vec![side(a), side(b)])
                    })
                    .filter(|(_, sides)| sides.iter().any(|s| !s.is_empty()))
                    .collect();
                assert_eq!(
                    table.rows,
                    expected,
                    "{lang}: {} and {} on {theme:?}",
                    a.slug(),
                    b.slug()
                );
            }
        }
        println!(
            "compare ({lang}): every area against the next, both themes, category by category, as Region::opinions"
        );
    }
    tab.find_element("#lang")?.click()?;
    Ok(())
}
