//! Municipalities, codes and region names, checked against expectations
//! written out here from the public sources (総務省 全国地方公共団体コード
//! and 東京都保健医療計画's table of which 区市町村 make up each
//! 二次保健医療圏), not from this crate's data file or output. Also the
//! data-file parser on broken fixtures.

use std::collections::HashSet;
use zaitaku_opinions::{Municipality, MunicipalityKind, Region, UnknownNameError, Zone};

use crate::build;

/// 東京都保健医療計画: the 区市町村 of each 二次保健医療圏, by area in the
/// official order. Names without their kind; the kind is checked apart.
const AREAS: [(Region, &[&str]); 13] = [
    (Region::KuChuobu, &["千代田", "中央", "港", "文京", "台東"]),
    (Region::KuNanbu, &["品川", "大田"]),
    (Region::KuSeinanbu, &["目黒", "世田谷", "渋谷"]),
    (Region::KuSeibu, &["新宿", "中野", "杉並"]),
    (Region::KuSeihokubu, &["豊島", "北", "板橋", "練馬"]),
    (Region::KuTohokubu, &["荒川", "足立", "葛飾"]),
    (Region::KuTobu, &["墨田", "江東", "江戸川"]),
    (
        Region::Nishitama,
        &[
            "青梅",
            "福生",
            "羽村",
            "あきる野",
            "瑞穂",
            "日の出",
            "檜原",
            "奥多摩",
        ],
    ),
    (
        Region::Minamitama,
        &["八王子", "町田", "日野", "多摩", "稲城"],
    ),
    (
        Region::KitatamaSeibu,
        &["立川", "昭島", "国分寺", "国立", "東大和", "武蔵村山"],
    ),
    (
        Region::KitatamaNanbu,
        &["武蔵野", "三鷹", "府中", "調布", "小金井", "狛江"],
    ),
    (
        Region::KitatamaHokubu,
        &["小平", "東村山", "清瀬", "東久留米", "西東京"],
    ),
    (
        Region::Tosho,
        &[
            "大島",
            "利島",
            "新島",
            "神津島",
            "三宅",
            "御蔵島",
            "八丈",
            "青ヶ島",
            "小笠原",
        ],
    ),
];

/// 全国地方公共団体コード: the 5-digit JIS X 0402 code and full name of each.
const CODES: [(&str, &str); 62] = [
    ("13101", "千代田区"),
    ("13102", "中央区"),
    ("13103", "港区"),
    ("13104", "新宿区"),
    ("13105", "文京区"),
    ("13106", "台東区"),
    ("13107", "墨田区"),
    ("13108", "江東区"),
    ("13109", "品川区"),
    ("13110", "目黒区"),
    ("13111", "大田区"),
    ("13112", "世田谷区"),
    ("13113", "渋谷区"),
    ("13114", "中野区"),
    ("13115", "杉並区"),
    ("13116", "豊島区"),
    ("13117", "北区"),
    ("13118", "荒川区"),
    ("13119", "板橋区"),
    ("13120", "練馬区"),
    ("13121", "足立区"),
    ("13122", "葛飾区"),
    ("13123", "江戸川区"),
    ("13201", "八王子市"),
    ("13202", "立川市"),
    ("13203", "武蔵野市"),
    ("13204", "三鷹市"),
    ("13205", "青梅市"),
    ("13206", "府中市"),
    ("13207", "昭島市"),
    ("13208", "調布市"),
    ("13209", "町田市"),
    ("13210", "小金井市"),
    ("13211", "小平市"),
    ("13212", "日野市"),
    ("13213", "東村山市"),
    ("13214", "国分寺市"),
    ("13215", "国立市"),
    ("13218", "福生市"),
    ("13219", "狛江市"),
    ("13220", "東大和市"),
    ("13221", "清瀬市"),
    ("13222", "東久留米市"),
    ("13223", "武蔵村山市"),
    ("13224", "多摩市"),
    ("13225", "稲城市"),
    ("13227", "羽村市"),
    ("13228", "あきる野市"),
    ("13229", "西東京市"),
    ("13303", "瑞穂町"),
    ("13305", "日の出町"),
    ("13307", "檜原村"),
    ("13308", "奥多摩町"),
    ("13361", "大島町"),
    ("13362", "利島村"),
    ("13363", "新島村"),
    ("13364", "神津島村"),
    ("13381", "三宅村"),
    ("13382", "御蔵島村"),
    ("13401", "八丈町"),
    ("13402", "青ヶ島村"),
    ("13421", "小笠原村"),
];

