//! Search and Query: normalisation, AND of terms, filters against a brute
//! force over the records, highlight ranges, no panic on any input, and the
//! build-time cross-links. That iterating allocates nothing is checked in
//! `tests/allocations/`, the binary with the counting allocator.
//!
//! Expected values are read off `data/shiryo-3-2.txt` (line numbers given).

use proptest::prelude::*;
use std::collections::BTreeSet;
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use zaitaku_opinions::{
    counts, key_opinions, opinions, search, search_en, search_hits, Category, Hit, Ignored,
    KeyOpinion, Opinion, Query, Record, RecordKind, Region, Theme,
};

// --- helpers -------------------------------------------------------------

/// The comparison form, computed here independently of the crate.
fn norm(s: &str) -> String {
    s.nfkc().map(|c| c.to_ascii_lowercase()).collect()
}

fn ids<'a>(it: impl IntoIterator<Item = &'a Opinion>) -> Vec<String> {
    it.into_iter().map(|o| o.id().to_string()).collect()
}

/// The area opinion whose text starts on `line` of the data file.
fn opinion_at(line: u32) -> &'static Opinion {
    opinions()
        .iter()
        .find(|o| o.lines().first() == line)
        .unwrap_or_else(|| panic!("no opinion starts on line {line}"))
}

/// The terms a query counts, worked out here: the words of its normalised
/// form, each once, the first [`Query::MAX_TERMS`] of them.
fn query_terms(q: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for t in norm(q).split(char::is_whitespace).filter(|t| !t.is_empty()) {
        if !terms.iter().any(|seen| seen == t) && terms.len() < Query::MAX_TERMS {
            terms.push(t.to_string());
        }
    }
    terms
}

/// Every record in document order (by line).
fn all_records() -> Vec<Record> {
    let mut all: Vec<Record> = opinions().iter().map(Record::from).collect();
    all.extend(key_opinions().iter().map(Record::from));
    all.sort_by_key(|r| r.lines().first());
    all
}

// --- normalisation -------------------------------------------------------

#[test]
fn full_width_digits_match_half_width() {
    // Line 350: 区東北部's "在宅医にとって、２４時間診療体制…" uses full-width
    // digits; most others (e.g. line 162, "24時間診療の負担感") half-width.
    let line_350 = opinion_at(350);
    assert!(line_350.text().contains("２４時間"));
    let expected: Vec<String> = ids(opinions()
        .iter()
        .filter(|o| o.text().contains("24時間") || o.text().contains("２４時間")));
    for q in ["24時間", "２４時間", "２4時間"] {
        let found = ids(search(q));
        assert_eq!(found, expected, "{q}");
    }
    assert!(expected.contains(&line_350.id().to_string()));
    assert!(expected.contains(&opinion_at(162).id().to_string()));
}

#[test]
fn full_width_latin_matches_ascii_in_any_case() {
    // Line 158: ＩＣＴを活用した情報共有 (full width); line 186: ICTを活用した連携.
    let expected: Vec<String> = ids(opinions()
        .iter()
        .filter(|o| o.text().contains("ICT") || o.text().contains("ＩＣＴ")));
    assert!(expected.contains(&opinion_at(158).id().to_string()));
    assert!(expected.contains(&opinion_at(186).id().to_string()));
    for q in ["ICT", "ict", "Ict", "ＩＣＴ", "ｉｃｔ", "ｉCｔ"] {
        assert_eq!(ids(search(q)), expected, "{q}");
    }
    // Line 593-594: ＭＳＷのみでは対応に限界 (the only MSW among area opinions).
    assert_eq!(ids(search("msw")), ids([opinion_at(593)]));
    // Line 193: 訪看STは増加している.
    assert!(ids(search("訪看st")).contains(&opinion_at(193).id().to_string()));
}

#[test]
fn half_width_katakana_matches_full_width() {
    // Lines 205-207: 地域ケア会議のｱﾄﾞﾊﾞｲｽ的な立場 (half-width, voiced marks as
    // separate characters); no other text in the document has アドバイス.
    let expected = ids([opinion_at(205)]);
    for q in ["アドバイス", "ｱﾄﾞﾊﾞｲｽ", "ドバ", "ｱﾄﾞﾊﾞｲｽ的"] {
        assert_eq!(ids(search(q)), expected, "{q}");
    }
    // ﾄ without its mark is not ド.
    assert!(search("アトハイス").next().is_none());
}

// --- terms ---------------------------------------------------------------

#[test]
fn several_terms_mean_and() {
    let both = |a: &str, b: &str| -> Vec<String> {
        ids(opinions()
            .iter()
            .filter(|o| o.normalized_text().contains(a) && o.normalized_text().contains(b)))
    };
    let expected = both("退院", "調整");
    assert!(!expected.is_empty());
    assert!(expected.len() < ids(search("退院")).len());
    for q in [
        "退院 調整",
        "退院　調整",
        " 退院\t調整\n",
        "調整　　退院",
        "退院 調整 退院",
    ] {
        assert_eq!(ids(search(q)), expected, "{q:?}");
    }
    // Normalisation applies to every term.
    assert_eq!(ids(search("ｉｃｔ　活用")), both("ict", "活用"));
    // A term that matches nothing makes the whole query match nothing.
    assert!(search("退院 存在しない語").next().is_none());
}

