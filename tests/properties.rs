//! Property tests for the string entry points of the public API.
//!
//! * No input panics `FromStr`/`from_name` of `Region`, `Theme`, `Category`,
//!   `Municipality` (and its `from_code`), or `FromStr` of
//!   `OpinionId`/`KeyOpinionId`: arbitrary Unicode,
//!   combining marks, control characters, unassigned code points, very long
//!   strings, and strings around the 192-byte name-key limit.
//! * Every accepted spelling of every name round-trips, whatever its ASCII
//!   case, full-width form, surrounding 【】 or white space.
//! * Every record's id round-trips, and a well-formed id parses exactly when
//!   its record exists.
//!
//! (Search/Query get their own property tests with that feature.)

use proptest::prelude::*;
use std::str::FromStr;
use zaitaku_opinions::{
    key_groups, key_opinion, key_opinions, opinion, opinions, Category, KeyOpinionId, Municipality,
    OpinionId, Region, Theme,
};

// --- inputs ----------------------------------------------------------------

/// Strings a user (or a fuzzer) might pass: anything at all, with extra
/// weight on the characters that trip Unicode code up.
fn hostile_string() -> impl Strategy<Value = String> {
    let odd_char = prop_oneof![
        any::<char>(),
        // combining marks (NFKC reorders and composes them)
        (0x0300u32..0x0370).prop_map(|c| char::from_u32(c).unwrap()),
        Just('\u{3099}'), // combining dakuten
        Just('\u{ff9e}'), // half-width dakuten
        // control characters, C0, C1 and format
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
        (0x80u32..0xa0).prop_map(|c| char::from_u32(c).unwrap()),
        Just('\u{200b}'),
        Just('\u{feff}'),
        // unassigned and private-use code points
        Just('\u{0378}'),
        Just('\u{e000}'),
        Just('\u{10ffff}'),
        // characters NFKC expands a lot (one code point, up to 18 out)
        Just('\u{fdfa}'),
        Just('\u{3392}'),
        // what names are made of
        Just('【'),
        Just('】'),
        Just('・'),
        Just('-'),
        Just('　'),
        Just('区'),
        Just('部'),
        Just('ｶ'),
    ];
    prop_oneof![
        any::<String>(),
        prop::collection::vec(odd_char.clone(), 0..40).prop_map(String::from_iter),
        // long: past the name-key limit, and far past it
        prop::collection::vec(odd_char.clone(), 60..300).prop_map(String::from_iter),
        (prop::collection::vec(odd_char, 1..20), 100usize..2000)
            .prop_map(|(chars, n)| String::from_iter(chars).repeat(n)),
        // a valid name with noise around it
        (valid_spelling(), any::<String>(), any::<String>())
            .prop_map(|((_, name), a, b)| format!("{a}{name}{b}")),
        // a valid name repeated, or padded to around the key limit
        (valid_spelling(), 1usize..60).prop_map(|((_, name), n)| name.repeat(n)),
        (valid_spelling(), 150usize..250)
            .prop_map(|((_, name), n)| format!("{name}{}", "x".repeat(n))),
    ]
}

/// Which closed set a spelling belongs to, and the value it names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Named {
    Region(Region),
    Theme(Theme),
    Category(Category),
}

/// Every accepted spelling of every name, as the public API spells it, plus
/// the heading variants the document prints (`【医療・介護関係者の相互理解】`
/// and `【訪問看護ＳＴ】`, 資料３－２ lines 575 and 701).
fn all_spellings() -> Vec<(Named, String)> {
    let mut out = Vec::new();
    for r in Region::ALL {
        for s in [
            r.name_ja().to_owned(),
            r.slug().to_owned(),
            format!("{r:?}"),
            r.kana().to_owned(),
            r.romaji().to_owned(),
            r.name_en().to_owned(),
            r.code().to_owned(),
            r.description().to_owned(),
            format!("{}二次保健医療圏", r.name_ja()),
            r.to_string(),
        ] {
            out.push((Named::Region(r), s));
        }
    }
    for t in Theme::ALL {
        for s in [
            t.name_ja().to_owned(),
            t.slug().to_owned(),
            format!("{t:?}"),
            t.marker().to_owned(),
            format!("{}　{}", t.marker(), t.name_ja()),
            t.name_en().to_owned(),
            t.number().to_string(),
            t.to_string(),
        ] {
            out.push((Named::Theme(t), s));
        }
    }
    for c in Category::ALL {
        for s in [
            c.name_ja().to_owned(),
            c.slug().to_owned(),
            format!("{c:?}"),
            c.name_en().to_owned(),
            format!("【{}】", c.name_ja()),
            c.to_string(),
        ] {
            out.push((Named::Category(c), s));
        }
    }
    out.push((
        Named::Category(Category::MutualUnderstanding),
        "【医療・介護関係者の相互理解】".to_owned(),
    ));
    out.push((
        Named::Category(Category::HomeVisitNursingStations),
        "【訪問看護ＳＴ】".to_owned(),
    ));
    out
}

