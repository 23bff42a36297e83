//! The worst inputs we know of for the functions a search box or a web
//! handler passes user text to: 1 MB queries against `search`,
//! `search_hits`, `Query` and the name lookups. Targets (issue #13): under
//! 5 ms and under 4 MB of peak extra memory for every function and input,
//! in release.
//!
//! A third table (issue #35) gives every lookup a user's text reaches,
//! hits and misses alike, with the miss's message (`Display`) written:
//! every `FromStr` and `from_name`, the id lookups, and with the `serde`
//! feature every `Deserialize` that reads a string (through serde's own
//! string deserializer, so that the figure is the impl's). Target: ≤ 2 ms
//! and ≤ 1 MB of peak extra memory per call. Its 1 MB inputs:
//! - `ascii`: `x` repeated;
//! - `digits`: `1` repeated (a code as long as it gets);
//! - `wrapped`: `【`, ideographic spaces (U+3000, ignored in a name), then
//!   `港区】`: nothing but the length makes it a miss;
//! - `combining`: `a` then U+0301 repeated, one character that NFKC would
//!   have to buffer whole to reorder its marks;
//! - `fdfa` and `halfwidth`, as above;
//! - `near id`: `t1-kuchuobu-0` then `3` repeated.
//!
//! Run with
//! `cargo bench --features serde --bench worst_case -- --warm-up-time 1 --measurement-time 3`.
//! It first prints a Markdown table with, per cell, the best of five timed
//! calls and the peak extra memory of one call (the most bytes it had
//! allocated at once, by the counting allocator of `tests/allocations/`), then
//! criterion times each cell.
//!
//! The inputs, each about 1 MB:
//! - `repeated`: one short term over and over (`の の の …`);
//! - `distinct`: distinct two-character terms, those that occur in the
//!   records first (so that they match), then other pairs of ideographs;
//! - `substrings`: every substring of the longest record text, shortest
//!   first, all of which match that record (repeated to fill 1 MB);
//! - `fdfa`: U+FDFA repeated, which NFKC expands 18-fold (and into words);
//! - `halfwidth`: half-width katakana, `ｱﾄﾞﾊﾞｲｽ` repeated as one word;
//! - `halfwidth words`: the same separated by spaces, each word needing
//!   NFKC;
//! - `spellings`: the 32 ways to write `アドバイス` mixing full- and
//!   half-width kana, in turn: every word differs from the one before, needs
//!   NFKC and then turns out to repeat a term;
//! - `cycle`: the first 31 distinct two-character terms of the longest
//!   text, in turn, over and over: every word repeats one of 31 terms, none
//!   the word before it.
//!
//! Then the same for the English search (`search_en`, `Query::text_en`),
//! in a second table:
//! - `en repeated`: `care care care …`;
//! - `en distinct`: the distinct words of the English texts, then made-up
//!   ones (`w0 w1 …`);
//! - `en substrings`: every substring of the longest English text, shortest
//!   first (each of its words matches it);
//! - `en cases`: the 512 ways to write `discharge` in upper and lower case,
//!   in turn (each differs from the one before, none needs NFKC);
//! - `en fullwidth`: the 512 ways to write `discharge` mixing ASCII and
//!   full-width letters, in turn (each needs NFKC): `spellings` in English;
//! - `en cycle`: the first 31 distinct words of the longest English text,
//!   in turn: `cycle` in English;
//! - `en spellings`: the ways to write `discharge` with each letter in one
//!   of four forms (`d`, `D`, `ｄ`, `Ｄ`), in turn: every word differs from
//!   the one before, needs NFKC and lower-casing, and then turns out to
//!   repeat a term: `spellings` in English;
//! - `past limit`: 32 distinct terms that all match one record, then
//!   `spellings` of the 32nd: reading goes on past the limit to find a
//!   term left out (to report it), each of these words has to be
//!   normalised to see that it is a repeat, and reading stops after 32 of
//!   them.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::{Duration, Instant};
use zaitaku_opinions::{
    key_opinion, key_opinions, opinion, opinions, record, search, search_en, search_hits, Category,
    KeyOpinionId, MatchKind, Municipality, MunicipalityKind, OpinionId, Point, Query, RecordId,
    RecordKind, Region, Theme, Zone,
};