#[test]
fn empty_or_blank_query_matches_everything() {
    let all = ids(opinions());
    for q in ["", " ", "　", " \t\n　 "] {
        assert_eq!(ids(search(q)), all, "search({q:?})");
        assert!(search_hits(q).all(|h| h.ranges().is_empty()));
        assert_eq!(
            Query::new().text(q).iter().collect::<Vec<_>>(),
            all_records(),
            "Query::text({q:?})"
        );
    }
}

#[test]
fn results_come_in_document_order() {
    for q in ["退院", "在宅", "ICT", "の"] {
        let lines: Vec<u32> = search(q).map(|o| o.lines().first()).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{q}");
        let lines: Vec<u32> = Query::new()
            .text(q)
            .iter()
            .map(|r| r.lines().first())
            .collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{q}");
    }
}

// --- highlighting --------------------------------------------------------

fn check_hit<R: Copy>(hit: &Hit<R>, terms: &[&str]) {
    let text = hit.text();
    let mut prev_end = 0;
    for r in hit.ranges() {
        assert!(r.start >= prev_end && r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        prev_end = r.end;
    }
    let joined: String = hit.pieces().map(|(s, _)| s).collect();
    assert_eq!(joined, text);
    let marked: Vec<&str> = hit.pieces().filter(|p| p.1).map(|p| p.0).collect();
    assert_eq!(marked.len(), hit.ranges().len());
    if let [term] = terms {
        // One term: each range is exactly one match, and the original text
        // it covers normalises to the term.
        let term = norm(term);
        for r in hit.ranges() {
            assert_eq!(norm(&text[r.clone()]), term);
        }
        let n = norm(text).matches(term.as_str()).count();
        assert_eq!(hit.ranges().len(), n);
    } else {
        for r in hit.ranges() {
            let covered = norm(&text[r.clone()]);
            assert!(terms.iter().any(|t| covered.contains(&norm(t))));
        }
    }
}

#[test]
fn highlight_ranges_cover_the_original_spelling() {
    for q in [
        "24時間",
        "２４時間",
        "ICT",
        "ict",
        "アドバイス",
        "退院",
        "在宅",
        "ケア",
    ] {
        let hits: Vec<_> = search_hits(q).collect();
        assert_eq!(
            hits.iter()
                .map(|h| h.record().id().to_string())
                .collect::<Vec<_>>(),
            ids(search(q))
        );
        for hit in &hits {
            assert!(!hit.ranges().is_empty());
            check_hit(hit, &[q]);
        }
    }
    // The half-width original is what gets highlighted.
    let hit = search_hits("アドバイス").next().unwrap();
    let covered: Vec<&str> = hit
        .ranges()
        .iter()
        .map(|r| &hit.text()[r.clone()])
        .collect();
    assert_eq!(covered, ["ｱﾄﾞﾊﾞｲｽ"]);
    let hit = search_hits("24時間")
        .find(|h| h.text().contains("２４"))
        .unwrap();
    assert_eq!(&hit.text()[hit.ranges()[0].clone()], "２４時間");
    // Key opinions too: line 23, ＩＣＴを活用した情報共有.
    let hit = Query::new()
        .key_only()
        .text("ict")
        .hits()
        .find(|h| h.record().lines().first() == 23)
        .unwrap();
    assert_eq!(&hit.text()[hit.ranges()[0].clone()], "ＩＣＴ");
}

#[test]
fn several_terms_are_all_highlighted() {
    for hit in search_hits("退院　調整") {
        check_hit(&hit, &["退院", "調整"]);
        let marked: BTreeSet<&str> = hit.pieces().filter(|p| p.1).map(|p| p.0).collect();
        assert!(
            marked.contains("退院") && marked.contains("調整"),
            "{marked:?}"
        );
    }
    // Overlapping matches of different terms are merged into one range.
    let hit = search_hits("在宅医 医療")
        .find(|h| h.text().contains("在宅医療"))
        .unwrap();
    let covered: Vec<&str> = hit
        .ranges()
        .iter()
        .map(|r| &hit.text()[r.clone()])
        .collect();
    assert!(covered.contains(&"在宅医療"), "{covered:?}");
}

#[test]
fn utf16_ranges_slice_the_same_text_as_byte_ranges() {
    type Slices = (&'static str, Vec<Range<usize>>, Vec<Range<usize>>);
    for q in ["ＩＣＴ", "24時間", "退院　調整", "ｱﾄﾞﾊﾞｲｽ", "看取り"] {
        let terms = query_terms(q);
        let mut sliced = 0;
        let area_hits = search_hits(q)
            .map(|h| -> Slices { (h.text(), h.ranges().to_vec(), h.utf16_ranges().to_vec()) });
        let query = Query::new().text(q);
        let all_hits = query
            .hits()
            .map(|h| -> Slices { (h.text(), h.ranges().to_vec(), h.utf16_ranges().to_vec()) });
        for (text, bytes, units) in area_hits.chain(all_hits) {
            assert_eq!(bytes.len(), units.len(), "{q}: {text}");
            assert!(!bytes.is_empty(), "{q}: {text}");
            let utf16: Vec<u16> = text.encode_utf16().collect();
            for (b, u) in bytes.iter().zip(&units) {
                let by_bytes = &text[b.clone()];
                let by_units = String::from_utf16(&utf16[u.clone()]).unwrap();
                assert_eq!(by_bytes, by_units, "{q}: {text}");
                let covered = norm(by_bytes);
                assert!(
                    terms.iter().any(|t| covered.contains(t.as_str())),
                    "{q}: {by_bytes}"
                );
                sliced += 1;
            }
        }
        assert!(sliced > 0, "{q}");
    }
    // A half-width original (3 bytes and 1 unit a character) after CJK
    // text (3 bytes and 1 unit) and ASCII (1 byte, 1 unit) elsewhere.
    let hit = search_hits("アドバイス").next().unwrap();
    let units: Vec<u16> = hit.text().encode_utf16().collect();
    let [u] = hit.utf16_ranges() else {
        panic!("one match")
    };
    assert_eq!(String::from_utf16(&units[u.clone()]).unwrap(), "ｱﾄﾞﾊﾞｲｽ");
    assert_eq!(u.len(), 7);
    assert_eq!(hit.ranges()[0].len(), 21);
}

// --- limits --------------------------------------------------------------

/// Distinct one-character terms of an area opinion's normalised text, in
/// order: every one of them matches that opinion.
fn characters_of(o: &Opinion) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in o.normalized_text().chars().filter(|c| !c.is_whitespace()) {
        if !out.contains(&c.to_string()) {
            out.push(c.to_string());
        }
    }
    out
}

#[test]
fn only_the_first_max_terms_distinct_terms_count() {
    assert_eq!(Query::MAX_TERMS, 32);
    let longest = opinions().iter().max_by_key(|o| o.text().len()).unwrap();
    let chars = characters_of(longest);
    assert!(chars.len() > Query::MAX_TERMS, "{}", chars.len());
    let first: Vec<&str> = chars
        .iter()
        .take(Query::MAX_TERMS)
        .map(String::as_str)
        .collect();
    let with_first = |o: &&Opinion| first.iter().all(|t| o.normalized_text().contains(t));
    let expected = ids(opinions().iter().filter(with_first));
    assert!(expected.contains(&longest.id().to_string()));

    // A 33rd distinct term that matches nothing is ignored …
    let q = format!("{} 存在しない語", first.join(" "));
    assert_eq!(ids(search(&q)), expected);
    // … also when it comes in a later call, after repeats of earlier terms
    // (which do not count) …
    let q = Query::new()
        .area_only()
        .text(&first[..20].join(" "))
        .text(&format!(
            "{} {}",
            first[..5].join(" "),
            first[20..].join(" ")
        ))
        .text("存在しない語");
    let found: Vec<&Opinion> = q.iter().filter_map(Record::as_opinion).collect();
    assert_eq!(ids(found), expected);
    assert!(!format!("{q:?}").contains("存在しない語"));
    assert!(q.ignored().past_limit && !q.ignored().long_word);
    // Exactly 32 distinct terms, then repeats of them: nothing left out.
    let q = Query::new().text(&format!("{} {}", first.join(" "), first[..9].join(" ")));
    assert_eq!(q.ignored(), Ignored::default());
    // Past the limit, reading goes on through repeats to the first term
    // left out, which is reported.
    let all = first.join(" ");
    let q = Query::new().text(&format!("{all} {} 存在しない語", first[1..].join(" ")));
    assert!(q.ignored().past_limit);
    let q = Query::new().text(&format!("{all} {all} 存在しない語"));
    assert!(q.ignored().past_limit && !q.ignored().past_max_text);
    assert_eq!(ids(q.iter().filter_map(Record::as_opinion)), expected);
    // … and a 33rd term that matches is not highlighted.
    let q = format!("{} {}", first.join(" "), chars[Query::MAX_TERMS]);
    for hit in search_hits(&q) {
        check_hit(&hit, &first);
    }
    // Before the limit, the same term empties the result.
    let q = format!("{} 存在しない語", first[..Query::MAX_TERMS - 1].join(" "));
    assert!(search(&q).next().is_none());
    assert_eq!(Query::new().text(&q).ignored(), Ignored::default());
}

#[test]
fn a_term_longer_than_any_text_matches_nothing() {
    let longest = opinions()
        .iter()
        .map(|o| o.normalized_text())
        .chain(key_opinions().iter().map(|k| k.normalized_text()))
        .max_by_key(|t| t.len())
        .unwrap();
    // The longest text itself matches (it has no white space) …
    assert!(!longest.contains(char::is_whitespace));
    let found: Vec<Record> = Query::new().text(longest).iter().collect();
    assert!(!found.is_empty());
    assert!(found.iter().all(|r| r.normalized_text() == longest));
    // … one character more does not, whether or not it needs normalising.
    for extra in ["の", "ｱ", "Ａ", "\u{fdfa}"] {
        let q = format!("{longest}{extra}");
        assert_eq!(Query::new().text(&q).iter().count(), 0, "{extra}");
    }
    for q in ["の".repeat(400_000), "ｱﾄﾞﾊﾞｲｽ".repeat(50_000)] {
        assert!(search(&q).next().is_none());
        assert!(search_hits(&q).next().is_none());
        assert_eq!(Query::new().text(&q).iter().count(), 0);
    }
}

#[test]
fn a_word_of_more_than_1_kib_as_typed_matches_nothing() {
    // 1,026 bytes as typed; NFKC would make it 342 characters.
    for word in ["ｱ".repeat(342), "a".repeat(1025), "\u{fdfa}".repeat(342)] {
        let q = Query::new().text(&format!("退院 {word} 調整"));
        assert_eq!(q.iter().count(), 0);
        assert!(q.ignored().long_word && !q.ignored().past_limit);
        let shown = format!("{q:?}");
        assert!(
            shown.contains("text: [\"退院\"], text_en: [], text_matches: 0"),
            "{shown}"
        );
    }
}

#[test]
fn only_the_first_64_kib_of_a_text_are_read() {
    let max = Query::MAX_TEXT_BYTES;
    // A word the cut would split is not read: `調整` ends one byte past
    // the limit, and a partial `調` would match more than `調整`.
    let head = "a ".repeat((max - "調整".len()).div_ceil(2)) + " ";
    let q = head + "調整";
    assert_eq!(q.len(), max + 1);
    let read = Query::new().text(&q);
    assert!(read.ignored().past_max_text);
    assert!(!format!("{read:?}").contains('調'));
    let a: Vec<Record> = Query::new().text("a").iter().collect();
    assert_eq!(read.iter().collect::<Vec<_>>(), a);
    // The cut falls inside a character (3-byte kana after one byte): no
    // panic, and a word longer than 1 KiB cut short still matches nothing.
    for extra in ["", "b", "bb"] {
        let q = format!("{extra}{}", "ア".repeat(max / 3 + 1));
        let read = Query::new().text(&q);
        assert!(read.ignored().past_max_text && read.ignored().long_word);
        assert_eq!(read.iter().count(), 0);
    }
    // Exactly the limit: nothing cut, for both languages.
    let q = "care ".repeat(max / 5) + &"x".repeat(max % 5);
    assert_eq!(q.len(), max);
    assert!(!Query::new().text_en(&q).ignored().past_max_text);
    assert!(Query::new().text_en(&(q + " ")).ignored().past_max_text);
}

#[test]
fn a_term_that_matches_nothing_stops_the_reading() {
    let q = Query::new().text("存在しない語 退院").text("調整");
    assert_eq!(q.iter().count(), 0);
    let shown = format!("{q:?}");
    assert!(shown.contains("存在しない語"), "{shown}");
    // The terms after it were not read.
    assert!(
        !shown.contains("退院") && !shown.contains("調整"),
        "{shown}"
    );
}

#[test]
fn repeated_terms_count_once() {
    // Within the 64 KiB read, repeats of two terms then a third: the third
    // counts.
    let pair = "退院 調整 ";
    let fit = (Query::MAX_TEXT_BYTES - "病院".len()) / pair.len();
    let many = pair.repeat(fit) + "病院";
    assert!(many.len() <= Query::MAX_TEXT_BYTES);
    let expected: Vec<Record> = Query::new().text("退院 調整 病院").iter().collect();
    assert!(!expected.is_empty());
    let q = Query::new().text(&many);
    assert_eq!(q.iter().collect::<Vec<_>>(), expected);
    assert_eq!(q.ignored(), Ignored::default());
    // One more pair puts the third past the 64 KiB read: it is ignored
    // (not matched, not shown), and the cut is reported.
    let both: Vec<Record> = Query::new().text("退院 調整").iter().collect();
    assert!(both.len() > expected.len());
    let past = pair.repeat(fit + 1) + "病院";
    let q = Query::new().text(&past);
    assert_eq!(q.iter().collect::<Vec<_>>(), both);
    assert!(!format!("{q:?}").contains("病院"));
    assert!(q.ignored().past_max_text && !q.ignored().past_limit);
    let shown = format!("{:?}", Query::new().text(&"退院　".repeat(1000)));
    assert_eq!(shown.matches("退院").count(), 1, "{shown}");
}

#[test]
fn debug_shows_the_query() {
    let q = Query::new()
        .theme(Theme::HospitalCollaboration)
        .region(Region::KuSeibu)
        .region(Region::Nishitama)
        .category(Category::AdmissionDischarge)
        .key_only()
        .text("退院　ＩＣＴ");
    let shown = format!("{q:?}");
    assert!(
        shown.starts_with(
            "Query { themes: [HospitalCollaboration], regions: [KuSeibu, Nishitama], \
             categories: [AdmissionDischarge], kinds: [Key], text: [\"退院\", \"ict\"], "
        ),
        "{shown}"
    );
    assert!(
        !shown.contains("Finder") && !shown.contains("needle"),
        "{shown}"
    );
    assert!(format!("{:?}", q.iter()).contains("text: [\"退院\", \"ict\"]"));
}

#[cfg(feature = "serde")]
#[test]
fn hits_serialise_with_both_kinds_of_range() {
    let hit = search_hits("ｱﾄﾞﾊﾞｲｽ").next().unwrap();
    let json = serde_json::to_value(&hit).unwrap();
    let range = |key: &str| {
        let r = &json[key][0];
        (r["start"].as_u64().unwrap() as usize)..(r["end"].as_u64().unwrap() as usize)
    };
    assert_eq!(&hit.text()[range("ranges")], "ｱﾄﾞﾊﾞｲｽ");
    let units: Vec<u16> = hit.text().encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&units[range("utf16_ranges")]).unwrap(),
        "ｱﾄﾞﾊﾞｲｽ"
    );
    assert_eq!(json["record"]["id"], hit.record().id().to_string());
}

