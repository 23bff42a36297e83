//! Seeded random corruptions of `data/shiryo-3-2.txt`, each run through the
//! build-time pipeline (`src/build/`, mounted as `build.rs` mounts it) on an
//! in-memory copy: the file itself is never touched.
//!
//! Each mutation is run once and judged twice: with the pins switched off
//! (parse and link only: what the reader itself catches) and with them on
//! (the facts checked against `data/pins.tsv`, as `build.rs` does). The
//! outcome is one of:
//!
//! - **rejected**: an error naming a line inside the file (or inside
//!   `data/pins.tsv`), under 1 KB, on one line;
//! - **identical**: the same records, line spans included;
//! - **lines only**: the same records, but some line spans moved (a line
//!   split or added where the reader allows it: the spans follow the edited
//!   file, so the dataset is right about it);
//! - **text changed**: the same ids, categories and sources, other texts;
//! - **structure changed**: ids, areas, categories, groups or key-opinion
//!   sources changed.
//!
//! # What the reader alone must catch
//!
//! Kinds a careful reader of the text alone would catch change nothing
//! silently with the pins off (no text or structure change):
//!
//! - `lookalike bullet`: `○` or `〇` replaced by `・`, `◯`, `●`, `◎`, `⚪`,
//!   `⭕`, `•` or `◦`;
//! - `invisible char`: NUL, a zero-width space, a BOM, U+2028, a lone CR, a
//!   soft hyphen, a word joiner, a direction mark, a control character, or a
//!   space (ASCII, U+3000, U+00A0, tab) inserted anywhere;
//! - `broken heading`: `【label】` made `label】`, `【label`, `label`,
//!   `[label]`, `［label］`, `〔label〕`, `「label」` or `(label)`;
//! - `split line`: a line broken in two inside it, which makes a
//!   continuation line that can only be one if the line before it still
//!   fills the page's width (then the text is the same).
//!
//! # What no reader can catch
//!
//! The other kinds can make a text that follows every rule of the
//! document, so only the pins catch them:
//!
//! - `delete line`, `duplicate line`: a whole one-line opinion deleted or
//!   repeated reads as a valid area block;
//! - `swap lines`: two one-line opinions (or two wrapped lines of the same
//!   width) exchanged read as valid;
//! - `join lines`: a line joined to the next can still fit the page's width
//!   and read as one opinion; joining a blank line drops it, which can
//!   merge two key-opinion groups;
//! - `drop bullet`: after a line that fills the page's width, the opinion
//!   reads as the wrapped rest of the one above;
//! - `truncate`: a file cut inside its last opinion is a shorter opinion;
//! - `change label`: a heading replaced by another valid category;
//! - `edit text`: a character of an opinion replaced by another.
//!
//! With the pins on, every mutation of every kind is rejected or builds the
//! identical dataset.

use crate::build;

use build::link::{self, Links, MatchKind};
use build::parse::{self, Document};
use build::{municipality, pins, reader};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SEED: u64 = 0x5eed_2026_0012;
const PER_KIND: usize = 170;

/// xorshift64*: small, seeded, good enough to pick positions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    LookalikeBullet,
    InvisibleChar,
    BrokenHeading,
    SplitLine,
    DeleteLine,
    DuplicateLine,
    SwapLines,
    JoinLines,
    DropBullet,
    Truncate,
    ChangeLabel,
    EditText,
}

const KINDS: [Kind; 12] = [
    Kind::LookalikeBullet,
    Kind::InvisibleChar,
    Kind::BrokenHeading,
    Kind::SplitLine,
    Kind::DeleteLine,
    Kind::DuplicateLine,
    Kind::SwapLines,
    Kind::JoinLines,
    Kind::DropBullet,
    Kind::Truncate,
    Kind::ChangeLabel,
    Kind::EditText,
];

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::LookalikeBullet => "lookalike bullet",
            Kind::InvisibleChar => "invisible char",
            Kind::BrokenHeading => "broken heading",
            Kind::SplitLine => "split line",
            Kind::DeleteLine => "delete line",
            Kind::DuplicateLine => "duplicate line",
            Kind::SwapLines => "swap lines",
            Kind::JoinLines => "join lines",
            Kind::DropBullet => "drop bullet",
            Kind::Truncate => "truncate",
            Kind::ChangeLabel => "change label",
            Kind::EditText => "edit text",
        }
    }

    /// A careful reader of the text alone catches it (see the module docs).
    fn reader_catches(self) -> bool {
        matches!(
            self,
            Kind::LookalikeBullet | Kind::InvisibleChar | Kind::BrokenHeading | Kind::SplitLine
        )
    }
}

