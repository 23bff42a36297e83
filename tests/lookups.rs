//! Lookups by id: only the exact spelling of an existing id finds a
//! record. Moved here from unit tests in `src/id.rs`, unchanged in what
//! they assert. (The comparison form of names, `src/normalize.rs`, is
//! tested with the build, which mounts it: `tests/build/name_keys.rs`.)

use zaitaku_opinions::{key_opinion, key_opinions, opinion, opinions};

#[test]
fn every_id_finds_its_own_record() {
    for o in opinions() {
        assert!(
            std::ptr::eq(opinion(&o.id().to_string()).unwrap(), o),
            "{}",
            o.id()
        );
        assert!(key_opinion(&o.id().to_string()).is_none());
    }
    for k in key_opinions() {
        assert!(
            std::ptr::eq(key_opinion(&k.id().to_string()).unwrap(), k),
            "{}",
            k.id()
        );
        assert_eq!(k.id().key_opinion().id(), k.id());
        assert!(opinion(&k.id().to_string()).is_none());
    }
}

#[test]
fn only_the_exact_spelling_of_an_existing_id_is_found() {
    // 区中央部 gave 7 opinions on theme ① (data/shiryo-3-2.txt, the
    // first block, lines 70-91); 島しょ gave none; theme ①'s key
    // opinions are in 9 groups, the first of 3 (lines 4-7).
    assert!(opinion("t1-kuchuobu-07").is_some());
    for miss in [
        "t1-kuchuobu-08",
        "t1-kuchuobu-00",
        "t1-kuchuobu-7",
        "t1-kuchuobu-007",
        "t1-kuchuobu-0a",
        "t1-kuchuobu-07 ",
        " t1-kuchuobu-07",
        "T1-kuchuobu-07",
        "t1-KUCHUOBU-07",
        "t1-ku-chuobu-07",
        "t1_kuchuobu-07",
        "t1-kuchuobu_07",
        "t3-kuchuobu-01",
        "t0-kuchuobu-01",
        "t1-tosho-01",
        "t1-kuhokubu-01",
        "t1--01",
        "t1-01",
        "t1-区中央部-01",
        "t1-kuchub\u{e9}-01",
        "",
        "t",
        "t1",
        "t1-",
    ] {
        assert!(opinion(miss).is_none(), "{miss}");
    }
    assert!(key_opinion("t1-key-01-03").is_some());
    assert!(key_opinion("t1-key-09-01").is_some());
    for miss in [
        "t1-key-01-04",
        "t1-key-01-00",
        "t1-key-00-01",
        "t1-key-10-01",
        "t1-key-1-01",
        "t1-key-01-1",
        "t1-key-001-01",
        "t1-KEY-01-01",
        "t3-key-01-01",
        "t1-key-01-01-",
        "t1-key-0１-01",
        "",
    ] {
        assert!(key_opinion(miss).is_none(), "{miss}");
    }
}