// --- Query filters against a brute force ---------------------------------

#[derive(Debug, Clone, Default)]
struct Filters {
    themes: Vec<Theme>,
    regions: Vec<Region>,
    categories: Vec<Category>,
    kinds: Vec<RecordKind>,
    /// Already normalised, white-space separated.
    text: &'static str,
}

impl Filters {
    fn query(&self) -> Query {
        let mut q = Query::new()
            .regions(self.regions.iter().copied())
            .categories(self.categories.iter().copied())
            .text(self.text);
        for &t in &self.themes {
            q = q.theme(t);
        }
        for &k in &self.kinds {
            q = q.kind(k);
        }
        q
    }

    /// The records the filters describe, worked out the long way.
    fn brute_force(&self) -> Vec<Record> {
        let text_ok = |normalized: &str| self.text.split(' ').all(|t| normalized.contains(t));
        let theme_ok = |t: Theme| self.themes.is_empty() || self.themes.contains(&t);
        let category_ok = |c: Category| self.categories.is_empty() || self.categories.contains(&c);
        let kind_ok = |k: RecordKind| self.kinds.is_empty() || self.kinds.contains(&k);
        let mut out: Vec<(u32, Record)> = Vec::new();
        for o in opinions() {
            if kind_ok(RecordKind::Area)
                && theme_ok(o.theme())
                && category_ok(o.category())
                && (self.regions.is_empty() || self.regions.contains(&o.region()))
                && text_ok(o.normalized_text())
            {
                out.push((o.lines().first(), Record::Area(o)));
            }
        }
        for k in key_opinions() {
            let region_ok = |k: &KeyOpinion| {
                self.regions.is_empty()
                    || k.taken_from()
                        .iter()
                        .any(|s| self.regions.contains(&s.region()))
            };
            if kind_ok(RecordKind::Key)
                && theme_ok(k.theme())
                && category_ok(k.category())
                && region_ok(k)
                && text_ok(k.normalized_text())
            {
                out.push((k.lines().first(), Record::Key(k)));
            }
        }
        out.sort_by_key(|&(line, _)| line);
        out.into_iter().map(|(_, r)| r).collect()
    }
}

