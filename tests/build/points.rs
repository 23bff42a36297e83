//! Points (論点): the build-time checks of `data/points.tsv` and
//! `data/opinion-points.tsv` on small bad files (each error with its
//! `data/<file>:<line>:`), and the invariants of the generated data and the
//! API: every area opinion tagged, no unused point, links that agree both
//! ways, ids that round-trip and misses that suggest.
//!
//! The reader is mounted exactly as `build.rs` mounts it.

use crate::build;

use build::point::{self, PointRow, POINTS_PATH, TAGS_PATH};
use std::collections::BTreeSet;
use zaitaku_opinions::{key_opinions, opinions, Point, Query, Record, Region};

const POINTS: &str = "\
# comment
alpha\tアルファ\tAlpha\tThe first point.\t一つ目。
beta-2\tベータ\tBeta\tThe second point.\t二つ目。\tbeta,beta-1
";

fn ids() -> Vec<String> {
    ["t1-kuchuobu-01", "t1-kuchuobu-02", "t1-kunanbu-01"]
        .map(String::from)
        .to_vec()
}

fn rows() -> Vec<PointRow> {
    point::parse_points(POINTS.as_bytes()).unwrap()
}

fn points_error(text: &str) -> String {
    point::parse_points(text.as_bytes())
        .unwrap_err()
        .to_string()
}

fn tags_error(text: &str) -> String {
    point::parse_tags(text.as_bytes(), rows(), &ids())
        .unwrap_err()
        .to_string()
}

fn assert_starts(message: &str, expected: &str) {
    assert!(
        message.starts_with(expected),
        "expected `{expected}…`, found `{message}`"
    );
    assert!(message.len() < 300, "{message}");
}

#[test]
fn good_files_are_read() {
    let rows = rows();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[1].id.as_str(), rows[1].label_ja.as_str(), rows[1].line),
        ("beta-2", "ベータ", 3)
    );
    assert_eq!(rows[1].description_ja, "二つ目。");
    assert_eq!(rows[1].former_ids, ["beta", "beta-1"]);
    assert!(rows[0].former_ids.is_empty());
    let tags =
        "t1-kuchuobu-01\talpha beta-2\n\nt1-kunanbu-01\tbeta-2\n# note\nt1-kuchuobu-02\talpha\n";
    let read = point::parse_tags(tags.as_bytes(), rows, &ids()).unwrap();
    assert_eq!(read.tags, vec![vec![0, 1], vec![0], vec![1]]);
}

