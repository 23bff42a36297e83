//! Lossless accounting: every line of `data/shiryo-3-2.txt` is accounted
//! for, no line is used twice, every record's text is exactly its source
//! lines joined, and the generated tables hold what the parser read.
//!
//! The parser is mounted exactly as `build.rs` mounts it; the records come
//! from the public API, so this also checks the generated code against the
//! source.

use crate::build;

use build::parse::{self, Document, LineRole};
use build::vocab::{CATEGORIES, REGIONS};
use zaitaku_opinions::{key_opinions, opinions, LineSpan, MatchKind};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/shiryo-3-2.txt");

/// Page furniture, as printed in the document: the heading of each
/// key-opinion page and the handout's page label.
const FURNITURE: [&str; 2] = ["主な意見", "資料 ３－２"];

/// The two theme titles, as printed (marker, ideographic space, title).
const TITLES: [&str; 2] = [
    "テーマ①　在宅療養に関する地域の現状・課題等について",
    "テーマ②　地域と病院の連携について",
];

fn source_lines() -> Vec<String> {
    let text = std::fs::read_to_string(DATA).unwrap();
    // The file is LF-only (see tests/source_hash.rs); trim what the parser
    // trims: ASCII spaces (line 66 starts with one, line 360 ends with one).
    text.split('\n')
        .map(|l| l.trim_matches(' ').to_owned())
        .collect()
}

fn document() -> Document {
    parse::parse(&std::fs::read(DATA).unwrap()).unwrap()
}

#[test]
fn every_line_has_exactly_one_role_and_the_role_fits_the_line() {
    let lines = source_lines();
    let doc = document();
    assert_eq!(lines.len(), 713, "the source has 713 lines");
    assert_eq!(doc.roles.len(), lines.len());

    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for (i, (line, role)) in lines.iter().zip(&doc.roles).enumerate() {
        let n = i + 1;
        let name = match role {
            LineRole::Blank => {
                assert!(line.is_empty(), "line {n} is not blank: {line}");
                "blank"
            }
            LineRole::Furniture => {
                assert!(FURNITURE.contains(&line.as_str()), "line {n}: {line}");
                "furniture"
            }
            LineRole::ThemeTitle => {
                assert!(TITLES.contains(&line.as_str()), "line {n}: {line}");
                "title"
            }
            LineRole::RowLabel => "row label",
            LineRole::AreaHeader => {
                let names: Vec<&str> = line.split(' ').collect();
                assert_eq!(names.len(), 6, "line {n}: {line}");
                assert!(
                    names.iter().all(|a| REGIONS.iter().any(|r| r.ja == *a)),
                    "line {n}: {line}"
                );
                "header"
            }
            LineRole::Heading => {
                assert!(
                    line.starts_with('【') && line.ends_with('】'),
                    "line {n}: {line}"
                );
                "heading"
            }
            LineRole::Opinion(_) | LineRole::KeyOpinion(_) => {
                assert!(!line.is_empty(), "line {n} is blank inside a record");
                "record"
            }
        };
        *counts.entry(name).or_default() += 1;
    }

    // The row labels, read off the document: `その他` after each theme's
    // key-opinion groups (lines 63 and 419), then theme ②'s five labels and
    // the sixth wrapped over lines 433-434.
    let label_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| doc.roles[i] == LineRole::RowLabel)
        .map(|i| i + 1)
        .collect();
    assert_eq!(label_lines, [63, 419, 423, 425, 427, 429, 431, 433, 434]);

    // Independent counts: 主な意見 twice and 資料 ３－２ once; each theme
    // title twice; four area headers (lines 68, 218, 437, 586); a heading
    // for every line starting with 【 and a record for every bullet.
    let starting = |c: &[char]| lines.iter().filter(|l| l.starts_with(c)).count();
    assert_eq!(counts["furniture"], 3);
    assert_eq!(counts["title"], 4);
    assert_eq!(counts["header"], 4);
    assert_eq!(counts["heading"], starting(&['【']));
    assert_eq!(counts["heading"], 92);
    assert_eq!(
        doc.opinions.len() + doc.key_opinions.len(),
        starting(&['○', '〇'])
    );
    assert_eq!(counts.values().sum::<usize>(), lines.len());
}