fn valid_spelling() -> impl Strategy<Value = (Named, String)> {
    prop::sample::select(all_spellings())
}

/// ASCII to its full-width form (`A` → `Ａ`, space → ideographic space).
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ' ' => '　',
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xff01).unwrap(),
            _ => c,
        })
        .collect()
}

/// Flip the ASCII case of the letters selected by `mask`.
fn recase(s: &str, mask: u64) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if mask >> (i % 64) & 1 == 1 {
                if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            } else {
                c
            }
        })
        .collect()
}

fn lookup(named: Named, s: &str) -> Named {
    match named {
        Named::Region(_) => Named::Region(Region::from_str(s).unwrap_or_else(|e| panic!("{e}"))),
        Named::Theme(_) => Named::Theme(Theme::from_str(s).unwrap_or_else(|e| panic!("{e}"))),
        Named::Category(_) => {
            Named::Category(Category::from_str(s).unwrap_or_else(|e| panic!("{e}")))
        }
    }
}

// --- never panic -------------------------------------------------------------

/// What an error keeps of its input, as `input()` documents it: the input,
/// or its first 256 bytes if longer, cut at a character boundary.
fn kept(s: &str) -> &str {
    let mut end = s.len().min(256);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn name_lookups_never_panic_and_agree(s in hostile_string()) {
        let region = Region::from_str(&s);
        prop_assert_eq!(region.as_ref().ok().copied(), Region::from_name(&s));
        if let Err(e) = region {
            prop_assert_eq!(e.input(), kept(&s));
            // The three closest canonical names, each named in the message.
            prop_assert_eq!(e.suggestions().len(), 3);
            for name in e.suggestions() {
                prop_assert!(Region::ALL.iter().any(|r| r.name_ja() == name));
                prop_assert!(e.to_string().contains(name.as_str()));
            }
        }
        let theme = Theme::from_str(&s);
        prop_assert_eq!(theme.as_ref().ok().copied(), Theme::from_name(&s));
        if let Err(e) = theme {
            prop_assert_eq!(e.input(), kept(&s));
        }
        let category = Category::from_str(&s);
        prop_assert_eq!(category.as_ref().ok().copied(), Category::from_name(&s));
        if let Err(e) = category {
            prop_assert_eq!(e.input(), kept(&s));
            prop_assert_eq!(e.suggestions().len(), 3);
            for name in e.suggestions() {
                prop_assert!(Category::ALL.iter().any(|c| c.name_ja() == name));
                prop_assert!(e.to_string().contains(name.as_str()));
            }
        }
    }

    #[test]
    fn id_parsing_never_panics(s in hostile_string()) {
        match OpinionId::from_str(&s) {
            Ok(id) => prop_assert_eq!(id.to_string(), s.clone()),
            Err(e) => prop_assert_eq!(e.input(), kept(&s)),
        }
        match KeyOpinionId::from_str(&s) {
            Ok(id) => prop_assert_eq!(id.to_string(), s.clone()),
            Err(e) => prop_assert_eq!(e.input(), kept(&s)),
        }
        prop_assert_eq!(opinion(&s).is_some(), OpinionId::from_str(&s).is_ok());
        prop_assert_eq!(key_opinion(&s).is_some(), KeyOpinionId::from_str(&s).is_ok());
    }

    // --- round trips ---------------------------------------------------------

    #[test]
    fn every_spelling_round_trips_in_any_dress(
        (named, name) in valid_spelling(),
        mask in any::<u64>(),
        wide in any::<bool>(),
        brackets in any::<bool>(),
        pad in "[ \t　]{0,3}",
    ) {
        let mut s = recase(&name, mask);
        if wide {
            s = full_width(&s);
        }
        if brackets {
            s = format!("【{s}】");
        }
        let s = format!("{pad}{s}{pad}");
        prop_assert_eq!(lookup(named, &s), named, "{:?} from {:?}", named, s);
    }

    #[test]
    fn a_wellformed_opinion_id_parses_exactly_when_its_record_exists(
        theme in 0u8..4,
        region in 0usize..14,
        n in 0usize..40,
        width in 1usize..4,
    ) {
        let token = Region::ALL.get(region).map_or("kuhokubu", |r| r.id_token());
        let s = format!("t{theme}-{token}-{n:0width$}");
        let exists = (1..=2).contains(&theme)
            && region < 12
            && n >= 1
            && n <= Region::ALL[region].opinions(Theme::ALL[theme as usize - 1]).len()
            && format!("{n:02}") == format!("{n:0width$}");
        let parsed = OpinionId::from_str(&s);
        prop_assert_eq!(parsed.is_ok(), exists, "{}", s);
        if let Ok(id) = parsed {
            prop_assert_eq!(id.theme().number(), theme);
            prop_assert_eq!(id.region(), Region::ALL[region]);
            prop_assert_eq!(id.position() as usize, n);
            prop_assert_eq!(id.opinion().id(), id);
        }
    }

    #[test]
    fn a_wellformed_key_opinion_id_parses_exactly_when_its_record_exists(
        theme in 0u8..4,
        group in 0usize..12,
        n in 0usize..12,
    ) {
        let s = format!("t{theme}-key-{group:02}-{n:02}");
        let exists = (1..=2).contains(&theme)
            && group >= 1
            && n >= 1
            && key_groups(Theme::ALL[theme as usize - 1])
                .nth(group - 1)
                .is_some_and(|g| n <= g.len());
        let parsed = KeyOpinionId::from_str(&s);
        prop_assert_eq!(parsed.is_ok(), exists, "{}", s);
        if let Ok(id) = parsed {
            prop_assert_eq!((id.theme().number(), id.group() as usize, id.position() as usize), (theme, group, n));
            prop_assert_eq!(id.key_opinion().id(), id);
        }
    }
}