#[path = "../tests/allocations/counting_alloc.rs"]
mod counting_alloc;

#[global_allocator]
static GLOBAL: counting_alloc::Counting = counting_alloc::Counting;

const SIZE: usize = 1 << 20;

/// Repeats the pieces `pieces` yields, separated by `sep`, until `SIZE`
/// bytes.
fn fill<'a>(pieces: impl Iterator<Item = &'a str> + Clone, sep: &str) -> String {
    let mut out = String::with_capacity(SIZE + 64);
    for piece in pieces.cycle() {
        if out.len() + piece.len() > SIZE {
            break;
        }
        out.push_str(piece);
        out.push_str(sep);
    }
    out
}

type Inputs = Vec<(&'static str, String)>;

/// The Japanese inputs and the English ones.
fn inputs() -> (Inputs, Inputs) {
    let texts = || {
        opinions()
            .iter()
            .map(|o| o.normalized_text())
            .chain(key_opinions().iter().map(|k| k.normalized_text()))
    };

    // Distinct bigrams: those of the texts first, then ideograph pairs.
    let mut seen = std::collections::HashSet::new();
    let mut distinct = String::with_capacity(SIZE + 64);
    let in_texts = texts().flat_map(|t| {
        let chars: Vec<char> = t.chars().collect();
        chars
            .windows(2)
            .map(|w| w.iter().collect::<String>())
            .collect::<Vec<_>>()
    });
    let ideographs = (0x4E00..0x9FFF).flat_map(|a| {
        (0x4E00..0x4F00).map(move |b| {
            [a, b]
                .iter()
                .filter_map(|&c| char::from_u32(c))
                .collect::<String>()
        })
    });
    for pair in in_texts.chain(ideographs) {
        if distinct.len() + pair.len() >= SIZE {
            break;
        }
        if !pair.chars().any(char::is_whitespace) && seen.insert(pair.clone()) {
            distinct.push_str(&pair);
            distinct.push(' ');
        }
    }

    // Every substring of the longest text, shortest first.
    let longest = texts().max_by_key(|t| t.len()).unwrap_or("");
    let bounds: Vec<usize> = longest
        .char_indices()
        .map(|(i, _)| i)
        .chain([longest.len()])
        .collect();
    let substrings: Vec<&str> = (1..bounds.len())
        .flat_map(|n| bounds.windows(n + 1).map(move |w| &longest[w[0]..w[n]]))
        .collect();

    // アドバイス with each of its five kana full- or half-width.
    let (full, half) = (["ア", "ド", "バ", "イ", "ス"], ["ｱ", "ﾄﾞ", "ﾊﾞ", "ｲ", "ｽ"]);
    let spellings: Vec<String> = (0..32u32)
        .map(|mask| {
            (0..5)
                .map(|k| {
                    if mask & (1 << k) != 0 {
                        half[k]
                    } else {
                        full[k]
                    }
                })
                .collect()
        })
        .collect();

    // The first 31 distinct bigrams of the longest text, in turn.
    let chars: Vec<char> = longest.chars().collect();
    let pairs = chars.windows(2).map(|w| w.iter().collect::<String>());
    let cycle = first_31(pairs.filter(|p| !p.contains(char::is_whitespace)));

    let english = english_inputs(&spellings);
    let japanese = vec![
        ("repeated", fill(["の"].into_iter(), " ")),
        ("distinct", distinct),
        ("substrings", fill(substrings.iter().copied(), " ")),
        ("fdfa", fill(["\u{FDFA}"].into_iter(), "")),
        ("halfwidth", fill(["ｱﾄﾞﾊﾞｲｽ"].into_iter(), "")),
        ("halfwidth words", fill(["ｱﾄﾞﾊﾞｲｽ"].into_iter(), " ")),
        ("spellings", fill(spellings.iter().map(String::as_str), " ")),
        ("cycle", fill(cycle.iter().map(String::as_str), " ")),
    ];
    (japanese, english)
}

/// The English inputs, and `past limit` (which ends in `spellings`, the
/// Japanese ways to write アドバイス).
fn english_inputs(spellings: &[String]) -> Inputs {
    let texts = || {
        opinions()
            .iter()
            .map(|o| o.text_en())
            .chain(key_opinions().iter().map(|k| k.text_en()))
    };
    let mut seen = std::collections::HashSet::new();
    let words = texts().flat_map(|t| t.split(' ').map(str::to_ascii_lowercase));
    let made_up = (0..).map(|i| format!("w{i}"));
    let distinct: Vec<String> = words
        .chain(made_up)
        .filter(|w| !w.is_empty() && seen.insert(w.clone()))
        .scan(0, |len, w| {
            *len += w.len() + 1;
            (*len < SIZE).then_some(w)
        })
        .collect();

    let longest = texts().max_by_key(|t| t.len()).unwrap_or("");
    let substrings: Vec<&str> = (1..=longest.len())
        .flat_map(|n| (0..=longest.len() - n).filter_map(move |i| longest.get(i..i + n)))
        .collect();

    // `discharge`, each letter in one of two forms, for the 512 masks.
    let variants = |other: fn(char) -> char| -> Vec<String> {
        (0..512u32)
            .map(|mask| {
                let letters = "discharge".chars().enumerate();
                letters
                    .map(|(k, c)| if mask & (1 << k) != 0 { other(c) } else { c })
                    .collect()
            })
            .collect()
    };
    let cases = variants(|c| c.to_ascii_uppercase());
    let cycle = first_31(longest.split(' ').map(str::to_ascii_lowercase));
    let fullwidth = variants(|c| char::from_u32(c as u32 - 'a' as u32 + 'ａ' as u32).unwrap_or(c));
    let en_spellings = en_spellings();

    // 31 distinct characters of the text with ｱﾄﾞﾊﾞｲｽ, and アドバイス.
    let advice = opinions()
        .iter()
        .map(|o| o.normalized_text())
        .find(|t| t.contains("アドバイス"))
        .unwrap_or("");
    let mut first: Vec<String> = Vec::new();
    for c in advice.chars().filter(|c| !c.is_whitespace()) {
        if first.len() < 31 && !first.contains(&c.to_string()) && !"アドバイス".contains(c) {
            first.push(c.to_string());
        }
    }
    first.push("アドバイス".to_string());
    let past_limit = first.join(" ") + " " + &fill(spellings.iter().map(String::as_str), " ");

    vec![
        ("en repeated", fill(["care"].into_iter(), " ")),
        ("en distinct", distinct.join(" ")),
        ("en substrings", fill(substrings.iter().copied(), " ")),
        ("en cases", fill(cases.iter().map(String::as_str), " ")),
        ("en alternating", fill(["home", "care"].into_iter(), " ")),
        ("alternating", fill(["退院", "調整"].into_iter(), " ")),
        (
            "en fullwidth",
            fill(fullwidth.iter().map(String::as_str), " "),
        ),
        ("en cycle", fill(cycle.iter().map(String::as_str), " ")),
        (
            "en spellings",
            fill(en_spellings.iter().map(String::as_str), " "),
        ),
        ("past limit", past_limit),
    ]
}

/// `discharge` with each letter lower or upper case, ASCII or full-width:
/// the 4⁹ ways, in turn (the `en spellings` input).
fn en_spellings() -> Vec<String> {
    let forms = |c: char| {
        let up = c.to_ascii_uppercase();
        let wide = |c: char| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c);
        [c, up, wide(c), wide(up)]
    };
    (0..1u32 << 18)
        .map(|mask| {
            let letters = "discharge".chars().enumerate();
            letters
                .map(|(k, c)| forms(c)[(mask >> (2 * k) & 3) as usize])
                .collect()
        })
        .collect()
}

