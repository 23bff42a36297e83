//! The parser and code generator for `data/municipalities.tsv`: Tokyo's 62
//! municipalities (区市町村), their local-government codes and the
//! secondary medical care area (二次保健医療圏) each belongs to.
//!
//! Shared by `build.rs` and the tests (mounted with `#[path]`); it never runs
//! inside the library.
//!
//! # The file
//!
//! UTF-8, one municipality per line, tab-separated:
//!
//! ```text
//! code    name    reading   romaji  kind    area    [aliases]
//! 131016  千代田区 ちよだく  Chiyoda 区      区中央部
//! ```
//!
//! - `code`: the 6-digit local-government code (全国地方公共団体コード): the
//!   5-digit JIS X 0402 code, starting `13` for Tokyo, plus its check digit
//!   ([`check_digit`]). Lines are in ascending code order.
//! - `name`: the Japanese name, ending with its kind.
//! - `reading`: the name's reading in hiragana, ending with the kind's
//!   reading (く, し, まち, むら). This crate's, not official.
//! - `romaji`: the romanised name without the kind (Hepburn; the vowels may
//!   carry macrons: `Chūō`). This crate's, not official.
//! - `kind`: `区`, `市`, `町` or `村`.
//! - `area`: the Japanese name of a `Region` (`区中央部` … `島しょ`).
//! - `aliases` (optional): other spellings, comma-separated.
//!
//! Blank lines and lines starting with `#` are ignored. A wrong line fails
//! the build with `data/municipalities.tsv:<line>: <what was expected>`.
//!
//! # Lookup keys
//!
//! Every spelling is reduced with `crate::normalize::name_key` (NFKC, ASCII
//! lower case, no spaces or hyphens), at build time here and at run time on
//! the user's input (which also folds katakana into hiragana). The
//! *canonical* spellings (name, reading, alias, both codes, slug) must
//! identify one municipality, or the build fails. The *tolerant* spellings
//! (the name or reading without its kind, the reading followed by the kind
//! as written, the romanised name with or without macrons or kind) are
//! dropped where two municipalities share them: `Toshima` and `としま` are
//! both 豊島区 and 利島村, so only `Toshima-ku`, `としまく`, `Toshima-mura`
//! and `としまむら` are keys.

use crate::build::code::{key_map, lit, phf_map, KeyError, Out, Spelling};
use crate::build::reader::{self, quote, Error, Row};
use crate::build::vocab::{KINDS, REGIONS};
use crate::normalize::{name_key, without_macron};
use std::collections::BTreeMap;

/// Tokyo's prefecture code, the first two digits of every code.
pub const PREFECTURE: &str = "13";

/// How many municipalities Tokyo has: 23 区, 26 市, 5 町 and 8 村.
pub const EXPECTED_COUNT: usize = 62;

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line number.
    pub line: u32,
    /// 6-digit code with check digit.
    pub code: String,
    /// Japanese name, e.g. `千代田区`.
    pub name: String,
    /// Reading in hiragana, e.g. `ちよだく`.
    pub reading: String,
    /// Romanised name without the kind, e.g. `Chūō`.
    pub romaji: String,
    /// Index into [`KINDS`].
    pub kind: usize,
    /// Index into `vocab::REGIONS`.
    pub region: usize,
    /// Other spellings of the name.
    pub aliases: Vec<String>,
}

impl Record {
    /// The 5-digit JIS X 0402 code (the code without its check digit).
    pub fn jis_code(&self) -> &str {
        &self.code[..5]
    }

    /// The ASCII slug: the romanised name without macrons, lower case,
    /// then the kind's: `chiyoda-ku`, `hachioji-shi`.
    pub fn slug(&self) -> String {
        let romaji: String = self.romaji.chars().map(without_macron).collect();
        format!(
            "{}-{}",
            romaji.to_ascii_lowercase(),
            KINDS[self.kind].romaji
        )
    }

    /// The name without its kind: `千代田` for `千代田区`.
    pub fn bare_name(&self) -> &str {
        self.name
            .strip_suffix(KINDS[self.kind].ja)
            .unwrap_or(&self.name)
    }