/// A second implementation of the JIS X 0402 check digit, written apart
/// from the build's: weights 6..2 from the left, then 11 minus the
/// remainder, keeping the last digit.
fn independent_check_digit(jis: &str) -> char {
    let mut weight = 7;
    let mut sum = 0;
    for c in jis.chars() {
        weight -= 1;
        sum += c.to_digit(10).expect("digit") * weight;
    }
    let check = 11 - sum % 11;
    char::from_digit(check % 10, 10).expect("digit")
}

fn kind_of(name: &str) -> MunicipalityKind {
    match name.chars().last() {
        Some('区') => MunicipalityKind::Ku,
        Some('市') => MunicipalityKind::Shi,
        Some('町') => MunicipalityKind::Machi,
        Some('村') => MunicipalityKind::Mura,
        other => panic!("no kind in {name}: {other:?}"),
    }
}

fn full_name(bare: &str) -> &'static str {
    CODES
        .iter()
        .map(|&(_, name)| name)
        .find(|name| name.strip_suffix(|_| true) == Some(bare))
        .unwrap_or_else(|| panic!("{bare} is not in CODES"))
}

#[test]
fn the_independent_check_digit_matches_known_codes() {
    // Codes as published, check digit included.
    for (jis, full) in [
        ("13101", "131016"),
        ("13102", "131024"),
        ("13103", "131032"),
        ("13112", "131121"),
        ("13201", "132012"),
    ] {
        let mut code = jis.to_string();
        code.push(independent_check_digit(jis));
        assert_eq!(code, full);
    }
}

#[test]
fn every_municipality_has_its_published_code_and_kind() {
    assert_eq!(Municipality::all().len(), 62);
    for (jis, name) in CODES {
        let m = Municipality::from_name(name).unwrap_or_else(|| panic!("{name} not found"));
        assert_eq!(m.name(), name);
        assert_eq!(m.jis_code(), jis, "{name}");
        let mut code = jis.to_string();
        code.push(independent_check_digit(jis));
        assert_eq!(m.code(), code, "{name}");
        assert_eq!(m.kind(), kind_of(name), "{name}");
        assert_eq!(
            m.name()
                .strip_suffix(m.kind().name_ja())
                .map(|s| !s.is_empty()),
            Some(true)
        );
    }
    // And nothing else: every record is in the table.
    for m in Municipality::all() {
        assert!(CODES.contains(&(m.jis_code(), m.name())), "{}", m.name());
    }
}

#[test]
fn every_municipality_is_in_its_official_area() {
    let mut seen = HashSet::new();
    for (region, members) in AREAS {
        let expected: Vec<&str> = members.iter().map(|bare| full_name(bare)).collect();
        for name in &expected {
            assert_eq!(
                Municipality::from_name(name).map(|m| m.region()),
                Some(region),
                "{name}"
            );
            assert_eq!(Region::from_municipality(name), Some(region), "{name}");
            assert!(seen.insert(*name), "{name} in two areas");
        }
        // Region::municipalities: the same set, in code order.
        let mut by_code = expected.clone();
        by_code.sort_by_key(|name| CODES.iter().position(|(_, n)| n == name));
        let got: Vec<&str> = region.municipalities().iter().map(|m| m.name()).collect();
        assert_eq!(got, by_code, "{region}");
        assert!(got
            .iter()
            .all(|n| Municipality::from_name(n).map(|m| m.region()) == Some(region)));
    }
    assert_eq!(seen.len(), 62);
}

#[test]
fn counts_by_area_and_kind() {
    for region in Region::ALL {
        assert!(!region.municipalities().is_empty(), "{region}");
    }
    assert_eq!(Region::Tosho.municipalities().len(), 9);
    let total: usize = Region::ALL.iter().map(|r| r.municipalities().len()).sum();
    assert_eq!(total, 62);
    let count = |kind| {
        Municipality::all()
            .iter()
            .filter(|m| m.kind() == kind)
            .count()
    };
    assert_eq!(count(MunicipalityKind::Ku), 23);
    assert_eq!(count(MunicipalityKind::Shi), 26);
    assert_eq!(count(MunicipalityKind::Machi), 5);
    assert_eq!(count(MunicipalityKind::Mura), 8);
    // The 23 wards are exactly the 区, and the islands are all 町村.
    for m in Municipality::all() {
        assert_eq!(
            m.region().zone() == Zone::Wards,
            m.kind() == MunicipalityKind::Ku,
            "{m}"
        );
        if m.region().zone() == Zone::Islands {
            assert!(matches!(
                m.kind(),
                MunicipalityKind::Machi | MunicipalityKind::Mura
            ));
        }
    }
}

