//! The committed data files in `docs/data/` (written by `cargo run -p
//! zaitaku_tools --bin datafiles`; CI fails when they are stale), read back
//! as a spreadsheet user gets them and checked against the crate: the CSV
//! is Excel-ready, has every record with the crate's values, and every id
//! in it joins to the points and areas tables.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use zaitaku_opinions::{Point, Query, Record, Region};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn data_file(name: &str) -> PathBuf {
    zaitaku_tools::docs_dir().join("data").join(name)
}

/// A committed CSV as (header, rows of cells by column name), after
/// checking that it is Excel-ready: a UTF-8 byte-order mark, CRLF line
/// ends only.
fn read_csv(name: &str) -> Res<Vec<HashMap<String, String>>> {
    let bytes = std::fs::read(data_file(name))?;
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .ok_or_else(|| format!("{name} does not start with the UTF-8 byte-order mark"))?;
    let lf = body.iter().filter(|&&b| b == b'\n').count();
    let crlf = body.windows(2).filter(|w| w == b"\r\n").count();
    assert_eq!(lf, crlf, "{name}: a line ends with LF only");
    assert!(
        body.ends_with(b"\r\n"),
        "{name}: no CRLF after the last row"
    );
    let mut reader = csv::Reader::from_reader(body);
    let header: Vec<String> = reader.headers()?.iter().map(String::from).collect();
    assert!(!header[0].starts_with('\u{feff}'), "{name}: a second BOM");
    let mut rows = Vec::new();
    for row in reader.records() {
        let row = row?;
        rows.push(
            header
                .iter()
                .cloned()
                .zip(row.iter().map(String::from))
                .collect(),
        );
    }
    Ok(rows)
}

fn column<'a>(rows: &'a [HashMap<String, String>], name: &str) -> BTreeSet<&'a str> {
    rows.iter().map(|r| r[name].as_str()).collect()
}

#[test]
fn the_records_csv_is_excel_ready_and_holds_every_record_as_the_crate_has_it() -> Res<()> {
    let rows = read_csv("records.csv")?;
    let records: Vec<Record> = Query::new().into_iter().collect();
    assert_eq!(rows.len(), 204);
    assert_eq!(rows.len(), records.len());
    for (row, record) in rows.iter().zip(&records) {
        let id = record.id().to_string();
        assert_eq!(row["id"], id);
        assert_eq!(row["text"], record.text(), "{id}");
        assert_eq!(row["text_en"], record.text_en(), "{id}");
        assert_eq!(row["category"], record.category().slug(), "{id}");
        // The Japanese names, as the crate gives them.
        assert_eq!(row["theme_ja"], record.theme().name_ja(), "{id}");
        assert_eq!(row["category_ja"], record.category().name_ja(), "{id}");
        let regions_ja: Vec<&str> = record.regions().map(Region::name_ja).collect();
        assert_eq!(row["regions_ja"], regions_ja.join("; "), "{id}");
        let points_ja: Vec<&str> = record.points().map(|p| p.label_ja()).collect();
        assert_eq!(row["points_ja"], points_ja.join("; "), "{id}");
        if let Some(region) = record.region() {
            assert_eq!(row["regions_ja"], region.name_ja(), "{id}");
        }
        assert_eq!(row["theme"], record.theme().slug(), "{id}");
        assert_eq!(
            row["region"],
            record.region().map_or("", Region::slug),
            "{id}"
        );
        let points: Vec<&str> = record.points().map(|p| p.id()).collect();
        assert_eq!(row["points"], points.join(" "), "{id}");
        assert_eq!(
            row["first_line"],
            record.lines().first().to_string(),
            "{id}"
        );
        assert_eq!(row["last_line"], record.lines().last().to_string(), "{id}");
    }
    Ok(())
}

#[test]
fn the_areas_table_has_every_area_with_its_japanese_name() -> Res<()> {
    let rows = read_csv("areas.csv")?;
    assert_eq!(rows.len(), Region::COUNT);
    for (row, region) in rows.iter().zip(Region::ALL) {
        assert_eq!(row["slug"], region.slug());
        assert_eq!(row["name_ja"], region.name_ja());
        assert_eq!(row["name_en"], region.name_en());
        assert_eq!(row["code"], region.code());
    }
    Ok(())
}

