//! The parser for the text layer of 資料３－２.
//!
//! Shared by `build.rs` and the tests (mounted with `#[path]`); it never runs
//! inside the library. It reads the document exactly as it is and returns
//! every record with the source lines it came from, plus the role of every
//! line, so that a test can prove nothing was dropped or used twice.
//!
//! # The document's shape
//!
//! For each theme, in order:
//!
//! 1. the key-opinion page: `主な意見`, then groups of bulleted opinions
//!    separated by blank lines (one group per row of the original table),
//!    then the row labels that survived text extraction (one label may be
//!    wrapped over two lines), then the theme title (`テーマ①　…`);
//! 2. one or more area pages: a header line naming areas, then one block per
//!    area, blocks separated by blank lines. A block is a run of `【category】`
//!    headings, each followed by opinions that start with a bullet.
//!
//! Opinions are hard-wrapped: continuation lines are joined with no space.
//! The file is read through [`reader::decode`] and [`reader::lines`]: CRLF
//! line ends, a byte-order mark at the start, and ASCII spaces and tabs at
//! the ends of lines are ignored (the source has none that mean anything),
//! so that the same dataset comes out of a checkout whose tools changed
//! them; a control or invisible character anywhere is an error.
//!
//! # Strict reading
//!
//! A line that fits no rule is an error, never glued onto the opinion
//! above it. Besides the shape above:
//!
//! - **No stray spaces.** Opinion lines hold no space at all; no line
//!   starts or ends with a space other than an ASCII one (a U+3000 before a
//!   bullet would hide it).
//! - **No stray brackets.** `【` and `】` appear only in headings, which are
//!   exactly `【known category】`; an opinion line holding one is a broken
//!   heading (`label】`, `【label`, or a heading joined to a line).
//! - **A wrapped line looks wrapped.** Japanese line breaking never starts a
//!   line with a mark, so a line continuing an opinion starts with a letter,
//!   a digit, `（`, `「` or `『`: `・…`, `◯…`, `●…`, `[label]` are refused
//!   ([`ErrorKind::MarkAtLineStart`]). A line holding only a category name
//!   is a heading that lost its brackets ([`ErrorKind::BareCategory`]).
//! - **Only a full line wraps.** The document is hard-wrapped at a
//!   near-fixed width per page, measured in columns ([`width`]: 2 for a
//!   fullwidth character, 1 for ASCII and halfwidth katakana). Measured on
//!   the document itself:
//!
//!   | page | lines that continue | any opinion line |
//!   |---|---|---|
//!   | key-opinion pages (34 characters) | 66 to 68 columns (42 lines) | at most 68 |
//!   | area pages (a column per area, 15 to 19 characters) | 30 to 38 columns (295 lines) | at most 38 |
//!
//!   Lines that end an opinion are as short as 2 columns, or as long as the
//!   width: they end where the text ends (line 150, `○在宅医の数が適正か分
//!   からない。`, ends at 「。」 two columns short of its column's width and
//!   still continues). So the rule is one-sided: a line narrower than the
//!   page's narrowest continued line ([`Wrap::min_continued`]) ends its
//!   opinion, and a line after it must start a new one
//!   ([`ErrorKind::ShortLineContinued`]); and no opinion line is wider than
//!   the page's widest ([`Wrap::max`], so two lines joined are refused,
//!   [`ErrorKind::LineTooWide`]). It holds for every line of the document:
//!   it rejects none of them (`tests/build/parser.rs` measures it). It cannot tell
//!   a lost bullet after a full line from a wrap: that line reads as the
//!   wrapped rest of the opinion above, and only the pins (`data/pins.tsv`)
//!   notice the change.
//! - **Limits.** Ids number positions and groups with two digits: a 100th
//!   opinion in an area block, key opinion in a group or group in a theme is
//!   an error on its line ([`ErrorKind::TooMany`]).

use crate::build::reader::{self, error_kinds, quote, Error, TextError};
use crate::build::vocab::{CATEGORIES, REGIONS, THEMES};

/// The data file this module reads, as build errors name it.
pub const PATH: &str = "data/shiryo-3-2.txt";

/// The page-furniture lines the parser skips (compared after trimming).
pub const FURNITURE: [&str; 2] = [KEY_PAGE_HEADING, "資料 ３－２"];