#[test]
fn codes_and_slugs_are_unique() {
    let all = Municipality::all();
    let codes: HashSet<&str> = all.iter().map(|m| m.code()).collect();
    let jis: HashSet<&str> = all.iter().map(|m| m.jis_code()).collect();
    let slugs: HashSet<&str> = all.iter().map(|m| m.slug()).collect();
    assert_eq!((codes.len(), jis.len(), slugs.len()), (62, 62, 62));
    for m in all {
        assert!(m.code().starts_with(m.jis_code()));
        assert!(m.code().starts_with("13"));
        assert!(m.slug().is_ascii());
        assert!(m.slug().ends_with(&format!("-{}", m.kind().romaji())));
    }
}

#[test]
fn round_trips() {
    for m in Municipality::all() {
        assert_eq!(Municipality::from_code(m.code()), Some(m));
        assert_eq!(Municipality::from_code(m.jis_code()), Some(m));
        assert_eq!(Municipality::from_name(m.name()), Some(m));
        assert_eq!(Municipality::from_name(m.slug()), Some(m));
        assert_eq!(Municipality::from_name(m.code()), Some(m));
        assert_eq!(
            Municipality::from_name(&format!("東京都{}", m.name())),
            Some(m)
        );
        assert_eq!(m.to_string().parse::<Municipality>().as_ref(), Ok(m));
        assert_eq!(Region::from_code(m.region().code()), Some(m.region()));
        // Region::municipalities returns the same records from_code does.
        assert!(m
            .region()
            .municipalities()
            .iter()
            .any(|x| std::ptr::eq(x, m)));
    }
}

#[test]
fn tolerant_spellings() {
    let code = |s: &str| Municipality::from_name(s).map(|m| m.code());
    for s in [
        "世田谷区",
        "東京都世田谷区",
        "東京都 世田谷区",
        "世田谷",
        "Setagaya",
        "SETAGAYA",
        "setagaya-ku",
        "Setagaya Ku",
        "ｓｅｔａｇａｙａ",
        "１３１１２１",
        " 131121 ",
    ] {
        assert_eq!(code(s), Some("131121"), "{s}");
    }
    for (s, expected) in [
        ("Chūō", "131024"),
        ("Chuo", "131024"),
        ("chuo-ku", "131024"),
        ("Chūō-ku", "131024"),
        ("Hachiōji", "132012"),
        ("hachioji-shi", "132012"),
        ("北", "131172"),
        ("Toshima-ku", "131164"),
        ("toshima-mura", "133621"),
        ("西多摩郡瑞穂町", "133035"),
        ("東京都西多摩郡日の出町", "133051"),
        // The island address forms, as Japan Post writes them.
        ("三宅島三宅村", "133817"),
        ("東京都三宅島三宅村", "133817"),
        ("八丈島八丈町", "134015"),
        ("東京都八丈島八丈町", "134015"),
        ("桧原村", "133078"),
        ("青ケ島村", "134023"),
        // Readings, in hiragana, katakana or half-width katakana.
        ("ｱｷﾙﾉ", "132284"),
        ("はちおうじし", "132012"),
        ("ハチオウジ", "132012"),
        ("ﾊﾁｵｳｼﾞ市", "132012"),
        ("としまく", "131164"),
        ("トシマムラ", "133621"),
        ("東京都ひのはらむら", "133078"),
    ] {
        let expected = (expected != "none").then_some(expected);
        assert_eq!(code(s), expected, "{s}");
    }
    // Shared by 豊島区 and 利島村: needs its kind.
    assert_eq!(code("Toshima"), None);
    assert_eq!(code("としま"), None);
}

