//! The crate as a downstream user meets it: only the public API, written
//! the way a Rust user reaches for it (issue #10's list). Each of these
//! failed to compile or misbehaved in 0.1.

use std::collections::{BTreeSet, HashMap, HashSet};
use zaitaku_opinions::{
    counts, key_opinion, key_opinions, opinion, opinions, Category, KeyOpinion, MatchKind,
    Municipality, Opinion, OpinionId, Query, Record, RecordId, RecordKind, Region, Theme, Zone,
};

#[test]
fn records_go_in_sets_maps_and_sorted_vectors() {
    let set: HashSet<&Opinion> = opinions().iter().chain(opinions()).collect();
    assert_eq!(set.len(), 150);
    let ordered: BTreeSet<&Opinion> = opinions().iter().rev().collect();
    assert!(ordered
        .iter()
        .map(|o| o.id())
        .eq(opinions().iter().map(|o| o.id())));

    let mut keys: Vec<&KeyOpinion> = key_opinions().iter().rev().collect();
    keys.sort();
    assert!(keys
        .iter()
        .map(|k| k.id())
        .eq(key_opinions().iter().map(|k| k.id())));
    let by_key: HashMap<&KeyOpinion, usize> = key_opinions()
        .iter()
        .map(|k| (k, k.taken_from().len()))
        .collect();
    assert_eq!(by_key[key_opinion("t2-key-02-02").unwrap()], 3);

    // Records of both kinds sort in document order: per theme, its key
    // opinions, then its area opinions.
    let mut records: Vec<Record> = Query::new().iter().collect();
    let in_order = records.clone();
    records.reverse();
    records.sort();
    assert_eq!(records, in_order);
    let unique: HashSet<Record> = records.iter().copied().collect();
    assert_eq!(unique.len(), 204);
    assert!(records
        .windows(2)
        .all(|w| w[0].lines().last() < w[1].lines().first()));
}

#[test]
fn records_print_their_id_and_text() {
    let o = opinion("t1-kuchuobu-01").unwrap();
    assert_eq!(o.to_string(), format!("t1-kuchuobu-01: {}", o.text()));
    let k = key_opinion("t1-key-05-02").unwrap();
    assert_eq!(k.to_string(), format!("t1-key-05-02: {}", k.text()));
    assert_eq!(Record::from(k).to_string(), k.to_string());
    // Debug shows what a user can see, links as ids.
    let debug = format!("{o:?}");
    assert!(debug.contains("t1-kuchuobu-01") && !debug.contains("normalized"));
    assert!(format!("{k:?}").contains("taken_from"));
    // A query shows the query.
    let q = format!(
        "{:?}",
        Query::new().theme(Theme::LocalSituation).text("退院")
    );
    assert!(q.contains("LocalSituation") && q.contains("退院"), "{q}");
}

#[test]
fn a_record_answers_like_the_records_it_wraps() {
    for r in Query::new() {
        match r {
            Record::Area(o) => {
                assert_eq!(r.id(), RecordId::Area(o.id()));
                assert_eq!(
                    (r.theme(), r.category(), r.text()),
                    (o.theme(), o.category(), o.text())
                );
                assert_eq!(r.kind(), RecordKind::Area);
            }
            Record::Key(k) => {
                assert_eq!(r.id(), RecordId::Key(k.id()));
                assert_eq!(
                    (r.theme(), r.category(), r.text()),
                    (k.theme(), k.category(), k.text())
                );
                assert_eq!(r.kind(), RecordKind::Key);
            }
        }
        assert_eq!(r.id().record(), r);
        assert!(r.id().to_string().starts_with('t'));
    }
}

#[test]
fn enums_without_importing_strum() {
    assert_eq!(Region::COUNT, 13);
    assert_eq!(Category::COUNT, 14);
    assert_eq!(Theme::COUNT, 2);
    assert_eq!(Zone::COUNT, 3);
    assert_eq!(Region::iter().count(), Region::ALL.len());
    assert_eq!(Region::iter().next(), Some(Region::KuChuobu));
    assert_eq!(Theme::try_from(2u8), Ok(Theme::HospitalCollaboration));
    assert!(Theme::try_from(3u8).is_err());
    assert_eq!(Theme::from_number(1), Some(Theme::LocalSituation));
    assert_eq!(Theme::from_number(0), None);
    // MatchKind sorts; Zone prints.
    let kinds: BTreeSet<MatchKind> = key_opinions().iter().map(|k| k.match_kind()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), MatchKind::ALL);
    assert_eq!(Zone::Islands.to_string(), "島しょ");
    assert_eq!(Region::Tosho.zone().to_string(), "島しょ");
}