/// The first 31 distinct strings of `all`, in order: the `cycle` inputs.
fn first_31(all: impl Iterator<Item = String>) -> Vec<String> {
    let mut distinct: Vec<String> = Vec::new();
    for s in all {
        if distinct.len() < 31 && !distinct.contains(&s) {
            distinct.push(s);
        }
    }
    distinct
}

type Call = fn(&str) -> usize;

/// Each function under test, reduced to a count so that all its work is
/// done.
const CALLS: [(&str, Call); 10] = [
    ("search", |q| search(q).count()),
    ("search_hits", |q| {
        search_hits(q).map(|h| h.ranges().len()).sum()
    }),
    ("Query", |q| Query::new().text(q).hits().count()),
    ("search_en", |q| search_en(q).count()),
    ("Query::text_en", |q| Query::new().text_en(q).hits().count()),
    ("Region::from_name", |q| {
        usize::from(Region::from_name(q).is_some())
    }),
    ("Municipality::from_name", |q| {
        usize::from(Municipality::from_name(q).is_some())
    }),
    ("Theme::from_name", |q| {
        usize::from(Theme::from_name(q).is_some())
    }),
    ("Category::from_name", |q| {
        usize::from(Category::from_name(q).is_some())
    }),
    ("opinion (id)", |q| usize::from(opinion(q).is_some())),
];