#[test]
fn bad_points_file_fails_with_file_and_line() {
    let cases = [
        (
            "alpha\tアルファ\tAlpha\tThe first.\n",
            "expected 5 or 6 tab-separated fields",
        ),
        (
            "alpha\t\tAlpha\tThe first.\t一つ目。\n",
            "expected a non-empty label_ja",
        ),
        (
            "alpha\tアルファ\tAlpha\tThe first.\t\n",
            "expected a non-empty description_ja",
        ),
        (
            "alpha\tア\tA\tD.\tＤ。\tbeta,Beta\n",
            "expected a former point id of lower-case",
        ),
        (
            "Alpha\tアルファ\tAlpha\tThe first.\t一つ目。\n",
            "expected a point id of lower-case",
        ),
        (
            "al--pha\tアルファ\tAlpha\tThe first.\t一つ目。\n",
            "expected a point id of lower-case",
        ),
        (
            "alpha-is-a-point-whose-id-is-much-too-long-to-keep\tア\tA\tD.\tＤ。\n",
            "expected a point id of lower-case",
        ),
    ];
    for (text, expected) in cases {
        assert_starts(
            &points_error(&format!("# header\n{text}")),
            &format!("{POINTS_PATH}:2: {expected}"),
        );
    }
    assert_starts(
        &points_error("a\tア\tA\tD.\tＤ。\nb\tイ\tB\tD.\tＤ。\na\tウ\tC\tD.\tＤ。\n"),
        &format!("{POINTS_PATH}:3: expected each point id once, found `a` again (first on line 1)"),
    );
    assert_starts(
        &points_error("# only comments\n"),
        &format!("{POINTS_PATH}:1: expected at least one point"),
    );
    assert_starts(
        &points_error("a\tア\tA\tD.\tＤ。\nb\tイ\u{200b}\tB\tD.\tＤ。\n"),
        &format!("{POINTS_PATH}:2: expected visible text"),
    );
    // A former id finds one point: not a point's id, not listed twice.
    for (text, line, f) in [
        ("a\tア\tA\tD.\tＤ。\nb\tイ\tB\tD.\tＤ。\ta\n", 2, "a"),
        ("a\tア\tA\tD.\tＤ。\tb\nb\tイ\tB\tD.\tＤ。\n", 1, "b"),
        ("a\tア\tA\tD.\tＤ。\tc\nb\tイ\tB\tD.\tＤ。\tc\n", 1, "c"),
        ("a\tア\tA\tD.\tＤ。\tc,c\n", 1, "c"),
    ] {
        assert_starts(
            &points_error(text),
            &format!(
                "{POINTS_PATH}:{line}: expected a former id that no other point has, found `{f}`"
            ),
        );
    }
    let many: String = (0..=point::MAX_POINTS)
        .map(|i| format!("p{i}\tア\tA\tD.\tＤ。\n"))
        .collect();
    assert_starts(
        &points_error(&many),
        &format!("{POINTS_PATH}:129: expected at most 128 points"),
    );
}

#[test]
fn bad_tags_file_fails_with_file_and_line() {
    let good = "t1-kuchuobu-01\talpha\nt1-kuchuobu-02\tbeta-2\n";
    let cases = [
        ("t1-kunanbu-01\n", 3, "expected 2 tab-separated fields"),
        ("t1-kunanbu-01\t\n", 3, "expected a non-empty point ids"),
        (
            "t1-kunanbu-99\talpha\n",
            3,
            "expected the id of an area opinion, found `t1-kunanbu-99`",
        ),
        (
            "t1-key-01-01\talpha\n",
            3,
            "expected the id of an area opinion",
        ),
        (
            "T1-kunanbu-01\talpha\n",
            3,
            "expected an opinion id of lower-case",
        ),
        (
            "t1-kunanbu-01\tgamma\n",
            3,
            "expected a point id of data/points.tsv, found `gamma`",
        ),
        (
            "t1-kunanbu-01\talpha  beta-2\n",
            3,
            "expected point ids separated by single spaces",
        ),
        (
            "t1-kunanbu-01\tAlpha\n",
            3,
            "expected a point id of lower-case",
        ),
        (
            "t1-kunanbu-01\talpha beta-2 alpha\n",
            3,
            "expected each point once per opinion, found `alpha` twice",
        ),
        (
            "t1-kuchuobu-01\tbeta-2\n",
            3,
            "expected each opinion id once, found `t1-kuchuobu-01` again (first on line 1)",
        ),
    ];
    for (extra, line, expected) in cases {
        assert_starts(
            &tags_error(&format!("{good}{extra}")),
            &format!("{TAGS_PATH}:{line}: {expected}"),
        );
    }
    // Whole-file checks: an untagged opinion names the last row; an unused
    // point names its own line in points.tsv.
    assert_starts(
        &tags_error(good),
        &format!(
            "{TAGS_PATH}:2: expected a row for every area opinion, found none for `t1-kunanbu-01`"
        ),
    );
    assert_starts(
        &tags_error("t1-kuchuobu-01\talpha\nt1-kuchuobu-02\talpha\nt1-kunanbu-01\talpha\n"),
        &format!("{POINTS_PATH}:3: expected every point to tag an opinion in {TAGS_PATH}, found none tagged `beta-2`"),
    );
    assert_starts(
        &tags_error("t1-kuchuobu-01\talpha\n\u{feff}t1-kuchuobu-02\tbeta-2\n"),
        &format!("{TAGS_PATH}:2: expected visible text"),
    );
}

