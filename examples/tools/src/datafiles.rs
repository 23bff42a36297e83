//! The data files in `docs/data/`: the dataset as tables for people who do
//! not write Rust (Excel, R, pandas), and a Frictionless Data Package,
//! `datapackage.json`, that describes them.
//!
//! - `records.csv`: every record as the crate's [`Row`], in document order,
//!   Excel-ready (UTF-8 with a byte-order mark, CRLF line ends): the same
//!   bytes as `cargo run --features serde --example export -- --format csv
//!   --excel`.
//! - `records.jsonl`: the same rows as JSON Lines (the export's `--format
//!   jsonl`).
//! - `record-points.csv`: which points each record was tagged with
//!   (the `points` column as one row per tag, so that it can be joined).
//! - `key-sources.csv`: which area opinions each key opinion was taken from
//!   (the `taken_from` column, one row per pair).
//! - `similar.csv`: for each area opinion, the other areas' opinions that
//!   make the same point ([`Opinion::similar`]), one row per pair.
//! - `points.csv`, `areas.csv`, `municipalities.csv`: the tables the ids
//!   join to.
//! - `zaitaku-opinions.xlsx`: a workbook for officials (Japanese headers,
//!   the text first, the copies marked, a codebook), written by
//!   rust_xlsxwriter with a fixed creation date so that its bytes are the
//!   same on every run.
//!
//! Every CSV is Excel-ready. Every field is described in English and
//! Japanese in `datapackage.json`, with its `origin`: `source` (東京都's
//! words, as printed in 資料３－２), `layout` (where the document puts a
//! record, read from its layout) or `crate` (not in 資料３－２: this
//! crate's ids, English, readings, points, matching and codes).
//!
//! [`Row`]: zaitaku_opinions::Row
//! [`Opinion::similar`]: zaitaku_opinions::Opinion::similar

use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::error::Error;
use zaitaku_opinions::{
    points, Category, Municipality, Query, Record, RecordKind, Region, Theme, SOURCE_SHA256,
};

/// The UTF-8 byte-order mark. Excel reads a CSV without it in the
/// system's legacy code page (CP932 in Japan) and garbles the Japanese.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The files, by name, in the order they are written.
pub type Files = Vec<(&'static str, Vec<u8>)>;

type Res<T> = Result<T, Box<dyn Error>>;

/// Where a field's values come from.
#[derive(Clone, Copy)]
enum Origin {
    /// 東京都's words, as printed in 資料３－２.
    Source,
    /// Where the document puts a record, read from its layout.
    Layout,
    /// Not in 資料３－２: this crate's ids, English, readings, points,
    /// matching and codes.
    Crate,
}

impl Origin {
    fn as_str(self) -> &'static str {
        match self {
            Origin::Source => "source",
            Origin::Layout => "layout",
            Origin::Crate => "crate",
        }
    }
}

/// A column: its name, Table Schema type, origin, and description in
/// English and in Japanese.
struct Field {
    name: &'static str,
    ty: &'static str,
    origin: Origin,
    en: &'static str,
    ja: &'static str,
}

const fn field(
    name: &'static str,
    ty: &'static str,
    origin: Origin,
    en: &'static str,
    ja: &'static str,
) -> Field {
    Field {
        name,
        ty,
        origin,
        en,
        ja,
    }
}

use Origin::{Crate, Layout, Source};

/// The columns of `records.csv`: the fields of the crate's `Row`, which
/// writes them. Every column the `Row` has must be described here, and
/// nothing else (checked when the files are written).
#[rustfmt::skip]
const RECORD_FIELDS: &[Field] = &[
    field("id", "string", Crate, "The record's stable id: `t1-kuchuobu-03` for an area opinion (theme, area, number in the area's list), `t1-key-05-02` for a key opinion (theme, row of the key-opinion page, number in the row). Assigned by this crate; it keeps identifying the same record after a data correction.", "記録の固定ID。地域の意見は `t1-kuchuobu-03`（テーマ・圏域・圏域内の番号）、主な意見は `t1-key-05-02`（テーマ・主な意見の行・行内の番号）。本クレートが付与したもので、データの訂正後も同じ記録を指す。"),
    field("kind", "string", Layout, "`area` for an area's opinion (from the table of the areas' opinions), `key` for a key opinion (主な意見).", "`area` は圏域の意見（各圏域の意見の表から）、`key` は主な意見。"),
    field("theme", "string", Layout, "The theme, as a slug: `local-situation` (テーマ① 在宅療養に関する地域の現状・課題等について) or `hospital-collaboration` (テーマ② 地域と病院の連携について).", "テーマ（スラッグ）。`local-situation` はテーマ①「在宅療養に関する地域の現状・課題等について」、`hospital-collaboration` はテーマ②「地域と病院の連携について」。"),
    field("theme_ja", "string", Source, "The theme's title in Japanese, as printed in 資料３－２.", "テーマの題名（資料３－２の表記のとおり）。"),
    field("theme_en", "string", Crate, "The theme's title in English (this crate's).", "テーマの題名の英語（本クレートによるもの）。"),
    field("region", "string", Layout, "The secondary medical care area (二次保健医療圏) that gave the opinion, as a slug (see `areas.csv`); empty for a key opinion.", "意見を出した二次保健医療圏（スラッグ。`areas.csv` を参照）。主な意見では空欄。"),
    field("regions_ja", "string", Crate, "The Japanese names of the areas the record speaks for, separated by `; `: an area opinion's own area (as printed), or the areas of the area opinions a key opinion was taken from (this crate's matching), in the official order.", "記録が代表する圏域の名称（`; ` 区切り）。地域の意見ではその圏域（資料の表記）、主な意見では元になった地域の意見の圏域（本クレートの対応付けによる）。公式の順。"),
    field("regions_en", "string", Crate, "The same areas' English names (this crate's), in the same order, separated by `; `.", "同じ圏域の英語名（本クレートによるもの）。同じ順、`; ` 区切り。"),
    field("category", "string", Layout, "The category heading (【…】) the opinion is under, as a slug; a key opinion's is its row's.", "意見が置かれた分類見出し（【…】）のスラッグ。主な意見ではその行の分類。"),
    field("category_ja", "string", Source, "The category's name in Japanese, from its headings (【…】) in 資料３－２; where the headings spell it two ways, one of them.", "分類の名称。資料３－２の見出し（【…】）から。見出しの表記が二通りある分類はその一方。"),
    field("category_en", "string", Crate, "The category's name in English (this crate's).", "分類の名称の英語（本クレートによるもの）。"),
    field("text", "string", Source, "The opinion's text, verbatim from 資料３－２: wrapped lines joined with no space, the bullet (○) removed, nothing else changed.", "意見の本文。資料３－２のとおり（折り返しの改行を詰めて結合し、行頭の ○ を除いたほかは無変更）。"),
    field("text_en", "string", Crate, "The text in English: an unofficial translation by this crate's authors, not by 東京都. Quote the Japanese when it matters.", "本文の英訳。本クレートの作者による非公式の翻訳であり、東京都によるものではない。"),
    field("taken_from", "string", Crate, "For a key opinion, the ids of the area opinions it was taken from, main one first, separated by a space (this crate's matching, also in `key-sources.csv`); empty for an area opinion.", "主な意見について、その元になった地域の意見のID（主なものが先頭、空白区切り）。本クレートによる対応付けで、`key-sources.csv` にも同じ内容がある。地域の意見では空欄。"),
    field("first_line", "integer", Layout, "The first line of the record in the source file `data/shiryo-3-2.txt` (1-based).", "原資料のテキスト `data/shiryo-3-2.txt` における記録の最初の行（1 始まり）。"),
    field("last_line", "integer", Layout, "The last line of the record in `data/shiryo-3-2.txt` (1-based, inclusive).", "`data/shiryo-3-2.txt` における記録の最後の行（1 始まり、その行を含む）。"),
    field("points", "string", Crate, "The ids of the points (論点) the record was tagged with, main point first, separated by a space (see `points.csv` and `record-points.csv`). This crate's reading of the document, not 東京都's classification.", "記録に付けた論点のID（主な論点が先頭、空白区切り。`points.csv`・`record-points.csv` を参照）。本クレートによる資料の読み取りであり、東京都の分類ではない。"),
    field("points_ja", "string", Crate, "The points' Japanese labels (this crate's), in the same order, separated by `; `.", "論点の日本語の見出し（本クレートによるもの）。同じ順、`; ` 区切り。"),
    field("points_en", "string", Crate, "The points' English labels (this crate's), in the same order, separated by `; `.", "論点の英語の見出し（本クレートによるもの）。同じ順、`; ` 区切り。"),
];