    /// The reading without the kind's: `ちよだ` for `ちよだく`.
    pub fn bare_reading(&self) -> &str {
        self.reading
            .strip_suffix(KINDS[self.kind].kana)
            .unwrap_or(&self.reading)
    }
}

/// The data file this module reads, as build errors name it.
pub const PATH: &str = "data/municipalities.tsv";

/// The JIS X 0402 check digit of a 5-digit code: with the digits
/// `d1..d5`, `sum = 6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5` and the check digit
/// is `(11 - sum % 11) % 10`. `None` unless `jis` is five ASCII digits.
pub fn check_digit(jis: &str) -> Option<u8> {
    let bytes = jis.as_bytes();
    if bytes.len() != 5 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = bytes
        .iter()
        .zip([6u32, 5, 4, 3, 2])
        .map(|(&b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(((11 - sum % 11) % 10) as u8)
}

/// Reads and validates the file: every field, every check digit, code
/// order, uniqueness of codes and names (slugs are checked with the other
/// lookup keys, in [`name_keys`]), kinds against names and
/// areas, and the whole: [`EXPECTED_COUNT`] municipalities, every area with
/// at least one.
pub fn parse(bytes: &[u8]) -> Result<Vec<Record>, Error> {
    let columns = "code, name, reading, romaji, kind, area[, aliases]";
    let file = reader::tsv(PATH, bytes, columns, 0)?;
    let mut records: Vec<Record> = Vec::new();
    for row in &file.rows {
        let record = parse_row(row)?;
        for other in &records {
            for (what, value, seen) in [
                ("municipality code", &record.code, &other.code),
                ("municipality name", &record.name, &other.name),
                ("municipality reading", &record.reading, &other.reading),
            ] {
                row.again(what, value, (value == seen).then_some(other.line))?;
            }
        }
        if let Some(last) = records.last().filter(|last| record.code <= last.code) {
            return Err(row.err(format!(
                "expected codes in ascending order, found {} after {} (line {})",
                record.code, last.code, last.line
            )));
        }
        records.push(record);
    }
    if records.len() != EXPECTED_COUNT {
        return Error::fail(
            PATH,
            file.last,
            format!(
                "expected {EXPECTED_COUNT} municipalities (Tokyo's 区市町村), found {}",
                records.len()
            ),
        );
    }
    for (r, region) in REGIONS.iter().enumerate() {
        if !records.iter().any(|m| m.region == r) {
            return Error::fail(
                PATH,
                file.last,
                format!(
                    "expected at least one municipality in every area; {} has none",
                    region.ja
                ),
            );
        }
    }
    Ok(records)
}

fn parse_row(row: &Row<'_>) -> Result<Record, Error> {
    let fields = &row.fields;
    // Fields are short; a longer one would make a long message.
    if let Some(long) = fields
        .iter()
        .find(|f| f.chars().count() > reader::MAX_QUOTE)
    {
        return Err(row.err(format!(
            "expected fields of at most {} characters, found `{}`",
            reader::MAX_QUOTE,
            quote(long)
        )));
    }
    let code = fields[0].trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(row.err(format!(
            "expected a 6-digit local-government code, found `{code}`"
        )));
    }
    if !code.starts_with(PREFECTURE) {
        return Err(row.err(format!(
            "expected a Tokyo code (starting with {PREFECTURE}), found `{code}`"
        )));
    }
    let expected_check = check_digit(&code[..5]).unwrap_or(0);
    if code.as_bytes()[5] - b'0' != expected_check {
        return Err(row.err(format!(
            "expected check digit {expected_check} for {} ({}{expected_check}), found `{code}`",
            &code[..5],
            &code[..5]
        )));
    }
    let kind_field = fields[4].trim();
    let kind = KINDS
        .iter()
        .position(|k| k.ja == kind_field)
        .ok_or_else(|| {
            row.err(format!(
                "expected a kind (区, 市, 町 or 村), found `{kind_field}`"
            ))
        })?;
    let name = fields[1].trim();
    if !name.ends_with(KINDS[kind].ja) || name == KINDS[kind].ja {
        return Err(row.err(format!(
            "expected a name ending with its kind {}, found `{name}`",
            KINDS[kind].ja
        )));
    }
    let reading = fields[2].trim();
    let kana = KINDS[kind].kana;
    let hiragana = |c: char| ('\u{3041}'..='\u{3096}').contains(&c) || c == 'ー';
    if !reading.chars().all(hiragana) || !reading.ends_with(kana) || reading == kana {
        return Err(row.err(format!(
            "expected a reading in hiragana ending with the kind's reading {kana}, found `{reading}`"
        )));
    }
    let romaji = fields[3].trim();
    if romaji.is_empty()
        || !romaji
            .chars()
            .map(without_macron)
            .all(|c| c.is_ascii_alphabetic() || c == '-')
    {
        return Err(row.err(format!(
            "expected a romanised name (Latin letters, macrons allowed), found `{romaji}`"
        )));
    }
    let area = fields[5].trim();
    let region = REGIONS.iter().position(|r| r.ja == area).ok_or_else(|| {
        row.err(format!(
            "expected an area (one of {}), found `{area}`",
            REGIONS.iter().map(|r| r.ja).collect::<Vec<_>>().join(", ")
        ))
    })?;
    // A 区 lies in the 23 wards, every other kind outside them.
    let in_wards = REGIONS[region].zone == 0;
    if in_wards != (kind == 0) {
        return Err(row.err(format!(
            "expected a {} area for a {}, found `{area}`",
            if kind == 0 {
                "区部"
            } else {
                "多摩 or 島しょ"
            },
            KINDS[kind].ja
        )));
    }
    let mut aliases = Vec::new();
    if let Some(field) = fields.get(6) {
        for alias in field.split(',') {
            let alias = alias.trim();
            if alias.is_empty() {
                return Err(row.err("expected comma-separated aliases, found an empty one"));
            }
            aliases.push(alias.to_string());
        }
    }
    Ok(Record {
        line: row.line,
        code: code.to_string(),
        name: name.to_string(),
        reading: reading.to_string(),
        romaji: romaji.to_string(),
        kind,
        region,
        aliases,
    })
}

/// The normalised lookup keys (see [`key_map`]): the canonical spellings
/// must identify one municipality (else an error on the later record's
/// line); tolerant ones shared by two municipalities are dropped. Returns
/// key → record index, sorted.
pub fn name_keys(records: &[Record]) -> Result<BTreeMap<String, usize>, Error> {
    let mut spellings: Vec<Spelling> = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let mut canonical = vec![r.name.clone(), r.reading.clone(), r.slug()];
        canonical.extend(r.aliases.iter().cloned());
        // `name_key` drops macrons, hyphens and case: the romanised name
        // has one key with or without macrons, and with its kind it is the
        // slug's.
        let tolerant = [
            r.bare_name().to_string(),
            r.bare_reading().to_string(),
            format!("{}{}", r.bare_reading(), KINDS[r.kind].ja),
            r.romaji.clone(),
        ];
        let these = canonical.into_iter().map(|s| (i, true, s));
        spellings.extend(these.chain(tolerant.into_iter().map(|s| (i, false, s))));
    }
    let no_name = |i: usize| {
        let (r, _, spelling) = &spellings[i];
        let message =
            format!("expected a name, found `{spelling}` (empty or all digits once normalised)");
        Error::new(PATH, records[*r].line, message)
    };
    let digits = |k: &str| k.bytes().all(|b| b.is_ascii_digit());
    if let Some(i) = spellings
        .iter()
        .position(|(_, _, s)| name_key(s).is_none_or(|k| digits(k.as_str())))
    {
        return Err(no_name(i));
    }
    key_map(&spellings).map_err(|e| match e {
        KeyError::TooLong(i) => no_name(i),
        KeyError::Clash(key, a, b) => {
            let ((a, _, a_spelling), (b, _, b_spelling)) = (&spellings[a], &spellings[b]);
            let (a, b) = (&records[*a], &records[*b]);
            Error::new(
                PATH,
                b.line,
                format!(
                    "expected names that identify one municipality; `{b_spelling}` ({}) and `{a_spelling}` on line {} ({}) both normalise to `{key}`",
                    b.name, a.line, a.name
                ),
            )
        }
    })
}

