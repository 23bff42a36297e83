//! The READMEs read right as plain Markdown (on a forge, on crates.io, in an
//! editor) and as crate docs.
//!
//! `README.md` is the crate's front page (`src/lib.rs` includes it) and
//! `README.ja.md` the `ja` module's docs. As Markdown they must not use
//! what only rustdoc understands: a link label with no definition in the
//! file (rustdoc resolves ``[`Opinion`]`` to the item, Markdown prints the
//! brackets), a link to an item path, or a hidden doc-test line (`# …`,
//! which rustdoc hides and Markdown shows). Every example is a full Rust
//! program or body that runs as a doc test: no `ignore` or `no_run`.
//!
//! For the crate docs, the labels the READMEs define as file paths, and
//! the item labels, must be defined again in `src/lib.rs` (or in
//! `docs/heatmaps.md`, which it includes first): CommonMark keeps the first
//! definition of a label, so on docs.rs those win and become item links or
//! inline pictures. rustdoc (`-D warnings` in CI) checks that they resolve.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A fenced code block: its first line (1-based), info string and lines.
struct Block {
    line: usize,
    info: String,
    lines: Vec<String>,
}

/// What a Markdown file is made of, as far as these checks need.
struct Doc {
    /// The text outside fenced code blocks, with the blocks' lines blank
    /// (so positions keep their line numbers).
    prose: String,
    blocks: Vec<Block>,
}

fn parse(text: &str) -> Doc {
    let mut prose = String::new();
    let mut blocks = Vec::new();
    let mut open: Option<(String, Block)> = None; // (fence, block)
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let fence: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        let is_fence = indent <= 3
            && fence.len() >= 3
            && fence.chars().all(|c| c == fence.chars().next().unwrap());
        match &mut open {
            Some((opening, block)) => {
                if is_fence
                    && fence.starts_with(opening.as_str())
                    && trimmed[fence.len()..].trim().is_empty()
                {
                    blocks.push(open.take().unwrap().1);
                } else {
                    block.lines.push(line.to_string());
                }
                prose.push('\n');
            }
            None if is_fence => {
                let info = trimmed[fence.len()..].trim().to_string();
                open = Some((
                    fence,
                    Block {
                        line: i + 1,
                        info,
                        lines: Vec::new(),
                    },
                ));
                prose.push('\n');
            }
            None => {
                prose.push_str(line);
                prose.push('\n');
            }
        }
    }
    assert!(open.is_none(), "a code block is not closed");
    Doc { prose, blocks }
}

/// Whether rustdoc compiles the block as Rust: no info string, or a first
/// word that is `rust` or one of rustdoc's attributes.
fn is_rust(info: &str) -> bool {
    let first = info.split([',', ' ']).next().unwrap_or("");
    first.is_empty()
        || first == "rust"
        || [
            "ignore",
            "no_run",
            "should_panic",
            "compile_fail",
            "edition",
            "test_harness",
        ]
        .iter()
        .any(|a| first.starts_with(a))
}

/// The prose with every code span's characters replaced by `x` (line
/// breaks kept, so positions stay): brackets inside code spans are not link
/// syntax, and neither is an escaped character.
fn mask_code_spans(prose: &str) -> Vec<char> {
    let chars: Vec<char> = prose.chars().collect();
    let mut masked = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' {
            // An escaped character is not syntax.
            if i + 1 < chars.len() {
                masked[i + 1] = ' ';
            }
            i += 2;
            continue;
        }
        if chars[i] != '`' {
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&c| c == '`').count();
        // The closing run: the next run of exactly the same length.
        let mut j = i + run;
        let mut close = None;
        while j < chars.len() {
            if chars[j] == '`' {
                let r = chars[j..].iter().take_while(|&&c| c == '`').count();
                if r == run {
                    close = Some(j);
                    break;
                }
                j += r;
            } else {
                j += 1;
            }
        }
        match close {
            Some(j) => {
                for c in &mut masked[i..j + run] {
                    if *c != '\n' {
                        *c = 'x';
                    }
                }
                i = j + run;
            }
            None => i += run,
        }
    }
    masked
}