#[test]
fn filters_in_every_combination_match_a_brute_force() {
    use Theme::*;
    let themes = [
        vec![],
        vec![LocalSituation],
        vec![HospitalCollaboration],
        Theme::ALL.to_vec(),
    ];
    let kinds = [
        vec![],
        vec![RecordKind::Area],
        vec![RecordKind::Key],
        vec![RecordKind::Area, RecordKind::Key],
    ];
    let mut regions: Vec<Vec<Region>> = vec![vec![]];
    regions.extend(Region::ALL.iter().map(|&r| vec![r]));
    regions.push(vec![Region::KuSeibu, Region::Nishitama, Region::Tosho]);
    let mut categories: Vec<Vec<Category>> = vec![vec![]];
    categories.extend(Category::ALL.iter().map(|&c| vec![c]));
    categories.push(vec![
        Category::AdmissionDischarge,
        Category::InformationSharing,
    ]);
    let texts = ["", "退院", "ict", "24時間 体制"];

    let mut checked = 0;
    let mut nonempty = 0;
    for t in &themes {
        for k in &kinds {
            for r in &regions {
                for c in &categories {
                    for &text in &texts {
                        let f = Filters {
                            themes: t.clone(),
                            regions: r.clone(),
                            categories: c.clone(),
                            kinds: k.clone(),
                            text,
                        };
                        let q = f.query();
                        let got: Vec<Record> = q.iter().collect();
                        let expected = f.brute_force();
                        assert_eq!(got, expected, "{f:?}");
                        assert_eq!(q.clone().into_iter().collect::<Vec<_>>(), expected);
                        assert!(got.iter().all(|&rec| q.matches(rec)));
                        checked += 1;
                        nonempty += usize::from(!got.is_empty());
                    }
                }
            }
        }
    }
    assert_eq!(checked, 4 * 4 * 15 * 16 * 4);
    // The comparison is not vacuous.
    assert!(nonempty > 1000, "{nonempty}");
}