#[test]
fn names_that_are_right() {
    for name in ["くちゅうおうぶ", "Ku-Chūōbu", "区中央部", "kuchuobu"] {
        assert_eq!(name.parse::<Region>(), Ok(Region::KuChuobu), "{name}");
    }
    assert_eq!(Region::KuChuobu.kana(), "くちゅうおうぶ");
    assert_eq!(Region::KuChuobu.romaji(), "Ku-Chūōbu");
    assert_eq!(Region::KuChuobu.slug(), "ku-chuobu");
    for theme in Theme::ALL {
        for o in Region::KuChuobu.opinions(theme) {
            let id = o.id().to_string();
            assert!(
                id.starts_with(&format!("t{}-kuchuobu-", theme.number())),
                "{id}"
            );
        }
    }
    assert_eq!("島嶼".parse::<Region>(), Ok(Region::Tosho));
    assert_eq!("島嶼".parse::<Zone>(), Ok(Zone::Islands));
}

#[test]
fn ids_lead_to_their_records_without_strings() {
    for o in opinions() {
        let id: OpinionId = o.id();
        assert!(std::ptr::eq(id.opinion(), o));
        assert!(std::ptr::eq(
            RecordId::from(id).record().as_opinion().unwrap(),
            o
        ));
    }
    for k in key_opinions() {
        assert!(std::ptr::eq(k.id().key_opinion(), k));
    }
}

#[test]
fn counts_index_by_region_and_category() {
    let m = counts(Theme::HospitalCollaboration);
    assert_eq!(m[(Region::KuChuobu, Category::AdmissionDischarge)], 3);
    for r in Region::iter() {
        for c in Category::iter() {
            assert_eq!(usize::from(m[(r, c)]), m.get(r, c));
        }
    }
}

#[test]
fn municipalities_by_code_and_by_reading() {
    assert!(Municipality::from_code("港区").is_none());
    assert!(Municipality::from_code("北区").is_none());
    for name in ["はちおうじし", "ハチオウジ", "ﾊﾁｵｳｼﾞ市"] {
        assert_eq!(
            Municipality::from_name(name).map(|m| m.name()),
            Some("八王子市"),
            "{name}"
        );
    }
    let err = "ﾊﾁｵｳｼﾞ区".parse::<Municipality>().unwrap_err();
    let message = err.to_string();
    assert!(message.chars().count() < 200, "{message}");
    assert!(message.contains("八王子市"), "{message}");
}

/// `RecordId` parses every record's id and nothing else; `record(id)` finds
/// the same record as `opinion` or `key_opinion`.
#[test]
fn record_ids_parse_exactly_the_ids_of_records() {
    let mut seen = HashSet::new();
    for r in Query::new() {
        let s = r.id().to_string();
        let id: RecordId = s.parse().unwrap();
        assert_eq!(id, r.id());
        assert_eq!(id.record(), r);
        assert_eq!(zaitaku_opinions::record(&s), Some(r));
        assert!(seen.insert(id));
        let by_kind = opinion(&s)
            .map(Record::from)
            .or(key_opinion(&s).map(Record::from));
        assert_eq!(by_kind, Some(r));
    }
    assert_eq!(seen.len(), 204);
    let ids: Vec<RecordId> = "t2-kuseibu-04 t1-key-05-02"
        .split(' ')
        .map(str::parse)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids[0].to_string(), "t2-kuseibu-04");
    for miss in [
        "",
        "t1-kuchuobu-00",
        "t1-key-10-01",
        "T1-KUCHUOBU-01",
        "t1-tosho-01",
    ] {
        assert_eq!(zaitaku_opinions::record(miss), None, "{miss}");
        let err = miss.parse::<RecordId>().unwrap_err();
        assert_eq!((err.kind(), err.input()), ("record id", miss));
        assert_eq!(err.suggestions().len(), 3);
        assert!(err
            .suggestions()
            .iter()
            .all(|id| zaitaku_opinions::record(id).is_some()));
    }
}

#[cfg(feature = "serde")]
mod with_serde {
    use super::*;
    use zaitaku_opinions::Point;