#[test]
fn misses() {
    for code in [
        "131017",
        "13100",
        "13124",
        "1310",
        "1310160",
        "",
        "141003",
        "１３１０１６",
    ] {
        assert_eq!(Municipality::from_code(code), None, "{code}");
    }
    for name in ["", "横浜市", "東京都", "区", "Tokyo", "せたがやし"] {
        assert_eq!(Municipality::from_name(name), None, "{name}");
        assert_eq!(Region::from_municipality(name), None, "{name}");
        let err = name.parse::<Municipality>().unwrap_err();
        assert_eq!(err.input(), name);
        assert!(err.to_string().contains(&format!("`{name}`")));
    }
    for code in ["1300", "1314", "13", "", "１３０１", "131016"] {
        assert_eq!(Region::from_code(code), None, "{code}");
    }
    // Longer than any name key: a miss, not a panic.
    assert_eq!(Municipality::from_name(&"世".repeat(200)), None);
}

#[test]
fn error_lists_the_closest_names() {
    let names = |input: &str| -> Vec<&'static str> {
        let err = input.parse::<Municipality>().unwrap_err();
        let names: Vec<&'static str> = err.suggestions().iter().map(|m| m.name()).collect();
        for n in &names {
            assert!(err.to_string().contains(n), "{err}");
        }
        names
    };
    assert_eq!(names("世田谷市").first(), Some(&"世田谷区"));
    assert_eq!(names("港南区").first(), Some(&"港区"));
    assert_eq!(names("Setagaya-shi"), ["世田谷区"]);
    assert_eq!(names("Hachiouji"), ["八王子市"]);
    assert_eq!(names("Kokubunzi"), ["国分寺市"]);
    assert_eq!(names("131017"), ["千代田区"]); // wrong check digit
    assert_eq!(names("Toshima")[..2], ["豊島区", "利島村"]);
    // Close by reading, in any kana.
    assert_eq!(names("せたがやし").first(), Some(&"世田谷区"));
    assert_eq!(names("ﾊﾁｵｳｼﾞ区").first(), Some(&"八王子市"));
    // Nothing close: the message says what was expected, and lists no
    // names (not the whole set of 62).
    assert!(names("横浜").is_empty());
    // Outside Tokyo, not misspelt: 川崎市 is a city of 神奈川県 (code
    // 141305), not a misspelling of 立川市; prefecture 14 is 神奈川県.
    for name in ["川崎市", "横浜市", "Kawasaki", "さいたま市"] {
        assert!(names(name).is_empty(), "{name}");
        let message = name.parse::<Municipality>().unwrap_err().to_string();
        assert!(
            message.starts_with(&format!("no Tokyo municipality is named `{name}`")),
            "{message}"
        );
    }
    for code in ["141305", "14130", "271004", "０１１００２"] {
        assert!(names(code).is_empty(), "{code}");
        let message = code.parse::<Municipality>().unwrap_err().to_string();
        assert!(message.contains(" is a code of prefecture "), "{message}");
        assert!(message.contains("not of Tokyo (13)"), "{message}");
    }
    let message = "139999".parse::<Municipality>().unwrap_err().to_string();
    assert_eq!(message, "no Tokyo municipality has the code `139999`");
    // Misspellings still suggest; a width or kana variant still resolves.
    assert_eq!(names("世田谷市"), ["世田谷区"]);
    assert_eq!(names("Hachioji-ku"), ["八王子市"]);
    assert_eq!(names("ちよだ市"), ["千代田区"]);
    for name in ["ﾊﾁｵｳｼﾞ市", "ＨＡＣＨＩＯＪＩ", "ハチオウジシ"] {
        assert_eq!(
            Municipality::from_name(name).map(|m| m.name()),
            Some("八王子市")
        );
    }
    let message = "横浜".parse::<Municipality>().unwrap_err().to_string();
    assert!(message.contains("62 区市町村"), "{message}");
    for (_, name) in CODES {
        assert!(!message.contains(name), "{name}");
    }
    // A message stays short, whatever the input.
    for input in [
        "ﾊﾁｵｳｼﾞ区",
        "せたがやし",
        "Toshima",
        "横浜",
        &"世".repeat(10_000),
    ] {
        let message = input.parse::<Municipality>().unwrap_err().to_string();
        assert!(message.chars().count() < 200, "{message}");
    }
}