#[test]
fn the_readme_query() {
    // テーマ② 【入退院調整】 with 退院: e.g. line 519, 退院調整が不足しており.
    let q = Query::new()
        .theme(Theme::HospitalCollaboration)
        .category(Category::AdmissionDischarge)
        .text("退院");
    let found: Vec<Record> = q.iter().collect();
    assert!(found.contains(&Record::Area(opinion_at(519))));
    // Line 387, 退院前カンファレンスは実施されているが…, is a key opinion of
    // the group on 入退院調整 (lines 383-395).
    assert!(found
        .iter()
        .any(|r| r.kind() == RecordKind::Key && r.lines().first() == 387));
    // Area opinions only: what `search` finds, narrowed.
    let areas: Vec<&Opinion> = q
        .clone()
        .area_only()
        .iter()
        .filter_map(Record::as_opinion)
        .collect();
    let by_search: Vec<&Opinion> = search("退院")
        .filter(|o| o.theme() == Theme::HospitalCollaboration)
        .filter(|o| o.category() == Category::AdmissionDischarge)
        .collect();
    assert_eq!(ids(areas), ids(by_search));
}

#[test]
fn key_opinions_and_regions() {
    // t2-key-02-02 merges 区南部's, 区西北部's and 区中央部's opinions.
    let k = Record::from(zaitaku_opinions::key_opinion("t2-key-02-02").unwrap());
    assert_eq!(k.region(), None);
    let regions: Vec<Region> = k.regions().collect();
    assert_eq!(
        regions,
        [Region::KuChuobu, Region::KuNanbu, Region::KuSeihokubu]
    );
    for r in Region::ALL {
        let found = Query::new().key_only().region(r).iter().any(|x| x == k);
        assert_eq!(found, regions.contains(&r), "{r}");
    }
    // 島しょ gave no opinions, so no record at all speaks for it.
    assert_eq!(Query::new().region(Region::Tosho).iter().count(), 0);
}