const LOOKALIKES: [char; 8] = ['・', '◯', '●', '◎', '⚪', '⭕', '•', '◦'];
const INVISIBLES: [char; 16] = [
    '\0', '\u{200B}', '\u{FEFF}', '\u{2028}', '\r', '\u{00AD}', '\u{2060}', '\u{200E}', '\u{0B}',
    '\u{1B}', '\u{7F}', '\u{85}', ' ', '\u{3000}', '\u{00A0}', '\t',
];

fn is_bullet_line(l: &str) -> bool {
    l.starts_with(['○', '〇'])
}

fn is_heading(l: &str) -> bool {
    l.starts_with('【') && l.ends_with('】')
}

/// One mutation of `lines` (the file split on LF), or `None` if the kind
/// found nothing to act on with the numbers drawn.
fn mutate(kind: Kind, lines: &[&str], rng: &mut Rng) -> Option<String> {
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let n = out.len();
    let chars_of = |s: &str| s.chars().collect::<Vec<char>>();
    let where_ = |pred: &dyn Fn(&str) -> bool| -> Vec<usize> {
        (0..n).filter(|&i| pred(lines[i])).collect()
    };
    match kind {
        Kind::LookalikeBullet | Kind::DropBullet => {
            let i = rng.pick(&where_(&is_bullet_line));
            let rest: String = lines[i].chars().skip(1).collect();
            out[i] = if kind == Kind::DropBullet {
                rest
            } else {
                format!("{}{rest}", rng.pick(&LOOKALIKES))
            };
        }
        Kind::InvisibleChar => {
            let text = lines.join("\n");
            let chars = chars_of(&text);
            let at = rng.below(chars.len() + 1);
            let mut s: String = chars[..at].iter().collect();
            s.push(rng.pick(&INVISIBLES));
            s.extend(&chars[at..]);
            return Some(s);
        }
        Kind::BrokenHeading => {
            let i = rng.pick(&where_(&is_heading));
            let label = lines[i].trim_start_matches('【').trim_end_matches('】');
            let forms = [
                format!("{label}】"),
                format!("【{label}"),
                label.to_string(),
                format!("[{label}]"),
                format!("［{label}］"),
                format!("〔{label}〕"),
                format!("「{label}」"),
                format!("({label})"),
            ];
            out[i] = forms[rng.below(forms.len())].clone();
        }
        Kind::SplitLine => {
            let i = rng.pick(&where_(&|l: &str| l.chars().count() >= 2));
            let chars = chars_of(lines[i]);
            let at = 1 + rng.below(chars.len() - 1);
            out[i] = chars[..at].iter().collect();
            out.insert(i + 1, chars[at..].iter().collect());
        }
        Kind::DeleteLine => {
            out.remove(rng.below(n));
        }
        Kind::DuplicateLine => {
            let i = rng.below(n);
            out.insert(i, lines[i].to_string());
        }
        Kind::SwapLines => {
            let (i, j) = (rng.below(n), rng.below(n));
            if lines[i] == lines[j] {
                return None;
            }
            out.swap(i, j);
        }
        Kind::JoinLines => {
            let i = rng.below(n - 1);
            let next = out.remove(i + 1);
            out[i].push_str(&next);
        }
        Kind::Truncate => {
            let text = lines.join("\n");
            let chars = chars_of(&text);
            return Some(chars[..rng.below(chars.len())].iter().collect());
        }
        Kind::ChangeLabel => {
            let i = rng.pick(&where_(&is_heading));
            let other = build::vocab::CATEGORIES[rng.below(build::vocab::CATEGORIES.len())].ja;
            if lines[i] == format!("【{other}】") {
                return None;
            }
            out[i] = format!("【{other}】");
        }
        Kind::EditText => {
            let i = rng.pick(&where_(&is_bullet_line));
            let chars = chars_of(lines[i]);
            if chars.len() < 2 {
                return None;
            }
            let at = 1 + rng.below(chars.len() - 1);
            let replacement = rng.pick(&['在', '宅', '医', '療', 'の', 'が', '不', '要', 'ア']);
            if chars[at] == replacement {
                return None;
            }
            let mut c = chars;
            c[at] = replacement;
            out[i] = c.into_iter().collect();
        }
    }
    Some(out.join("\n"))
}