#[test]
fn every_area_opinion_has_points_and_every_point_opinions() {
    for o in opinions() {
        let points: Vec<&Point> = o.points().collect();
        assert!((1..=3).contains(&points.len()), "{}", o.id());
        let unique: BTreeSet<&str> = points.iter().map(|p| p.id()).collect();
        assert_eq!(unique.len(), points.len(), "{}", o.id());
        for p in points {
            assert!(p.opinions().any(|q| q == o), "{} / {}", o.id(), p.id());
        }
    }
    for p in Point::all() {
        assert!(p.opinions().len() >= 1, "{}", p.id());
        let mut last = None;
        for o in p.opinions() {
            assert!(o.points().any(|q| q == p), "{} / {}", p.id(), o.id());
            assert!(last < Some(o.lines().first()), "document order");
            last = Some(o.lines().first());
        }
        let regions: Vec<Region> = Region::ALL
            .into_iter()
            .filter(|r| p.opinions().any(|o| o.region() == *r))
            .collect();
        assert_eq!(p.regions(), regions, "{}", p.id());
    }
    // Pinned: 83 points and 176 tags (issue #31 dropped t2-nishitama-01's home-care-staff-short), as data/points.tsv and
    // data/opinion-points.tsv hold them.
    assert_eq!(Point::all().len(), 83);
    assert_eq!(
        opinions().iter().map(|o| o.points().len()).sum::<usize>(),
        176
    );
}

#[test]
fn ids_are_unique_and_round_trip() {
    let mut seen = BTreeSet::new();
    for (i, p) in zaitaku_opinions::points().iter().enumerate() {
        assert!(seen.insert(p.id()), "{} twice", p.id());
        assert!(point::is_id(p.id()) && p.id().len() <= 40, "{}", p.id());
        assert_eq!(p.id().parse::<Point>().as_ref(), Ok(p));
        assert_eq!(Point::from_id(p.id()), Some(p));
        assert_eq!(p.to_string(), p.id());
        assert_eq!(&Point::all()[i], p);
        for text in [p.label_ja(), p.label_en(), p.description()] {
            assert!(!text.trim().is_empty(), "{}", p.id());
        }
        // Japanese, and readable without the English: no point ids in it.
        let ja = p.description_ja();
        assert!(
            ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
            "{}",
            p.id()
        );
        for q in Point::all() {
            assert!(!ja.contains(q.id()), "{} names {}", p.id(), q.id());
        }
    }
}

/// Ids a point had before (issue #22's renames and merges) still find it,
/// by `from_id` and by `parse`, and no former id is a point's id now.
#[test]
fn former_ids_still_find_their_point() {
    for (old, new) in [
        (
            "avoidable-ambulance-transfers",
            "ambulance-transfers-of-home-patients",
        ),
        (
            "care-managers-bypass-regular-doctor",
            "care-managers-involving-family-doctor",
        ),
        (
            "specialists-take-what-gps-cannot",
            "family-and-dedicated-doctor-link",
        ),
        ("home-dental-staff-shortage", "home-care-staff-short"),
        (
            "predischarge-conference-nurses",
            "home-visit-nurses-key-role",
        ),
        ("residents-doubt-home-care", "public-awareness-campaigns"),
    ] {
        let p = Point::from_id(old).unwrap();
        assert_eq!(p.id(), new);
        assert_eq!(old.parse::<Point>().as_ref(), Ok(p));
        assert!(Point::all().iter().all(|q| q.id() != old));
    }
}