/// The order of `MUNICIPALITIES`: by area (official order), then by code,
/// as indices into `records` (which are in code order). The checked-literal
/// macros (`src/build/macros.rs`) index the same table.
pub fn table_order(records: &[Record]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_by(|&a, &b| {
        (records[a].region, &records[a].code).cmp(&(records[b].region, &records[b].code))
    });
    order
}

/// The generated Rust source, `include!`d by `src/municipality.rs` into a
/// child module (which sees `Municipality`'s private fields).
///
/// `MUNICIPALITIES` is ordered by area (official order), then by code, so
/// that each area's members are one contiguous slice (`REGION_RANGES`).
pub fn generate(data_path: &str, records: &[Record]) -> Result<String, Error> {
    let keys = name_keys(records)?;
    let order = table_order(records);
    let mut position = vec![0; records.len()];
    for (p, &i) in order.iter().enumerate() {
        position[i] = p;
    }
    let mut out = Out::new(
        "src/build/municipality.rs",
        data_path,
        &format!(
            "{} municipalities, {} name keys.",
            records.len(),
            keys.len()
        ),
    );
    writeln!(out, "use super::{{Municipality, MunicipalityKind}};");
    writeln!(out, "use crate::Region;\n");
    writeln!(
        out,
        "/// Every municipality, by area (official order), then by code. Public\n\
         /// (not re-exported) for `municipality!`, through `__private`."
    );
    writeln!(
        out,
        "pub static MUNICIPALITIES: [Municipality; {}] = [",
        records.len()
    );
    for &i in &order {
        let r = &records[i];
        writeln!(
            out,
            "    Municipality {{ code: {}, jis_code: {}, name: {}, reading: {}, romaji: {}, slug: {}, kind: MunicipalityKind::{}, region: Region::{} }}, // line {}",
            lit(&r.code),
            lit(r.jis_code()),
            lit(&r.name),
            lit(&r.reading),
            lit(&r.romaji),
            lit(&r.slug()),
            KINDS[r.kind].variant,
            REGIONS[r.region].variant,
            r.line,
        );
    }
    writeln!(out, "];\n");

    let ranges: Vec<String> = (0..REGIONS.len())
        .map(|region| {
            let start = order
                .iter()
                .filter(|&&i| records[i].region < region)
                .count();
            let len = order
                .iter()
                .filter(|&&i| records[i].region == region)
                .count();
            format!("({start}, {})", start + len)
        })
        .collect();
    writeln!(
        out,
        "/// `REGION_RANGES[region]`: that area's members in `MUNICIPALITIES`."
    );
    writeln!(
        out,
        "pub(super) const REGION_RANGES: [(usize, usize); Region::COUNT] = [{}];\n",
        ranges.join(", ")
    );

    // Records are in code order: (JIS code, place in MUNICIPALITIES) in
    // that order lets a code be found by binary search.
    let by_code: Vec<String> = records
        .iter()
        .zip(&position)
        .map(|(r, p)| format!("({}, {p})", r.jis_code()))
        .collect();
    writeln!(
        out,
        "/// (5-digit JIS code, place in `MUNICIPALITIES`), in code order."
    );
    writeln!(
        out,
        "pub(super) const BY_CODE: [(u32, u8); {}] = [{}];\n",
        records.len(),
        by_code.join(", ")
    );

    let (names, longest_input) = phf_map(&keys, |i| format!("&MUNICIPALITIES[{}]", position[i]));
    writeln!(
        out,
        "/// Normalised names and readings (see `crate::normalize::name_key`) → municipality."
    );
    writeln!(
        out,
        "pub(super) static NAMES: phf::Map<&'static str, &'static Municipality> = {};\n",
        names
    );
    writeln!(
        out,
        "/// No longer input is looked up: four times the longest key, in bytes."
    );
    writeln!(
        out,
        "pub(super) const LONGEST_INPUT: usize = {longest_input};"
    );
    Ok(out.finish())
}