#[rustfmt::skip]
const RECORD_POINT_FIELDS: &[Field] = &[
    field("record", "string", Crate, "A record's id (see `records.csv`).", "記録のID（`records.csv` を参照）。"),
    field("point", "string", Crate, "The id of a point the record was tagged with (see `points.csv`): this crate's reading, not 東京都's.", "記録に付けた論点のID（`points.csv` を参照）。本クレートによる読み取りであり、東京都によるものではない。"),
    field("rank", "integer", Crate, "The point's place among the record's points: 1 for the main point.", "記録の論点の中での順位。1 が主な論点。"),
];

#[rustfmt::skip]
const KEY_SOURCE_FIELDS: &[Field] = &[
    field("key", "string", Crate, "A key opinion's id (see `records.csv`).", "主な意見のID（`records.csv` を参照）。"),
    field("source", "string", Crate, "The id of an area opinion the key opinion was taken from: this crate's matching of the texts, not stated by 東京都.", "主な意見の元になった地域の意見のID。本文の照合による本クレートの対応付けであり、東京都が示したものではない。"),
    field("rank", "integer", Crate, "1 for the main source (the most similar text), then the others.", "1 が主な出典（最も近い本文）、以下その他。"),
];

#[rustfmt::skip]
const SIMILAR_FIELDS: &[Field] = &[
    field("opinion", "string", Crate, "An area opinion's id (see `records.csv`).", "地域の意見のID（`records.csv` を参照）。"),
    field("similar", "string", Crate, "The id of another area's opinion that makes the same point: it shares at least one of the opinion's points. This crate's reading, not 東京都's.", "同じ論点を述べた他の圏域の意見のID（論点を 1 つ以上共有する）。本クレートの読み取りであり、東京都によるものではない。"),
    field("rank", "integer", Crate, "1 for the most similar: more shared points first, then the higher score.", "類似の順位。共有する論点が多いものが先、同数なら score の高いものが先。"),
    field("shared_points", "string", Crate, "The ids of the points the two share, separated by a space (see `points.csv`).", "両者が共有する論点のID（空白区切り。`points.csv` を参照）。"),
    field("score", "number", Crate, "How alike the two texts are, from 0 to 1: the Dice coefficient of their character-bigram multisets after NFKC. It only orders opinions that share as many points.", "本文の近さ（0〜1）。NFKC 正規化後の文字バイグラム多重集合のダイス係数。共有する論点の数が同じ意見の順序付けにのみ用いる。"),
];

#[rustfmt::skip]
const POINT_FIELDS: &[Field] = &[
    field("id", "string", Crate, "The point's stable id: lower-case ASCII words joined by hyphens.", "論点の固定ID（小文字の英単語をハイフンで結んだもの）。"),
    field("label_ja", "string", Crate, "A short label in Japanese, in the document's own words where it has them (this crate's).", "日本語の短い見出し。できるだけ資料の言葉を用いた、本クレートによるもの。"),
    field("label_en", "string", Crate, "The label in English (this crate's).", "見出しの英語（本クレートによるもの）。"),
    field("description", "string", Crate, "One line in English on what belongs to the point and what does not (this crate's).", "その論点に含まれるもの・含まれないものを述べた英語の一文（本クレートによるもの）。"),
    field("description_ja", "string", Crate, "The same in Japanese (this crate's, like the English).", "同じ内容の日本語（英語と同じく本クレートによるもの）。"),
    field("regions", "string", Crate, "The slugs of the areas that raised the point (gave an opinion tagged with it), in the official order, separated by a space.", "その論点を挙げた（その論点を付けた意見を出した）圏域のスラッグ。公式の順、空白区切り。"),
    field("opinions", "integer", Crate, "How many area opinions are tagged with the point.", "その論点を付けた地域の意見の数。"),
];