#[test]
fn each_record_is_its_source_lines_joined_and_no_line_is_used_twice() {
    let lines = source_lines();
    let doc = document();
    let mut used = vec![0u8; lines.len()];
    let mut check = |what: String, span: LineSpan, text: &str| {
        assert!(span.first() >= 1 && span.first() <= span.last(), "{what}");
        let range = span.first() as usize - 1..span.last() as usize;
        for u in &mut used[range.clone()] {
            *u += 1;
        }
        let joined: String = lines[range].concat();
        let (bullet, rest) = joined.split_at(3); // ○ and 〇 are 3 bytes each
        assert!(bullet == "○" || bullet == "〇", "{what}: {joined}");
        assert_eq!(rest, text, "{what}");
        // Only the first line starts with a bullet.
        for n in span.first() + 1..=span.last() {
            let l = &lines[n as usize - 1];
            assert!(!l.starts_with(['○', '〇', '【']), "{what}: line {n}");
        }
    };
    for o in opinions() {
        check(o.id().to_string(), o.lines(), o.text());
    }
    for k in key_opinions() {
        check(k.id().to_string(), k.lines(), k.text());
    }
    for (i, role) in doc.roles.iter().enumerate() {
        let in_record = matches!(role, LineRole::Opinion(_) | LineRole::KeyOpinion(_));
        assert_eq!(
            used[i],
            u8::from(in_record),
            "line {} ({role:?}) is in {} records",
            i + 1,
            used[i]
        );
    }
    // And the parser's own spans agree with its roles.
    for (i, o) in doc.opinions.iter().enumerate() {
        for n in o.first_line..=o.last_line {
            assert_eq!(doc.roles[n as usize - 1], LineRole::Opinion(i));
        }
    }
    for (i, k) in doc.key_opinions.iter().enumerate() {
        for n in k.first_line..=k.last_line {
            assert_eq!(doc.roles[n as usize - 1], LineRole::KeyOpinion(i));
        }
    }
}

#[test]
fn the_generated_tables_hold_what_the_parser_read() {
    let doc = document();
    let links = build::link::link(&doc).unwrap();
    let public = opinions();
    assert_eq!(public.len(), doc.opinions.len());
    for (o, raw) in public.iter().zip(&doc.opinions) {
        let id = o.id().to_string();
        assert_eq!(o.text(), raw.text, "{id}");
        assert_eq!(o.theme().number() as usize, raw.theme + 1, "{id}");
        assert_eq!(o.region().name_ja(), REGIONS[raw.region].ja, "{id}");
        assert_eq!(o.category().name_ja(), CATEGORIES[raw.category].ja, "{id}");
        assert_eq!(o.id().position() as usize, raw.position, "{id}");
        assert_eq!(
            (o.lines().first(), o.lines().last()),
            (raw.first_line, raw.last_line),
            "{id}"
        );
    }
    let public = key_opinions();
    assert_eq!(public.len(), doc.key_opinions.len());
    for (i, (k, raw)) in public.iter().zip(&doc.key_opinions).enumerate() {
        let id = k.id().to_string();
        assert_eq!(k.text(), raw.text, "{id}");
        assert_eq!(k.theme().number() as usize, raw.theme + 1, "{id}");
        assert_eq!(
            (k.id().group() as usize, k.id().position() as usize),
            (raw.group, raw.position),
            "{id}"
        );
        assert_eq!(
            (k.lines().first(), k.lines().last()),
            (raw.first_line, raw.last_line),
            "{id}"
        );
        assert_eq!(
            k.category().name_ja(),
            CATEGORIES[links.key_category[i]].ja,
            "{id}"
        );
        // The same records, in the same order (main source first).
        let sources: Vec<String> = k.taken_from().iter().map(|o| o.id().to_string()).collect();
        let expected: Vec<String> = links.provenance[i]
            .sources
            .iter()
            .map(|&s| opinions()[s].id().to_string())
            .collect();
        assert_eq!(sources, expected, "{id}");
        let kind = match links.provenance[i].kind {
            build::link::MatchKind::Exact => MatchKind::Exact,
            build::link::MatchKind::WidthInsensitive => MatchKind::WidthInsensitive,
            build::link::MatchKind::Merged => MatchKind::Merged,
        };
        assert_eq!(k.match_kind(), kind, "{id}");
    }
}

/// The vocabulary tables are indexed by `variant as usize`: the enums must
/// list their variants in the vocabulary's order (also checked at compile
/// time), and `Region::zone` must agree with the vocabulary's part of Tokyo.
#[test]
fn vocabulary_order_matches_the_enums() {
    use zaitaku_opinions::{Category, Region, Theme, Zone};
    assert_eq!(Region::ALL.len(), build::vocab::REGIONS.len());
    for (region, names) in Region::ALL.iter().zip(build::vocab::REGIONS) {
        assert_eq!(format!("{region:?}"), names.variant);
        assert_eq!(region.name_ja(), names.ja);
        let zone = match names.zone {
            0 => Zone::Wards,
            1 => Zone::Tama,
            _ => Zone::Islands,
        };
        assert_eq!(region.zone(), zone, "{region:?}");
    }
    assert_eq!(Theme::ALL.len(), build::vocab::THEMES.len());
    for (theme, names) in Theme::ALL.iter().zip(build::vocab::THEMES) {
        assert_eq!(format!("{theme:?}"), names.variant);
        assert_eq!(theme.number(), names.number);
    }
    assert_eq!(Category::ALL.len(), build::vocab::CATEGORIES.len());
    for (category, names) in Category::ALL.iter().zip(build::vocab::CATEGORIES) {
        assert_eq!(format!("{category:?}"), names.variant);
        assert_eq!(category.name_ja(), names.ja);
    }
}