/// Parses with `FromStr`; a miss writes its message, as a user shown it
/// would.
fn parsed<T: std::str::FromStr>(q: &str) -> usize
where
    T::Err: std::fmt::Display,
{
    match q.parse::<T>() {
        Ok(_) => 1,
        Err(e) => e.to_string().len(),
    }
}

/// Reads with `Deserialize` from serde's string deserializer; a miss writes
/// its message.
#[cfg(feature = "serde")]
fn deserialized<T: serde::de::DeserializeOwned>(q: &str) -> usize {
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = q.into_deserializer();
    match T::deserialize(de) {
        Ok(_) => 1,
        Err(e) => e.to_string().len(),
    }
}

/// Every lookup a user's text reaches, message included.
fn lookup_calls() -> Vec<(&'static str, Call)> {
    #[allow(unused_mut)]
    let mut calls: Vec<(&'static str, Call)> = vec![
        ("Region::from_name", |q| {
            usize::from(Region::from_name(q).is_some())
        }),
        ("Theme::from_name", |q| {
            usize::from(Theme::from_name(q).is_some())
        }),
        ("Category::from_name", |q| {
            usize::from(Category::from_name(q).is_some())
        }),
        ("Municipality::from_name", |q| {
            usize::from(Municipality::from_name(q).is_some())
        }),
        ("Municipality::from_code", |q| {
            usize::from(Municipality::from_code(q).is_some())
        }),
        ("opinion", |q| usize::from(opinion(q).is_some())),
        ("key_opinion", |q| usize::from(key_opinion(q).is_some())),
        ("record", |q| usize::from(record(q).is_some())),
        ("Region: FromStr", parsed::<Region>),
        ("Zone: FromStr", parsed::<Zone>),
        ("Theme: FromStr", parsed::<Theme>),
        ("Category: FromStr", parsed::<Category>),
        ("MatchKind: FromStr", parsed::<MatchKind>),
        ("RecordKind: FromStr", parsed::<RecordKind>),
        ("MunicipalityKind: FromStr", parsed::<MunicipalityKind>),
        ("Municipality: FromStr", parsed::<Municipality>),
        ("OpinionId: FromStr", parsed::<OpinionId>),
        ("KeyOpinionId: FromStr", parsed::<KeyOpinionId>),
        ("RecordId: FromStr", parsed::<RecordId>),
        ("Point: FromStr", parsed::<Point>),
    ];
    #[cfg(feature = "serde")]
    calls.extend([
        ("Region: Deserialize", deserialized::<Region> as Call),
        ("Theme: Deserialize", deserialized::<Theme>),
        ("Category: Deserialize", deserialized::<Category>),
        ("Zone: Deserialize", deserialized::<Zone>),
        ("Municipality: Deserialize", deserialized::<Municipality>),
        ("OpinionId: Deserialize", deserialized::<OpinionId>),
        ("KeyOpinionId: Deserialize", deserialized::<KeyOpinionId>),
        ("RecordId: Deserialize", deserialized::<RecordId>),
        (
            "&Opinion: Deserialize",
            deserialized::<&'static zaitaku_opinions::Opinion>,
        ),
        (
            "Record: Deserialize",
            deserialized::<zaitaku_opinions::Record>,
        ),
    ]);
    calls
}