#[rustfmt::skip]
const AREA_FIELDS: &[Field] = &[
    field("slug", "string", Crate, "The area's slug, as in the `region` column of `records.csv`: `ku-chuobu`.", "圏域のスラッグ。`records.csv` の `region` 列と同じ（例：`ku-chuobu`）。"),
    field("code", "string", Crate, "The four-digit secondary medical care area code (二次医療圏コード): `1301` for 区中央部 … `1313` for 島しょ. Not in 資料３－２.", "二次医療圏コード（4 桁。区中央部 `1301` … 島しょ `1313`）。資料３－２には載っていない。"),
    field("name_ja", "string", Source, "The area's name, as printed in 資料３－２. 島しょ (the islands) is not in 資料３－２, which has no opinions from it; this crate lists it so that every municipality has its area.", "圏域の名称。資料３－２の表記のとおり。島しょは資料３－２に載っていない（意見がない）が、すべての区市町村が圏域に結び付くよう本クレートが加えた。"),
    field("name_en", "string", Crate, "The area's name in English, e.g. `Central wards` (this crate's).", "圏域の英語名（例：`Central wards`。本クレートによるもの）。"),
    field("kana", "string", Crate, "The reading in hiragana (this crate's).", "読み（ひらがな。本クレートによるもの）。"),
    field("romaji", "string", Crate, "A romanised name with macrons, e.g. `Ku-Chūōbu` (this crate's, not official).", "長音記号付きのローマ字表記（例：`Ku-Chūōbu`。本クレートによるもので公式ではない）。"),
    field("description", "string", Crate, "A plain English description: where the area is and its municipalities (this crate's).", "圏域の位置と構成区市町村を述べた英語の説明（本クレートによるもの）。"),
    field("zone", "string", Crate, "The part of Tokyo the area lies in, in Japanese: 区部, 多摩 or 島しょ.", "圏域が属する地域：区部・多摩・島しょ。"),
    field("opinions_theme1", "integer", Layout, "How many opinions the area gave on テーマ①.", "テーマ①についてその圏域が出した意見の数。"),
    field("opinions_theme2", "integer", Layout, "How many opinions the area gave on テーマ②.", "テーマ②についてその圏域が出した意見の数。"),
];

#[rustfmt::skip]
const MUNICIPALITY_FIELDS: &[Field] = &[
    field("code", "string", Crate, "The 6-digit local-government code (全国地方公共団体コード), check digit included: `131016` for 千代田区.", "全国地方公共団体コード（6 桁、検査数字を含む。千代田区は `131016`）。"),
    field("jis_code", "string", Crate, "The 5-digit JIS X 0402 code: the 6-digit code without its check digit.", "JIS X 0402 の 5 桁のコード（6 桁のコードから検査数字を除いたもの）。"),
    field("name_ja", "string", Crate, "The municipality's name: 世田谷区.", "区市町村名（例：世田谷区）。"),
    field("reading", "string", Crate, "The reading in hiragana (this crate's, not official).", "読み（ひらがな。本クレートによるもので公式ではない）。"),
    field("romaji", "string", Crate, "The romanised name without the kind, with macrons: `Chūō` (this crate's, not official).", "種別を除いた名称のローマ字表記（長音記号付き。例：`Chūō`。本クレートによるもので公式ではない）。"),
    field("slug", "string", Crate, "An ASCII slug: `chuo-ku`, `hachioji-shi`.", "ASCII のスラッグ（例：`chuo-ku`、`hachioji-shi`）。"),
    field("kind", "string", Crate, "区 (special ward), 市 (city), 町 (town) or 村 (village).", "区・市・町・村の別。"),
    field("region", "string", Crate, "The slug of the secondary medical care area it belongs to (see `areas.csv`), the join from municipal data to the opinions.", "属する二次保健医療圏のスラッグ（`areas.csv` を参照）。区市町村別のデータと意見とを結ぶ列。"),
];

/// A CSV writer for Excel: the byte-order mark, CRLF line ends and every
/// field in double quotes (the export example's `--excel`). The quotes are
/// for LibreOffice, whose import splits on comma, tab *and* semicolon by
/// default: a list joined by `; ` left unquoted would shift the columns.
/// Excel, LibreOffice, pandas, R and frictionless read `"204"` as 204.
fn excel_csv() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(BOM.to_vec())
}

fn finish(w: csv::Writer<Vec<u8>>) -> Res<Vec<u8>> {
    Ok(w.into_inner().map_err(|e| e.to_string())?)
}

/// A table of strings: a header, then rows.
fn table(fields: &[Field], rows: impl IntoIterator<Item = Vec<String>>) -> Res<Vec<u8>> {
    let mut w = excel_csv();
    w.write_record(fields.iter().map(|f| f.name))?;
    for row in rows {
        if row.len() != fields.len() {
            return Err(format!("a row of {} cells for {} fields", row.len(), fields.len()).into());
        }
        w.write_record(&row)?;
    }
    finish(w)
}

fn records_csv() -> Res<Vec<u8>> {
    let mut w = excel_csv();
    for record in Query::new() {
        w.serialize(record.row())?;
    }
    let bytes = finish(w)?;
    // The columns are the Row's: each must be described, in order.
    let header = csv::Reader::from_reader(&bytes[BOM.len()..])
        .headers()?
        .clone();
    let described: Vec<&str> = RECORD_FIELDS.iter().map(|f| f.name).collect();
    let written: Vec<&str> = header.iter().collect();
    if written != described {
        return Err(format!(
            "Row's columns {written:?} are not the described ones {described:?}: describe each in RECORD_FIELDS"
        )
        .into());
    }
    Ok(bytes)
}

fn records_jsonl() -> Res<Vec<u8>> {
    let mut out = Vec::new();
    for record in Query::new() {
        serde_json::to_writer(&mut out, &record)?;
        out.push(b'\n');
    }
    Ok(out)
}

fn record_points() -> Res<Vec<u8>> {
    let rows = Query::new().into_iter().flat_map(|record: Record| {
        record.points().enumerate().map(move |(i, p)| {
            vec![
                record.id().to_string(),
                p.id().to_string(),
                (i + 1).to_string(),
            ]
        })
    });
    table(RECORD_POINT_FIELDS, rows)
}

fn key_sources() -> Res<Vec<u8>> {
    let rows = Theme::ALL
        .iter()
        .flat_map(|t| t.key_opinions())
        .flat_map(|k| {
            k.taken_from().iter().enumerate().map(move |(i, o)| {
                vec![k.id().to_string(), o.id().to_string(), (i + 1).to_string()]
            })
        });
    table(KEY_SOURCE_FIELDS, rows)
}