#[test]
fn every_id_in_the_records_joins_to_the_points_and_areas_tables() -> Res<()> {
    let records = read_csv("records.csv")?;
    let areas = read_csv("areas.csv")?;
    let points = read_csv("points.csv")?;
    let record_points = read_csv("record-points.csv")?;
    let key_sources = read_csv("key-sources.csv")?;
    let similar = read_csv("similar.csv")?;
    let municipalities = read_csv("municipalities.csv")?;

    let record_ids = column(&records, "id");
    let area_slugs = column(&areas, "slug");
    let point_ids = column(&points, "id");
    assert_eq!(record_ids.len(), records.len(), "record ids are unique");
    assert_eq!(area_slugs.len(), areas.len(), "area slugs are unique");
    assert_eq!(point_ids.len(), points.len(), "point ids are unique");
    assert_eq!(point_ids.len(), zaitaku_opinions::points().len());
    for (row, point) in points.iter().zip(zaitaku_opinions::points()) {
        assert_eq!(row["id"], point.id());
        assert_eq!(row["label_ja"], point.label_ja());
        assert_eq!(row["description_ja"], point.description_ja());
        assert_eq!(Point::from_id(&row["id"]), Some(point));
    }

    // records → areas, records → points (the space-separated column).
    let mut tags = BTreeSet::new();
    for r in &records {
        let id = &r["id"];
        match r["kind"].as_str() {
            "area" => assert!(area_slugs.contains(r["region"].as_str()), "{id}: region"),
            "key" => assert_eq!(r["region"], "", "{id}: a key opinion has no region"),
            kind => panic!("{id}: kind {kind:?}"),
        }
        for (rank, point) in r["points"].split(' ').filter(|p| !p.is_empty()).enumerate() {
            assert!(point_ids.contains(point), "{id}: point {point}");
            tags.insert((id.as_str(), point, (rank + 1).to_string()));
        }
        for source in r["taken_from"].split(' ').filter(|s| !s.is_empty()) {
            assert!(record_ids.contains(source), "{id}: taken from {source}");
        }
    }
    // The link table is the points column, row by row, and joins both ways.
    let linked: BTreeSet<_> = record_points
        .iter()
        .map(|r| (r["record"].as_str(), r["point"].as_str(), r["rank"].clone()))
        .collect();
    assert_eq!(linked, tags);
    assert!(!tags.is_empty());
    for r in &key_sources {
        assert!(
            record_ids.contains(r["key"].as_str()),
            "key-sources: {}",
            r["key"]
        );
        assert!(
            record_ids.contains(r["source"].as_str()),
            "key-sources: {}",
            r["source"]
        );
    }
    for r in &similar {
        assert!(
            record_ids.contains(r["opinion"].as_str()),
            "similar: {}",
            r["opinion"]
        );
        assert!(
            record_ids.contains(r["similar"].as_str()),
            "similar: {}",
            r["similar"]
        );
        for point in r["shared_points"].split(' ') {
            assert!(point_ids.contains(point), "similar: {point}");
        }
    }
    let pairs: usize = Query::new()
        .into_iter()
        .filter_map(|r| match r {
            Record::Area(o) => Some(o.similar().len()),
            Record::Key(_) => None,
        })
        .sum();
    assert_eq!(similar.len(), pairs);
    for r in &municipalities {
        assert!(
            area_slugs.contains(r["region"].as_str()),
            "{}",
            r["name_ja"]
        );
    }
    // Every area with opinions, and every point, is used by some record.
    let used_areas = column(&records, "region");
    for r in &areas {
        let said = r["opinions_theme1"] != "0" || r["opinions_theme2"] != "0";
        assert_eq!(
            used_areas.contains(r["slug"].as_str()),
            said,
            "{}",
            r["slug"]
        );
    }
    let used_points: BTreeSet<&str> = tags.iter().map(|t| t.1).collect();
    assert_eq!(used_points, point_ids);
    Ok(())
}

#[test]
fn the_json_lines_hold_the_same_records_in_the_same_order() -> Res<()> {
    let text = std::fs::read_to_string(data_file("records.jsonl"))?;
    let ids: Vec<String> = Query::new()
        .into_iter()
        .map(|r| r.id().to_string())
        .collect();
    let mut n = 0;
    for (line, id) in text.lines().zip(&ids) {
        let value: serde_json::Value = serde_json::from_str(line)?;
        assert_eq!(value["id"], id.as_str());
        n += 1;
    }
    assert_eq!((n, text.lines().count()), (204, 204));
    Ok(())
}