/// The 1 MB inputs of the lookup table.
fn lookup_inputs() -> Inputs {
    let wrapped = |inner: &str| {
        let mut s = String::from("【");
        s.push_str(&fill([inner].into_iter(), ""));
        s.push_str("港区】");
        s
    };
    vec![
        ("ascii", fill(["x"].into_iter(), "")),
        ("digits", fill(["1"].into_iter(), "")),
        ("wrapped", wrapped("\u{3000}")),
        (
            "combining",
            String::from("a") + &fill(["\u{301}"].into_iter(), ""),
        ),
        ("fdfa", fill(["\u{FDFA}"].into_iter(), "")),
        ("halfwidth", fill(["ｱﾄﾞﾊﾞｲｽ"].into_iter(), "")),
        (
            "near id",
            String::from("t1-kuchuobu-0") + &fill(["3"].into_iter(), ""),
        ),
    ]
}

/// Prints, per function and input, the best of five timed calls (the
/// figure least disturbed by other load on the machine) and the peak extra
/// memory of one call, as a Markdown table.
fn summary_table(inputs: &[(&'static str, String)]) {
    summary_table_of(&CALLS, inputs);
}

fn summary_table_of(calls: &[(&str, Call)], inputs: &[(&'static str, String)]) {
    // More calls steady the figure on a loaded machine: `BEST_OF=30`.
    let best_of: usize = std::env::var("BEST_OF")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    println!("best of {best_of} calls / peak extra memory, 1 MB inputs:\n");
    print!("| function |");
    for (name, _) in inputs {
        print!(" {name} |");
    }
    print!("\n|---|");
    for _ in inputs {
        print!("---|");
    }
    println!();
    for &(call_name, call) in calls {
        print!("| `{call_name}` |");
        for (_, q) in inputs {
            let best = (0..best_of)
                .map(|_| {
                    let start = Instant::now();
                    black_box(call(black_box(q)));
                    start.elapsed()
                })
                .min()
                .unwrap_or_default();
            let bytes = counting_alloc::peak_extra_bytes(|| call(black_box(q)));
            print!(" {} / {} |", duration(best), size(bytes));
        }
        println!();
    }
    println!();
}

fn duration(d: Duration) -> String {
    match d.as_nanos() {
        n if n < 1_000 => format!("{n} ns"),
        n if n < 1_000_000 => format!("{:.1} µs", n as f64 / 1e3),
        n => format!("{:.2} ms", n as f64 / 1e6),
    }
}

fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}

fn bench(c: &mut Criterion) {
    let (japanese, english) = inputs();
    summary_table(&japanese);
    summary_table(&english);
    let (lookups, lookup_inputs) = (lookup_calls(), lookup_inputs());
    summary_table_of(&lookups, &lookup_inputs);
    if std::env::var_os("TABLES_ONLY").is_some() {
        return;
    }
    for (name, q) in japanese.iter().chain(&english) {
        let mut group = c.benchmark_group(format!("worst_case {name}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        for (call_name, call) in CALLS {
            group.bench_function(call_name, |b| b.iter(|| call(black_box(q))));
        }
        group.finish();
    }
    for (name, q) in &lookup_inputs {
        let mut group = c.benchmark_group(format!("worst_case lookups {name}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        for &(call_name, call) in &lookups {
            group.bench_function(call_name, |b| b.iter(|| call(black_box(q))));
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
