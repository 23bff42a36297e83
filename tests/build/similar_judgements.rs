//! `Opinion::similar()` against a judgement set written by reading the
//! Japanese: `tests/fixtures/similar-judgements.tsv`, cross-area pairs of
//! area opinions labelled 2 (the same point), 1 (related topic, a different
//! point) or 0 (unrelated), by readers who never saw the point tags. It
//! holds every pair the rule before issue #14 returned, every pair
//! `similar()` returns now, near misses of both, and random pairs of the
//! same category.
//!
//! Precision: of the returned pairs (each unordered pair once), the share
//! labelled 2. Recall: of the pairs labelled 2, the share returned. Run
//! with `cargo test --test build similar_judgements -- --nocapture` to see them.

use crate::build;

use std::collections::{BTreeMap, BTreeSet};
use zaitaku_opinions::{opinion, opinions, Opinion};

const JUDGEMENTS: &str = include_str!("../fixtures/similar-judgements.tsv");

type Pair = (String, String);

fn pair(a: &str, b: &str) -> Pair {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// The labelled pairs, each checked: known ids, different areas, a label
/// of 0, 1 or 2, a reason, and no pair twice.
fn judgements() -> BTreeMap<Pair, u8> {
    let mut out = BTreeMap::new();
    for (n, line) in JUDGEMENTS.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("a_id\t") {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [a, b, label, reason] = fields[..] else {
            panic!("line {}: expected 4 fields: {line}", n + 1);
        };
        let (oa, ob) = (opinion(a), opinion(b));
        let (Some(oa), Some(ob)) = (oa, ob) else {
            panic!("line {}: unknown opinion id in {line}", n + 1);
        };
        assert_ne!(oa.region(), ob.region(), "line {}: same area", n + 1);
        assert!(!reason.trim().is_empty(), "line {}: no reason", n + 1);
        let label: u8 = match label {
            "0" => 0,
            "1" => 1,
            "2" => 2,
            _ => panic!("line {}: label `{label}`", n + 1),
        };
        assert!(
            out.insert(pair(a, b), label).is_none(),
            "line {}: pair twice",
            n + 1
        );
    }
    out
}

/// Precision, recall and the counts behind them, of `returned` on the
/// judgements.
struct Score {
    returned: usize,
    labelled: usize,
    same_point: usize,
    same_point_total: usize,
}

impl Score {
    fn of(returned: &BTreeSet<Pair>, judged: &BTreeMap<Pair, u8>) -> Score {
        Score {
            returned: returned.len(),
            labelled: returned.iter().filter(|p| judged.contains_key(*p)).count(),
            same_point: returned
                .iter()
                .filter(|p| judged.get(*p) == Some(&2))
                .count(),
            same_point_total: judged.values().filter(|&&l| l == 2).count(),
        }
    }

    fn precision(&self) -> f64 {
        self.same_point as f64 / self.labelled as f64
    }

    fn recall(&self) -> f64 {
        self.same_point as f64 / self.same_point_total as f64
    }

    fn show(&self, what: &str) {
        println!(
            "{what}: precision {:.3} ({}/{} labelled returned pairs; {} returned), recall {:.3} ({}/{} same-point pairs)",
            self.precision(),
            self.same_point,
            self.labelled,
            self.returned,
            self.recall(),
            self.same_point,
            self.same_point_total
        );
    }
}

/// Every unordered pair `similar()` returns.
fn returned_now() -> BTreeSet<Pair> {
    opinions()
        .iter()
        .flat_map(|o| {
            o.similar()
                .iter()
                .map(move |s| pair(&o.id().to_string(), &s.opinion().id().to_string()))
        })
        .collect()
}

/// The rule before issue #14: for each opinion, the opinions of other
/// areas whose character-bigram Dice similarity is at least 0.3, the five
/// most similar.
fn returned_before() -> BTreeSet<Pair> {
    let all: &[Opinion] = opinions();
    let mut out = BTreeSet::new();
    for o in all {
        let mut hits: Vec<(usize, f64)> = all
            .iter()
            .enumerate()
            .filter(|(_, p)| p.region() != o.region())
            .map(|(j, p)| (j, build::link::similarity(o.text(), p.text())))
            .filter(|&(_, s)| s >= 0.3)
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.truncate(5);
        for (j, _) in hits {
            out.insert(pair(&o.id().to_string(), &all[j].id().to_string()));
        }
    }
    out
}

#[test]
fn similar_opinions_meet_the_targets_on_the_judgement_set() {
    let judged = judgements();
    assert!(judged.len() >= 150, "{} pairs", judged.len());

    // Batch 1 was written from the old rule's output: every pair it
    // returned is labelled, so its figures are over all of them too.
    let old = returned_before();
    let unlabelled: Vec<&Pair> = old.iter().filter(|p| !judged.contains_key(*p)).collect();
    assert!(
        unlabelled.is_empty(),
        "returned before but not labelled: {unlabelled:?}"
    );
    let before = Score::of(&old, &judged);
    before.show("before (Dice >= 0.3, top 5)");
    let now = returned_now();
    let after = Score::of(&now, &judged);
    after.show("after (shared points)");

    // The set covers every pair the rule returns, so precision is over all
    // of them.
    let unlabelled: Vec<&Pair> = now.iter().filter(|p| !judged.contains_key(*p)).collect();
    assert!(
        unlabelled.is_empty(),
        "returned but not labelled: {unlabelled:?}"
    );
    assert!(after.returned > 0);
    assert!(
        after.precision() >= 0.9,
        "precision {:.3}",
        after.precision()
    );
    assert!(after.recall() >= 0.7, "recall {:.3}", after.recall());
}