// --- municipalities ----------------------------------------------------------

/// Every municipality with each spelling that names it alone: the Japanese
/// name (also after 東京都), the slug, both codes.
fn municipality_spellings() -> Vec<(&'static Municipality, String)> {
    let mut out = Vec::new();
    for m in Municipality::all() {
        for s in [
            m.name().to_owned(),
            format!("東京都{}", m.name()),
            m.slug().to_owned(),
            m.code().to_owned(),
            m.jis_code().to_owned(),
            m.to_string(),
        ] {
            out.push((m, s));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn municipality_lookups_never_panic_and_agree(s in hostile_string()) {
        let parsed = Municipality::from_str(&s);
        prop_assert_eq!(parsed.as_ref().ok(), Municipality::from_name(&s));
        match parsed {
            Ok(m) => prop_assert!(Municipality::all().contains(&m)),
            Err(e) => {
                prop_assert_eq!(e.input(), kept(&s));
                prop_assert!(e.suggestions().len() <= 5);
                prop_assert!(!e.to_string().is_empty());
            }
        }
        if let Some(m) = Municipality::from_code(&s) {
            prop_assert!(s == m.code() || s == m.jis_code());
        }
    }

    #[test]
    fn every_municipality_spelling_round_trips_in_any_dress(
        (m, name) in prop::sample::select(municipality_spellings()),
        mask in any::<u64>(),
        wide in any::<bool>(),
        pad in "[ \t　]{0,3}",
    ) {
        let mut s = recase(&name, mask);
        if wide {
            s = full_width(&s);
        }
        let s = format!("{pad}{s}{pad}");
        prop_assert_eq!(Municipality::from_name(&s), Some(m), "{:?}", s);
        let parsed = s.parse::<Municipality>();
        prop_assert_eq!(parsed.as_ref(), Ok(m));
    }
}

// --- exhaustive round trips --------------------------------------------------

#[test]
fn every_spelling_round_trips_as_written() {
    let spellings = all_spellings();
    assert_eq!(spellings.len(), 13 * 10 + 2 * 8 + 14 * 6 + 2);
    for (named, s) in spellings {
        assert_eq!(lookup(named, &s), named, "{s}");
    }
}

#[test]
fn every_id_round_trips() {
    for o in opinions() {
        let s = o.id().to_string();
        assert_eq!(s.parse::<OpinionId>(), Ok(o.id()));
        assert!(std::ptr::eq(opinion(&s).unwrap(), o), "{s}");
        assert!(std::ptr::eq(o.id().opinion(), o), "{s}");
        assert!(s.is_ascii());
    }
    for k in key_opinions() {
        let s = k.id().to_string();
        assert_eq!(s.parse::<KeyOpinionId>(), Ok(k.id()));
        assert!(std::ptr::eq(key_opinion(&s).unwrap(), k), "{s}");
        assert!(std::ptr::eq(k.id().key_opinion(), k), "{s}");
        assert!(s.is_ascii());
    }
    // An id of one kind is not an id of the other.
    assert!(opinions()
        .iter()
        .all(|o| o.id().to_string().parse::<KeyOpinionId>().is_err()));
    assert!(key_opinions()
        .iter()
        .all(|k| k.id().to_string().parse::<OpinionId>().is_err()));
}

/// One claim per point (issue #22): no point used by two or more area
/// opinions has every one of them tagged with one other point too (it would
/// be a part of that point, not a claim of its own).
#[test]
fn no_point_is_contained_in_another() {
    let points = zaitaku_opinions::points();
    let mut checked = 0;
    for p in points.iter().filter(|p| p.opinions().len() >= 2) {
        checked += 1;
        for q in points.iter().filter(|q| q.id() != p.id()) {
            let inside = p.opinions().all(|o| o.points().any(|x| x.id() == q.id()));
            assert!(
                !inside,
                "every opinion of {} is also tagged {}",
                p.id(),
                q.id()
            );
        }
    }
    assert!(checked > 40, "only {checked} points are used twice or more");
}