// --- English -------------------------------------------------------------

/// The records whose English text, ASCII lower-cased here, contains every
/// term, by a plain loop over `text_en()`.
fn english_matches(terms: &[String]) -> Vec<Record> {
    all_records()
        .into_iter()
        .filter(|r| {
            let en = r.text_en().to_ascii_lowercase();
            terms.iter().all(|t| en.contains(t.as_str()))
        })
        .collect()
}

#[test]
fn english_search_finds_exactly_the_texts_that_contain_the_word() {
    let expected = english_matches(&["discharge".to_string()]);
    // Discharge is in the Japanese of many records; in the English of a
    // few dozen.
    assert!(expected.len() > 10, "{}", expected.len());
    let areas: Vec<&Opinion> = expected.iter().filter_map(|r| r.as_opinion()).collect();
    for q in [
        "discharge",
        "Discharge",
        "DISCHARGE",
        "dIsChArGe",
        "ｄｉｓｃｈａｒｇｅ",
        " discharge\t",
    ] {
        assert_eq!(ids(search_en(q)), ids(areas.iter().copied()), "{q:?}");
        let query = Query::new().text_en(q);
        assert_eq!(query.iter().collect::<Vec<_>>(), expected, "{q:?}");
        let mut hits = 0;
        for hit in query.hits() {
            assert_eq!(hit.text(), hit.record().text_en());
            let text = hit.text();
            // Every occurrence, each range slicing back to the word.
            let n = text.to_ascii_lowercase().matches("discharge").count();
            assert_eq!(hit.ranges().len(), n, "{text}");
            let utf16: Vec<u16> = text.encode_utf16().collect();
            for (b, u) in hit.ranges().iter().zip(hit.utf16_ranges()) {
                assert!(text[b.clone()].eq_ignore_ascii_case("discharge"), "{text}");
                let by_units = String::from_utf16(&utf16[u.clone()]).unwrap();
                assert_eq!(by_units, &text[b.clone()]);
            }
            hits += 1;
        }
        assert_eq!(hits, expected.len());
    }
    // Ranges after non-ASCII characters (“ is 3 bytes, 1 UTF-16 unit).
    let hit = Query::new().text_en("arranges").hits().next().unwrap();
    assert!(hit.text().contains('“'));
    let [b] = hit.ranges() else {
        panic!("one match")
    };
    let [u] = hit.utf16_ranges() else {
        panic!("one match")
    };
    assert_eq!(&hit.text()[b.clone()], "arranges");
    assert_eq!(b.len(), u.len());
    assert!(b.start > u.start);
}

#[test]
fn english_terms_split_at_white_space_and_all_must_match() {
    let terms = |ts: &[&str]| ts.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    let expected = english_matches(&terms(&["home", "care"]));
    // Not a phrase: "Home-visit … care" matches too.
    assert!(expected.len() > english_matches(&terms(&["home care"])).len());
    for q in [
        "home care",
        "care home",
        "Home　CARE",
        "home care home care",
    ] {
        assert_eq!(
            Query::new().text_en(q).iter().collect::<Vec<_>>(),
            expected,
            "{q:?}"
        );
    }
    let q = Query::new().text_en("home care Home HOME");
    assert!(format!("{q:?}").contains("text_en: [\"home\", \"care\"]"));
    for hit in q.hits() {
        for r in hit.ranges() {
            let found = hit.text()[r.clone()].to_ascii_lowercase();
            assert!(found.contains("home") || found.contains("care"), "{found}");
        }
    }
}

#[test]
fn english_misses_return_nothing() {
    for q in ["zzqxj", "discharge zzqxj", "退院", "home\u{301}"] {
        assert_eq!(search_en(q).count(), 0, "{q:?}");
        assert_eq!(Query::new().text_en(q).iter().count(), 0, "{q:?}");
    }
    // Only ASCII letters are folded; the English and Japanese texts stay
    // apart (退院 is in the Japanese, not the English).
    assert!(search("退院").next().is_some());
    // A blank query puts no condition, as in Japanese.
    assert_eq!(search_en(" ").count(), opinions().len());
}