/// What the dataset is made of, in three layers.
#[derive(PartialEq)]
struct Dataset {
    /// Ids, areas, categories, groups, key-opinion sources and match kinds.
    structure: Vec<String>,
    /// Every text, in record order.
    texts: Vec<String>,
    /// Every line span, in record order.
    spans: Vec<(u32, u32)>,
}

fn dataset(doc: &Document, links: &Links) -> Dataset {
    let id = |i: usize| {
        let o = &doc.opinions[i];
        format!("t{}-{}-{:02}", o.theme + 1, o.region, o.position)
    };
    let mut structure: Vec<String> = (0..doc.opinions.len())
        .map(|i| format!("{} {}", id(i), doc.opinions[i].category))
        .collect();
    for (k, key) in doc.key_opinions.iter().enumerate() {
        let p = &links.provenance[k];
        let sources: Vec<String> = p.sources.iter().map(|&s| id(s)).collect();
        let kind = match p.kind {
            MatchKind::Exact => "exact",
            MatchKind::WidthInsensitive => "width",
            MatchKind::Merged => "merged",
        };
        structure.push(format!(
            "t{}-key-{:02}-{:02} {} {kind} {}",
            key.theme + 1,
            key.group,
            key.position,
            links.key_category[k],
            sources.join(",")
        ));
    }
    let texts = doc
        .opinions
        .iter()
        .map(|o| o.text.clone())
        .chain(doc.key_opinions.iter().map(|k| k.text.clone()))
        .collect();
    let spans = doc
        .opinions
        .iter()
        .map(|o| (o.first_line, o.last_line))
        .chain(doc.key_opinions.iter().map(|k| (k.first_line, k.last_line)))
        .collect();
    Dataset {
        structure,
        texts,
        spans,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Rejected,
    Identical,
    LinesOnly,
    TextChanged,
    StructureChanged,
}

const OUTCOMES: [Outcome; 5] = [
    Outcome::Rejected,
    Outcome::Identical,
    Outcome::LinesOnly,
    Outcome::TextChanged,
    Outcome::StructureChanged,
];

fn compare(found: &Dataset, original: &Dataset) -> Outcome {
    if found.structure != original.structure {
        Outcome::StructureChanged
    } else if found.texts != original.texts {
        Outcome::TextChanged
    } else if found.spans != original.spans {
        Outcome::LinesOnly
    } else {
        Outcome::Identical
    }
}

/// The problems with an error message, if any.
fn check_message<K: std::fmt::Display>(
    e: &reader::Error<K>,
    lines_in_file: usize,
) -> Option<String> {
    let message = e.to_string();
    let lines = lines_in_file.max(1) as u32;
    if !(1..=lines).contains(&e.line) {
        return Some(format!("line {} outside 1..={lines}: {message}", e.line));
    }
    if message.len() >= 1024 || message.contains('\n') {
        return Some(format!(
            "message of {} bytes or on several lines",
            message.len()
        ));
    }
    if !message.starts_with(&format!("{}:{}: expected ", e.path, e.line)) {
        return Some(format!("message not `path:line: expected …`: {message}"));
    }
    None
}

/// What every mutation is compared with.
struct Original<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    dataset: Dataset,
    pins_file: &'a [u8],
    municipality_facts: &'a [pins::Fact],
}

/// Counts by (pins on, outcome), and what went wrong.
type Tally = (BTreeMap<(bool, Outcome), usize>, Vec<String>);