fn similar_csv() -> Res<Vec<u8>> {
    let rows = Theme::ALL.iter().flat_map(|t| t.opinions()).flat_map(|o| {
        o.similar().iter().enumerate().map(move |(i, s)| {
            let shared: Vec<&str> = s.shared_points().map(|p| p.id()).collect();
            vec![
                o.id().to_string(),
                s.opinion().id().to_string(),
                (i + 1).to_string(),
                shared.join(" "),
                s.score().to_string(),
            ]
        })
    });
    table(SIMILAR_FIELDS, rows)
}

fn slugs(regions: &[Region]) -> String {
    regions
        .iter()
        .map(|r| r.slug())
        .collect::<Vec<_>>()
        .join(" ")
}

fn points_csv() -> Res<Vec<u8>> {
    let rows = points().iter().map(|p| {
        vec![
            p.id().to_string(),
            p.label_ja().to_string(),
            p.label_en().to_string(),
            p.description().to_string(),
            p.description_ja().to_string(),
            slugs(p.regions()),
            p.opinions().len().to_string(),
        ]
    });
    table(POINT_FIELDS, rows)
}

fn areas_csv() -> Res<Vec<u8>> {
    let rows = Region::ALL.iter().map(|&r| {
        vec![
            r.slug().to_string(),
            r.code().to_string(),
            r.name_ja().to_string(),
            r.name_en().to_string(),
            r.kana().to_string(),
            r.romaji().to_string(),
            r.description().to_string(),
            r.zone().name_ja().to_string(),
            r.opinions(Theme::LocalSituation).len().to_string(),
            r.opinions(Theme::HospitalCollaboration).len().to_string(),
        ]
    });
    table(AREA_FIELDS, rows)
}

fn municipalities_csv() -> Res<Vec<u8>> {
    let rows = Municipality::all().iter().map(|m| {
        vec![
            m.code().to_string(),
            m.jis_code().to_string(),
            m.name().to_string(),
            m.reading().to_string(),
            m.romaji().to_string(),
            m.slug().to_string(),
            m.kind().name_ja().to_string(),
            m.region().slug().to_string(),
        ]
    });
    table(MUNICIPALITY_FIELDS, rows)
}

/// A Table Schema field; `values`, when given, is the only values allowed.
fn schema_field(f: &Field, values: Option<&Vec<Value>>) -> Value {
    let mut v = json!({
        "name": f.name,
        "type": f.ty,
        "description": format!("{}\n{}", f.en, f.ja),
        "origin": f.origin.as_str(),
    });
    if let Some(values) = values {
        v["constraints"] = json!({ "enum": values });
    }
    v
}

/// The values a closed set is written as, by serde (as in the records).
fn enum_of<T: serde::Serialize>(all: &[T]) -> Res<Vec<Value>> {
    Ok(all
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()?)
}

/// A Table Schema; `enums` gives the values some fields are limited to.
fn schema(
    fields: &[Field],
    primary_key: &[&str],
    foreign_keys: Value,
    enums: &[(&str, Vec<Value>)],
) -> Value {
    let fields: Vec<Value> = fields
        .iter()
        .map(|f| {
            let values = enums
                .iter()
                .find(|(name, _)| *name == f.name)
                .map(|(_, v)| v);
            schema_field(f, values)
        })
        .collect();
    let mut schema = json!({
        "fields": fields,
        "primaryKey": primary_key,
        "missingValues": [""],
    });
    if foreign_keys.as_array().is_some_and(|a| !a.is_empty()) {
        schema["foreignKeys"] = foreign_keys;
    }
    schema
}

/// A file's digest as a Data Package `hash`, so that a download can be
/// checked (the validator does).
fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

fn foreign_key(field: &str, resource: &str, to: &str) -> Value {
    json!({ "fields": field, "reference": { "resource": resource, "fields": to } })
}

