//! The parser on fixtures: one valid document read end to end, and one
//! malformed document per error the parser (or the provenance linker) can
//! report, each checked for its exact `ErrorKind`, its line and the
//! `data/<file>:<line>: expected …` message the build prints.
//!
//! The parser is mounted exactly as `build.rs` mounts it.

use crate::build;

use build::link::{self, MatchKind};
use build::parse::{self, Document, ErrorKind, LineRole, ParseError};
use build::reader::{Error, TextError};
use build::vocab::{CATEGORIES, REGIONS};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn read(name: &str) -> Vec<u8> {
    let path = format!("{FIXTURES}/{name}");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Parse, then link: the two steps of `build.rs` that can reject the data.
fn check(bytes: &[u8]) -> Result<Document, ParseError> {
    let doc = parse::parse(bytes)?;
    link::link(&doc)?;
    Ok(doc)
}

fn category(ja: &str) -> usize {
    CATEGORIES
        .iter()
        .position(|c| c.ja == ja)
        .unwrap_or_else(|| panic!("no category {ja}"))
}

fn region(ja: &str) -> usize {
    REGIONS
        .iter()
        .position(|r| r.ja == ja)
        .unwrap_or_else(|| panic!("no region {ja}"))
}

// --- the valid fixture -----------------------------------------------------

#[test]
fn small_document_parses_end_to_end() {
    let bytes = read("good/small.txt");
    let doc = check(&bytes).expect("the valid fixture parses and links");
    let text = std::str::from_utf8(&bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();

    // Counts, read off the fixture: theme ① has 4 key opinions in 3 groups
    // and 14 area opinions (区中央部 3, every other area 1); theme ② has 3
    // key opinions in 3 groups and 13 area opinions (区中央部 2, others 1).
    assert_eq!(doc.opinions.len(), 27);
    assert_eq!(doc.key_opinions.len(), 7);
    let per_theme = |t: usize| doc.opinions.iter().filter(|o| o.theme == t).count();
    assert_eq!((per_theme(0), per_theme(1)), (14, 13));
    let key_groups = |t: usize| {
        doc.key_opinions
            .iter()
            .filter(|k| k.theme == t)
            .map(|k| k.group)
            .max()
    };
    assert_eq!((key_groups(0), key_groups(1)), (Some(3), Some(3)));
    for (r, area) in REGIONS.iter().enumerate().take(12) {
        let n = doc
            .opinions
            .iter()
            .filter(|o| o.theme == 0 && o.region == r)
            .count();
        assert_eq!(n, if r == 0 { 3 } else { 1 }, "{}", area.ja);
    }
    assert!(doc.opinions.iter().all(|o| o.region != region("島しょ")));

    // Texts joined across wrapped lines with no space, bullet removed.
    let first = &doc.opinions[0];
    assert_eq!(
        first.text,
        "在宅医の数が適正か分からない。在宅医療のニーズと在宅医の数のマッチングが必要"
    );
    assert_eq!((first.first_line, first.last_line), (20, 22));
    assert_eq!(
        (first.region, first.category, first.position),
        (region("区中央部"), category("医療資源等"), 1)
    );
    let key = &doc.key_opinions[0];
    assert_eq!(key.text, first.text, "wrapped at a different width");
    assert_eq!((key.first_line, key.last_line), (4, 5));

    // Both bullets: ○ (U+25CB) and 〇 (U+3007).
    assert_eq!(doc.opinions[0].bullet, '○');
    assert_eq!(doc.opinions[1].bullet, '〇');
    assert_eq!(doc.opinions[1].text, "在宅専門医が増えてきている");
    assert_eq!(doc.key_opinions[1].bullet, '〇');
    let tobu2 = doc
        .opinions
        .iter()
        .find(|o| o.theme == 1 && o.region == region("区東部"))
        .unwrap();
    assert_eq!((tobu2.bullet, tobu2.text.as_str()), ('〇', "区東部の意見"));

    // Label variants map onto the canonical categories.
    let t2: Vec<_> = doc.opinions.iter().filter(|o| o.theme == 1).collect();
    assert_eq!(
        lines[t2[1].first_line as usize - 2],
        "【医療・介護関係者の相互理解】"
    );
    assert_eq!(t2[1].category, category("医療介護関係者の相互理解"));
    assert_eq!(
        t2[1].text,
        "病院の医師と地域の医療介護関係者の相互理解が必要"
    );
    assert_eq!(lines[t2[2].first_line as usize - 2], "【訪問看護ＳＴ】");
    assert_eq!(t2[2].category, category("訪問看護ステーション"));

    // Row labels: theme ① `その他`; theme ② `訪問看護ステーション` and
    // `医療介護関係者の相互` / `理解`, wrapped over two lines.
    let labels: Vec<(usize, &str, u32)> = doc
        .row_labels
        .iter()
        .map(|l| (l.theme, CATEGORIES[l.category].ja, l.first_line))
        .collect();
    assert_eq!(
        labels,
        [
            (0, "その他", 12),
            (1, "訪問看護ステーション", 76),
            (1, "医療介護関係者の相互理解", 80),
        ]
    );
    assert_eq!(&lines[79..81], ["医療介護関係者の相互", "理解"]);
    assert_eq!(doc.roles[79..81], [LineRole::RowLabel, LineRole::RowLabel]);

    // Every line has the role the fixture gives it.
    assert_eq!(doc.roles.len(), lines.len());
    for (i, (line, role)) in lines.iter().zip(&doc.roles).enumerate() {
        let line = line.trim_matches(' ');
        let expected_kind = if line.is_empty() {
            "blank"
        } else if line == "主な意見" || line == "資料 ３－２" {
            "furniture"
        } else if line.starts_with("テーマ") {
            "title"
        } else if line.starts_with('【') {
            "heading"
        } else if line.starts_with("区中央部") || line.starts_with("区東部") {
            "header"
        } else {
            "other"
        };
        let kind = match role {
            LineRole::Blank => "blank",
            LineRole::Furniture => "furniture",
            LineRole::ThemeTitle => "title",
            LineRole::Heading => "heading",
            LineRole::AreaHeader => "header",
            LineRole::RowLabel | LineRole::Opinion(_) | LineRole::KeyOpinion(_) => "other",
        };
        assert_eq!(kind, expected_kind, "line {}: {line}", i + 1);
    }

    // Provenance: exact, width-insensitive (ＩＣＴ vs ICT), and the group
    // categories come from the sources.
    let links = link::link(&doc).unwrap();
    assert_eq!(links.provenance[0].kind, MatchKind::Exact);
    assert_eq!(links.provenance[0].sources, [0]);
    assert_eq!(links.provenance[2].kind, MatchKind::WidthInsensitive);
    assert_eq!(links.provenance[2].sources, [2]);
    let key_categories: Vec<&str> = links
        .key_category
        .iter()
        .map(|&c| CATEGORIES[c].ja)
        .collect();
    assert_eq!(
        key_categories,
        [
            "医療資源等",
            "医療資源等",
            "情報共有(ICT含む)",
            "その他",
            "広域的な取組・連携",
            "医療介護関係者の相互理解",
            "訪問看護ステーション",
        ]
    );
}

// --- malformed fixtures ----------------------------------------------------

/// The variant's name. The match is exhaustive, so a new `ErrorKind` does
/// not compile until it is named here, and `every_error_kind_has_a_fixture`
/// then fails until it has a fixture.
fn variant(kind: &ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Empty => "Empty",
        ErrorKind::Text(_) => "Text",
        ErrorKind::Truncated { .. } => "Truncated",
        ErrorKind::ExpectedKeyPage { .. } => "ExpectedKeyPage",
        ErrorKind::NoKeyOpinions => "NoKeyOpinions",
        ErrorKind::UnknownTheme { .. } => "UnknownTheme",
        ErrorKind::ThemeOutOfOrder { .. } => "ThemeOutOfOrder",
        ErrorKind::MissingThemeTitle => "MissingThemeTitle",
        ErrorKind::UnknownRowLabel { .. } => "UnknownRowLabel",
        ErrorKind::ExpectedAreaHeader { .. } => "ExpectedAreaHeader",
        ErrorKind::UnknownArea { .. } => "UnknownArea",
        ErrorKind::DuplicateArea { .. } => "DuplicateArea",
        ErrorKind::AreaOutOfOrder { .. } => "AreaOutOfOrder",
        ErrorKind::MissingArea { .. } => "MissingArea",
        ErrorKind::TooFewAreaBlocks { .. } => "TooFewAreaBlocks",
        ErrorKind::TooManyAreaBlocks { .. } => "TooManyAreaBlocks",
        ErrorKind::MalformedHeading { .. } => "MalformedHeading",
        ErrorKind::UnknownCategory { .. } => "UnknownCategory",
        ErrorKind::EmptyHeading { .. } => "EmptyHeading",
        ErrorKind::BulletBeforeHeading => "BulletBeforeHeading",
        ErrorKind::ContinuationWithoutBullet { .. } => "ContinuationWithoutBullet",
        ErrorKind::UnexpectedSpace { .. } => "UnexpectedSpace",
        ErrorKind::LineTooWide { .. } => "LineTooWide",
        ErrorKind::BulletInsideLine { .. } => "BulletInsideLine",
        ErrorKind::MarkAtLineStart { .. } => "MarkAtLineStart",
        ErrorKind::BareCategory { .. } => "BareCategory",
        ErrorKind::ShortLineContinued { .. } => "ShortLineContinued",
        ErrorKind::TooMany { .. } => "TooMany",
        ErrorKind::KeyOpinionWithoutSource { .. } => "KeyOpinionWithoutSource",
        ErrorKind::AmbiguousGroupCategory { .. } => "AmbiguousGroupCategory",
        ErrorKind::RowLabelMismatch { .. } => "RowLabelMismatch",
    }
}

const ALL_VARIANTS: [&str; 31] = [
    "Empty",
    "Text",
    "Truncated",
    "ExpectedKeyPage",
    "NoKeyOpinions",
    "UnknownTheme",
    "ThemeOutOfOrder",
    "MissingThemeTitle",
    "UnknownRowLabel",
    "ExpectedAreaHeader",
    "UnknownArea",
    "DuplicateArea",
    "AreaOutOfOrder",
    "MissingArea",
    "TooFewAreaBlocks",
    "TooManyAreaBlocks",
    "MalformedHeading",
    "UnknownCategory",
    "EmptyHeading",
    "BulletBeforeHeading",
    "ContinuationWithoutBullet",
    "UnexpectedSpace",
    "LineTooWide",
    "BulletInsideLine",
    "MarkAtLineStart",
    "BareCategory",
    "ShortLineContinued",
    "TooMany",
    "KeyOpinionWithoutSource",
    "AmbiguousGroupCategory",
    "RowLabelMismatch",
];

/// Each malformed fixture, the error it must give, and a phrase the message
/// must contain (what was expected, or what was found).
fn cases() -> Vec<(&'static str, ParseError, &'static str)> {
    use ErrorKind::*;
    let e = |line, kind| Error::new(parse::PATH, line, kind);
    vec![
        ("empty.txt", e(1, Empty), "empty file"),
        (
            "invalid_utf8.txt",
            e(3, Text(TextError::InvalidUtf8)),
            "UTF-8",
        ),
        (
            "truncated.txt",
            e(
                5,
                Truncated {
                    expected: "more key opinions, row labels or the theme title",
                },
            ),
            "found end of file",
        ),
        (
            "truncated_after_title.txt",
            e(
                7,
                Truncated {
                    expected: "an area header (area names separated by spaces)",
                },
            ),
            "found end of file",
        ),
        (
            "not_a_key_page.txt",
            e(
                2,
                ExpectedKeyPage {
                    found: "在宅療養に関する意見".into(),
                },
            ),
            "`主な意見`",
        ),
        ("no_key_opinions.txt", e(4, NoKeyOpinions), "key opinion"),
        (
            "unknown_theme.txt",
            e(
                7,
                UnknownTheme {
                    found: "テーマ③　在宅療養について".into(),
                },
            ),
            "`テーマ①　在宅療養に関する地域の現状・課題等について`",
        ),
        (
            "theme_out_of_order.txt",
            e(
                7,
                ThemeOutOfOrder {
                    expected: "テーマ①",
                    found: "テーマ②",
                },
            ),
            "the title of テーマ①",
        ),
        (
            "missing_theme_title.txt",
            e(7, MissingThemeTitle),
            "theme title",
        ),
        (
            "unknown_row_label.txt",
            e(
                5,
                UnknownRowLabel {
                    label: "その他の意見".into(),
                },
            ),
            "row label",
        ),
        (
            "expected_area_header.txt",
            e(
                14,
                ExpectedAreaHeader {
                    found: "補足".into(),
                },
            ),
            "area header",
        ),
        (
            "unknown_area.txt",
            e(
                9,
                UnknownArea {
                    name: "区北部".into(),
                },
            ),
            "area name",
        ),
        (
            "duplicate_area.txt",
            e(
                17,
                DuplicateArea {
                    name: "区南部",
                    first_line: 9,
                },
            ),
            "first named on line 9",
        ),
        (
            // 区南部 comes after 区西南部 in the previous header.
            "area_out_of_order.txt",
            e(
                17,
                AreaOutOfOrder {
                    name: "区南部",
                    after: "区西南部",
                },
            ),
            "official order",
        ),
        (
            "missing_area.txt",
            e(
                29,
                MissingArea {
                    name: "北多摩北部"
                },
            ),
            "北多摩北部",
        ),
        (
            "too_few_area_blocks.txt",
            e(
                17,
                TooFewAreaBlocks {
                    expected: 3,
                    found: 2,
                    header_line: 9,
                },
            ),
            "3 area blocks",
        ),
        (
            "too_many_area_blocks.txt",
            e(
                14,
                TooManyAreaBlocks {
                    expected: 1,
                    header_line: 9,
                },
            ),
            "1 area blocks",
        ),
        (
            "malformed_heading.txt",
            e(
                11,
                MalformedHeading {
                    found: "【医療資源等".into(),
                },
            ),
            "`【category】`",
        ),
        (
            "unknown_category.txt",
            e(
                13,
                UnknownCategory {
                    label: "在宅医療資源".into(),
                },
            ),
            "known category",
        ),
        (
            "empty_heading.txt",
            e(
                13,
                EmptyHeading {
                    label: "多職種連携".into(),
                },
            ),
            "after `【多職種連携】`",
        ),
        (
            "bullet_before_heading.txt",
            e(11, BulletBeforeHeading),
            "heading before the first opinion",
        ),
        (
            "continuation_without_bullet.txt",
            e(
                12,
                ContinuationWithoutBullet {
                    found: "在宅医が少ない".into(),
                },
            ),
            "starting with ○ or 〇",
        ),
        (
            "unexpected_space.txt",
            e(
                23,
                UnexpectedSpace {
                    found: "〇在宅専門医が 増えてきている".into(),
                },
            ),
            "no space",
        ),
        (
            // Lines 20 and 21 joined: 68 columns, an area page's are 38 at most.
            "line_too_wide.txt",
            e(
                20,
                LineTooWide {
                    width: 68,
                    max: 38,
                    page: "an area page",
                    found: "○在宅医の数が適正か分からない。在宅医療のニーズと在宅医の数のマッチ"
                        .into(),
                },
            ),
            "at most 38 columns",
        ),
        (
            // Lines 22 and 23 joined: the end of one opinion and the next.
            "bullet_inside_line.txt",
            e(
                22,
                BulletInsideLine {
                    found: "ングが必要〇在宅専門医が増えてきている".into(),
                },
            ),
            "only at the start of a line",
        ),
        (
            "mark_at_line_start.txt",
            e(
                23,
                MarkAtLineStart {
                    found: "・在宅専門医が増えてきている".into(),
                },
            ),
            "starting with ○ or 〇",
        ),
        (
            "bare_category.txt",
            e(
                24,
                BareCategory {
                    found: "情報共有(ICT含む)".into(),
                },
            ),
            "bare category name",
        ),
        (
            // The bullet of line 23 dropped: line 22, `ングが必要`, is 10
            // columns wide, so it ended its opinion.
            "short_line_continued.txt",
            e(
                23,
                ShortLineContinued {
                    width: 10,
                    min: 30,
                    page: "an area page",
                    found: "在宅専門医が増えてきている".into(),
                },
            ),
            "10 columns wide",
        ),
        (
            // The 100th opinion of 区中央部's block, on line 121.
            "too_many.txt",
            e(
                121,
                TooMany {
                    what: "opinions in an area block",
                },
            ),
            "at most 99",
        ),
        (
            "key_opinion_without_source.txt",
            e(
                10,
                KeyOpinionWithoutSource {
                    text: "どの地域も言っていない意見".into(),
                },
            ),
            "match an area opinion",
        ),
        (
            "ambiguous_group_category.txt",
            e(4, AmbiguousGroupCategory { group: 1 }),
            "group 1",
        ),
        (
            "row_label_mismatch.txt",
            e(
                12,
                RowLabelMismatch {
                    label: "老健施設"
                },
            ),
            "`老健施設`",
        ),
    ]
}

#[test]
fn each_malformed_fixture_gives_its_error_at_its_line() {
    let mut failures = Vec::new();
    for (file, expected, phrase) in cases() {
        let got = check(&read(&format!("bad/{file}")));
        match got {
            Ok(_) => failures.push(format!("{file}: parsed without error")),
            Err(err) if err != expected => {
                failures.push(format!("{file}: got {err:?}, expected {expected:?}"))
            }
            Err(err) => {
                // Each fixture stands in for the document.
                let message = err.to_string();
                let prefix = format!("data/shiryo-3-2.txt:{}: expected ", expected.line);
                if !message.starts_with(&prefix) || !message.contains(phrase) {
                    failures.push(format!(
                        "{file}: message `{message}` should start with `{prefix}` and mention `{phrase}`"
                    ));
                }
                if message.contains('\n') {
                    failures.push(format!("{file}: message spans lines: {message}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_error_kind_has_a_fixture() {
    let cases = cases();
    let covered: Vec<&str> = cases.iter().map(|(_, e, _)| variant(&e.kind)).collect();
    let missing: Vec<&str> = ALL_VARIANTS
        .iter()
        .copied()
        .filter(|v| !covered.contains(v))
        .collect();
    assert!(missing.is_empty(), "no fixture for {missing:?}");
    // And the fixture directory holds no fixture that no case checks.
    let mut on_disk: Vec<String> = std::fs::read_dir(format!("{FIXTURES}/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = cases.iter().map(|(f, _, _)| f.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn link_errors_come_from_documents_that_parse() {
    // The three provenance errors are not parse errors: the documents are
    // well-formed and only `link` rejects them.
    for file in [
        "key_opinion_without_source.txt",
        "ambiguous_group_category.txt",
        "row_label_mismatch.txt",
    ] {
        let doc = parse::parse(&read(&format!("bad/{file}")));
        assert!(doc.is_ok(), "{file}: {doc:?}");
    }
}

#[test]
fn a_blank_only_file_is_empty() {
    let err = parse::parse(b"\n  \n\t\n").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Empty);
}

#[test]
fn invalid_utf8_is_reported_on_its_own_line() {
    // The line of the first bad byte, counted in the valid prefix: a stray
    // byte, and a character cut in half at the end of the file.
    let cut = "医".as_bytes();
    for (bytes, line) in [
        (b"\xff".to_vec(), 1),
        ([&b"\n\n"[..], &cut[..2]].concat(), 3),
        (["主な意見\n\n○在宅\n".as_bytes(), &cut[..1]].concat(), 4),
    ] {
        let err = parse::parse(&bytes).unwrap_err();
        assert_eq!(
            (err.line, err.kind),
            (line, ErrorKind::Text(TextError::InvalidUtf8))
        );
    }
}

// --- boundaries: lines that can never continue an opinion ------------------

/// The valid fixture with its line `n` (1-based) removed.
fn small_without_line(n: usize) -> (Vec<String>, String) {
    let good = String::from_utf8(read("good/small.txt")).unwrap();
    let mut lines: Vec<String> = good.split('\n').map(str::to_owned).collect();
    let removed = lines.remove(n - 1);
    (lines, removed)
}

fn texts(doc: &Document) -> (Vec<&str>, Vec<&str>) {
    (
        doc.opinions.iter().map(|o| o.text.as_str()).collect(),
        doc.key_opinions.iter().map(|k| k.text.as_str()).collect(),
    )
}

#[test]
fn furniture_or_a_header_right_after_an_opinion_is_not_glued_to_it() {
    let good = check(&read("good/small.txt")).unwrap();
    // Line 62 is the blank before `資料 ３－２`; line 42 the blank before the
    // second area header of theme ①.
    for (blank, next) in [
        (62, "資料 ３－２ "),
        (42, "区東部 西多摩 南多摩 北多摩西部 北多摩南部 北多摩北部"),
    ] {
        let (lines, removed) = small_without_line(blank);
        assert_eq!((removed.as_str(), lines[blank - 1].as_str()), ("", next));
        let doc = check(lines.join("\n").as_bytes())
            .unwrap_or_else(|e| panic!("without line {blank}: {e}"));
        assert_eq!(texts(&doc), texts(&good), "without line {blank}");
    }
}

#[test]
fn a_theme_title_right_after_a_key_opinion_ends_it() {
    // Drop the blank line between the last key opinion of theme ① (line 10)
    // and its row label, and the label itself: the title follows directly.
    let good = check(&read("good/small.txt")).unwrap();
    let (lines, _) = small_without_line(11);
    let mut lines = lines;
    assert_eq!(lines.remove(10), "その他");
    assert_eq!(lines.remove(10), "");
    assert!(lines[10].starts_with("テーマ①"));
    let doc = parse::parse(lines.join("\n").as_bytes()).unwrap();
    assert_eq!(texts(&doc), texts(&good));
    assert_eq!(doc.row_labels.len(), good.row_labels.len() - 1);
}

#[test]
fn furniture_among_row_labels_is_skipped() {
    let good = check(&read("good/small.txt")).unwrap();
    let (mut lines, _) = small_without_line(13); // the blank after `その他`
    lines.insert(12, "資料 ３－２".to_owned());
    let doc = check(lines.join("\n").as_bytes()).unwrap();
    assert_eq!(doc.row_labels, good.row_labels);
    assert_eq!(doc.roles[12], LineRole::Furniture);
}

#[test]
fn a_theme_title_where_a_block_is_expected_means_too_few_blocks() {
    let good = String::from_utf8(read("good/small.txt")).unwrap();
    let mut lines: Vec<&str> = good.split('\n').take(58).collect();
    lines.extend(["", " テーマ①　在宅療養に関する地域の現状・課題等について"]);
    let err = parse::parse(lines.join("\n").as_bytes()).unwrap_err();
    // Line 43 names six areas; the title on line 60 comes after five blocks.
    assert_eq!(
        err,
        Error::new(
            parse::PATH,
            60,
            ErrorKind::TooFewAreaBlocks {
                expected: 6,
                found: 5,
                header_line: 43
            }
        )
    );
}

// --- the wrap rule, measured on the document --------------------------------

/// The wrap widths in `parse::KEY_PAGE` and `parse::AREA_PAGE` are the
/// document's own extremes: the narrowest line that continues and the
/// widest opinion line of each page kind. So the rule rejects no line of
/// the document, and could not be tighter without rejecting one.
#[test]
fn the_wrap_rule_is_the_documents_own_and_rejects_none_of_its_lines() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/shiryo-3-2.txt")).unwrap();
    let doc = parse::parse(&bytes).expect("the document parses");
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.lines().map(|l| l.trim_matches(' ')).collect();
    // (first, last) line spans of each page kind's opinions.
    let spans = |key: bool| -> Vec<(u32, u32)> {
        if key {
            doc.key_opinions
                .iter()
                .map(|k| (k.first_line, k.last_line))
                .collect()
        } else {
            doc.opinions
                .iter()
                .map(|o| (o.first_line, o.last_line))
                .collect()
        }
    };
    for (key, wrap) in [(true, &parse::KEY_PAGE), (false, &parse::AREA_PAGE)] {
        let width = |n: u32| parse::width(lines[n as usize - 1]);
        let continued: Vec<usize> = spans(key)
            .iter()
            .flat_map(|&(a, b)| (a..b).map(width))
            .collect();
        let all: Vec<usize> = spans(key)
            .iter()
            .flat_map(|&(a, b)| (a..=b).map(width))
            .collect();
        let rejected = continued
            .iter()
            .filter(|&&w| w < wrap.min_continued)
            .count();
        println!(
            "{}: {} continued lines, {} to {} columns; opinion lines at most {}",
            wrap.page,
            continued.len(),
            continued.iter().min().unwrap(),
            continued.iter().max().unwrap(),
            all.iter().max().unwrap()
        );
        assert_eq!(rejected, 0, "{}", wrap.page);
        assert_eq!(
            continued.iter().min(),
            Some(&wrap.min_continued),
            "{}",
            wrap.page
        );
        assert_eq!(all.iter().max(), Some(&wrap.max), "{}", wrap.page);
    }
    // Line 150 ends at 「。」 short of its column's 34 columns and continues.
    assert_eq!(lines[149], "○在宅医の数が適正か分からない。");
    assert_eq!(parse::width(lines[149]), 32);
    assert!(doc
        .opinions
        .iter()
        .any(|o| o.first_line == 150 && o.last_line == 152));
}

#[test]
fn a_long_message_is_cut_under_1_kb_at_a_character_boundary() {
    let e: Error = Error::new(
        "data/x.tsv",
        7,
        format!("expected less, found {}", "長".repeat(2000)),
    );
    let message = e.to_string();
    assert!(
        message.len() <= build::reader::MAX_MESSAGE,
        "{}",
        message.len()
    );
    assert!(message.starts_with("data/x.tsv:7: expected less, found 長長"));
    assert!(message.ends_with("長…"));
    // Short ones are left alone.
    let e: Error = Error::new("data/x.tsv", 7, "expected less");
    assert_eq!(e.to_string(), "data/x.tsv:7: expected less");
}