#[test]
fn a_miss_suggests_the_closest_ids_in_a_short_message() {
    for input in [
        "",
        "face-to-face-meeting",
        "FACE-TO-FACE-MEETINGS",
        "round_the_clock_burden",
        "在宅医療",
        &"x".repeat(100_000),
        &"あ".repeat(10_000),
    ] {
        assert!(Point::from_id(input).is_none());
        let err = input.parse::<Point>().unwrap_err();
        // What `input()` documents (0.4): the input, or its first 256 bytes
        // if longer, cut at a character boundary.
        let mut end = input.len().min(256);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        assert_eq!(err.input(), &input[..end]);
        assert_eq!(err.kind(), "point id");
        assert_eq!(err.suggestions().len(), 3);
        for id in err.suggestions() {
            assert!(Point::from_id(id).is_some());
        }
        let message = err.to_string();
        assert!(message.len() < 200, "{} bytes: {message}", message.len());
        assert!(message.contains(err.suggestions()[0].as_str()));
    }
    let err = "face-to-face-meeting".parse::<Point>().unwrap_err();
    assert_eq!(err.suggestions()[0], "face-to-face-meetings");
    let err = "round_the_clock_burden".parse::<Point>().unwrap_err();
    assert_eq!(err.suggestions()[0], "round-the-clock-burden");
}

#[test]
fn key_opinions_take_their_sources_points() {
    for k in key_opinions() {
        let mut expected: Vec<&str> = Vec::new();
        for o in k.taken_from() {
            for p in o.points() {
                if !expected.contains(&p.id()) {
                    expected.push(p.id());
                }
            }
        }
        let got: Vec<&str> = k.points().map(|p| p.id()).collect();
        assert_eq!(got, expected, "{}", k.id());
        let record: Vec<&str> = Record::from(k).points().map(|p| p.id()).collect();
        assert_eq!(record, expected);
    }
    for o in opinions() {
        let record: Vec<&Point> = Record::from(o).points().collect();
        assert_eq!(record, o.points().collect::<Vec<_>>());
    }
}

#[test]
fn similar_opinions_share_a_point_and_come_from_other_areas() {
    for o in opinions() {
        for s in o.similar() {
            assert_ne!(s.opinion().region(), o.region());
            let shared: Vec<&Point> = s.shared_points().collect();
            let expected: Vec<&Point> = o
                .points()
                .filter(|p| s.opinion().points().any(|q| q == *p))
                .collect();
            assert!(!shared.is_empty());
            assert_eq!(shared, expected, "{} / {}", o.id(), s.opinion().id());
            // Symmetric: the other one lists this one, with as many points.
            let back = s.opinion().similar().iter().find(|b| b.opinion() == o);
            assert_eq!(back.map(|b| b.shared_points().len()), Some(shared.len()));
        }
        // No similar opinion without a shared point: every other area's
        // opinion that shares one is listed.
        let sharing = opinions()
            .iter()
            .filter(|p| p.region() != o.region())
            .filter(|p| p.points().any(|x| o.points().any(|y| x == y)))
            .count();
        assert_eq!(o.similar().len(), sharing, "{}", o.id());
    }
}

#[test]
fn a_query_by_point_keeps_the_records_about_it() {
    for p in Point::all() {
        let expected: Vec<Record> = Query::new()
            .iter()
            .filter(|r| r.points().any(|q| q == p))
            .collect();
        let got: Vec<Record> = Query::new().point(p).iter().collect();
        assert_eq!(got, expected, "{}", p.id());
        assert!(got.len() >= p.opinions().len());
        let areas: Vec<Record> = Query::new().area_only().point(p).iter().collect();
        assert!(areas.iter().copied().eq(p.opinions().map(Record::from)));
    }
    // Points add up as either; other filters still apply.
    let (a, b) = (&Point::all()[0], &Point::all()[1]);
    let either: Vec<Record> = Query::new().points([a, b]).iter().collect();
    let expected: Vec<Record> = Query::new()
        .iter()
        .filter(|r| r.points().any(|q| q == a || q == b))
        .collect();
    assert_eq!(either, expected);
    let q = Query::new().point(a).region(Region::Nishitama);
    assert!(q
        .iter()
        .all(|r| r.regions().any(|g| g == Region::Nishitama)));
    assert!(format!("{:?}", Query::new().point(a)).contains(a.id()));
}