fn csv_resource(name: &str, title: &str, description: &str, bytes: &[u8], schema: Value) -> Value {
    json!({
        "name": name,
        "path": format!("{name}.csv"),
        "title": title,
        "description": description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": bytes.len(),
        "hash": sha256(bytes),
        "dialect": { "delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true },
        "schema": schema,
    })
}

/// 資料３－２, as far as it is known.
fn source_tokyo() -> Value {
    json!({
        "title": "東京都「資料３－２」 (Tokyo Metropolitan Government, 資料３－２), on home medical care (在宅療養)",
        "publisher": "東京都 (Tokyo Metropolitan Government)",
        "date": "not known: the document names no meeting, date or author, and this crate knows none",
        "description": format!("The opinions' text, the themes' and categories' names and the areas' names (fields with origin `source`), and the layout the fields with origin `layout` are read from. Its text layer is reproduced unchanged in the crate as data/shiryo-3-2.txt (sha256 {SOURCE_SHA256}). The text layer prints only the label 資料 ３－２: no publisher's name, meeting, date or URL; many 東京都 meetings have a 資料３－２. Cite it as 出典：東京都「資料３－２」.\n出典：東京都「資料３－２」。会議名・日付・URL は資料に記載がなく不明。テキストは無加工で収録。"),
    })
}

/// 総務省's municipality codes.
fn source_soumu() -> Value {
    json!({
        "title": "総務省「全国地方公共団体コード」 (local government codes)",
        "publisher": "総務省 (Ministry of Internal Affairs and Communications)",
        "description": "The municipalities' 6-digit codes (with check digit), the 5-digit JIS X 0402 codes, their names and kinds (区・市・町・村), in municipalities.csv. The readings and romanisations are this crate's.\n区市町村のコード・名称・種別。読み・ローマ字は本クレートによるもの。",
    })
}

/// 東京都's health care plan: which municipalities make up each area.
fn source_plan() -> Value {
    json!({
        "title": "東京都保健医療計画: 二次保健医療圏 (Tokyo's health care plan: its secondary medical care areas)",
        "publisher": "東京都 (Tokyo Metropolitan Government)",
        "description": "Tokyo's 13 secondary medical care areas, 島しょ included, and which municipalities make up each (municipalities.csv `region`, areas.csv). Not in 資料３－２. The area codes 1301–1313, slugs, English names, readings and descriptions are this crate's.\n二次保健医療圏とその構成区市町村。資料３－２には載っていない。",
    })
}

/// 東京都's terms, which this crate can name but not link or quote.
fn terms_tokyo() -> Value {
    json!({
        "name": "notspecified",
        "title": "東京都's terms for its publications, for 東京都's text (fields with origin `source`): 資料３－２ states no licence, and no URL of the document or of the terms that apply to it is known to this crate. It is not licensed by this crate; check 東京都's terms before reusing the text. 東京都の著作物であり、本クレートのライセンスの対象外。",
    })
}

/// 総務省's and 東京都's official data, copied.
fn terms_official() -> Value {
    json!({
        "name": "notspecified",
        "title": "The codes, names and kinds (総務省) and the assignment of municipalities to areas (東京都保健医療計画) are official data, under their publishers' terms; not licensed by this crate.",
    })
}

fn mit() -> Value {
    json!({ "name": "MIT", "path": "https://spdx.org/licenses/MIT.html", "title": "MIT License, or Apache-2.0 at your choice (the crate's licence): for what this crate added, the fields with origin `crate` (ids, English, readings, points, links, codes). It does not cover 東京都's text (origin `source`)." })
}

fn apache() -> Value {
    json!({ "name": "Apache-2.0", "path": "https://spdx.org/licenses/Apache-2.0.html", "title": "Apache License 2.0, or MIT at your choice: for what this crate added (origin `crate`). Not for 東京都's text." })
}

const PACKAGE_DESCRIPTION: &str = "\
Every opinion of 東京都's 資料３－２ on home medical care (在宅療養): what each of Tokyo's secondary medical care areas (二次保健医療圏) said on テーマ① 在宅療養に関する地域の現状・課題等について and テーマ② 地域と病院の連携について, by category, and the key opinions (主な意見) selected from them; as tables, written by the Rust crate zaitaku_opinions from the document's text layer.

Each field says where it comes from (`origin`): `source` is 東京都's words as printed in 資料３－２ (the opinions' text, the areas' names); `layout` is where the document puts a record (its kind, theme, area, category, lines), read from the document's layout; `crate` is not in 資料３－２ but added by this crate: the ids and slugs, the English translation, the readings and romanisations, the points (論点) and the tags that put records under them, the similar opinions, the matching of each key opinion to the area opinions it was taken from, the area and municipality codes and the descriptions. Present the `crate` fields as this crate's reading, not as 東京都's.

The CSV files are UTF-8 with a byte-order mark and CRLF line ends, so that Excel (Japanese Excel included) opens them with the Japanese intact; R, pandas and csvkit read them as UTF-8 (`encoding = \"utf-8-sig\"` in Python).

東京都の資料３－２（在宅療養について、各二次保健医療圏がテーマ①・テーマ②について述べた意見と、そこから選ばれた主な意見）の全意見を表にしたもの。Rust クレート zaitaku_opinions が資料のテキストから作成した。各列の `origin` は出所を示す：`source` は資料３－２に印刷された東京都の言葉、`layout` は資料の構成から読み取った位置（種別・テーマ・圏域・分類・行）、`crate` は資料３－２にはなく本クレートが加えたもの（ID・スラッグ、英訳、読み・ローマ字、論点とその付与、類似の意見、主な意見と地域の意見の対応付け、コード、説明）。`crate` の列は東京都のものではなく本クレートの読み取りとして示すこと。CSV は BOM 付き UTF-8・CRLF で、Excel でそのまま開ける。";

/// The README's first sections: the counts (from the crate), the
/// duplicated key opinions, a quick start, validation, licence and
/// citation.
fn guide() -> String {
    let opinions = zaitaku_opinions::opinions();
    let keys = zaitaku_opinions::key_opinions();
    let per_theme: Vec<String> = Theme::ALL
        .iter()
        .map(|t| {
            format!(
                "{} {}: {} area opinions and {} key opinions",
                t.marker(),
                t.name_en(),
                t.opinions().len(),
                t.key_opinions().len()
            )
        })
        .collect();
    let copies = keys
        .iter()
        .filter(|k| k.taken_from().first().is_some_and(|o| o.text() == k.text()))
        .count();
    let areas_with = Region::ALL
        .iter()
        .filter(|r| Theme::ALL.iter().any(|&t| !r.opinions(t).is_empty()))
        .count();
    format!(
        "## Counts\n\n\
         {records} records: {area} area opinions (地域の意見) and {key} key opinions (主な意見); {themes}. \
         {areas_with} of Tokyo's {regions} secondary medical care areas gave opinions (島しょ gave none; `areas.csv` lists all {regions}). \
         {municipalities} municipalities, {points} points (論点).\n\n\
         ## For Excel: `zaitaku-opinions.xlsx`\n\n\
         A workbook for reading and filtering: sheet 記録 (the records: Japanese headers in row 1, English in row 2, the text \
         in column A, a key opinion's areas filled in from its sources, and the column 地域の意見の写し marking with ○ the key \
         opinions, which repeat area opinions), 説明 (every column of the other sheets in Japanese and English, with its origin), \
         論点 (the points) and 圏域 (the areas and their municipalities). It is not a resource of `datapackage.json` \
         (validating it would need `frictionless[excel]`); its cells are the same data as the CSV files.\n\n\
         ## Key opinions repeat area opinions: count without them\n\n\
         A key opinion is one of the area opinions, selected onto the document's summary page: {copies} of the {key} key opinions \
         have exactly their main source's text; the others were matched to theirs by this crate (`taken_from`). Counting all {records} rows counts those opinions twice. \
         To count what the areas said, keep the rows with `kind` = `area` ({area}); to find the key opinions, `kind` = `key`, \
         with `taken_from` (or `key-sources.csv`) giving the area opinions each was taken from. A key opinion's `region` is empty \
         (the document gives it no area); its areas, from its sources, are in `regions_ja`/`regions_en`.\n\n\
         ## Quick start\n\n\
         The CSV files are UTF-8 with a byte-order mark, CRLF line ends and every field in double quotes (so that no spreadsheet, \
         LibreOffice's default import included, which also splits on `;`, can shift a column). Lists are joined by a space (ids) \
         or by `; ` (names). Opinions per area, in Python (pandas):\n\n\
         ```python\n\
         import pandas as pd\n\
         records = pd.read_csv(\"records.csv\", encoding=\"utf-8-sig\", dtype=str)\n\
         areas = pd.read_csv(\"areas.csv\", encoding=\"utf-8-sig\", dtype=str)\n\
         opinions = records[records[\"kind\"] == \"area\"]  # without the key opinions, which repeat them\n\
         print(opinions.merge(areas, left_on=\"region\", right_on=\"slug\").groupby(\"name_en\").size())\n\
         ```\n\n\
         In R:\n\n\
         ```r\n\
         records <- read.csv(\"records.csv\", fileEncoding = \"UTF-8-BOM\", colClasses = \"character\")\n\
         areas <- read.csv(\"areas.csv\", fileEncoding = \"UTF-8-BOM\", colClasses = \"character\")\n\
         opinions <- subset(records, kind == \"area\")  # without the key opinions, which repeat them\n\
         m <- merge(opinions, areas, by.x = \"region\", by.y = \"slug\")\n\
         print(table(m$name_en))\n\
         ```\n\n\
         ## Validating\n\n\
         `pip install \"frictionless[json]\"`, then `frictionless validate datapackage.json` (types, keys, foreign keys, \
         sizes and SHA-256 of every file). The `[json]` extra is needed: with a plain `pip install frictionless` the JSON Lines \
         resource fails with the misleading message `Please install \"frictionless\"`.\n\n\
         ## Licence, sources and citation\n\n\
         The opinions' text and the names with origin `source` are 東京都's, from 東京都「資料３－２」, and are **not** licensed by \
         this crate: their use is subject to 東京都's terms for its publications. The document's text layer names no meeting, \
         date, author or URL, and none is known to this crate. The municipality codes are 総務省's 全国地方公共団体コード, the \
         areas and their municipalities 東京都's health care plan (東京都保健医療計画). What this crate added (origin `crate`: ids, \
         the unofficial English, readings, points, links, codes) is MIT OR Apache-2.0. `datapackage.json` gives each file's \
         sources and licences. Cite the source as 出典：東京都「資料３－２」, and the data as `CITATION.cff` at the repository's \
         root says (zaitaku_opinions {version}); `CHANGELOG.md` lists the data corrections.\n\n",
        records = opinions.len() + keys.len(),
        area = opinions.len(),
        key = keys.len(),
        themes = per_theme.join("; "),
        regions = Region::COUNT,
        municipalities = Municipality::all().len(),
        points = points().len(),
        version = env!("CARGO_PKG_VERSION"),
    )
}

/// `README.md`: the data package for a reader on a forge, from the same
/// descriptions: each file, and each field's type, origin and meaning in
/// English and Japanese.
fn codebook(package: &Value) -> String {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let mut md = String::from(
        "<!-- @generated by `cargo run -p zaitaku_tools --bin datafiles` from the crate; do not edit. -->\n\n",
    );
    md += &format!("# {}\n\n", text(&package["title"]));
    for paragraph in text(&package["description"]).split("\n\n") {
        md += &format!("{paragraph}\n\n");
    }
    md += &guide();
    md += "The tables below are made from `datapackage.json`, a Frictionless Data Package that \
           describes the same files for programs (`frictionless validate datapackage.json`).\n";
    for resource in package["resources"].as_array().into_iter().flatten() {
        md += &format!(
            "\n## `{}`: {}\n\n",
            text(&resource["path"]),
            text(&resource["title"])
        );
        md += &format!(
            "{}\n\n",
            text(&resource["description"]).replace('\n', "  \n")
        );
        md += "| field | type | origin | meaning | 意味 |\n|---|---|---|---|---|\n";
        for field in resource["schema"]["fields"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let description = text(&field["description"]);
            let (en, ja) = description.split_once('\n').unwrap_or((&description, ""));
            md += &format!(
                "| `{}` | {} | {} | {} | {} |\n",
                text(&field["name"]),
                text(&field["type"]),
                text(&field["origin"]),
                en.replace('|', "\\|"),
                ja.replace('|', "\\|"),
            );
        }
    }
    md
}

/// Every file of `docs/data/`, by name: the tables, `datapackage.json`,
/// and a `README.md` made from it.
pub fn render() -> Res<Files> {
    let records = records_csv()?;
    let jsonl = records_jsonl()?;
    let record_points = record_points()?;
    let key_sources = key_sources()?;
    let similar = similar_csv()?;
    let points = points_csv()?;
    let areas = areas_csv()?;
    let municipalities = municipalities_csv()?;

    let enums = [
        ("kind", enum_of(&RecordKind::ALL)?),
        ("theme", enum_of(&Theme::ALL)?),
        ("category", enum_of(&Category::ALL)?),
    ];
    let records_schema = |fks: Value| schema(RECORD_FIELDS, &["id"], fks, &enums);
    let resources = vec![
        csv_resource(
            "records",
            "Records (opinions and key opinions) / 意見と主な意見",
            "Every record in document order, one row each: the crate's `Row`.\n全記録（資料の順、1 行 1 記録）。",
            &records,
            records_schema(json!([foreign_key("region", "areas", "slug")])),
        ),
        json!({
            "name": "records-jsonl",
            "path": "records.jsonl",
            "title": "Records as JSON Lines / 記録（JSON Lines）",
            "description": "The same rows as `records.csv`, one JSON object a line (`region` is null for a key opinion).\n`records.csv` と同じ行を 1 行 1 つの JSON オブジェクトで記したもの。",
            "profile": "tabular-data-resource",
            "format": "jsonl",
            "mediatype": "application/jsonl",
            "encoding": "utf-8",
            "bytes": jsonl.len(),
            "hash": sha256(&jsonl),
            "schema": records_schema(json!([])),
        }),
        csv_resource(
            "record-points",
            "Points of each record / 記録と論点の対応",
            "The `points` column of `records.csv`, one row per record and point (this crate's reading).\n`records.csv` の `points` 列を 1 行 1 組にしたもの（本クレートの読み取り）。",
            &record_points,
            schema(
                RECORD_POINT_FIELDS,
                &["record", "point"],
                json!([foreign_key("record", "records", "id"), foreign_key("point", "points", "id")]),
                &[],
            ),
        ),
        csv_resource(
            "key-sources",
            "Area opinions each key opinion was taken from / 主な意見の元になった地域の意見",
            "The `taken_from` column of `records.csv`, one row per pair (this crate's matching).\n`records.csv` の `taken_from` 列を 1 行 1 組にしたもの（本クレートの対応付け）。",
            &key_sources,
            schema(
                KEY_SOURCE_FIELDS,
                &["key", "source"],
                json!([foreign_key("key", "records", "id"), foreign_key("source", "records", "id")]),
                &[],
            ),
        ),
        csv_resource(
            "similar",
            "Similar opinions / 類似の意見",
            "For each area opinion, the other areas' opinions that make the same point, most similar first (this crate's reading, from the points).\n各地域の意見について、同じ論点を述べた他の圏域の意見（類似の高い順。論点に基づく本クレートの読み取り）。",
            &similar,
            schema(
                SIMILAR_FIELDS,
                &["opinion", "similar"],
                json!([foreign_key("opinion", "records", "id"), foreign_key("similar", "records", "id")]),
                &[],
            ),
        ),
        csv_resource(
            "points",
            "Points (論点) / 論点",
            "The points the records are tagged with: this crate's reading of the document, not 東京都's classification.\n記録に付けた論点。本クレートによる資料の読み取りであり、東京都の分類ではない。",
            &points,
            schema(POINT_FIELDS, &["id"], json!([]), &[]),
        ),
        csv_resource(
            "areas",
            "Secondary medical care areas / 二次保健医療圏",
            "Tokyo's 13 secondary medical care areas (島しょ gave no opinions in 資料３－２).\n東京都の 13 の二次保健医療圏（島しょは資料３－２に意見なし）。",
            &areas,
            schema(AREA_FIELDS, &["slug"], json!([]), &[]),
        ),
        csv_resource(
            "municipalities",
            "Municipalities / 区市町村",
            "Tokyo's 62 municipalities and the area each belongs to: the join from municipal data to the opinions.\n東京都の 62 区市町村と属する圏域。区市町村別のデータと意見とを結ぶ表。",
            &municipalities,
            schema(
                MUNICIPALITY_FIELDS,
                &["code"],
                json!([foreign_key("region", "areas", "slug")]),
                &[],
            ),
        ),
    ];

    // Each resource's own sources and licences: whose facts it holds.
    let mut resources = resources;
    for resource in &mut resources {
        let (sources, licenses) = match resource["name"].as_str() {
            Some("records" | "records-jsonl") => {
                (vec![source_tokyo()], vec![terms_tokyo(), mit(), apache()])
            }
            Some("areas") => (
                vec![source_tokyo(), source_plan()],
                vec![terms_tokyo(), mit(), apache()],
            ),
            Some("municipalities") => (
                vec![source_soumu(), source_plan()],
                vec![terms_official(), mit(), apache()],
            ),
            // The crate's reading of the document: its ids, points, links.
            _ => (vec![source_tokyo()], vec![mit(), apache()]),
        };
        resource["sources"] = json!(sources);
        resource["licenses"] = json!(licenses);
    }

    let package = json!({
        "profile": "tabular-data-package",
        "name": "zaitaku-opinions",
        "title": "Opinions on home medical care by Tokyo's secondary medical care areas (東京都 資料３－２) / 在宅療養に関する二次保健医療圏の意見（東京都 資料３－２）",
        "description": PACKAGE_DESCRIPTION,
        "version": env!("CARGO_PKG_VERSION"),
        "keywords": ["Tokyo", "東京都", "home medical care", "在宅療養", "二次保健医療圏", "secondary medical care area"],
        "sources": [source_tokyo(), source_soumu(), source_plan()],
        "contributors": [{ "title": "The zaitaku_opinions authors", "role": "author" }],
        "licenses": [terms_tokyo(), mit(), apache()],
        "resources": resources,
    });
    let mut json = serde_json::to_vec_pretty(&package)?;
    json.push(b'\n');
    let readme = codebook(&package);

    Ok(vec![
        ("records.csv", records),
        ("records.jsonl", jsonl),
        ("record-points.csv", record_points),
        ("key-sources.csv", key_sources),
        ("similar.csv", similar),
        ("points.csv", points),
        ("areas.csv", areas),
        ("municipalities.csv", municipalities),
        ("datapackage.json", json),
        ("README.md", readme.into_bytes()),
        ("zaitaku-opinions.xlsx", workbook()?),
    ])
}

// --- the workbook for officials (`zaitaku-opinions.xlsx`) ---------------------

/// A workbook column: its Japanese header (row 1), English header (row 2),
/// origin, and width in characters.
struct Column {
    ja: &'static str,
    en: &'static str,
    origin: Origin,
    width: f64,
}

const fn col(ja: &'static str, en: &'static str, origin: Origin, width: f64) -> Column {
    Column {
        ja,
        en,
        origin,
        width,
    }
}

/// A sheet of the workbook: its name, columns and rows.
type Sheet = (&'static str, &'static [Column], Vec<Vec<Cell>>);

/// A cell of the workbook.
enum Cell {
    Text(String),
    Number(f64),
}

/// The mark of a key opinion in the records sheet's 「地域の意見の写し」
/// column: it repeats the area opinion(s) it was taken from.
pub const COPY_MARK: &str = "○";

/// The workbook's sheets: name, columns. The codebook sheet lists every
/// column of the others.
#[rustfmt::skip]
const SHEETS: &[(&str, &[Column])] = &[
    ("記録", &[
        col("本文", "Text (Japanese, 東京都's)", Source, 60.0),
        col("圏域", "Areas", Crate, 16.0),
        col("分類", "Category", Source, 16.0),
        col("テーマ", "Theme", Source, 14.0),
        col("種別", "Kind", Layout, 10.0),
        col("地域の意見の写し", "Copies an area opinion (○: a key opinion; leave out to count what the areas said)", Crate, 10.0),
        col("元の意見", "Taken from (ids)", Crate, 18.0),
        col("論点", "Points", Crate, 24.0),
        col("英訳（非公式）", "English (unofficial, this crate's)", Crate, 60.0),
        col("ID", "Id", Crate, 16.0),
        col("資料の行（始）", "First line in data/shiryo-3-2.txt", Layout, 8.0),
        col("資料の行（終）", "Last line", Layout, 8.0),
    ]),
    ("論点", &[
        col("ID", "Id", Crate, 24.0),
        col("見出し", "Label (Japanese)", Crate, 24.0),
        col("見出し（英語）", "Label (English)", Crate, 24.0),
        col("説明", "Description (Japanese)", Crate, 60.0),
        col("説明（英語）", "Description (English)", Crate, 60.0),
        col("挙げた圏域", "Areas that raised it", Crate, 30.0),
        col("地域の意見の数", "Area opinions", Crate, 8.0),
    ]),
    ("圏域", &[
        col("コード", "Code", Crate, 8.0),
        col("圏域", "Area", Source, 12.0),
        col("圏域（英語）", "Area (English)", Crate, 18.0),
        col("よみ", "Reading", Crate, 18.0),
        col("区市町村", "Municipalities (総務省's names, 東京都保健医療計画's areas)", Crate, 60.0),
        col("テーマ①の意見の数", "Opinions, theme 1", Crate, 8.0),
        col("テーマ②の意見の数", "Opinions, theme 2", Crate, 8.0),
    ]),
];

/// The codebook sheet's columns.
#[rustfmt::skip]
const CODEBOOK: &[Column] = &[
    col("シート", "Sheet", Crate, 10.0),
    col("列", "Column (Japanese)", Crate, 20.0),
    col("列（英語）", "Column (English)", Crate, 50.0),
    col("出所", "Origin (source: 東京都's words; layout: read from the document's layout; crate: this crate's)", Crate, 12.0),
];

/// The records sheet's rows, one per record in document order.
fn record_sheet_rows() -> Vec<Vec<Cell>> {
    use Cell::{Number, Text};
    Query::new()
        .into_iter()
        .map(|r| {
            let regions: Vec<&str> = r.regions().map(Region::name_ja).collect();
            let points: Vec<&str> = r.points().map(|p| p.label_ja()).collect();
            let (kind, copy, from) = match r {
                Record::Area(_) => ("地域の意見", "", String::new()),
                Record::Key(k) => {
                    let ids: Vec<String> =
                        k.taken_from().iter().map(|o| o.id().to_string()).collect();
                    ("主な意見", COPY_MARK, ids.join(" "))
                }
            };
            vec![
                Text(r.text().to_string()),
                Text(regions.join("、")),
                Text(r.category().name_ja().to_string()),
                Text(r.theme().name_ja().to_string()),
                Text(kind.to_string()),
                Text(copy.to_string()),
                Text(from),
                Text(points.join("、")),
                Text(r.text_en().to_string()),
                Text(r.id().to_string()),
                Number(f64::from(r.lines().first())),
                Number(f64::from(r.lines().last())),
            ]
        })
        .collect()
}

fn point_sheet_rows() -> Vec<Vec<Cell>> {
    use Cell::{Number, Text};
    points()
        .iter()
        .map(|p| {
            let regions: Vec<&str> = p.regions().iter().map(|r| r.name_ja()).collect();
            vec![
                Text(p.id().to_string()),
                Text(p.label_ja().to_string()),
                Text(p.label_en().to_string()),
                Text(p.description_ja().to_string()),
                Text(p.description().to_string()),
                Text(regions.join("、")),
                Number(p.opinions().len() as f64),
            ]
        })
        .collect()
}

fn area_sheet_rows() -> Vec<Vec<Cell>> {
    use Cell::{Number, Text};
    Region::ALL
        .iter()
        .map(|&r| {
            let names: Vec<&str> = Municipality::all()
                .iter()
                .filter(|m| m.region() == r)
                .map(|m| m.name())
                .collect();
            vec![
                Text(r.code().to_string()),
                Text(r.name_ja().to_string()),
                Text(r.name_en().to_string()),
                Text(r.kana().to_string()),
                Text(names.join("、")),
                Number(r.opinions(Theme::LocalSituation).len() as f64),
                Number(r.opinions(Theme::HospitalCollaboration).len() as f64),
            ]
        })
        .collect()
}

fn codebook_rows() -> Vec<Vec<Cell>> {
    SHEETS
        .iter()
        .flat_map(|(sheet, columns)| {
            columns.iter().map(move |c| {
                vec![
                    Cell::Text(sheet.to_string()),
                    Cell::Text(c.ja.to_string()),
                    Cell::Text(c.en.to_string()),
                    Cell::Text(c.origin.as_str().to_string()),
                ]
            })
        })
        .collect()
}

/// The date the workbook says it was created: fixed, so that the file is
/// the same bytes on every run (CI compares them); the data's release date,
/// as in CITATION.cff.
const WORKBOOK_DATE: (u16, u8, u8) = (2026, 12, 7);

/// `zaitaku-opinions.xlsx`: the records (Japanese headers, the text first,
/// a key opinion's areas from its sources, the copies marked), the
/// codebook, the points and the areas. Row 1 has the Japanese headers,
/// row 2 the English; both are frozen.
pub fn workbook() -> Res<Vec<u8>> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let (y, m, d) = WORKBOOK_DATE;
    book.set_properties(
        &DocProperties::new()
            .set_title("在宅療養に関する二次保健医療圏の意見（東京都「資料３－２」）")
            .set_author("The zaitaku_opinions authors")
            .set_comment("出典：東京都「資料３－２」。本文は東京都のもの、英訳・論点・対応付けは本クレートによるもの。")
            .set_creation_datetime(&ExcelDateTime::from_ymd(y, m, d)?),
    );
    let head = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap();
    let sheets: Vec<Sheet> = vec![
        (SHEETS[0].0, SHEETS[0].1, record_sheet_rows()),
        ("説明", CODEBOOK, codebook_rows()),
        (SHEETS[1].0, SHEETS[1].1, point_sheet_rows()),
        (SHEETS[2].0, SHEETS[2].1, area_sheet_rows()),
    ];
    for (name, columns, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        for (c, column) in columns.iter().enumerate() {
            let c = u16::try_from(c)?;
            sheet.set_column_width(c, column.width)?;
            sheet.write_string_with_format(0, c, column.ja, &head)?;
            sheet.write_string_with_format(1, c, column.en, &head)?;
        }
        for (r, row) in rows.iter().enumerate() {
            if row.len() != columns.len() {
                return Err(format!(
                    "{name}: a row of {} cells for {} columns",
                    row.len(),
                    columns.len()
                )
                .into());
            }
            let r = u32::try_from(r + 2)?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c)?;
                match cell {
                    Cell::Text(s) => sheet.write_string_with_format(r, c, s, &wrap)?,
                    Cell::Number(n) => sheet.write_number(r, c, *n)?,
                };
            }
        }
        sheet.set_freeze_panes(2, 0)?;
    }
    Ok(book.save_to_buffer()?)
}