/// Every spelling `Region`'s `FromStr` accepts, written out per region.
#[test]
fn every_region_spelling_parses() {
    let table: [(Region, &str, &str, &str, &str, &str, &str); 13] = [
        (
            Region::KuChuobu,
            "区中央部",
            "くちゅうおうぶ",
            "Ku-Chūōbu",
            "ku-chuobu",
            "KuChuobu",
            "1301",
        ),
        (
            Region::KuNanbu,
            "区南部",
            "くなんぶ",
            "Ku-Nanbu",
            "ku-nanbu",
            "KuNanbu",
            "1302",
        ),
        (
            Region::KuSeinanbu,
            "区西南部",
            "くせいなんぶ",
            "Ku-Seinanbu",
            "ku-seinanbu",
            "KuSeinanbu",
            "1303",
        ),
        (
            Region::KuSeibu,
            "区西部",
            "くせいぶ",
            "Ku-Seibu",
            "ku-seibu",
            "KuSeibu",
            "1304",
        ),
        (
            Region::KuSeihokubu,
            "区西北部",
            "くせいほくぶ",
            "Ku-Seihokubu",
            "ku-seihokubu",
            "KuSeihokubu",
            "1305",
        ),
        (
            Region::KuTohokubu,
            "区東北部",
            "くとうほくぶ",
            "Ku-Tōhokubu",
            "ku-tohokubu",
            "KuTohokubu",
            "1306",
        ),
        (
            Region::KuTobu,
            "区東部",
            "くとうぶ",
            "Ku-Tōbu",
            "ku-tobu",
            "KuTobu",
            "1307",
        ),
        (
            Region::Nishitama,
            "西多摩",
            "にしたま",
            "Nishitama",
            "nishitama",
            "Nishitama",
            "1308",
        ),
        (
            Region::Minamitama,
            "南多摩",
            "みなみたま",
            "Minamitama",
            "minamitama",
            "Minamitama",
            "1309",
        ),
        (
            Region::KitatamaSeibu,
            "北多摩西部",
            "きたたませいぶ",
            "Kitatama-Seibu",
            "kitatama-seibu",
            "KitatamaSeibu",
            "1310",
        ),
        (
            Region::KitatamaNanbu,
            "北多摩南部",
            "きたたまなんぶ",
            "Kitatama-Nanbu",
            "kitatama-nanbu",
            "KitatamaNanbu",
            "1311",
        ),
        (
            Region::KitatamaHokubu,
            "北多摩北部",
            "きたたまほくぶ",
            "Kitatama-Hokubu",
            "kitatama-hokubu",
            "KitatamaHokubu",
            "1312",
        ),
        (
            Region::Tosho,
            "島しょ",
            "とうしょ",
            "Tōsho",
            "tosho",
            "Tosho",
            "1313",
        ),
    ];
    for (region, ja, kana, romaji, slug, variant, code) in table {
        assert_eq!(region.name_ja(), ja);
        assert_eq!(region.kana(), kana);
        assert_eq!(region.romaji(), romaji);
        assert_eq!(region.slug(), slug);
        assert_eq!(region.code(), code);
        assert_eq!(Region::from_code(code), Some(region));
        let spellings = [
            ja.to_string(),
            kana.to_string(),
            romaji.to_string(),
            slug.to_string(),
            variant.to_string(),
            code.to_string(),
            region.description().to_string(),
            format!("{ja}保健医療圏"),
            format!("{ja}医療圏"),
            format!("{ja}二次保健医療圏"),
            format!("【{ja}】"),
            format!(" {ja} "),
            slug.to_uppercase(),
            slug.replace('-', "_"),
            slug.replace('-', ""),
            // Full width.
            slug.chars()
                .map(|c| {
                    char::from_u32(c as u32 + 0xFEE0)
                        .filter(|_| c.is_ascii_graphic())
                        .unwrap_or(c)
                })
                .collect(),
            code.chars()
                .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
                .collect(),
        ];
        for s in &spellings {
            assert_eq!(Region::from_name(s), Some(region), "{s}");
            assert_eq!(s.parse::<Region>(), Ok(region), "{s}");
        }
        // The description names its members (by romanised name, ASCII
        // folded), and its zone follows the Japanese name.
        let description = normalize_macrons(region.description());
        for m in region.municipalities() {
            let bare = m.slug().rsplit_once('-').map_or("", |(b, _)| b);
            assert!(
                description.to_lowercase().contains(bare),
                "{}: {} lacks {bare}",
                region.name_ja(),
                region.description()
            );
        }
        let zone = if ja.starts_with('区') {
            Zone::Wards
        } else if ja.contains("多摩") {
            Zone::Tama
        } else {
            Zone::Islands
        };
        assert_eq!(region.zone(), zone, "{ja}");
    }
}

