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