/// The heading of each key-opinion page.
pub const KEY_PAGE_HEADING: &str = "主な意見";

/// Bullets that open an opinion: `○` (U+25CB WHITE CIRCLE) and `〇`
/// (U+3007 IDEOGRAPHIC NUMBER ZERO), which the source uses in places.
pub const BULLETS: [char; 2] = ['○', '〇'];

/// Index of the region whose Japanese name is exactly `name`.
pub fn region_by_ja(name: &str) -> Option<usize> {
    REGIONS.iter().position(|r| r.ja == name)
}

/// Index of the category whose canonical name or source label variant is
/// exactly `label` (without 【】).
pub fn category_by_label(label: &str) -> Option<usize> {
    CATEGORIES
        .iter()
        .position(|c| c.ja == label || c.label_variants.contains(&label))
}

/// Index of the theme whose title line (marker, ideographic space, title)
/// is exactly `line` once trimmed.
pub fn theme_by_title_line(line: &str) -> Option<usize> {
    let line = line.trim();
    THEMES.iter().position(|t| {
        line.strip_prefix(t.marker)
            .map(|rest| rest.trim_start_matches(['　', ' ']) == t.ja)
            .unwrap_or(false)
    })
}

/// A parse or link error: [`PATH`], the 1-based line, and what was wrong.
pub type ParseError = Error<ErrorKind>;