/// A link label as CommonMark compares them: case-folded, white space
/// collapsed.
fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The heading anchors a forge makes: lower case, letters, digits, `-` and
/// `_` kept, spaces to `-`, everything else dropped.
fn anchors(prose: &str) -> BTreeSet<String> {
    prose
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix('#'))
        .map(|h| h.trim_start_matches('#').trim())
        .map(|h| {
            h.to_lowercase()
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

/// Whether this is the packaged crate (`cargo package` writes
/// `Cargo.toml.orig`), which leaves out repository files the README links
/// (the pictures, the explorer): they are checked in the repository.
fn is_packaged() -> bool {
    Path::new(ROOT).join("Cargo.toml.orig").is_file()
}

/// Whether a link destination works in plain Markdown: a web address, an
/// anchor of a heading of this file, or a file of the repository.
fn destination_problem(dest: &str, anchors: &BTreeSet<String>) -> Option<String> {
    if dest.starts_with("https://") || dest.starts_with("http://") {
        None
    } else if let Some(anchor) = dest.strip_prefix('#') {
        (!anchors.contains(anchor)).then(|| format!("no heading has the anchor #{anchor}"))
    } else if Path::new(ROOT).join(dest).is_file()
        // The package leaves out some linked files; a path still looks
        // like one (an item path such as `Opinion::text` does not).
        || (is_packaged() && (dest.contains('/') || dest.contains('.')))
    {
        None
    } else {
        Some(format!(
            "`{dest}` is neither a web address, an anchor nor a file of the repository \
             (an item path works only in rustdoc)"
        ))
    }
}

struct Links {
    /// Label (normalised) → (label as written, destination).
    definitions: BTreeMap<String, (String, String)>,
    /// Problems found, with their line numbers.
    problems: Vec<String>,
}

fn links(doc: &Doc) -> Links {
    let masked = mask_code_spans(&doc.prose);
    let original: Vec<char> = doc.prose.chars().collect();
    let line_of = |pos: usize| original[..pos].iter().filter(|&&c| c == '\n').count() + 1;
    let text = |a: usize, b: usize| original[a..b].iter().collect::<String>();
    let anchors = anchors(&doc.prose);
    let mut definitions = BTreeMap::new();
    let mut problems = Vec::new();

    // Definitions: `[label]: destination` at the start of a line.
    let mut definition_lines = BTreeSet::new();
    for (n, line) in doc.prose.lines().enumerate() {
        let trimmed = line.trim_start();
        if line.len() - trimmed.len() > 3 || !trimmed.starts_with('[') {
            continue;
        }
        if let Some((label, rest)) = trimmed[1..].split_once("]:") {
            let dest = rest.trim().to_string();
            if let Some(p) = destination_problem(&dest, &anchors) {
                problems.push(format!("line {}: [{label}]: {p}", n + 1));
            }
            definitions.insert(normalize_label(label), (label.to_string(), dest));
            definition_lines.insert(n + 1);
        }
    }

    // Uses: `[text](destination)`, `[text][label]`, `[label][]`, `[label]`.
    let mut i = 0;
    while i < masked.len() {
        if masked[i] != '[' || definition_lines.contains(&line_of(i)) {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..masked.len()).find(|&j| masked[j] == ']' || masked[j] == '[')
        else {
            break;
        };
        if masked[close] == '[' {
            i = close; // a nested bracket: the inner one is the link text
            continue;
        }
        let inner = text(i + 1, close);
        let after = masked.get(close + 1).copied();
        let line = line_of(i);
        if after == Some('(') {
            let end = (close + 2..masked.len())
                .find(|&j| masked[j] == ')')
                .unwrap_or(masked.len());
            let dest = text(close + 2, end);
            let dest = dest.split_whitespace().next().unwrap_or("");
            if let Some(p) = destination_problem(dest, &anchors) {
                problems.push(format!("line {line}: [{inner}]({dest}): {p}"));
            }
            i = end;
            continue;
        }
        let (label, next) = if after == Some('[') {
            let end = (close + 2..masked.len())
                .find(|&j| masked[j] == ']')
                .unwrap_or(masked.len());
            let label = text(close + 2, end);
            (
                if label.is_empty() {
                    inner.clone()
                } else {
                    label
                },
                end + 1,
            )
        } else {
            (inner.clone(), close + 1)
        };
        if !definitions.contains_key(&normalize_label(&label)) {
            problems.push(format!(
                "line {line}: [{label}] has no definition in the file: as Markdown it shows \
                 the brackets (only rustdoc resolves item names)"
            ));
        }
        i = next;
    }
    Links {
        definitions,
        problems,
    }
}

/// Whether a character is Japanese script (kana, kanji, full-width forms
/// and punctuation), between which no space is written.
fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Lines of prose whose break falls between two Japanese characters: a
/// Markdown renderer turns the break into a space, which Japanese does not
/// have ("形に まとめた").
fn japanese_line_breaks(prose: &str) -> Vec<usize> {
    let lines: Vec<&str> = prose.lines().collect();
    (1..lines.len())
        .filter(|&i| {
            let end = lines[i - 1].trim_end().chars().last();
            let start = lines[i].trim_start().chars().next();
            matches!((end, start), (Some(a), Some(b)) if is_japanese(a) && is_japanese(b))
        })
        .collect()
}

/// The problems of one README as plain Markdown.
fn markdown_problems(path: &str) -> (Doc, Links, Vec<String>) {
    let doc = parse(&read(path));
    let links = links(&doc);
    let mut problems: Vec<String> = links
        .problems
        .iter()
        .map(|p| format!("{path}: {p}"))
        .collect();
    for line in japanese_line_breaks(&doc.prose) {
        problems.push(format!(
            "{path}: line {line}: a line break between Japanese characters shows as a space; \
             keep the sentence on one line"
        ));
    }
    for block in doc.blocks.iter().filter(|b| is_rust(&b.info)) {
        if block.info.contains("ignore") || block.info.contains("no_run") {
            problems.push(format!(
                "{path}: line {}: a `{}` example does not run as a doc test",
                block.line, block.info
            ));
        }
        for (k, l) in block.lines.iter().enumerate() {
            let t = l.trim_start();
            if t == "#" || t.starts_with("# ") {
                problems.push(format!(
                    "{path}: line {}: a hidden doc-test line shows as `{t}` in Markdown",
                    block.line + 1 + k
                ));
            }
        }
    }
    (doc, links, problems)
}

/// The labels `src/lib.rs` (with `docs/heatmaps.md`) defines for the crate
/// docs.
fn crate_doc_definitions() -> BTreeSet<String> {
    let text = read("src/lib.rs") + &read("docs/heatmaps.md");
    text.lines()
        .filter_map(|l| {
            let l = l.trim_start().trim_start_matches("///").trim_start();
            let l = l.strip_prefix("#![doc = concat!(\"").unwrap_or(l);
            l.strip_prefix('[')?
                .split_once("]:")
                .map(|(label, _)| normalize_label(label))
        })
        .collect()
}

fn check(path: &str) -> Vec<String> {
    let (doc, links, mut problems) = markdown_problems(path);
    assert!(!links.definitions.is_empty() || path.ends_with(".ja.md"));
    assert!(
        doc.blocks.iter().any(|b| is_rust(&b.info)),
        "{path} has no Rust example"
    );
    let crate_docs = crate_doc_definitions();
    for (label, (written, dest)) in &links.definitions {
        let is_file = !dest.starts_with('#') && !dest.contains("://");
        let is_item = written.starts_with('`');
        if (is_file || is_item) && !crate_docs.contains(label) {
            problems.push(format!(
                "{path}: [{written}]: {dest} is not defined again in src/lib.rs, so on docs.rs \
                 it stays {}",
                if is_item {
                    "a link to a README heading, not to the item"
                } else {
                    "a relative path that docs.rs does not serve"
                }
            ));
        }
    }
    problems
}

#[test]
fn readme_reads_right_as_markdown_and_as_crate_docs() {
    let problems = check("README.md");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn japanese_readme_reads_right_as_markdown_and_as_module_docs() {
    let problems = check("README.ja.md");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checks find what they are for: each kind of problem, in a README
/// that has it, and nothing in one that has none.
#[test]
fn the_checks_find_rustdoc_only_syntax() {
    let bad = "# T\n\nSee [`Opinion`] and [text](Opinion::text), [ok][def].\n\n\
               ```rust\n# fn hidden() {}\nlet x = 1;\n```\n\n```rust,ignore\nlet y = 2;\n```\n\n\
               [def]: #t\n[gone]: #nowhere\n";
    let doc = parse(bad);
    let l = links(&doc);
    let joined = l.problems.join("\n");
    assert!(joined.contains("[`Opinion`] has no definition"), "{joined}");
    assert!(joined.contains("`Opinion::text` is neither"), "{joined}");
    assert!(
        joined.contains("no heading has the anchor #nowhere"),
        "{joined}"
    );
    assert!(
        !joined.contains("[ok]") && !joined.contains("[def]:"),
        "{joined}"
    );
    assert_eq!(l.problems.len(), 3, "{joined}");
    let rust: Vec<_> = doc.blocks.iter().filter(|b| is_rust(&b.info)).collect();
    assert_eq!(rust.len(), 2);
    assert!(rust[0].lines.iter().any(|l| l.starts_with("# ")));

    assert_eq!(
        japanese_line_breaks("形に\nまとめた。\nA\n形に\n\nまとめた"),
        [1]
    );

    let good =
        "# T\n\n`[not a link]` and [`Query`] and [here](#t).\n\n```toml\n# a comment\n```\n\n\
                [`Query`]: https://example.org/\n";
    let doc = parse(good);
    assert!(
        links(&doc).problems.is_empty(),
        "{}",
        links(&doc).problems.join("\n")
    );
    assert!(doc.blocks.iter().all(|b| !is_rust(&b.info)));
}

/// The counts both READMEs state are the crate's: each sentence is built
/// from the dataset and must appear as written.
#[test]
fn the_readmes_counts_are_the_datasets() {
    use zaitaku_opinions::{key_groups, points, Category, Region, Theme};

    let [t1, t2] = Theme::ALL.map(|t| t.opinions().len());
    let [k1, k2] = Theme::ALL.map(|t| t.key_opinions().len());
    let [g1, g2] = Theme::ALL.map(|t| key_groups(t).count());
    let areas = Region::ALL.len();
    let municipalities: usize = Region::ALL.iter().map(|r| r.municipalities().len()).sum();
    assert!(Theme::ALL
        .iter()
        .all(|&t| Region::Tosho.opinions(t).is_empty()));
    let en = read("README.md");
    for expected in [
        format!(
            "| area opinions | {} (テーマ① {t1}, テーマ② {t2}) |",
            t1 + t2
        ),
        format!(
            "| key opinions (主な意見) | {} (テーマ① {k1} in {g1} groups, テーマ② {k2} in {g2}) |",
            k1 + k2
        ),
        format!("| areas | {areas} (島しょ has no opinions in this source) |"),
        format!("| themes | {} |", Theme::ALL.len()),
        format!(
            "| categories (the document's 【…】 headings) | {} |",
            Category::ALL.len()
        ),
        format!(
            "| points (論点), this crate's reading | {} |",
            points().len()
        ),
    ] {
        assert!(en.contains(&expected), "README.md does not say: {expected}");
    }
    let ja = read("README.ja.md");
    for expected in [
        format!(
            "圏域の意見 {} 件（テーマ① {t1} 件、テーマ② {t2} 件）と、主な意見 {} 件（テーマ① {g1} グループ {k1} 件、テーマ② {g2} グループ {k2} 件）",
            t1 + t2,
            k1 + k2
        ),
        format!("二次保健医療圏 {areas} 圏域。島しょ圏域の意見はこの資料にはありません。"),
        format!("分類 {} 種", Category::ALL.len()),
        format!("都内 {municipalities} 区市町村"),
        format!("論点（{} 件）", points().len()),
        format!("全 {} 件（主な意見と圏域の意見）", t1 + t2 + k1 + k2),
    ] {
        assert!(ja.contains(&expected), "README.ja.md does not say: {expected}");
    }
}