    #[test]
    fn every_record_is_one_csv_row() {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut n = 0;
        for record in Query::new() {
            w.serialize(record.row()).unwrap();
            n += 1;
        }
        assert_eq!(n, 204);
        let bytes = w.into_inner().unwrap();
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        let headers = r.headers().unwrap().clone();
        assert_eq!(
            headers.iter().collect::<Vec<_>>(),
            [
                "id",
                "kind",
                "theme",
                "theme_ja",
                "theme_en",
                "region",
                "regions_ja",
                "regions_en",
                "category",
                "category_ja",
                "category_en",
                "text",
                "text_en",
                "taken_from",
                "first_line",
                "last_line",
                "points",
                "points_ja",
                "points_en",
            ]
        );
        let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 204);
        for (row, record) in rows.iter().zip(Query::new()) {
            let field = |name: &str| &row[column(name)];
            assert_eq!(field("id"), record.id().to_string());
            assert_eq!(field("kind"), record.kind().slug());
            assert_eq!(field("text"), record.text());
            assert_eq!(field("text_en"), record.text_en());
            assert_eq!(
                field("first_line").parse::<u32>().unwrap(),
                record.lines().first()
            );
            let points: Vec<&str> = record.points().map(|p| p.id()).collect();
            assert_eq!(field("points"), points.join(" "));
            // The names beside the slugs and ids, one for one.
            assert_eq!(field("theme_ja"), record.theme().name_ja());
            assert_eq!(field("theme_en"), record.theme().name_en());
            assert_eq!(field("category_ja"), record.category().name_ja());
            assert_eq!(field("category_en"), record.category().name_en());
            let regions: Vec<Region> = field("regions_ja")
                .split("; ")
                .map(|name| name.parse().unwrap())
                .collect();
            assert_eq!(regions, record.regions().collect::<Vec<_>>());
            let names_en: Vec<&str> = regions.iter().map(|r| r.name_en()).collect();
            assert_eq!(
                field("regions_en").split("; ").collect::<Vec<_>>(),
                names_en
            );
            let labels = |column: &str| field(column).split("; ").collect::<Vec<_>>();
            let points: Vec<&Point> = points
                .iter()
                .map(|id| Point::from_id(id).unwrap())
                .collect();
            assert_eq!(
                labels("points_ja"),
                points.iter().map(|p| p.label_ja()).collect::<Vec<_>>()
            );
            assert_eq!(
                labels("points_en"),
                points.iter().map(|p| p.label_en()).collect::<Vec<_>>()
            );
        }
        // As the document has them: 区中央部's first opinion on テーマ① under
        // 【医療資源等】, and the merged key opinion taken from three areas.
        let first = &rows[rows.iter().position(|r| &r[0] == "t1-kuchuobu-01").unwrap()];
        assert_eq!(
            &first[column("theme_ja")],
            "在宅療養に関する地域の現状・課題等について"
        );
        assert_eq!(&first[column("regions_ja")], "区中央部");
        assert_eq!(&first[column("category_ja")], "医療資源等");
        let merged = &rows[rows.iter().position(|r| &r[0] == "t2-key-02-02").unwrap()];
        assert_eq!(&merged[column("region")], "");
        assert_eq!(&merged[column("regions_ja")], "区中央部; 区南部; 区西北部");
        assert_eq!(&merged[column("theme_ja")], "地域と病院の連携について");
    }

    #[test]
    fn the_other_values_serialise() {
        let r = Record::from(opinion("t1-kuchuobu-01").unwrap());
        let json = serde_json::to_value(r).unwrap();
        assert_eq!(json["id"], "t1-kuchuobu-01");
        assert_eq!(json["kind"], "area");
        assert_eq!(serde_json::to_value(RecordKind::Key).unwrap(), "key");
        assert_eq!(serde_json::to_value(Zone::Tama).unwrap(), "tama");
        let matrix = serde_json::to_value(counts(Theme::LocalSituation)).unwrap();
        assert_eq!(matrix.as_array().map(Vec::len), Some(13));
        assert_eq!(matrix[10][4], 2); // 北多摩南部 × 24時間診療体制
        let o = opinion("t1-kuseinanbu-04").unwrap();
        let similar = serde_json::to_value(&o.similar()[0]).unwrap();
        assert_eq!(
            similar["opinion"],
            o.similar()[0].opinion().id().to_string()
        );
        assert!(similar["score"].as_f64().unwrap() >= 0.3);
        // And read back: ids and names through the one lookup.
        assert_eq!(
            serde_json::from_str::<Zone>("\"島嶼\"").unwrap(),
            Zone::Islands
        );
        assert_eq!(
            serde_json::from_str::<RecordKind>("\"area\"").unwrap(),
            RecordKind::Area
        );
        assert!(serde_json::from_str::<&'static Municipality>(r#"{"code":"港区"}"#).is_err());
    }
}