// --- LibreOffice, as a user opening the CSVs gets them -----------------------

/// Every CSV of `docs/data/`, by name.
fn csv_files() -> Res<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(zaitaku_tools::docs_dir().join("data"))?
        .map(|e| Ok(e?.file_name().to_string_lossy().into_owned()))
        .collect::<Res<_>>()?;
    names.retain(|n| n.ends_with(".csv"));
    names.sort();
    Ok(names)
}

/// LibreOffice's `soffice`, or `None` (the test is then skipped, unless
/// `ZAITAKU_REQUIRE_SOFFICE=1`, as CI sets: then a failure).
fn soffice() -> Option<&'static str> {
    let found = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("ZAITAKU_REQUIRE_SOFFICE").is_some_and(|v| v == "1") {
        panic!(
            "ZAITAKU_REQUIRE_SOFFICE=1 but `soffice` does not run: install libreoffice-calc-nogui"
        );
    }
    found.then_some("soffice")
}

/// The options of LibreOffice's Text Import dialog as a fresh profile
/// fills them in when a user double-clicks a CSV, read from the installed
/// LibreOffice's own configuration defaults (`Office.Calc/Dialogs/CSVImport`
/// in `share/registry/main.xcd`; 7.4: separators comma, semicolon and tab,
/// `"` quotes, quoted fields not forced to text, no special-number
/// detection, formulas not evaluated), with the character set the dialog
/// detects from the byte-order mark (UTF-8, 76), as a CSV filter string.
fn gui_default_filter() -> Res<String> {
    let xcd = std::fs::read_to_string("/usr/lib/libreoffice/share/registry/main.xcd")?;
    let at = xcd
        .find(r#"<group oor:name="CSVImport">"#)
        .ok_or("main.xcd: no CSVImport defaults")?;
    let group = &xcd[at..at + xcd[at..].find("</group>").ok_or("main.xcd: CSVImport")?];
    let prop = |name: &str| -> Res<String> {
        let p = group
            .find(&format!(r#"oor:name="{name}""#))
            .ok_or_else(|| format!("main.xcd: no CSVImport/{name}"))?;
        let rest = &group[p..];
        let end = rest.find("</prop>").ok_or("main.xcd: a prop")?;
        let prop = &rest[..end];
        Ok(match prop.find("<value>") {
            Some(v) => {
                prop[v + 7..prop[v..].find("</value>").map_or(prop.len(), |e| v + e)].to_string()
            }
            None => String::new(), // <value/>
        })
    };
    let codes = |s: String| -> String {
        s.chars()
            .map(|c| (c as u32).to_string())
            .collect::<Vec<_>>()
            .join("/")
    };
    let separators = prop("Separators")?;
    // The audit's GUI screenshot showed these three ticked; say so if a
    // LibreOffice changes them.
    assert_eq!(
        separators, ",;\t",
        "LibreOffice's default separators changed"
    );
    let mut tokens = codes(separators);
    if prop("MergeDelimiters")? == "true" {
        tokens.push_str("/MRG");
    }
    Ok(format!(
        "{tokens},{quote},76,{row},,0,{as_text},{special},false,false,{trim},-1,{formulas}",
        quote = codes(prop("TextSeparators")?),
        row = prop("FromRow")?,
        as_text = prop("QuotedFieldAsText")?,
        special = prop("DetectSpecialNumbers")?,
        trim = prop("RemoveSpace")?,
        formulas = prop("EvaluateFormulas")?,
    ))
}

/// Converts the CSVs with `soffice --headless --convert-to xlsx` (and the
/// CSV import options `filter`, if any) into `out`, in a fresh profile.
fn convert(soffice: &str, filter: Option<&str>, out: &std::path::Path) -> Res<()> {
    let mut cmd = std::process::Command::new(soffice);
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        out.join("profile").display()
    ))
    .arg("--headless");
    if let Some(options) = filter {
        cmd.arg(format!("--infilter=Text - txt - csv (StarCalc):{options}"));
    }
    cmd.args(["--convert-to", "xlsx", "--outdir"]).arg(out);
    for name in csv_files()? {
        cmd.arg(data_file(&name));
    }
    let done = cmd.output()?;
    if !done.status.success() {
        return Err(format!("soffice: {}", String::from_utf8_lossy(&done.stderr)).into());
    }
    Ok(())
}

/// A committed CSV's cells, as the csv crate reads it (header first).
fn csv_cells(name: &str) -> Res<Vec<Vec<String>>> {
    let bytes = std::fs::read(data_file(name))?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").ok_or("no BOM")?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    let mut rows = Vec::new();
    for row in reader.records() {
        rows.push(row?.iter().map(String::from).collect());
    }
    Ok(rows)
}

/// Compares LibreOffice's sheet with the file's cells, every cell: the
/// same rows, each as wide as the header, each cell the file's value (a
/// cell LibreOffice read as a number must be the file's number exactly).
/// `decode` turns LibreOffice's text back into what the file meant.
fn compare_sheet(
    xlsx: &std::path::Path,
    name: &str,
    decode: &dyn Fn(&str) -> Res<String>,
) -> Res<usize> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(xlsx)?;
    let range = book.worksheet_range_at(0).ok_or("no sheet")??;
    assert_eq!(
        range.start(),
        Some((0, 0)),
        "{name}: the sheet starts at A1"
    );
    let want = csv_cells(name)?;
    let got: Vec<&[Data]> = range.rows().collect();
    assert_eq!(got.len(), want.len(), "{name}: rows");
    let header = want[0].clone();
    let width = header.len();
    assert_eq!(
        range.width(),
        width,
        "{name}: the sheet is wider than the header"
    );
    let mut cells = 0;
    for (r, (got, want)) in got.iter().zip(&want).enumerate() {
        for (c, w) in want.iter().enumerate() {
            let cell = got.get(c).unwrap_or(&Data::Empty);
            let at = format!("{name}: row {}, column {} ({})", r + 1, c + 1, header[c]);
            match cell {
                Data::Empty => assert_eq!(w, "", "{at}"),
                Data::String(s) => assert_eq!(&decode(s)?, w, "{at}"),
                Data::Float(f) => assert_eq!(w.parse::<f64>().ok(), Some(*f), "{at}: {w:?}"),
                Data::Int(i) => assert_eq!(w, &i.to_string(), "{at}"),
                other => panic!("{at}: LibreOffice read {other:?} for {w:?}"),
            }
            cells += 1;
        }
    }
    Ok(cells)
}