#[test]
fn english_and_japanese_terms_share_the_limit() {
    // The distinct words of the longest translation, lower-cased: each
    // matches it.
    let longest = all_records()
        .into_iter()
        .max_by_key(|r| r.text_en().len())
        .unwrap();
    let mut words: Vec<String> = Vec::new();
    for w in longest.text_en().to_ascii_lowercase().split(' ') {
        if !words.contains(&w.to_string()) {
            words.push(w.to_string());
        }
    }
    assert!(words.len() > Query::MAX_TERMS, "{}", words.len());
    let first = &words[..Query::MAX_TERMS];
    let q = Query::new().text_en(&words.join(" "));
    assert_eq!(q.iter().collect::<Vec<_>>(), english_matches(first));
    assert!(q.ignored().past_limit);
    // With one Japanese term, one English term fewer counts.
    let ja = longest
        .normalized_text()
        .chars()
        .next()
        .unwrap()
        .to_string();
    let q = Query::new().text(&ja).text_en(&words.join(" "));
    let expected: Vec<Record> = english_matches(&words[..Query::MAX_TERMS - 1])
        .into_iter()
        .filter(|r| r.normalized_text().contains(&ja))
        .collect();
    assert!(expected.contains(&longest));
    assert_eq!(q.iter().collect::<Vec<_>>(), expected);
    assert!(q.ignored().past_limit);
    // A query with English terms highlights the English only.
    for hit in q.hits() {
        assert_eq!(hit.text(), hit.record().text_en());
    }
    // A long word in English as in Japanese.
    let q = Query::new().text_en(&format!("care {}", "a".repeat(1025)));
    assert!(q.ignored().long_word && q.iter().next().is_none());
}

// --- never panics --------------------------------------------------------

/// Characters that stress normalisation: combining marks, voiced sound
/// marks, controls, unassigned and private-use code points, non-characters,
/// spaces of every kind, and plain corpus characters.
const NASTY: &str = "[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{300}-\\u{36f}\\u{3099}\\u{309a}\\u{ff9e}\\u{ff9f}\\u{20d0}-\\u{20ff}\\u{378}\\u{379}\\u{e0080}-\\u{e00ff}\\u{50000}-\\u{50010}\\u{f0000}\\u{10fffe}\\u{10ffff}\\u{fffe}\\u{ffff}\\u{feff}\\u{200b}-\\u{200f}\\u{2028}\\u{2029}\\u{a0}\\u{3000} \\tア-ンｱ-ﾝ０-９Ａ-Ｚa-z0-9退院調整在宅医療時間㍿ﾞ]{0,24}";

/// A query: arbitrary Unicode, the stress set above, or a piece of a real
/// text (so that hits are exercised) with stress characters around it.
fn query() -> impl Strategy<Value = String> {
    let corpus_piece = (0..opinions().len(), 0usize..80, 1usize..12, NASTY, NASTY).prop_map(
        |(i, start, len, pre, post)| {
            let piece: String = opinions()[i].text().chars().skip(start).take(len).collect();
            format!("{pre}{piece}{post}")
        },
    );
    prop_oneof![any::<String>(), NASTY, corpus_piece]
}

/// A piece of a real English text in any ASCII case, with stress
/// characters around it.
fn english_query() -> impl Strategy<Value = String> {
    let all = all_records();
    (0..all.len(), 0usize..200, 1usize..30, any::<u64>(), NASTY).prop_map(
        move |(i, start, len, case, post)| {
            let piece = all[i].text_en().chars().skip(start).take(len).enumerate();
            let piece: String = piece
                .map(|(k, c)| match case >> (k % 64) & 1 {
                    1 => c.to_ascii_uppercase(),
                    _ => c,
                })
                .collect();
            format!("{piece} {post}")
        },
    )
}