fn normalize_macrons(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ā' => 'a',
            'ō' | 'Ō' => 'o',
            'ū' => 'u',
            c => c,
        })
        .collect()
}

/// Every area has a plain English name of its own: the 区部 areas' say
/// "wards", the 多摩 areas' "Tama", and none is the romanised name.
#[test]
fn regions_have_plain_english_names() {
    let names: HashSet<&str> = Region::iter().map(|r| r.name_en()).collect();
    assert_eq!(names.len(), Region::COUNT);
    for r in Region::iter() {
        let en = r.name_en();
        assert!(!en.is_empty() && en.is_ascii(), "{en}");
        assert_ne!(en, r.romaji());
        assert_eq!(en.ends_with(" wards"), r.zone() == Zone::Wards, "{en}");
        assert_eq!(en.contains("Tama"), r.zone() == Zone::Tama, "{en}");
    }
}

#[test]
fn region_misses_suggest_the_closest_names() {
    for (bad, closest) in [
        ("区北部", "区西北部"),
        ("1314", "島しょ"),
        ("ku-chuobu-x", "区中央部"),
        ("kitatama-nambu", "北多摩南部"),
        ("くせいなぶ", "区西南部"),
    ] {
        assert_eq!(Region::from_name(bad), None, "{bad}");
        let err: UnknownNameError = bad.parse::<Region>().unwrap_err();
        assert_eq!(err.input(), bad);
        assert_eq!(err.suggestions().len(), 3, "{err}");
        assert_eq!(err.suggestions()[0], closest, "{err}");
        for name in err.suggestions() {
            assert!(Region::ALL.iter().any(|r| r.name_ja() == name));
        }
    }
}

// --- the data-file parser, on fixtures ------------------------------------

const DATA: &str = "data/municipalities.tsv";

fn data() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/municipalities.tsv"
    ))
    .expect("data file")
}

fn parse_error(text: &str) -> String {
    match build::municipality::parse(text.as_bytes()) {
        Ok(_) => panic!("accepted a broken file"),
        Err(e) => e.to_string(),
    }
}

/// The line number of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle")
        + 1
}

#[test]
fn the_data_file_parses_and_names_its_sources() {
    let text = data();
    let records = build::municipality::parse(text.as_bytes()).expect("parses");
    assert_eq!(records.len(), 62);
    assert!(text.contains("総務省"));
    assert!(text.contains("全国地方公共団体コード"));
    assert!(text.contains("東京都保健医療計画"));
    assert!(text.contains("二次保健医療圏"));
    let code = build::municipality::generate(DATA, &records).expect("generates");
    assert!(code.contains("131016"));
}

#[test]
fn the_build_check_digit_agrees_with_the_independent_one() {
    for (jis, _) in CODES {
        let build = build::municipality::check_digit(jis).expect("5 digits");
        assert_eq!(
            char::from(b'0' + build),
            independent_check_digit(jis),
            "{jis}"
        );
    }
    // Every remainder, including 0 (check 1) and 1 (check 0).
    for n in 0..100_000u32 {
        let jis = format!("{n:05}");
        let build = build::municipality::check_digit(&jis).expect("5 digits");
        assert_eq!(
            char::from(b'0' + build),
            independent_check_digit(&jis),
            "{jis}"
        );
    }
    assert_eq!(build::municipality::check_digit("1310"), None);
    assert_eq!(build::municipality::check_digit("1310a"), None);
}

#[test]
fn a_wrong_check_digit_fails_with_its_line() {
    let text = data().replace("131121\t世田谷区", "131122\t世田谷区");
    let line = line_of(&text, "世田谷区");
    assert_eq!(
        parse_error(&text),
        format!("{DATA}:{line}: expected check digit 1 for 13112 (131121), found `131122`")
    );
}