#[test]
fn libreoffice_opening_each_csv_as_a_double_click_does_puts_every_cell_in_its_column() -> Res<()> {
    let Some(soffice) = soffice() else {
        eprintln!("skipped: no `soffice` (LibreOffice)");
        return Ok(());
    };
    let out = std::env::temp_dir().join(format!("zaitaku-lo-gui-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out)?;
    let filter = gui_default_filter()?;
    convert(soffice, Some(&filter), &out)?;
    let mut cells = 0;
    for name in csv_files()? {
        let xlsx = out.join(name.replace(".csv", ".xlsx"));
        cells += compare_sheet(&xlsx, &name, &|s| Ok(s.to_string()))?;
    }
    eprintln!("LibreOffice ({filter}): {cells} cells, all in place");
    assert_eq!(csv_files()?.len(), 7, "the CSVs of docs/data/");
    let _ = std::fs::remove_dir_all(&out);
    Ok(())
}

/// `soffice --headless --convert-to` with no filter options does not use
/// the dialog's defaults: LibreOffice's API default for a CSV is comma
/// only, `"` quotes and the Windows-1252 character set (7.4), so the
/// Japanese comes out as mojibake whatever the file does. The columns must
/// still be right, and each cell's mojibake, encoded back to Windows-1252,
/// must be the file's UTF-8 (the first header cell keeps its quotes,
/// which follow the byte-order mark read as text).
#[test]
fn libreoffice_headless_with_no_options_puts_every_cell_in_its_column_too() -> Res<()> {
    let Some(soffice) = soffice() else {
        eprintln!("skipped: no `soffice` (LibreOffice)");
        return Ok(());
    };
    let out = std::env::temp_dir().join(format!("zaitaku-lo-plain-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out)?;
    convert(soffice, None, &out)?;
    let undo = |s: &str| -> Res<String> {
        // LibreOffice maps the five bytes Windows-1252 leaves undefined
        // (0x81, 0x8D, 0x8F, 0x90, 0x9D) to U+F181…U+F19D; encoding_rs
        // encodes only the defined ones.
        let mut bytes = Vec::new();
        for ch in s.chars() {
            let c = ch as u32;
            if [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(&c.wrapping_sub(0xF100)) {
                bytes.push((c - 0xF100) as u8);
                continue;
            }
            let mut buf = [0; 4];
            let (enc, _, bad) = encoding_rs::WINDOWS_1252.encode(ch.encode_utf8(&mut buf));
            if bad {
                return Err(format!("{ch:?} is not Windows-1252").into());
            }
            bytes.extend_from_slice(&enc);
        }
        let text = String::from_utf8(bytes)?;
        // The byte-order mark, read as the text `ï»¿`, stands before the
        // first header's opening quote, so that quote is kept as text:
        // the one cell of each file that this path reads as `ï»¿"id"`.
        match text.strip_prefix('\u{feff}') {
            Some(first) => Ok(first
                .strip_prefix('"')
                .and_then(|f| f.strip_suffix('"'))
                .ok_or_else(|| format!("the first header is {first:?}"))?
                .to_string()),
            None => Ok(text),
        }
    };
    let mut cells = 0;
    for name in csv_files()? {
        let xlsx = out.join(name.replace(".csv", ".xlsx"));
        cells += compare_sheet(&xlsx, &name, &undo)?;
    }
    eprintln!("LibreOffice (no options): {cells} cells, all in place");
    assert_eq!(csv_files()?.len(), 7, "the CSVs of docs/data/");
    let _ = std::fs::remove_dir_all(&out);
    Ok(())
}

#[test]
fn every_resource_names_its_sources_and_licences_and_tokyos_text_is_under_tokyos_terms() -> Res<()>
{
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data_file("datapackage.json"))?)?;
    let resources = package["resources"].as_array().ok_or("no resources")?;
    assert_eq!(resources.len(), 8);
    for r in resources {
        let name = r["name"].as_str().unwrap_or_default();
        let sources = r["sources"]
            .as_array()
            .ok_or_else(|| format!("{name}: no sources"))?;
        let licenses = r["licenses"]
            .as_array()
            .ok_or_else(|| format!("{name}: no licenses"))?;
        assert!(!sources.is_empty() && !licenses.is_empty(), "{name}");
        let has_source_text = r["schema"]["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|f| f["origin"] == "source");
        let tokyo_terms = licenses.iter().any(|l| {
            l["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("東京都's terms"))
        });
        // A resource holding 東京都's words names 東京都's terms, and only then.
        assert_eq!(has_source_text, tokyo_terms, "{name}");
        if has_source_text {
            assert!(
                sources.iter().any(|s| s["title"]
                    .as_str()
                    .is_some_and(|t| t.contains("資料３－２"))),
                "{name}"
            );
        }
    }
    let municipalities = resources
        .iter()
        .find(|r| r["name"] == "municipalities")
        .ok_or("no municipalities")?;
    let titles: Vec<&str> = municipalities["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert!(titles.iter().any(|t| t.contains("総務省")), "{titles:?}");
    assert!(
        titles.iter().any(|t| t.contains("保健医療計画")),
        "{titles:?}"
    );
    Ok(())
}

// --- the workbook ---------------------------------------------------------------

/// A sheet of `zaitaku-opinions.xlsx` as text cells (numbers as integers).
fn sheet(name: &str) -> Res<Vec<Vec<String>>> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(data_file("zaitaku-opinions.xlsx"))?;
    let range = book.worksheet_range(name)?;
    assert_eq!(range.start(), Some((0, 0)), "{name}");
    Ok(range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect())
}

fn numbered(n: usize) -> String {
    n.to_string()
}

#[test]
fn the_workbook_reads_back_equal_to_the_crate_cell_by_cell() -> Res<()> {
    use calamine::{open_workbook, Reader, Xlsx};
    let book: Xlsx<_> = open_workbook(data_file("zaitaku-opinions.xlsx"))?;
    assert_eq!(book.sheet_names(), ["記録", "説明", "論点", "圏域"]);

    // Records: Japanese headers first, the text in column A, a key
    // opinion's areas from its sources, the copies marked.
    let records = sheet("記録")?;
    assert_eq!(records[0][..3], ["本文", "圏域", "分類"]);
    let all: Vec<Record> = Query::new().into_iter().collect();
    assert_eq!(records.len(), 2 + all.len());
    for (row, r) in records[2..].iter().zip(&all) {
        let id = r.id().to_string();
        let (kind, copy, from, areas): (&str, &str, Vec<String>, Vec<&str>) = match r {
            Record::Area(o) => ("地域の意見", "", vec![], vec![o.region().name_ja()]),
            Record::Key(k) => (
                "主な意見",
                "○",
                k.taken_from().iter().map(|o| o.id().to_string()).collect(),
                // From its sources, each area once, in the official order.
                Region::ALL
                    .iter()
                    .filter(|a| k.taken_from().iter().any(|o| o.region() == **a))
                    .map(|a| a.name_ja())
                    .collect(),
            ),
        };
        assert!(!areas.is_empty(), "{id}: no area");
        let points: Vec<&str> = r.points().map(|p| p.label_ja()).collect();
        let want = [
            r.text().to_string(),
            areas.join("、"),
            r.category().name_ja().to_string(),
            r.theme().name_ja().to_string(),
            kind.to_string(),
            copy.to_string(),
            from.join(" "),
            points.join("、"),
            r.text_en().to_string(),
            id.clone(),
            numbered(r.lines().first() as usize),
            numbered(r.lines().last() as usize),
        ];
        assert_eq!(row.len(), want.len(), "{id}");
        for (c, (g, w)) in row.iter().zip(&want).enumerate() {
            assert_eq!(g, w, "{id}, column {} ({})", c + 1, records[0][c]);
        }
    }
    // Counting without the copies gives the area opinions.
    let kept = records[2..].iter().filter(|r| r[5].is_empty()).count();
    assert_eq!(kept, zaitaku_opinions::opinions().len());

    // Points.
    let points = sheet("論点")?;
    assert_eq!(points.len(), 2 + zaitaku_opinions::points().len());
    for (row, p) in points[2..].iter().zip(zaitaku_opinions::points()) {
        let regions: Vec<&str> = p.regions().iter().map(|r| r.name_ja()).collect();
        let want = [
            p.id().to_string(),
            p.label_ja().to_string(),
            p.label_en().to_string(),
            p.description_ja().to_string(),
            p.description().to_string(),
            regions.join("、"),
            numbered(p.opinions().len()),
        ];
        assert_eq!(row[..], want[..], "{}", p.id());
    }

    // Areas, with their municipalities.
    let areas = sheet("圏域")?;
    assert_eq!(areas.len(), 2 + Region::COUNT);
    let mut municipalities = 0;
    for (row, r) in areas[2..].iter().zip(Region::ALL) {
        let names: Vec<&str> = r.municipalities().iter().map(|m| m.name()).collect();
        municipalities += names.len();
        let want = [
            r.code().to_string(),
            r.name_ja().to_string(),
            r.name_en().to_string(),
            r.kana().to_string(),
            names.join("、"),
            numbered(r.opinions(zaitaku_opinions::Theme::LocalSituation).len()),
            numbered(
                r.opinions(zaitaku_opinions::Theme::HospitalCollaboration)
                    .len(),
            ),
        ];
        assert_eq!(row[..], want[..], "{}", r.slug());
    }
    assert_eq!(municipalities, 62);

    // The codebook: every column of the other sheets, in Japanese and
    // English, with an origin; nothing else.
    let codebook = sheet("説明")?;
    let mut listed = Vec::new();
    for name in ["記録", "論点", "圏域"] {
        let s = sheet(name)?;
        for (ja, en) in s[0].iter().zip(&s[1]) {
            listed.push((name.to_string(), ja.clone(), en.clone()));
        }
    }
    let described: Vec<(String, String, String)> = codebook[2..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone(), r[2].clone()))
        .collect();
    assert_eq!(described, listed);
    for r in &codebook[2..] {
        assert!(
            ["source", "layout", "crate"].contains(&r[3].as_str()),
            "{r:?}"
        );
    }
    Ok(())
}