error_kinds! {
    /// Everything that can be wrong with a data file.
    pub enum ErrorKind {
        /// The file is empty or holds only blank lines.
        Empty => "expected `主な意見` (the first key-opinion page), found an empty file";
        /// Not UTF-8, or a control or invisible character (see [`reader::decode`]).
        Text(error: TextError) => "{error}";
        /// The file ended where more was expected.
        Truncated { expected: &'static str } => "expected {expected}, found end of file";
        /// A page did not start with `主な意見`.
        ExpectedKeyPage { found: String } => "expected `主な意見` (a key-opinion page), found `{found}`";
        /// A key-opinion page had no opinion before its labels.
        NoKeyOpinions => "expected a key opinion (a line starting with ○ or 〇) after `主な意見`";
        /// A line starting with `テーマ` is not one of the known theme titles.
        UnknownTheme { found: String } => "expected a theme title ({}), found `{found}`", theme_titles();
        /// The themes are not in order (or one is repeated): the markers expected and found.
        ThemeOutOfOrder { expected: &'static str, found: &'static str } => "expected the title of {expected}, found {found} (themes must appear once each, in order)";
        /// An area header came before the theme's title.
        MissingThemeTitle => "expected the theme title (e.g. `テーマ①　…`) before the first area header";
        /// A row label (joined) on a key-opinion page is not a known category.
        UnknownRowLabel { label: String } => "expected a category name as a row label ({}), found `{label}`", list(CATEGORIES.iter().map(|c| c.ja));
        /// After a theme title, the line is not an area header.
        ExpectedAreaHeader { found: String } => "expected an area header (area names separated by spaces, e.g. `区中央部 区南部`), found `{found}`";
        /// An area header names something that is not an area.
        UnknownArea { name: String } => "expected an area name ({}), found `{name}`", list(REGIONS.iter().map(|r| r.ja));
        /// An area appears twice in one theme (first named on `first_line`), so its ids would repeat.
        DuplicateArea { name: &'static str, first_line: u32 } => "expected each area once per theme, found {name} again (first named on line {first_line}); its opinion ids would repeat";
        /// Areas must follow the official order within a theme (the dataset keeps them in that order).
        AreaOutOfOrder { name: &'static str, after: &'static str } => "expected the areas in the official order ({}), found {name} after {after}", list(REGIONS.iter().map(|r| r.ja));
        /// A theme does not cover every area that has opinions (reported on its last area header).
        MissingArea { name: &'static str } => "expected a block for every area, found none for {name} in this theme";
        /// An area header (on `header_line`) named more areas than blocks follow it.
        TooFewAreaBlocks { expected: usize, found: usize, header_line: u32 } => "expected {expected} area blocks after the header on line {header_line}, found {found}";
        /// More blocks follow an area header than it names.
        TooManyAreaBlocks { expected: usize, header_line: u32 } => "expected {expected} area blocks after the header on line {header_line}, found another block";
        /// A `【` heading without its closing `】`.
        MalformedHeading { found: String } => "expected a heading `【category】`, found `{found}`";
        /// A `【category】` heading with an unknown label.
        UnknownCategory { label: String } => "expected a known category in 【】 ({}), found `【{label}】`", list(CATEGORIES.iter().map(|c| c.ja));
        /// A heading followed by no opinion.
        EmptyHeading { label: String } => "expected an opinion (a line starting with ○ or 〇) after `【{label}】`, found none";
        /// An opinion before any `【category】` heading in an area block.
        BulletBeforeHeading => "expected a `【category】` heading before the first opinion of an area block";
        /// Text that is neither a heading nor a bullet, and follows no opinion.
        ContinuationWithoutBullet { found: String } => "expected a `【category】` heading or an opinion starting with ○ or 〇, found `{found}`";
        /// A space inside an opinion line, or a non-ASCII space (U+3000, …) at the start or end of any line.
        UnexpectedSpace { found: String } => "expected no space inside an opinion line or at a line's ends (other than ASCII spaces), found one in `{found}`";
        /// An opinion line wider (in columns) than any line of its page kind.
        LineTooWide { width: usize, max: usize, page: &'static str, found: String } => "expected a line at most {max} columns wide on {page} (the document's widest), found {width} columns in `{found}` (two lines joined?)";
        /// A bullet after the start of an opinion line: two lines joined.
        BulletInsideLine { found: String } => "expected a bullet (○ or 〇) only at the start of a line, found one inside `{found}` (two lines joined?)";
        /// A line after an opinion line that starts with a mark (`・`, `◯`, `●`, `[`…): neither a bullet nor wrapped text.
        MarkAtLineStart { found: String } => "expected an opinion starting with ○ or 〇, or the wrapped rest of the line above (which starts with a letter, a digit, `（` or `「`), found `{found}`";
        /// A category name alone on a line after an opinion line, bare or in other brackets: a heading that lost its `【】`.
        BareCategory { found: String } => "expected a heading `【{found}】` or an opinion starting with ○ or 〇, found the bare category name `{found}`";
        /// A line that would continue an opinion whose previous line (`width` columns) is short of the page's least wrap width `min`, so ended the opinion.
        ShortLineContinued { width: usize, min: usize, page: &'static str, found: String } => "expected an opinion starting with ○ or 〇, found `{found}`; it cannot continue the line above, which is {width} columns wide: lines that wrap on {page} are at least {min}";
        /// More opinions (or groups) than a two-digit id number can count.
        TooMany { what: &'static str } => "expected at most {MAX_NUMBER} {what} (an id numbers them with two digits), found more";
        /// A key opinion that matches no area opinion of its theme.
        KeyOpinionWithoutSource { text: String } => "expected the key opinion `{text}` to match an area opinion of the same theme (exactly, after NFKC, or by the merge rule), found none";
        /// A key-opinion group (1-based) whose sources have no majority category.
        AmbiguousGroupCategory { group: usize } => "expected the sources of key-opinion group {group} to share a majority category, found a tie";
        /// A row label printed on a key-opinion page that does not match the categories derived from the groups' sources.
        RowLabelMismatch { label: &'static str } => "expected row label `{label}` to be the category of exactly one key-opinion group (derived from its sources), found none";
    }
}

impl ErrorKind {
    /// This error at `line` of [`PATH`], as an `Err`.
    pub fn at<T>(self, line: u32) -> Result<T, ParseError> {
        Error::fail(PATH, line, self)
    }
}

/// The theme titles, for a message's list of what was expected.
fn theme_titles() -> String {
    let titles: Vec<String> = THEMES
        .iter()
        .map(|t| format!("`{}　{}`", t.marker, t.ja))
        .collect();
    titles.join(" or ")
}

/// Names, comma-separated, for a message's list of what was expected.
fn list(names: impl Iterator<Item = &'static str>) -> String {
    names.collect::<Vec<_>>().join(", ")
}

/// The role a line of the data file plays. Every line has exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// Empty or whitespace only.
    Blank,
    /// `主な意見` or `資料 ３－２`.
    Furniture,
    /// A theme title (first or repeated).
    ThemeTitle,
    /// A row label (or part of a wrapped one) on a key-opinion page.
    RowLabel,
    /// An area header line.
    AreaHeader,
    /// A `【category】` heading.
    Heading,
    /// Part of the area opinion with this index in [`Document::opinions`].
    Opinion(usize),
    /// Part of the key opinion with this index in [`Document::key_opinions`].
    KeyOpinion(usize),
}

/// An area opinion as parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawOpinion {
    /// Index into [`THEMES`].
    pub theme: usize,
    /// Index into [`REGIONS`].
    pub region: usize,
    /// 1-based position within its area block.
    pub position: usize,
    /// Index into [`CATEGORIES`].
    pub category: usize,
    /// The bullet it started with.
    pub bullet: char,
    /// The text: lines joined, bullet removed.
    pub text: String,
    /// First source line (1-based).
    pub first_line: u32,
    /// Last source line (1-based, inclusive).
    pub last_line: u32,
}

/// A key opinion as parsed (before provenance linking).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawKeyOpinion {
    /// Index into [`THEMES`].
    pub theme: usize,
    /// 1-based group number within the theme's key-opinion page.
    pub group: usize,
    /// 1-based position within the group.
    pub position: usize,
    /// The bullet it started with.
    pub bullet: char,
    /// The text: lines joined, bullet removed.
    pub text: String,
    /// First source line (1-based).
    pub first_line: u32,
    /// Last source line (1-based, inclusive).
    pub last_line: u32,
}

impl RawOpinion {
    /// The id of this area opinion, as the library prints it:
    /// `t1-kuchuobu-03`.
    pub fn id(&self) -> String {
        format!(
            "t{}-{}-{:02}",
            THEMES[self.theme].number, REGIONS[self.region].id_token, self.position
        )
    }
}

impl RawKeyOpinion {
    /// The id of this key opinion, as the library prints it: `t1-key-01-02`.
    pub fn id(&self) -> String {
        format!(
            "t{}-key-{:02}-{:02}",
            THEMES[self.theme].number, self.group, self.position
        )
    }
}

/// A row label that survived extraction on a key-opinion page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowLabel {
    /// Index into [`THEMES`].
    pub theme: usize,
    /// Index into [`CATEGORIES`].
    pub category: usize,
    /// First source line.
    pub first_line: u32,
}

/// The parsed document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Area opinions in document order (theme, then area, then position).
    pub opinions: Vec<RawOpinion>,
    /// Key opinions in document order (theme, then group, then position).
    pub key_opinions: Vec<RawKeyOpinion>,
    /// Row labels in document order.
    pub row_labels: Vec<RowLabel>,
    /// The role of each line; `roles[i]` is line `i + 1`.
    pub roles: Vec<LineRole>,
    /// The text's [`reader::fingerprint`].
    pub fingerprint: String,
}

/// Parses the data file's bytes.
pub fn parse(bytes: &[u8]) -> Result<Document, ParseError> {
    let text = reader::decode(PATH, bytes).map_err(|e| e.map(ErrorKind::Text))?;
    let lines: Vec<&str> = reader::lines(text).map(|(_, l)| l).collect();
    if lines.iter().all(|l| l.is_empty()) {
        return ErrorKind::Empty.at(1);
    }
    // Spaces other than ASCII ones (U+3000, U+00A0, …) sit only between
    // words: at a line's start or end they would hide a bullet or a heading.
    let edge_space =
        |l: &&str| l.starts_with(char::is_whitespace) || l.ends_with(char::is_whitespace);
    if let Some(i) = lines.iter().position(edge_space) {
        return ErrorKind::UnexpectedSpace {
            found: quote(lines[i]),
        }
        .at(i as u32 + 1);
    }
    let mut p = Parser {
        doc: Document {
            roles: vec![LineRole::Blank; lines.len()],
            fingerprint: reader::fingerprint(text),
            ..Document::default()
        },
        lines,
        pos: 0,
    };
    for theme in 0..THEMES.len() {
        p.theme(theme)?;
    }
    // Anything left must be blank or furniture.
    p.skip(|l| l.is_empty() || is_furniture(l));
    if let Some(line) = p.peek() {
        return p.fail(ErrorKind::ExpectedKeyPage { found: quote(line) });
    }
    Ok(p.doc)
}

fn is_furniture(line: &str) -> bool {
    FURNITURE.contains(&line)
}

fn bullet_of(line: &str) -> Option<(char, &str)> {
    let c = line.chars().next()?;
    BULLETS.contains(&c).then(|| (c, &line[c.len_utf8()..]))
}

/// A `【` heading or a bulleted opinion: what an area block is made of.
fn starts_block(line: &str) -> bool {
    line.starts_with('【') || bullet_of(line).is_some()
}

/// Splits an area header into its names, or `None` if the line does not
/// look like one (it must not be a heading, a bullet or a title).
fn header_names(line: &str) -> Option<Vec<&str>> {
    if line.is_empty() || starts_block(line) || line.starts_with("テーマ") || is_furniture(line)
    {
        return None;
    }
    let names: Vec<&str> = line
        .split([' ', '　', '\t'])
        .filter(|s| !s.is_empty())
        .collect();
    // A header names areas; one word alone is only a header if it is an area.
    if names.len() >= 2 || names.iter().all(|n| region_by_ja(n).is_some()) {
        Some(names)
    } else {
        None
    }
}

/// A line that can never continue an opinion: blank, page furniture, a
/// theme title, or an area header that names only known areas. It ends the
/// opinion before it and the area block it is in (so page furniture or a
/// header right after an opinion is not glued onto its text).
fn is_boundary(line: &str) -> bool {
    // A heading or a bullet, the common case, is answered first.
    !starts_block(line)
        && (line.is_empty()
            || is_furniture(line)
            || theme_by_title_line(line).is_some()
            || header_names(line)
                .is_some_and(|names| names.iter().all(|n| region_by_ja(n).is_some())))
}

/// Brackets a heading may have been given instead of `【】`.
const BRACKETS: [char; 18] = [
    '【', '】', '[', ']', '［', '］', '〔', '〕', '(', ')', '（', '）', '「', '」', '『', '』',
    '〈', '〉',
];

/// A category name alone on a line, bare or with any bracket at either end:
/// a heading that lost its `【】`.
fn is_bare_category(line: &str) -> bool {
    let inner = line.strip_prefix(BRACKETS).unwrap_or(line);
    [
        line,
        inner,
        line.strip_suffix(BRACKETS).unwrap_or(line),
        inner.strip_suffix(BRACKETS).unwrap_or(inner),
    ]
    .iter()
    .any(|l| category_by_label(l).is_some())
}

/// The largest position or group number an id can hold (two digits).
pub const MAX_NUMBER: usize = 99;

/// How the document wraps opinion lines on one kind of page, in columns
/// (see [`width`] and "Strict reading" in the module docs).
#[derive(Debug)]
pub struct Wrap {
    /// The page kind, as messages name it.
    pub page: &'static str,
    /// The narrowest line that is continued on the next line.
    pub min_continued: usize,
    /// The widest line.
    pub max: usize,
}

/// Key-opinion pages: wrapped at 34 fullwidth characters (68 columns).
pub const KEY_PAGE: Wrap = Wrap {
    page: "a key-opinion page",
    min_continued: 66,
    max: 68,
};

/// Area pages: each area's column wraps at 15 to 19 fullwidth characters.
pub const AREA_PAGE: Wrap = Wrap {
    page: "an area page",
    min_continued: 30,
    max: 38,
};

/// What a wrapped line may start with besides a letter or digit: opening
/// brackets (Japanese line breaking never starts a line with a mark, a
/// closing bracket or punctuation).
const WRAPPED_OPENERS: [char; 3] = ['（', '「', '『'];

/// A line's width in columns, as the page sets it: 1 for ASCII and
/// halfwidth katakana, 2 for every other character (the document's
/// fullwidth text).
pub fn width(line: &str) -> usize {
    line.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    if c.is_ascii() || ('\u{FF61}'..='\u{FF9F}').contains(&c) {
        1
    } else {
        2
    }
}

struct Parser<'a> {
    lines: Vec<&'a str>,
    pos: usize,
    doc: Document,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&'a str> {
        self.lines.get(self.pos).copied()
    }

    fn line_no(&self) -> u32 {
        (self.pos + 1) as u32
    }

    /// An error on the current line, or on the last line at the end of the
    /// file.
    fn fail<T>(&self, kind: ErrorKind) -> Result<T, ParseError> {
        kind.at(self.line_no().min(self.lines.len() as u32))
    }

    /// [`ErrorKind::TooMany`] if the number `n` of `what` is more than an
    /// id can hold.
    fn numbered(&self, n: usize, what: &'static str) -> Result<(), ParseError> {
        if n > MAX_NUMBER {
            return self.fail(ErrorKind::TooMany { what });
        }
        Ok(())
    }

    /// The error for reaching the end of the file.
    fn eof<T>(&self, expected: &'static str) -> Result<T, ParseError> {
        self.fail(ErrorKind::Truncated { expected })
    }

    /// Gives the current line its role and moves on to the next.
    fn take(&mut self, role: LineRole) {
        self.doc.roles[self.pos] = role;
        self.pos += 1;
    }

    /// Skips lines while `pred` holds, marking blank and furniture lines.
    fn skip(&mut self, pred: impl Fn(&str) -> bool) {
        while let Some(line) = self.peek() {
            if !pred(line) {
                break;
            }
            let role = if line.is_empty() {
                LineRole::Blank
            } else if is_furniture(line) {
                LineRole::Furniture
            } else {
                LineRole::ThemeTitle
            };
            self.take(role);
        }
    }

    fn theme(&mut self, theme: usize) -> Result<(), ParseError> {
        let expected_page = if theme == 0 {
            "`主な意見` (the first key-opinion page)"
        } else {
            "`主な意見` (the next theme's key-opinion page)"
        };
        self.skip(|l| l.is_empty() || (is_furniture(l) && l != KEY_PAGE_HEADING));
        match self.peek() {
            None => return self.eof(expected_page),
            Some(KEY_PAGE_HEADING) => self.take(LineRole::Furniture),
            Some(other) => {
                return self.fail(ErrorKind::ExpectedKeyPage {
                    found: quote(other),
                })
            }
        }
        let key_start = self.doc.key_opinions.len();
        self.key_groups(theme)?;
        if self.doc.key_opinions.len() == key_start {
            return self.fail(ErrorKind::NoKeyOpinions);
        }
        self.row_labels_and_title(theme)?;
        self.area_pages(theme)
    }

    /// Key-opinion groups, up to the first non-bullet line after a blank.
    fn key_groups(&mut self, theme: usize) -> Result<(), ParseError> {
        // A blank line ends a group: `position` 0 starts the next one.
        let mut group = 0;
        let mut position = 0;
        loop {
            let Some(line) = self.peek() else {
                return self.eof("more key opinions, row labels or the theme title");
            };
            if line.is_empty() {
                self.skip(str::is_empty);
                position = 0;
                continue;
            }
            // `opinion_lines` consumes continuation lines, so a line that is
            // not a bullet here follows a blank line: the row labels begin.
            let Some((bullet, first)) = bullet_of(line) else {
                return Ok(());
            };
            if position == 0 {
                group += 1;
            }
            position += 1;
            let index = self.doc.key_opinions.len();
            self.numbered(group, "key-opinion groups in a theme")?;
            self.numbered(position, "key opinions in a group")?;
            let (text, first_line, last_line) =
                self.opinion_lines(line, first, LineRole::KeyOpinion(index))?;
            self.doc.key_opinions.push(RawKeyOpinion {
                theme,
                group,
                position,
                bullet,
                text,
                first_line,
                last_line,
            });
        }
    }

    /// Reads a bulleted opinion (`line`, whose text after the bullet is
    /// `first`) and its continuation lines: every line up to a bullet, a
    /// heading or an [`is_boundary`] line. Each line is checked against the
    /// page's [`Wrap`] (see "Strict reading" in the module docs).
    fn opinion_lines(
        &mut self,
        line: &'a str,
        first: &str,
        role: LineRole,
    ) -> Result<(String, u32, u32), ParseError> {
        let wrap = match role {
            LineRole::KeyOpinion(_) => &KEY_PAGE,
            _ => &AREA_PAGE,
        };
        let first_line = self.line_no();
        let mut text = String::new();
        let (mut line, mut piece) = (line, first);
        loop {
            let width = self.check_opinion_line(line, wrap)?;
            text.push_str(piece);
            self.take(role);
            let Some(next) = self.peek() else { break };
            if starts_block(next) || is_boundary(next) {
                break;
            }
            self.check_continuation(width, next, wrap)?;
            (line, piece) = (next, next);
        }
        Ok((text, first_line, self.pos as u32))
    }

    /// A line of an opinion (the current line): no wider than the page, no
    /// space, no heading bracket, no bullet after its start. Returns its
    /// width. (One pass: the mutation test runs this 2,000 times in debug.)
    fn check_opinion_line(&self, line: &str, wrap: &Wrap) -> Result<usize, ParseError> {
        let (mut w, mut space, mut bracket, mut bullet) = (0, false, false, false);
        for (i, c) in line.char_indices() {
            w += char_width(c);
            space |= c.is_whitespace();
            bracket |= c == '【' || c == '】';
            bullet |= i > 0 && BULLETS.contains(&c);
        }
        if w <= wrap.max && !space && !bracket && !bullet {
            return Ok(w);
        }
        let found = quote(line);
        self.fail(if w > wrap.max {
            ErrorKind::LineTooWide {
                width: w,
                max: wrap.max,
                page: wrap.page,
                found,
            }
        } else if space {
            ErrorKind::UnexpectedSpace { found }
        } else if bracket {
            ErrorKind::MalformedHeading { found }
        } else {
            ErrorKind::BulletInsideLine { found }
        })
    }

    /// `next` (the line after the current one) may continue the current
    /// line, `width` columns wide, only if that fills the page's width and
    /// `next` starts as wrapped text does and is not a bare category name.
    fn check_continuation(&self, width: usize, next: &str, wrap: &Wrap) -> Result<(), ParseError> {
        let found = || quote(next);
        if !next.starts_with(|c: char| c.is_alphanumeric() || WRAPPED_OPENERS.contains(&c)) {
            return self.fail(ErrorKind::MarkAtLineStart { found: found() });
        }
        if is_bare_category(next) {
            return self.fail(ErrorKind::BareCategory { found: found() });
        }
        if width < wrap.min_continued {
            return self.fail(ErrorKind::ShortLineContinued {
                width,
                min: wrap.min_continued,
                page: wrap.page,
                found: found(),
            });
        }
        Ok(())
    }

    /// Row labels (joined when wrapped) and the theme title (possibly
    /// repeated, possibly between the labels), up to the first area header.
    fn row_labels_and_title(&mut self, theme: usize) -> Result<(), ParseError> {
        let mut pending: Option<(String, u32)> = None;
        let mut labels = Vec::new();
        let mut title: Option<usize> = None;
        loop {
            let Some(line) = self.peek() else {
                let expected = if title.is_none() {
                    "the theme title (e.g. `テーマ①　…`)"
                } else {
                    "an area header (area names separated by spaces)"
                };
                return self.eof(expected);
            };
            if line.is_empty() || is_furniture(line) {
                labels.extend(pending.take());
                self.skip(|l| l.is_empty() || is_furniture(l));
                continue;
            }
            if line.starts_with("テーマ") {
                labels.extend(pending.take());
                let Some(found) = theme_by_title_line(line) else {
                    return self.fail(ErrorKind::UnknownTheme { found: quote(line) });
                };
                if found != theme {
                    return self.fail(ErrorKind::ThemeOutOfOrder {
                        expected: THEMES[theme].marker,
                        found: THEMES[found].marker,
                    });
                }
                title = Some(found);
                self.take(LineRole::ThemeTitle);
                continue;
            }
            if header_names(line).is_some() || starts_block(line) {
                labels.extend(pending.take());
                break;
            }
            match &mut pending {
                Some((label, _)) => label.push_str(line),
                None => pending = Some((line.to_string(), self.line_no())),
            }
            self.take(LineRole::RowLabel);
        }
        if title.is_none() {
            return self.fail(ErrorKind::MissingThemeTitle);
        }
        for (label, first_line) in labels {
            let Some(category) = category_by_label(&label) else {
                return ErrorKind::UnknownRowLabel {
                    label: quote(&label),
                }
                .at(first_line);
            };
            self.doc.row_labels.push(RowLabel {
                theme,
                category,
                first_line,
            });
        }
        Ok(())
    }

    /// Area pages: header, blocks; until the next key-opinion page or EOF.
    fn area_pages(&mut self, theme: usize) -> Result<(), ParseError> {
        let mut seen: Vec<Option<u32>> = vec![None; REGIONS.len()];
        // The line of the theme's last area header: where a missing area
        // would be added, so where `MissingArea` points.
        let mut last_header: Option<u32> = None;
        loop {
            let title = |l: &str| theme_by_title_line(l) == Some(theme);
            self.skip(|l| l.is_empty() || title(l));
            let line = match self.peek() {
                None => break,
                Some(l) if is_furniture(l) && last_header.is_some() => break,
                Some(l) => l,
            };
            let Some(names) = header_names(line) else {
                return self.fail(ErrorKind::ExpectedAreaHeader { found: quote(line) });
            };
            let header_line = self.line_no();
            let mut regions = Vec::with_capacity(names.len());
            for name in names {
                let Some(region) = region_by_ja(name) else {
                    return self.fail(ErrorKind::UnknownArea { name: quote(name) });
                };
                if let Some(first_line) = seen[region] {
                    return self.fail(ErrorKind::DuplicateArea {
                        name: REGIONS[region].ja,
                        first_line,
                    });
                }
                if let Some(last) = seen
                    .iter()
                    .rposition(Option::is_some)
                    .filter(|&l| l > region)
                {
                    return self.fail(ErrorKind::AreaOutOfOrder {
                        name: REGIONS[region].ja,
                        after: REGIONS[last].ja,
                    });
                }
                seen[region] = Some(header_line);
                regions.push(region);
            }
            last_header = Some(header_line);
            self.take(LineRole::AreaHeader);
            for (found, &region) in regions.iter().enumerate() {
                self.skip(|l| l.is_empty());
                // Plain text goes on to `area_block`, which reports it.
                let block = |l| starts_block(l) || header_names(l).is_none() && !is_boundary(l);
                if !self.peek().is_some_and(block) {
                    return self.fail(ErrorKind::TooFewAreaBlocks {
                        expected: regions.len(),
                        found,
                        header_line,
                    });
                }
                self.area_block(theme, region)?;
            }
            self.skip(|l| l.is_empty());
            if self.peek().is_some_and(starts_block) {
                return self.fail(ErrorKind::TooManyAreaBlocks {
                    expected: regions.len(),
                    header_line,
                });
            }
        }
        let Some(line) = last_header else {
            return self.eof("an area header (area names separated by spaces)");
        };
        for (region, names) in REGIONS.iter().enumerate() {
            // 島しょ (the islands) has no opinions in this document.
            if seen[region].is_none() && names.zone != 2 {
                return ErrorKind::MissingArea { name: names.ja }.at(line);
            }
        }
        Ok(())
    }

    /// One area block: headings and opinions up to a blank line (or another
    /// [`is_boundary`] line) or EOF.
    fn area_block(&mut self, theme: usize, region: usize) -> Result<(), ParseError> {
        // The current heading: category, label and line.
        let mut heading: Option<(usize, &str, u32)> = None;
        let mut in_heading = 0;
        let mut position = 0;
        while let Some(line) = self.peek() {
            if is_boundary(line) {
                break;
            }
            if let Some(rest) = line.strip_prefix('【') {
                let Some(label) = rest.strip_suffix('】') else {
                    return self.fail(ErrorKind::MalformedHeading { found: quote(line) });
                };
                no_empty_heading(heading, in_heading)?;
                let Some(category) = category_by_label(label) else {
                    return self.fail(ErrorKind::UnknownCategory {
                        label: quote(label),
                    });
                };
                heading = Some((category, label, self.line_no()));
                in_heading = 0;
                self.take(LineRole::Heading);
                continue;
            }
            let Some((bullet, first)) = bullet_of(line) else {
                return self.fail(ErrorKind::ContinuationWithoutBullet { found: quote(line) });
            };
            let Some((category, _, _)) = heading else {
                return self.fail(ErrorKind::BulletBeforeHeading);
            };
            position += 1;
            in_heading += 1;
            let index = self.doc.opinions.len();
            self.numbered(position, "opinions in an area block")?;
            let (text, first_line, last_line) =
                self.opinion_lines(line, first, LineRole::Opinion(index))?;
            self.doc.opinions.push(RawOpinion {
                theme,
                region,
                position,
                category,
                bullet,
                text,
                first_line,
                last_line,
            });
        }
        no_empty_heading(heading, in_heading)
    }
}

/// [`ErrorKind::EmptyHeading`] if `heading` (category, label and line) is
/// followed by no opinion: `opinions` is how many followed it.
fn no_empty_heading(
    heading: Option<(usize, &str, u32)>,
    opinions: usize,
) -> Result<(), ParseError> {
    match heading {
        Some((_, label, line)) if opinions == 0 => ErrorKind::EmptyHeading {
            label: label.to_string(),
        }
        .at(line),
        _ => Ok(()),
    }
}