fn filters() -> impl Strategy<Value = (u8, u16, u16, u8)> {
    (any::<u8>(), any::<u16>(), any::<u16>(), any::<u8>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn search_never_panics(q in query()) {
        let terms = query_terms(&q);
        let found: Vec<&Opinion> = search(&q).collect();
        for o in &found {
            prop_assert!(terms.iter().all(|t| o.normalized_text().contains(t.as_str())));
        }
        let expected = opinions().iter().filter(|o| terms.iter().all(|t| o.normalized_text().contains(t.as_str()))).count();
        prop_assert_eq!(found.len(), expected);
        let term_refs: Vec<&str> = terms.iter().map(String::as_str).collect();
        for hit in search_hits(&q) {
            if terms.is_empty() {
                prop_assert!(hit.ranges().is_empty());
            } else {
                check_hit(&hit, &term_refs);
            }
        }
    }

    #[test]
    fn english_search_matches_a_naive_loop(q in prop_oneof![query(), english_query()]) {
        let terms = query_terms(&q);
        let expected = english_matches(&terms);
        let query = Query::new().text_en(&q);
        prop_assert_eq!(query.iter().collect::<Vec<_>>(), expected.clone());
        let areas = expected.iter().filter_map(|r| r.as_opinion());
        prop_assert_eq!(ids(search_en(&q)), ids(areas));
        for hit in query.hits() {
            prop_assert_eq!(hit.text(), hit.record().text_en());
            let mut end = 0;
            for r in hit.ranges() {
                prop_assert!(r.start >= end && r.start < r.end);
                end = r.end;
                let found = hit.text()[r.clone()].to_ascii_lowercase();
                prop_assert!(terms.iter().any(|t| found.contains(t.as_str())), "{}", found);
            }
            prop_assert_eq!(hit.ranges().is_empty(), terms.is_empty());
        }
    }

    #[test]
    fn query_never_panics(q in query(), (themes, regions, categories, kinds) in filters()) {
        let mut query = Query::new().text(&q);
        for (i, &t) in Theme::ALL.iter().enumerate() {
            if themes & (1 << i) != 0 { query = query.theme(t); }
        }
        for (i, &r) in Region::ALL.iter().enumerate() {
            if regions & (1 << i) != 0 { query = query.region(r); }
        }
        for (i, &c) in Category::ALL.iter().enumerate() {
            if categories & (1 << i) != 0 { query = query.category(c); }
        }
        if kinds & 1 != 0 { query = query.kind(RecordKind::Area); }
        if kinds & 2 != 0 { query = query.kind(RecordKind::Key); }
        let n = query.iter().count();
        prop_assert_eq!(query.hits().count(), n);
        prop_assert!(query.iter().all(|r| query.matches(r)));
    }
}

// --- cross-links ---------------------------------------------------------

#[test]
fn key_opinion_links_go_both_ways() {
    for o in opinions() {
        let expected: Vec<String> = key_opinions()
            .iter()
            .filter(|k| k.taken_from().iter().any(|s| s.id() == o.id()))
            .map(|k| k.id().to_string())
            .collect();
        let got: Vec<String> = o.key_opinions().map(|k| k.id().to_string()).collect();
        assert_eq!(got, expected, "{}", o.id());
    }
    // Line 186 (区西北部, ICTを活用した連携) is quoted as key opinion t1-key-04-02
    // (line 25, ＩＣＴを活用した連携).
    let quoted: Vec<u32> = opinion_at(186)
        .key_opinions()
        .map(|k| k.lines().first())
        .collect();
    assert_eq!(quoted, [25]);
    let quoted_total: usize = opinions().iter().map(|o| o.key_opinions().count()).sum();
    let source_total: usize = key_opinions().iter().map(|k| k.taken_from().len()).sum();
    assert_eq!(quoted_total, source_total);
}

#[test]
fn counts_match_a_brute_force() {
    for theme in Theme::ALL {
        let m = counts(theme);
        for region in Region::ALL {
            for category in Category::ALL {
                let n = opinions()
                    .iter()
                    .filter(|o| (o.theme(), o.region(), o.category()) == (theme, region, category))
                    .count();
                assert_eq!(m.get(region, category), n);
                let q = Query::new()
                    .area_only()
                    .theme(theme)
                    .region(region)
                    .category(category);
                assert_eq!(q.iter().count(), n);
            }
        }
    }
}

/// Dice coefficient of character-bigram multisets, written out here.
fn dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let c: Vec<char> = s.chars().collect();
        let mut v: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
        v.sort();
        v
    };
    let (a, b) = (grams(a), grams(b));
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// The points of each area opinion as `data/opinion-points.tsv` lists them
/// (read here with a plain split, independently of the build's reader).
fn tags() -> std::collections::BTreeMap<String, Vec<String>> {
    let text = include_str!("../data/opinion-points.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (id, points) = l.split_once('\t').unwrap();
            (
                id.to_string(),
                points.split(' ').map(str::to_string).collect(),
            )
        })
        .collect()
}

#[test]
fn similar_opinions_are_the_other_areas_opinions_sharing_a_point() {
    let tags = tags();
    let mut with_similar = 0;
    for (i, o) in opinions().iter().enumerate() {
        let mine = &tags[&o.id().to_string()];
        let mut all: Vec<(usize, Vec<String>, f64)> = opinions()
            .iter()
            .enumerate()
            .filter(|(_, p)| p.region() != o.region())
            .map(|(j, p)| {
                let theirs = &tags[&p.id().to_string()];
                let shared: Vec<String> = mine
                    .iter()
                    .filter(|t| theirs.contains(t))
                    .cloned()
                    .collect();
                (j, shared, dice(&norm(o.text()), &norm(p.text())))
            })
            .filter(|(_, shared, _)| !shared.is_empty())
            .collect();
        all.sort_by(|a, b| {
            b.1.len()
                .cmp(&a.1.len())
                .then(b.2.total_cmp(&a.2))
                .then(a.0.cmp(&b.0))
        });
        let got: Vec<(String, Vec<String>, f32)> = o
            .similar()
            .iter()
            .map(|s| {
                let shared = s.shared_points().map(|p| p.id().to_string()).collect();
                (s.opinion().id().to_string(), shared, s.score())
            })
            .collect();
        assert_eq!(got.len(), all.len(), "{}", o.id());
        for ((id, shared, score), (j, want, s)) in got.iter().zip(&all) {
            assert_eq!(id, &opinions()[*j].id().to_string(), "{} (#{i})", o.id());
            assert_eq!(shared, want, "{} / {id}", o.id());
            assert!((f64::from(*score) - s).abs() < 1e-4, "{id}: {score} vs {s}");
        }
        with_similar += usize::from(!got.is_empty());
    }
    assert!(with_similar > 0);
}

#[test]
fn linked_records_print_and_compare_without_following_links_forever() {
    // Every record, including those in link cycles (an opinion and the key
    // opinion quoting it; two opinions similar to each other).
    for o in opinions() {
        let shown = format!("{o:?}");
        assert!(shown.contains(&o.id().to_string()));
        for k in o.key_opinions() {
            assert!(shown.contains(&k.id().to_string()));
        }
        assert_eq!(o, o);
        assert_eq!(Record::from(o), Record::from(o));
    }
    for k in key_opinions() {
        assert!(format!("{k:?}").contains(&k.taken_mainly_from().id().to_string()));
        assert_eq!(k, k);
        assert_ne!(Record::from(k), Record::from(k.taken_mainly_from()));
    }
    assert_ne!(&opinions()[0], &opinions()[1]);
    let hit = search_hits("ICT").next().unwrap();
    assert!(format!("{hit:?}").contains("ranges"));
}