#[test]
fn broken_lines_fail_with_what_was_expected() {
    let base = data();
    let line = line_of(&base, "世田谷区");
    let cases = [
        (
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "131121\t世田谷区\tせたがやく\tSetagaya\t区",
            "expected 6 or 7 tab-separated fields",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "13112\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "expected a 6-digit local-government code, found `13112`",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区北部",
            "expected an area (one of 区中央部,",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "131121\t世田谷区\tせたがやく\tSetagaya\t市\t区西南部",
            "expected a name ending with its kind 市",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "131121\t世田谷区\tせたがやく\tSetagaya\t県\t区西南部",
            "expected a kind (区, 市, 町 or 村)",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t南多摩",
            "expected a 区部 area for a 区",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "131121\t世田谷区\tせたがやく\t世田谷\t区\t区西南部",
            "expected a romanised name",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部\t",
            "expected comma-separated aliases",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya\t区\t区西南部",
            "131121\t目黒区\tせたがやく\tSetagaya\t区\t区西南部",
            "expected each municipality name once, found `目黒区` again (first on line",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya",
            "131121\t世田谷区\tセタガヤク\tSetagaya",
            "expected a reading in hiragana ending with the kind's reading く, found `セタガヤク`",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya",
            "131121\t世田谷区\tせたがや\tSetagaya",
            "expected a reading in hiragana ending with the kind's reading く, found `せたがや`",
        ),
        (
            "131121\t世田谷区\tせたがやく\tSetagaya",
            "131121\t世田谷区\tめぐろく\tSetagaya",
            "expected each municipality reading once, found `めぐろく` again (first on line",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(base.contains(from));
        let message = parse_error(&base.replacen(from, to, 1));
        assert!(
            message.starts_with(&format!("{DATA}:{line}: {expected}")),
            "{message}"
        );
    }
}

#[test]
fn whole_file_checks() {
    let base = data();
    // A line dropped: the count is checked.
    let dropped: String = base
        .lines()
        .filter(|l| !l.contains("世田谷区"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(
        parse_error(&dropped).contains("expected 62 municipalities (Tokyo's 区市町村), found 61")
    );
    // A line repeated: the later copy is named.
    let line = base.lines().find(|l| l.contains("港区")).expect("港区");
    let doubled = format!("{base}{line}\n");
    let last = doubled.lines().count();
    assert_eq!(
        parse_error(&doubled),
        format!(
            "{DATA}:{last}: expected each municipality code once, found `131032` again (first on line {})",
            line_of(&base, "港区")
        )
    );
    // Out of order.
    let a = base
        .lines()
        .find(|l| l.contains("千代田区"))
        .expect("千代田区");
    let b = base.lines().find(|l| l.contains("中央区")).expect("中央区");
    let swapped = base
        .replacen(a, "@", 1)
        .replacen(b, a, 1)
        .replacen("@", b, 1);
    assert!(parse_error(&swapped)
        .contains("expected codes in ascending order, found 131016 after 131024"));
    // An area left empty.
    let islands_moved = base.replace("\t島しょ", "\t西多摩");
    assert!(parse_error(&islands_moved)
        .contains("expected at least one municipality in every area; 島しょ has none"));
    // Not UTF-8, and empty.
    let mut bytes = base.clone().into_bytes();
    bytes.push(0xff);
    assert!(build::municipality::parse(&bytes)
        .unwrap_err()
        .kind
        .contains("UTF-8"));
    assert!(parse_error("").contains("found 0"));
}

#[test]
fn key_clashes_are_build_errors_or_dropped() {
    let base = data();
    let records = build::municipality::parse(base.as_bytes()).expect("parses");
    let keys = build::municipality::name_keys(&records).expect("keys");
    // Tolerant spellings two municipalities share are not keys…
    assert!(!keys.contains_key("toshima"));
    assert!(keys.contains_key("toshimaku") && keys.contains_key("toshimamura"));
    // …but a canonical one (here an alias equal to another's name) fails.
    let clash = base.replacen("青ケ島村", "青ケ島村,八丈町", 1);
    let records = build::municipality::parse(clash.as_bytes()).expect("parses");
    let e = build::municipality::name_keys(&records).unwrap_err();
    assert_eq!(e.line as usize, line_of(&clash, "青ヶ島村"));
    assert!(e
        .kind
        .contains("expected names that identify one municipality"));
    assert!(e.kind.contains("八丈町"));
}