/// [`PER_KIND`] mutations of one kind, each run once and judged with the
/// pins off and on. Seeded per kind, so that the figures do not depend on
/// how the kinds are shared between threads.
fn run_kind(kind: Kind, original: &Original<'_>) -> Tally {
    let mut rng = Rng(SEED ^ (kind as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let mut counts = BTreeMap::new();
    let mut failures = Vec::new();
    let mut made = 0;
    while made < PER_KIND {
        let Some(mutated) = mutate(kind, &original.lines, &mut rng) else {
            continue;
        };
        made += 1;
        let lines_in_file = mutated.lines().count();
        let run = catch_unwind(AssertUnwindSafe(|| {
            let doc = parse::parse(mutated.as_bytes())?;
            let links = link::link(&doc)?;
            Ok::<_, parse::ParseError>((doc, links))
        }));
        let (off, on) = match run {
            Err(_) => {
                failures.push(format!("{}: panicked on {mutated:?}", kind.name()));
                continue;
            }
            Ok(Err(e)) => {
                if let Some(problem) = check_message(&e, lines_in_file) {
                    failures.push(format!("{}: {problem}", kind.name()));
                }
                (Outcome::Rejected, Outcome::Rejected)
            }
            Ok(Ok((doc, links))) => {
                let off = compare(&dataset(&doc, &links), &original.dataset);
                let mut facts = pins::document_facts(&doc, &links);
                facts.extend(original.municipality_facts.iter().cloned());
                let on = match pins::check(original.pins_file, &facts, "OUT_DIR/pins.tsv") {
                    Ok(()) => off,
                    Err(e) => {
                        let pin_lines = String::from_utf8_lossy(original.pins_file).lines().count();
                        if let Some(problem) = check_message(&e, pin_lines) {
                            failures.push(format!("{} (pins): {problem}", kind.name()));
                        }
                        Outcome::Rejected
                    }
                };
                (off, on)
            }
        };
        if kind.reader_catches() && off >= Outcome::TextChanged {
            let first_diff = mutated
                .lines()
                .zip(original.text.lines())
                .position(|(a, b)| a != b)
                .map_or(0, |i| i + 1);
            failures.push(format!(
                "{}: {off:?} with the pins off (first changed line {first_diff}: {:?})",
                kind.name(),
                mutated.lines().nth(first_diff.max(1) - 1).unwrap_or("")
            ));
        }
        if !matches!(on, Outcome::Rejected | Outcome::Identical) {
            failures.push(format!("{}: {on:?} with the pins on", kind.name()));
        }
        *counts.entry((false, off)).or_default() += 1;
        *counts.entry((true, on)).or_default() += 1;
    }
    (counts, failures)
}

#[test]
fn random_corruptions_are_rejected_or_change_nothing() {
    let started = std::time::Instant::now();
    let text = std::fs::read_to_string(format!("{ROOT}/data/shiryo-3-2.txt")).unwrap();
    let pins_file = std::fs::read(format!("{ROOT}/data/pins.tsv")).unwrap();
    let municipalities = std::fs::read(format!("{ROOT}/data/municipalities.tsv")).unwrap();
    let records = municipality::parse(&municipalities).unwrap();
    let m_text = reader::decode(municipality::PATH, &municipalities).unwrap();
    let m_facts = pins::municipality_facts(&records, &reader::fingerprint(m_text));
    let doc = parse::parse(text.as_bytes()).unwrap();
    let links = link::link(&doc).unwrap();
    let original = Original {
        text: &text,
        lines: text.split('\n').collect(),
        dataset: dataset(&doc, &links),
        pins_file: &pins_file,
        municipality_facts: &m_facts,
    };

    // Two threads (CI has two cores), each taking every other kind.
    let tallies: Vec<(Kind, Tally)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|t| {
                let original = &original;
                scope.spawn(move || {
                    KINDS
                        .iter()
                        .skip(t)
                        .step_by(2)
                        .map(|&kind| (kind, run_kind(kind, original)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let table: BTreeMap<Kind, &Tally> = tallies.iter().map(|(k, t)| (*k, t)).collect();
    let total = KINDS.len() * PER_KIND;

    println!(
        "{total} mutations (seed {SEED:#x}), {:.1?}",
        started.elapsed()
    );
    for pins_on in [false, true] {
        println!(
            "\npins {}:\n| kind | rejected | identical | lines only | text changed | structure changed |\n|---|---|---|---|---|---|",
            if pins_on { "on" } else { "off" }
        );
        let mut sums = [0; 5];
        for kind in KINDS {
            let row = &table[&kind].0;
            let counts: Vec<usize> = OUTCOMES
                .iter()
                .map(|&o| row.get(&(pins_on, o)).copied().unwrap_or(0))
                .collect();
            for (s, c) in sums.iter_mut().zip(&counts) {
                *s += c;
            }
            let marker = if kind.reader_catches() { " *" } else { "" };
            println!(
                "| {}{marker} | {} |",
                kind.name(),
                counts
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
        println!(
            "| all | {} |",
            sums.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    println!("\n* a kind a careful reader of the text alone catches");
    let failures: Vec<&String> = tallies.iter().flat_map(|(_, t)| &t.1).collect();
    assert!(total >= 2000);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
