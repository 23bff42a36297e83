//! The explorer page (`cargo run -p zaitaku_tools --bin explorer`) driven through headless
//! Chromium, its answers compared with the crate's own: search hits and
//! highlights against `Query::hits` and `search`, a heatmap cell against
//! `counts()`, the URL state, permalinks and cross-links, the municipality
//! box against `Municipality::from_name`, the English toggle, keyboard
//! focus, the width at 360 and 375 px; any console message of level
//! warning or error, uncaught exception or fetched resource fails it.
//!
//! The browser is the system's Chromium, driven over the DevTools protocol
//! by `headless_chrome` (nothing is downloaded), through the driver shared
//! with `tests/explorer_exports.rs` (`tests/support/browser.rs`). Set `CHROMIUM` to its path
//! if it is not on `PATH` as `chromium`, `chromium-browser` or
//! `google-chrome`. Without a browser the test prints that it was skipped
//! and passes, unless `ZAITAKU_REQUIRE_BROWSER=1` (set by CI) makes that a
//! failure.
//!
//! Screenshots at 1280×900, 375×800 and 853×480, in both languages, go to
//! `target/tmp/explorer/`; with `ZAITAKU_UPDATE_SCREENSHOT=1` the 1280 px
//! Japanese one is also written to `docs/explorer.png`, the picture the
//! README shows.

use headless_chrome::protocol::cdp::{Emulation, Page};
use headless_chrome::Tab;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;
use zaitaku_opinions::{
    counts, opinions, search, Category, Municipality, Point, Query, Record, RecordKind, Region,
    Theme,
};
use zaitaku_tools::explorer::page;

#[allow(dead_code)]
#[path = "support/browser.rs"]
mod browser;
use browser::{eval, js_click, open, Res, Session};

#[test]
fn explorer_in_chromium() -> Res<()> {
    let Some(session) = Session::start("explorer", &page::render())? else {
        return Ok(());
    };
    let tab = session.tab.clone();
    let url = session.url.clone();
    let dir = session.dir.clone();

    let started = std::time::Instant::now();
    let step = |name: &str| println!("-- {name} done at {:.1} s", started.elapsed().as_secs_f64());
    open(&tab, &url)?;
    nothing_fetched(&tab)?;
    keyboard(&tab)?;
    step("keyboard");
    queries(&tab)?;
    step("queries");
    limits(&tab, &url)?;
    step("limits");
    heatmap_cells(&tab)?;
    step("heatmap");
    links_and_results(&tab, &url)?;
    step("links and results");
    links_keep_the_view(&tab, &url)?;
    step("links keep the view");
    nothing_hidden(&tab, &url)?;
    step("nothing hidden");
    permalinks(&tab, &url)?;
    step("permalinks");
    municipality_box(&tab)?;
    step("municipality");
    filters_and_points(&tab)?;
    step("filters");
    english(&tab)?;
    step("english");
    injection(&tab, &url, session.problems())?;
    step("injection");
    axe(&tab, &url)?;
    step("axe");
    screenshots(&tab, &url, &dir)?;
    step("screenshots");
    print_and_no_script(&tab, &url)?;
    step("print and no script");

    session.finish()?;
    step("browser closed");
    Ok(())
}

// --- helpers -------------------------------------------------------------------

fn ids(records: impl IntoIterator<Item = Record>) -> Vec<String> {
    records.into_iter().map(|r| r.id().to_string()).collect()
}

/// Replaces the text of an input with `text`, entered as the browser's own
/// text input (`Input.insertText`, as an input method commits text), or
/// cleared with Backspace.
fn type_into(tab: &Tab, selector: &str, text: &str) -> Res<()> {
    tab.evaluate(&format!("{}('{selector}')", SELECT_INPUT), false)?;
    retype(tab, text)
}

/// A script function that focuses an input and selects its text, so that
/// what is typed next replaces it.
const SELECT_INPUT: &str =
    "(s => { const e = document.querySelector(s); e.focus(); e.select(); return true; })";

/// Types `text` over the selected text of the focused input.
fn retype(tab: &Tab, text: &str) -> Res<()> {
    if text.is_empty() {
        tab.press_key("Backspace")?;
    } else {
        tab.send_character(text)?;
    }
    Ok(())
}

/// What the page shows, read in one round trip: the ids of the records
/// shown, the number the count says, the URL.
#[derive(serde::Deserialize)]
struct View {
    ids: Vec<String>,
    count: String,
    url: String,
}

impl View {
    fn count(&self) -> usize {
        let digits: String = self
            .count
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().unwrap_or(usize::MAX)
    }
}

fn view(tab: &Tab) -> Res<View> {
    eval(
        tab,
        "({ ids: [...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => e.id), count: document.querySelector('#count').textContent, url: location.href })",
    )
}

// --- the checks ----------------------------------------------------------------

fn nothing_fetched(tab: &Tab) -> Res<()> {
    let resources: Vec<String> = eval(
        tab,
        "performance.getEntriesByType('resource').map(e => e.name)",
    )?;
    assert!(resources.is_empty(), "the page fetched {resources:?}");
    let n: usize = eval(tab, "document.querySelectorAll('article.rec').length")?;
    assert_eq!(n, opinions().len() + zaitaku_opinions::key_opinions().len());
    assert_eq!(view(tab)?.count(), 204);
    Ok(())
}

/// Tab from the top reaches the skip link, the language button, the "about
/// this page" and the search box, each with a visible focus ring.
fn keyboard(tab: &Tab) -> Res<()> {
    let mut order = Vec::new();
    for _ in 0..4 {
        tab.press_key("Tab")?;
        let (id, outline): (String, String) = eval(
            tab,
            "[document.activeElement.id || document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]",
        )?;
        assert_ne!(outline, "none", "no visible focus on {id}");
        order.push(id);
    }
    assert_eq!(order, ["skip", "lang", "about-toggle", "q"]);
    // Every control has a label.
    let unlabelled: Vec<String> = eval(
        tab,
        "[...document.querySelectorAll('input, select, button')].filter(e => !(e.labels && e.labels.length) && !e.textContent.trim() && !e.getAttribute('aria-label')).map(e => e.outerHTML)",
    )?;
    assert!(
        unlabelled.is_empty(),
        "controls without a label: {unlabelled:?}"
    );
    Ok(())
}

/// The texts of a record cut at the highlights: `(piece, is_match)`.
type Pieces = Vec<(String, bool)>;

fn queries(tab: &Tab) -> Res<()> {
    let queries = [
        "24時間",
        "ＩＣＴ",
        "ｱﾄﾞﾊﾞｲｽ",
        "退院　調整",
        "ict",
        "２４時間 体制",
        "看取り",
        "ケアマネ",
        "ＭＳＷ",
        "ｶﾝﾌｧﾚﾝｽ",
        "在宅医 連携",
        "訪問看護",
        "ICT　情報",
        "存在しない語句",
        "",
    ];
    let mut with_hits = 0;
    tab.evaluate(&format!("{SELECT_INPUT}('#q')"), false)?;
    for q in queries {
        retype(tab, q)?;
        let n = search_as_the_crate(tab, q, q)?;
        if n > 0 && !q.is_empty() {
            with_hits += 1;
        }
    }
    assert!(with_hits >= 12, "only {with_hits} queries found anything");
    Ok(())
}

/// The records the page shows for the search box's text, and their
/// highlights, against the crate's `Query::text(query)` and `search(query)`;
/// the box is then selected, so that what is typed next replaces it.
/// Returns how many records match.
fn search_as_the_crate(tab: &Tab, q: &str, label: &str) -> Res<usize> {
    let query = Query::new().text(q);
    let expected = ids(query.iter());
    #[derive(serde::Deserialize)]
    struct Shown {
        view: View,
        painted: Vec<(String, Pieces)>,
    }
    let shown: Shown = eval(
        tab,
        &"({ view: ({ ids: [...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => e.id), count: document.querySelector('#count').textContent, url: location.href }), painted: [...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => [e.id, [...e.querySelector('.text').childNodes].map(n => [n.textContent, n.nodeName === 'MARK'])]), selected: SELECT('#q') })"
            .replace("SELECT", SELECT_INPUT),
    )?;
    assert_eq!(shown.view.ids, expected, "query {label:?}: records shown");
    assert_eq!(
        shown.view.count(),
        expected.len(),
        "query {label:?}: the count"
    );
    // The area opinions among them are exactly `search`'s.
    let area: Vec<String> = query
        .iter()
        .filter(|r| r.kind() == RecordKind::Area)
        .map(|r| r.id().to_string())
        .collect();
    let searched: Vec<String> = search(q).map(|o| o.id().to_string()).collect();
    assert_eq!(
        area, searched,
        "query {label:?}: area opinions against search()"
    );
    // The highlights are the crate's.
    let painted = shown.painted;
    assert_eq!(painted.len(), expected.len());
    for ((id, pieces), hit) in painted.iter().zip(query.hits()) {
        assert_eq!(*id, hit.record().id().to_string());
        let crate_pieces: Pieces = if hit.ranges().is_empty() {
            vec![(hit.text().to_string(), false)]
        } else {
            hit.pieces().map(|(s, m)| (s.to_string(), m)).collect()
        };
        assert_eq!(*pieces, crate_pieces, "query {label:?}: highlights of {id}");
    }
    println!("query {label:?}: {} records, as the crate", expected.len());
    Ok(expected.len())
}

/// The crate's limits on a search, in the page: repeated terms count once,
/// only the first 32 distinct terms count, a word of more than 1 KiB
/// matches nothing; a 2 MB crafted link and a 100 KB paste take under 2 s
/// of the page's own work (its `zaitaku-start-up`, `zaitaku-hashchange` and
/// `zaitaku-search` measures: the bound on a freeze, which was 22 s)
/// and show what the crate shows.
fn limits(tab: &Tab, url: &str) -> Res<()> {
    // 40 distinct terms, each in the longest record: the first 32 count, so
    // a term that matches nothing, after them, changes nothing.
    let longest = Query::new()
        .iter()
        .max_by_key(|r| r.text().chars().count())
        .ok_or("no records")?;
    let mut terms: Vec<String> = Vec::new();
    for c in longest.text().chars() {
        let t = c.to_string();
        if !c.is_whitespace() && !terms.contains(&t) {
            terms.push(t);
        }
    }
    assert!(terms.len() >= 40);
    let first32 = terms[..32].join(" ");
    let with_miss = format!("{first32} 存在しない語句 {}", terms[32..40].join(" "));
    let long_word = "退院".repeat(200); // 1,200 bytes
    let cases: Vec<(String, &str)> = vec![
        (first32.clone(), "32 distinct terms"),
        (with_miss.clone(), "a 33rd term that matches nothing"),
        (
            format!("{first32} {long_word}"),
            "a word over 1 KiB after 32 terms",
        ),
        (format!("退院 {long_word}"), "a word over 1 KiB"),
        (format!("{} 調整", "退院 ".repeat(50)), "a repeated term"),
        (
            "退院\u{3000}\t調整\u{a0}支援".to_string(),
            "mixed white space",
        ),
        ("退院\u{a8}調整".to_string(), "a word that NFKC splits"),
    ];
    tab.evaluate(&format!("{SELECT_INPUT}('#q')"), false)?;
    for (q, label) in &cases {
        retype(tab, q)?;
        search_as_the_crate(tab, q, label)?;
    }
    // Not vacuous: the longest record is among the hits, with the 33rd term.
    assert!(ids(Query::new().text(&with_miss).iter()).contains(&longest.id().to_string()));

    // A 100 KB paste: the box keeps its first 32,800 characters, which the
    // crate reads as it reads the whole paste.
    let paste = "の ".repeat(25_600);
    retype(tab, &paste)?;
    let (kept, took): (String, f64) = eval(
        tab,
        "[document.querySelector('#q').value, performance.getEntriesByName('zaitaku-search').at(-1).duration]",
    )?;
    assert_eq!(kept.encode_utf16().count(), 32_800);
    assert!(paste.starts_with(&kept));
    assert_eq!(
        ids(Query::new().text(&kept).iter()),
        ids(Query::new().text(&paste).iter())
    );
    search_as_the_crate(tab, &paste, "a 100 KB paste")?;
    assert!(took < 2000.0, "the 100 KB paste took {took} ms");
    println!("limits: a 100 KB paste searched in {took:.0} ms");
    retype(tab, "")?;

    // A 2 MB crafted link, `#q=の+の+…`, opened, then followed in the page.
    let crafted = format!("q={}", "%E3%81%AE+".repeat(200_000));
    assert!(crafted.len() >= 2_000_000);
    let expected = ids(Query::new().text(&"の ".repeat(200_000)).iter());
    // The browser's own handling of a 2 MB URL takes seconds on a busy
    // machine, before the page's script runs.
    tab.set_default_timeout(Duration::from_secs(120));
    let started = std::time::Instant::now();
    open(tab, &format!("{url}#{crafted}"))?;
    let opened = started.elapsed();
    tab.set_default_timeout(Duration::from_secs(20));
    let (start_up, short_url): (f64, usize) = eval(
        tab,
        "[performance.getEntriesByName('zaitaku-start-up')[0].duration, location.href.length]",
    )?;
    assert_eq!(view(tab)?.ids, expected, "the crafted link");
    assert!(
        start_up < 2000.0,
        "the crafted link: start-up took {start_up} ms"
    );
    assert!(short_url < 10_000, "the URL is {short_url} bytes long");
    tab.evaluate(
        &format!("new Promise(done => {{ addEventListener('hashchange', () => setTimeout(done, 0), {{ once: true }}); location.hash = '{crafted}'; }})"),
        true,
    )?;
    let followed: f64 = eval(
        tab,
        "performance.getEntriesByName('zaitaku-hashchange')[0].duration",
    )?;
    assert_eq!(view(tab)?.ids, expected, "the crafted link, followed");
    assert!(
        followed < 2000.0,
        "the crafted link: following it took {followed} ms"
    );
    println!(
        "limits: a 2 MB link starts up in {start_up:.0} ms ({:.1} s with the browser's own work), is followed in {followed:.0} ms",
        opened.as_secs_f64()
    );
    open(tab, url)?;
    Ok(())
}

fn heatmap_cells(tab: &Tab) -> Res<()> {
    for (theme, category) in [
        (Theme::HospitalCollaboration, Category::AdmissionDischarge),
        (Theme::LocalSituation, Category::MedicalResources),
    ] {
        let m = counts(theme);
        let region = Region::ALL
            .into_iter()
            .max_by_key(|&r| m.get(r, category))
            .ok_or("no region")?;
        let n = m.get(region, category);
        let selector = format!(
            ".heatmap a[href=\"#t{}-{}--{}\"]",
            theme.number(),
            region.id_token(),
            category.slug()
        );
        if theme == Theme::HospitalCollaboration {
            tab.find_element(&selector)?.click()?;
        } else {
            js_click(tab, &[&selector])?;
        }
        let shown = view(tab)?;
        assert_eq!(
            shown.ids.len(),
            n,
            "{selector}: records shown against counts()"
        );
        assert_eq!(shown.count(), n);
        let expected = ids(Query::new()
            .theme(theme)
            .area_only()
            .region(region)
            .category(category)
            .iter());
        assert_eq!(shown.ids, expected);
        // The URL carries the view: opened anew, it shows the same.
        let link = shown.url;
        assert!(link.contains('#'), "no state in {link}");
        if theme == Theme::HospitalCollaboration {
            open(tab, &link)?;
            assert_eq!(view(tab)?.ids, expected, "reopened {link}");
        }
        println!("heatmap cell {selector}: {n} records, as counts() says");
    }
    Ok(())
}

fn permalinks(tab: &Tab, url: &str) -> Res<()> {
    // Every cross-link is the crate's.
    let links: Vec<(String, Vec<Vec<String>>)> = eval(
        tab,
        "[...document.querySelectorAll('article.rec')].map(e => [e.id, [...e.querySelectorAll('p.links')].map(p => [...p.querySelectorAll('a')].map(a => a.getAttribute('href').slice(1)))])",
    )?;
    assert_eq!(links.len(), 204);
    for (id, lists) in &links {
        let flat: Vec<String> = lists.iter().flatten().cloned().collect();
        let expected: Vec<String> = if let Some(k) = zaitaku_opinions::key_opinion(id) {
            k.taken_from().iter().map(|o| o.id().to_string()).collect()
        } else {
            let o = zaitaku_opinions::opinion(id).ok_or("unknown id")?;
            o.key_opinions()
                .map(|k| k.id().to_string())
                .chain(o.similar().iter().map(|s| s.opinion().id().to_string()))
                .collect()
        };
        assert_eq!(flat, expected, "links of {id}");
    }

    // A permalink opened directly shows its record, marked and in view.
    let target = "t1-kuchuobu-03";
    open(tab, &format!("{url}#{target}"))?;
    let (current, in_view): (Vec<String>, bool) = eval(
        tab,
        "[[...document.querySelectorAll('article.rec.current')].map(e => e.id), (() => { const r = document.querySelector('.current').getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight + 1; })()]",
    )?;
    assert_eq!(current, [target]);
    let detail: String = eval(tab, "JSON.stringify([document.querySelector('.current').getBoundingClientRect(), innerHeight, scrollY])")?;
    assert!(in_view, "{target} is not in view: {detail}");
    // … and not under the panel: link targets are never covered.
    let clear: bool = eval(
        tab,
        "document.querySelector('.current').getBoundingClientRect().top >= document.querySelector('#controls').getBoundingClientRect().bottom",
    )?;
    assert!(clear, "{target} is under the panel: {detail}");

    // Following a key opinion's link to its source, while filters hide the
    // source, shows it.
    let key = zaitaku_opinions::key_opinion("t2-key-02-02").ok_or("no key opinion")?;
    let source = key.taken_from()[1].id().to_string();
    tab.find_element("#f-kind")?.focus()?;
    tab.evaluate(
        "(() => { const s = document.querySelector('#f-kind'); s.value = 'key'; s.dispatchEvent(new Event('change')); })()",
        false,
    )?;
    let keys_only = view(tab)?;
    assert_eq!(
        keys_only.ids,
        ids(Query::new().key_only().iter()),
        "kind: key"
    );
    assert!(!keys_only.ids.contains(&source));
    tab.find_element(&format!("#t2-key-02-02 p.links a[href=\"#{source}\"]"))?
        .click()?;
    std::thread::sleep(Duration::from_millis(100));
    let (current, focused, hidden): (Vec<String>, String, bool) = eval(
        tab,
        &format!("[[...document.querySelectorAll('article.rec.current')].map(e => e.id), document.activeElement.id, document.getElementById('{source}').hidden]"),
    )?;
    assert_eq!(current, std::slice::from_ref(&source));
    assert_eq!(focused, source);
    assert!(!hidden);
    assert!(view(tab)?.url.ends_with(&format!("#{source}")));
    println!("permalinks: every cross-link is the crate's; #{target} and a followed link show their record");
    Ok(())
}

fn municipality_box(tab: &Tab) -> Res<()> {
    let inputs = [
        "世田谷区",
        "世田谷",
        "せたがやく",
        "131121",
        "13112",
        "Setagaya",
        "setagaya-ku",
        "東京都八王子市",
        "ﾊﾁｵｳｼﾞ市",
        "はちおうじし",
        "ハチオウジ",
        "Chūō",
        "Toshima",
        "横浜市",
    ];
    // What the crate answers is what the page must answer; the four
    // are pinned so that the comparison is never vacuous.
    for name in ["世田谷区", "世田谷", "せたがやく", "131121"] {
        assert_eq!(
            Municipality::from_name(name).map(|m| m.region()),
            Some(Region::KuSeinanbu)
        );
    }
    tab.evaluate(&format!("{SELECT_INPUT}('#muni')"), false)?;
    for input in inputs {
        retype(tab, input)?;
        let (region, shown, _): (String, View, bool) = eval(
            tab,
            &"[document.querySelector('#muni-out').dataset.region, { ids: [...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => e.id), count: document.querySelector('#count').textContent, url: location.href }, SELECT('#muni')]"
                .replace("SELECT", SELECT_INPUT),
        )?;
        let expected = Municipality::from_name(input).map(|m| m.region());
        assert_eq!(
            region,
            expected.map_or("", Region::slug),
            "municipality box: {input:?}"
        );
        if let Some(r) = expected {
            assert_eq!(
                shown.ids,
                ids(Query::new().region(r).iter()),
                "{input:?} → {r:?}"
            );
            assert_eq!(shown.count(), shown.ids.len());
        }
        println!(
            "municipality {input:?} → {:?}, as the crate",
            expected.map(Region::name_ja)
        );
    }
    retype(tab, "")?;
    js_click(tab, &["#reset"])?;
    assert_eq!(view(tab)?.count(), 204);
    Ok(())
}

fn filters_and_points(tab: &Tab) -> Res<()> {
    // Theme, kind, areas and categories together, then through the URL.
    js_click(
        tab,
        &[
            "#f-areas summary",
            "#f-cats summary",
            "input[name=area][value=ku-seibu]",
            "input[name=area][value=nishitama]",
            "input[name=cat][value=admission-discharge]",
            "input[name=cat][value=information-sharing]",
        ],
    )?;
    tab.evaluate(
        "(() => { const s = document.querySelector('#f-theme'); s.value = '2'; s.dispatchEvent(new Event('change')); })()",
        false,
    )?;
    let expected = ids(Query::new()
        .theme(Theme::HospitalCollaboration)
        .region(Region::KuSeibu)
        .region(Region::Nishitama)
        .category(Category::AdmissionDischarge)
        .category(Category::InformationSharing)
        .iter());
    assert!(!expected.is_empty());
    assert_eq!(view(tab)?.ids, expected);
    type_into(tab, "#q", "退院")?;
    let with_text = ids(Query::new()
        .theme(Theme::HospitalCollaboration)
        .region(Region::KuSeibu)
        .region(Region::Nishitama)
        .category(Category::AdmissionDischarge)
        .category(Category::InformationSharing)
        .text("退院")
        .iter());
    let link = view(tab)?.url;
    assert_eq!(view(tab)?.ids, with_text);
    open(tab, &link)?;
    assert_eq!(view(tab)?.ids, with_text, "reopened {link}");
    let q: String = eval(tab, "document.querySelector('#q').value")?;
    assert_eq!(q, "退院");

    // The points view: every point with the areas that raised it, as the
    // crate says; each point's button filters to its records, in the URL.
    let shown_points: Vec<(String, Vec<String>)> = eval(
        tab,
        "[...document.querySelectorAll('#points li')].map(li => [li.querySelector('button.point').dataset.p, [...li.querySelectorAll(':scope > .tr')].map(e => e.textContent)])",
    )?;
    assert_eq!(shown_points.len(), Point::all().len());
    assert!(!shown_points.is_empty(), "no points view");
    for (id, areas) in &shown_points {
        let p = Point::from_id(id).ok_or("unknown point")?;
        let expected: Vec<&str> = p.regions().iter().map(|r| r.name_ja()).collect();
        assert_eq!(areas, &expected, "areas of point {id}");
    }
    let with = |p: &Point| -> Vec<String> {
        ids(Query::new()
            .iter()
            .filter(|r| r.points().any(|q| q.id() == p.id())))
    };
    // The point raised by the most areas, then a second one with it (either).
    let first = Point::from_id(&shown_points[0].0).ok_or("no point")?;
    let second = Point::from_id(&shown_points[1].0).ok_or("no point")?;
    js_click(
        tab,
        &[
            "#reset",
            &format!("button.point[data-p=\"{}\"]", first.id()),
        ],
    )?;
    let one = view(tab)?;
    assert_eq!(one.ids, with(first), "point {}", first.id());
    assert!(one.ids.len() >= first.regions().len());
    js_click(tab, &[&format!("button.point[data-p=\"{}\"]", second.id())])?;
    let both = view(tab)?;
    let mut either = with(first);
    either.extend(with(second));
    let order = ids(Query::new().iter());
    either.sort_by_key(|id| order.iter().position(|o| o == id));
    either.dedup();
    assert_eq!(both.ids, either, "points {} or {}", first.id(), second.id());
    open(tab, &both.url)?;
    assert_eq!(view(tab)?.ids, either, "reopened {}", both.url);
    println!(
        "points: {} in the view with their areas; {} → {} records, with {} → {}",
        shown_points.len(),
        first.id(),
        one.ids.len(),
        second.id(),
        both.ids.len()
    );
    js_click(tab, &["#reset"])?;
    Ok(())
}

fn english(tab: &Tab) -> Res<()> {
    tab.find_element("#lang")?.click()?;
    let (lang, heading, count, button): (String, String, String, String) = eval(
        tab,
        "[document.documentElement.lang, document.querySelector('#t1-kuchuobu h4 span').textContent, document.querySelector('#count').textContent, document.querySelector('#lang').textContent]",
    )?;
    assert_eq!(lang, "en");
    assert_eq!(heading, page::region_en(Region::KuChuobu));
    assert_eq!(count, "204 of 204 records");
    // One toggle pattern: a fixed label, pressed.
    assert_eq!(button, "English");
    let (pressed, title): (String, String) = eval(
        tab,
        "[document.querySelector('#lang').getAttribute('aria-pressed'), document.title]",
    )?;
    assert_eq!(pressed, "true");
    assert!(title.starts_with("Opinions of Tokyo"), "{title}");
    let cat: String = eval(
        tab,
        "document.querySelector('section.cat h5 span').textContent",
    )?;
    let first = &opinions()[0];
    assert_eq!(cat, first.category().name_en());
    // Japanese texts keep their language; English texts show when present.
    let (ja_texts, en_shown, en_all): (usize, usize, usize) = eval(
        tab,
        "[document.querySelectorAll('article.rec .text[lang=ja]').length, [...document.querySelectorAll('.text-en')].filter(e => !e.hidden).length, document.querySelectorAll('.text-en').length]",
    )?;
    assert_eq!(ja_texts, 204);
    assert_eq!(en_shown, en_all);
    let with_en = Query::new()
        .iter()
        .filter(|r| page::text_en(*r).is_some())
        .count();
    assert_eq!(en_all, with_en);
    let texts: Vec<(String, String)> = eval(
        tab,
        "[...document.querySelectorAll('article.rec')].filter(e => e.querySelector('.text-en')).map(e => [e.id, e.querySelector('.text-en').textContent])",
    )?;
    let all = Query::new();
    let records_with_en = all.iter().filter(|r| page::text_en(*r).is_some());
    assert_eq!(texts.len(), with_en);
    for (r, (id, text)) in records_with_en.zip(&texts) {
        assert_eq!(r.id().to_string(), *id);
        assert_eq!(page::text_en(r), Some(text.as_str()), "English of {id}");
    }
    // Every Japanese string shown in English mode is marked as Japanese.
    let unmarked: Vec<String> = eval(
        tab,
        "(() => { const out = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); for (let n = w.nextNode(); n; n = w.nextNode()) { const p = n.parentElement; if (!/[\\u3040-\\u30ff\\u3400-\\u9fff\\uff01-\\uff9f]/.test(n.textContent) || p.closest('script, [hidden]') || !p.checkVisibility()) continue; const l = p.closest('[lang]'); if (!l || !l.lang.startsWith('ja')) out.push(n.textContent.slice(0, 40)); } return out.slice(0, 20); })()",
    )?;
    assert!(
        unmarked.is_empty(),
        "Japanese without lang=ja in English mode: {unmarked:?}"
    );
    english_search(tab)?;
    // The language is part of the view state.
    let link = view(tab)?.url;
    assert!(link.contains("lang=en"), "{link}");
    open(tab, &link)?;
    let lang: String = eval(tab, "document.documentElement.lang")?;
    assert_eq!(lang, "en");
    js_click(tab, &["#lang"])?;
    let (lang, heading): (String, String) = eval(
        tab,
        "[document.documentElement.lang, document.querySelector('#t1-kuchuobu h4 span').textContent]",
    )?;
    assert_eq!(lang, "ja");
    assert_eq!(heading, Region::KuChuobu.name_ja());
    println!("English toggle: labels switch and back; {with_en} English texts");
    Ok(())
}

/// In English the search box searches the English texts with the crate's
/// `Query::text_en` rule: the records and the highlights, on at least 10
/// queries that find something.
fn english_search(tab: &Tab) -> Res<()> {
    let queries = [
        "discharge",
        "nurse",
        "home care",
        "Discharge CONFERENCE",
        "ICT",
        "ｄｉｓｃｈａｒｇｅ",
        "end-of-life",
        "24-hour",
        "doctor doctor",
        "care manager",
        "hospital\u{3000}home",
        "Setagaya",
        "no-such-word-anywhere",
        "",
    ];
    let mut with_hits = 0;
    tab.evaluate(&format!("{SELECT_INPUT}('#q')"), false)?;
    for q in queries {
        retype(tab, q)?;
        let query = Query::new().text_en(q);
        let expected = ids(query.iter());
        let (shown, painted, empty, _): (View, Vec<(String, Pieces)>, bool, bool) = eval(
            tab,
            &"[{ ids: [...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => e.id), count: document.querySelector('#count').textContent, url: location.href }, [...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => [e.id, [...e.querySelector('.text-en').childNodes].map(n => [n.textContent, n.nodeName === 'MARK']).reduce((a, p) => { const l = a[a.length - 1]; if (l && l[1] === p[1]) l[0] += p[0]; else a.push(p); return a; }, [])]), document.querySelector('#empty').hidden, SELECT('#q')]"
                .replace("SELECT", SELECT_INPUT),
        )?;
        assert_eq!(shown.ids, expected, "English query {q:?}: records shown");
        assert_eq!(shown.count(), expected.len(), "English query {q:?}: count");
        assert_eq!(
            empty,
            !expected.is_empty(),
            "English query {q:?}: empty state"
        );
        for ((id, pieces), hit) in painted.iter().zip(query.hits()) {
            assert_eq!(*id, hit.record().id().to_string());
            assert_eq!(hit.text(), hit.record().text_en());
            let crate_pieces: Pieces = if hit.ranges().is_empty() {
                vec![(hit.text().to_string(), false)]
            } else {
                hit.pieces().map(|(s, m)| (s.to_string(), m)).collect()
            };
            assert_eq!(
                *pieces, crate_pieces,
                "English query {q:?}: highlights of {id}"
            );
        }
        if !expected.is_empty() && !q.is_empty() {
            with_hits += 1;
        }
        println!(
            "English query {q:?}: {} records, as Query::text_en",
            expected.len()
        );
    }
    assert!(
        with_hits >= 10,
        "only {with_hits} English queries found anything"
    );
    // A search that finds nothing says what the box searches and offers
    // the categories and the points.
    retype(tab, "no-such-word-anywhere")?;
    let (says, offers): (String, Vec<String>) = eval(
        tab,
        "[document.querySelector('#empty').textContent, [...document.querySelectorAll('#empty .offers button, #empty .offers a')].map(e => e.textContent)]",
    )?;
    assert!(says.contains("English translation"), "{says}");
    assert!(
        offers
            .iter()
            .any(|o| o == Category::AdmissionDischarge.name_en()),
        "{offers:?}"
    );
    assert!(offers.iter().any(|o| o.contains("points")), "{offers:?}");
    retype(tab, "")?;
    Ok(())
}

/// Script injection through the URL and both boxes runs nothing: the page
/// writes only text, and the CSP (its script's hash, no 'unsafe-inline')
/// blocks an inline handler even where one gets into the page.
fn injection(tab: &Tab, url: &str, problems: &Mutex<Vec<String>>) -> Res<()> {
    let payloads = [
        "<img src=x onerror=window.__pwned=1>",
        "\"><svg onload=window.__pwned=1>",
        "'><script>window.__pwned=1</script>",
        "javascript:window.__pwned=1",
        "</script><script>window.__pwned=1</script>",
        "<iframe srcdoc=\"<script>parent.__pwned=1</script>\">",
        "${window.__pwned=1}",
        "{{constructor.constructor('window.__pwned=1')()}}",
        "<a href=javascript:window.__pwned=1>x</a>",
        "<details open ontoggle=window.__pwned=1>",
        "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E",
        "\u{0}<img src=x onerror=window.__pwned=1>",
    ];
    let planted = "document.querySelectorAll('[onerror], [onload], [ontoggle], script:not(#data), iframe, svg, img').length";
    let mut tried = 0;
    for p in payloads {
        let enc: String = p
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        // Every parameter at once, in English (where more is rewritten).
        let keys = ["q", "muni", "area", "cat", "point", "theme", "kind", "lang"];
        let hash: Vec<String> = keys.iter().map(|k| format!("{k}={enc}")).collect();
        open(tab, &format!("{url}#{}&lang=en", hash.join("&")))?;
        let (pwned, extra): (bool, usize) =
            eval(tab, &format!("[window.__pwned === 1, {planted} - 1]"))?;
        assert!(
            !pwned && extra == 0,
            "every parameter = {p:?}: ran or planted something"
        );
        tried += keys.len();
        open(tab, url)?;
        for boxid in ["#q", "#muni"] {
            type_into(tab, boxid, p)?;
            let (pwned, extra): (bool, usize) =
                eval(tab, &format!("[window.__pwned === 1, {planted} - 1]"))?;
            assert!(
                !pwned && extra == 0,
                "{boxid} {p:?} ran or planted something"
            );
            tried += 1;
        }
    }
    // An inline handler that does get into the page does not run.
    open(tab, url)?;
    let pwned: bool = eval(
        tab,
        "(() => { const d = document.createElement('div'); d.setAttribute('onclick', 'window.__pwned = 1'); document.body.append(d); d.click(); d.remove(); return window.__pwned === 1; })()",
    )?;
    assert!(
        !pwned,
        "an inline handler ran: the CSP allows inline scripts"
    );
    std::thread::sleep(Duration::from_millis(100));
    let mut problems = problems.lock().unwrap();
    let blocked = problems
        .iter()
        .filter(|p| p.contains("Content Security Policy"))
        .count();
    assert!(blocked >= 1, "the CSP did not report blocking the handler");
    problems.retain(|p| !p.contains("Content Security Policy"));
    println!("injection: {tried} attempts ran nothing; the CSP blocked an inline handler");
    Ok(())
}

/// Links with values the page does not know say so; a municipality alone
/// filters; after a filter action the results, or the link to them, are on
/// screen; a heatmap cell is a named button that Space operates.
fn links_and_results(tab: &Tab, url: &str) -> Res<()> {
    open(
        tab,
        &format!("{url}#area=nowhere,ku-seibu&cat=bogus&point=not-a-point"),
    )?;
    let (note, shown): (String, View) = eval(
        tab,
        "[document.querySelector('#link-note').textContent, { ids: [...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => e.id), count: document.querySelector('#count').textContent, url: location.href }]",
    )?;
    for v in ["area=nowhere", "cat=bogus", "point=not-a-point"] {
        assert!(note.contains(v), "{v} not reported: {note:?}");
    }
    assert_eq!(shown.ids, ids(Query::new().region(Region::KuSeibu).iter()));
    // A municipality alone.
    open(
        tab,
        &format!("{url}#muni=%E4%B8%96%E7%94%B0%E8%B0%B7%E5%8C%BA"),
    )?;
    assert_eq!(
        view(tab)?.ids,
        ids(Query::new().region(Region::KuSeinanbu).iter()),
        "muni=世田谷区"
    );
    // A heatmap cell: named, operated with Space, then the results in view.
    open(tab, url)?;
    let cell = ".heatmap a[href=\"#t1-kuseinanbu--end-of-life-care\"]";
    let name: String = eval(
        tab,
        &format!("document.querySelector('{cell}').getAttribute('aria-label')"),
    )?;
    let n = counts(Theme::LocalSituation).get(Region::KuSeinanbu, Category::EndOfLifeCare);
    assert_eq!(name, format!("テーマ① 区西南部 × 看取り: {n}"));
    tab.find_element(cell)?.focus()?;
    tab.press_key(" ")?;
    std::thread::sleep(Duration::from_millis(100));
    let (shown, first_in_view): (View, bool) = eval(
        tab,
        "[{ ids: [...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => e.id), count: document.querySelector('#count').textContent, url: location.href }, (() => { const r = document.querySelector('article.rec:not([hidden])').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()]",
    )?;
    assert_eq!(shown.ids.len(), n as usize);
    assert!(
        first_in_view,
        "the first result is not on screen after a heatmap cell"
    );
    // A checkbox in the panel: the "n results ↓" link is on screen.
    js_click(
        tab,
        &[
            "#reset",
            "#f-areas summary",
            "input[name=area][value=nishitama]",
        ],
    )?;
    let (text, on_screen): (String, bool) = eval(
        tab,
        "[document.querySelector('#to-results').textContent, (() => { const a = document.querySelector('#to-results'); const r = a.getBoundingClientRect(); return !a.hidden && r.top >= 0 && r.bottom <= innerHeight; })()]",
    )?;
    let n = Query::new().region(Region::Nishitama).iter().count();
    assert_eq!(text, format!("{n} 件の結果へ ↓"));
    assert!(on_screen, "no results link on screen");
    js_click(tab, &["#reset", "#f-areas summary"])?;
    println!("links and results: unknown values reported, muni-only filters, results in view");
    Ok(())
}

/// In-page links keep the filters and the language; Back undoes a filter
/// change.
fn links_keep_the_view(tab: &Tab, url: &str) -> Res<()> {
    open(tab, &format!("{url}#area=ku-seibu&lang=en"))?;
    let expected = ids(Query::new().region(Region::KuSeibu).iter());
    let check = |what: &str| -> Res<()> {
        let (shown, lang): (View, String) = eval(
            tab,
            "[{ ids: [...document.querySelectorAll('article.rec')].filter(e => !e.hidden).map(e => e.id), count: document.querySelector('#count').textContent, url: location.href }, document.documentElement.lang]",
        )?;
        assert_eq!(shown.ids, expected, "after {what}: records");
        assert!(
            shown.url.contains("area=ku-seibu") && shown.url.contains("lang=en"),
            "after {what}: {}",
            shown.url
        );
        assert_eq!(lang, "en", "after {what}");
        Ok(())
    };
    for (what, selector) in [
        ("the points link", "#f-points"),
        ("the skip link", "a.skip"),
        ("a point tag", "article.rec:not([hidden]) a.tag"),
        ("a permalink", "article.rec:not([hidden]) .meta a"),
    ] {
        js_click(tab, &[selector])?;
        check(what)?;
    }
    // A cross-link to a record the filter shows keeps the filter too.
    let link: Option<String> = eval(
        tab,
        "(() => { const a = [...document.querySelectorAll('article.rec:not([hidden]) p.links a')].find(a => !document.getElementById(a.getAttribute('href').slice(1)).hidden); if (!a) return null; a.id = 'cross-link-under-test'; return a.getAttribute('href'); })()",
    )?;
    if let Some(href) = link {
        js_click(tab, &["#cross-link-under-test"])?;
        check("a cross-link")?;
        let url: String = eval(tab, "location.href")?;
        assert!(url.contains(&format!("id={}", &href[1..])), "{url}");
    }
    // Back undoes a filter change.
    open(tab, url)?;
    js_click(
        tab,
        &["#f-areas summary", "input[name=area][value=nishitama]"],
    )?;
    assert_eq!(
        view(tab)?.ids,
        ids(Query::new().region(Region::Nishitama).iter())
    );
    js_click(tab, &["input[name=cat][value=end-of-life-care]"])?;
    tab.evaluate("new Promise(done => { addEventListener('popstate', () => setTimeout(done, 0), { once: true }); history.back(); })", true)?;
    assert_eq!(
        view(tab)?.ids,
        ids(Query::new().region(Region::Nishitama).iter()),
        "Back after a category"
    );
    tab.evaluate("new Promise(done => { addEventListener('popstate', () => setTimeout(done, 0), { once: true }); history.back(); })", true)?;
    assert_eq!(view(tab)?.count(), 204, "Back after an area");
    js_click(tab, &["#f-areas summary"])?;
    println!(
        "links keep the view: points, skip, point tag, permalink, cross-link; Back undoes filters"
    );
    Ok(())
}

/// No focused element is covered by the panel: a full Tab pass at
/// 1280×900, and Shift+Tab passes through the records at 375×800 and
/// 853×480 (the laptop at 150 % zoom), with the filters open.
fn nothing_hidden(tab: &Tab, url: &str) -> Res<()> {
    // [what, covered, the panel's share of the height, back at the first stop]
    const COVERED: &str = "(() => { const e = document.activeElement; const wrapped = window.__firstStop === e; if (!window.__firstStop) window.__firstStop = e; const p = document.querySelector('#controls'); const b = p.getBoundingClientRect(); if (!e || e === document.body || p.contains(e)) return [e ? (e.id || e.tagName) : '', false, b.height / innerHeight, wrapped]; const r = e.getBoundingClientRect(); const hit = r.top < b.bottom - 0.5 && r.bottom > b.top && r.left < b.right && r.right > b.left; return [(e.closest('[id]') || e).id + ' ' + e.tagName, hit, b.height / innerHeight, wrapped]; })()";
    for (width, height, mobile, full) in [
        (1280, 900, false, true),
        (375, 800, true, false),
        (853, 480, false, false),
    ] {
        set_width(tab, width, height, mobile)?;
        open(tab, url)?;
        js_click(tab, &["#f-areas summary", "#f-cats summary"])?;
        let key = if full { "Tab" } else { "Shift+Tab" };
        if !full {
            // From the end of the records, backwards.
            tab.evaluate("document.querySelector('footer').tabIndex = -1; document.querySelector('footer').focus(); 1", false)?;
        }
        let limit = if full { 4000 } else { 250 };
        let mut stops = 0;
        let mut covered = Vec::new();
        let mut tallest: f64 = 0.0;
        for _ in 0..limit {
            if full {
                tab.press_key("Tab")?;
            } else {
                tab.press_key_with_modifiers(
                    "Tab",
                    Some(&[headless_chrome::browser::tab::ModifierKey::Shift]),
                )?;
            }
            let (what, hit, share, wrapped): (String, bool, f64, bool) = eval(tab, COVERED)?;
            if wrapped {
                break;
            }
            if hit {
                covered.push(what);
            }
            tallest = tallest.max(share);
            stops += 1;
        }
        assert!(
            covered.is_empty(),
            "{width}×{height} {key}: {} of {stops} focused elements covered by the panel: {:?}",
            covered.len(),
            &covered[..covered.len().min(10)]
        );
        assert!(
            tallest <= 0.25 + 1e-6,
            "{width}×{height}: the panel takes {:.0} % of the screen",
            tallest * 100.0
        );
        println!("nothing hidden at {width}×{height}: {stops} {key} stops, none covered; the panel takes at most {:.0} % of the height", tallest * 100.0);
    }
    set_width(tab, 1280, 900, false)?;
    Ok(())
}

/// axe-core (npm's package, at `$ZAITAKU_AXE_CORE`, installed by CI like
/// Chromium) finds no violation, in both languages, at 1280 and 375 px.
/// Without the package the check is skipped, unless
/// `ZAITAKU_REQUIRE_BROWSER=1` makes that a failure.
fn axe(tab: &Tab, url: &str) -> Res<()> {
    let path = std::env::var_os("ZAITAKU_AXE_CORE").map(PathBuf::from);
    let Some(path) = path.filter(|p| p.is_file()) else {
        if std::env::var("ZAITAKU_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("ZAITAKU_REQUIRE_BROWSER=1 but ZAITAKU_AXE_CORE does not name axe-core's axe.min.js (npm i axe-core)");
        }
        eprintln!("axe: SKIPPED, set ZAITAKU_AXE_CORE to axe-core's axe.min.js");
        return Ok(());
    };
    let source = std::fs::read_to_string(&path)?;
    for (width, height, mobile) in [(1280, 900, false), (375, 800, true)] {
        set_width(tab, width, height, mobile)?;
        for lang in ["ja", "en"] {
            let hash = if lang == "en" { "#lang=en" } else { "" };
            open(tab, &format!("{url}{hash}"))?;
            // The points view open, so that its contents are checked too.
            js_click(tab, &["#points summary", "#about summary"])?;
            tab.evaluate(&source, false)?;
            let out = tab
                .evaluate(
                    "axe.run(document, { resultTypes: ['violations'] }).then(r => JSON.stringify([axe.version, r.violations.map(v => [v.id, v.impact || '', v.nodes.length, v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')])]))",
                    true,
                )?
                .value
                .ok_or("axe returned nothing")?;
            let (version, violations): (String, Vec<(String, String, usize, String)>) =
                serde_json::from_str(out.as_str().ok_or("not a string")?)?;
            assert!(
                violations.is_empty(),
                "axe-core {version}, {lang}, {width} px: {violations:#?}"
            );
            println!("axe-core {version}: no violation ({lang}, {width} px)");
        }
    }
    set_width(tab, 1280, 900, false)?;
    Ok(())
}

fn set_width(tab: &Tab, width: u32, height: u32, mobile: bool) -> Res<()> {
    let metrics: Emulation::SetDeviceMetricsOverride = serde_json::from_value(serde_json::json!({
        "width": width,
        "height": height,
        "deviceScaleFactor": 1,
        "mobile": mobile,
    }))?;
    tab.call_method(metrics)?;
    std::thread::sleep(Duration::from_millis(200));
    Ok(())
}

fn screenshots(tab: &Tab, url: &str, dir: &Path) -> Res<()> {
    // Nothing is wider than a phone.
    for width in [360, 375] {
        set_width(tab, width, 800, true)?;
        let scroll: u32 = eval(tab, "document.documentElement.scrollWidth")?;
        assert!(
            scroll <= width,
            "the page is {scroll} px wide at {width} px"
        );
    }
    // At the three sizes the issue names, in both languages, with a search:
    // for a person to look at (and, at 1280 px in Japanese, the README's).
    for (width, height, mobile) in [(1280, 900, false), (375, 800, true), (853, 480, false)] {
        set_width(tab, width, height, mobile)?;
        for lang in ["ja", "en"] {
            let hash = if lang == "ja" {
                "q=%E9%80%80%E9%99%A2%E3%80%80%E8%AA%BF%E6%95%B4"
            } else {
                "q=discharge+conference&lang=en"
            };
            open(tab, &format!("{url}#{hash}"))?;
            tab.evaluate("window.scrollTo(0, 0)", false)?;
            let png =
                tab.capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)?;
            let path = dir.join(format!("explorer-{width}x{height}-{lang}.png"));
            std::fs::write(&path, &png)?;
            println!("screenshot: {}", path.display());
            if (width, lang) == (1280, "ja")
                && std::env::var("ZAITAKU_UPDATE_SCREENSHOT").as_deref() == Ok("1")
            {
                let docs = zaitaku_tools::docs_dir().join("explorer.png");
                std::fs::write(&docs, &png)?;
                println!("screenshot: {}", docs.display());
            }
        }
    }
    Ok(())
}

/// Printed (with no filter set: a print shows what the screen shows), and
/// with JavaScript off, every record shows, and the controls, which need the
/// script, do not.
fn print_and_no_script(tab: &Tab, url: &str) -> Res<()> {
    let visible = "[[...document.querySelectorAll('article.rec')].filter(e => e.checkVisibility()).length, document.querySelector('#controls').checkVisibility()]";
    set_width(tab, 1280, 1000, false)?;
    open(tab, url)?;
    tab.call_method(Emulation::SetEmulatedMedia {
        media: Some("print".into()),
        features: None,
    })?;
    let (records, controls): (usize, bool) = eval(tab, visible)?;
    assert_eq!((records, controls), (204, false), "printed");
    tab.call_method(Emulation::SetEmulatedMedia {
        media: Some(String::new()),
        features: None,
    })?;
    tab.call_method(Emulation::SetScriptExecutionDisabled { value: true })?;
    open_without_script(tab, url)?;
    let (records, controls): (usize, bool) = eval(tab, visible)?;
    assert_eq!((records, controls), (204, false), "without JavaScript");
    tab.call_method(Emulation::SetScriptExecutionDisabled { value: false })?;
    println!("print and no script: all 204 records show, the controls do not");
    Ok(())
}

/// `open` for a page whose script does not run (nothing unhides the
/// controls to wait for).
fn open_without_script(tab: &Tab, url: &str) -> Res<()> {
    tab.navigate_to(&format!("{url}?noscript"))?
        .wait_until_navigated()?;
    tab.wait_for_element("#t2-kitatamahokubu-06")?;
    Ok(())
}

// --- the panel's pixels, the accessibility tree ---------------------------------

/// Standard base64, for handing a screenshot back to the page to decode.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                char::from(ABC[(n >> (18 - 6 * i)) as usize & 63])
            } else {
                '='
            });
        }
    }
    out
}

/// The sticky panel is opaque (issue #34: `--panel` was both its colour
/// and its height, so it and every button turned transparent): at 1280×800
/// and 375×800, in both languages, after scrolling to the middle of the
/// records, the panel's pixels are those of the same region in a
/// screenshot taken before scrolling (the text that now lies under it does
/// not show through), and a pixel inside the panel's padding and inside
/// every button on screen is exactly that element's background colour.
#[test]
fn explorer_panel_is_opaque() -> Res<()> {
    let Some(session) = Session::start("explorer_pixels", &page::render())? else {
        return Ok(());
    };
    let tab = session.tab.clone();
    let dir = session.dir.clone();
    // [x, y, w, h] of the panel, and of every button on screen (not
    // scrolled out of the panel's own scroll box) with its computed
    // background colour.
    const RECTS: &str = "(() => { const r = e => { const b = e.getBoundingClientRect(); return [Math.round(b.left), Math.round(b.top), Math.round(b.width), Math.round(b.height)]; }; const p = document.querySelector('#controls'); const buttons = [...document.querySelectorAll('button')].filter(b => { const x = b.getBoundingClientRect(); if (!(b.checkVisibility() && x.width > 8 && x.top >= 0 && x.bottom <= innerHeight && x.left >= 0 && x.right <= innerWidth)) return false; const at = document.elementFromPoint(Math.round(x.left) + 2, Math.round(x.top) + Math.round(x.height) / 2); return !!at && at.closest('button') === b; }).map(b => [b.id || b.textContent.slice(0, 20), r(b), getComputedStyle(b).backgroundColor]); return { panel: r(p), panelBg: getComputedStyle(p).backgroundColor, buttons: buttons }; })()";
    #[derive(serde::Deserialize, Debug)]
    struct Rects {
        panel: [i64; 4],
        #[serde(rename = "panelBg")]
        panel_bg: String,
        buttons: Vec<(String, [i64; 4], String)>,
    }
    // Decodes two screenshots in the page (a canvas) and compares rect `a`
    // of the first with rect `b` of the second, inside their rounded
    // corners; returns the share of pixels that differ, and the colours at
    // the given points of the second. Exactly (`0`), or (`1`) as ink: the
    // dark pixels (text, borders) of the second that have none in the first
    // within a pixel across and two up or down (the unscrolled panel sits
    // at a fractional position, so its anti-aliasing differs).
    const COMPARE: &str = "(async (one, two, a, b, points, TOLERANCE) => { const load = async s => { const i = new Image(); i.src = 'data:image/png;base64,' + s; await i.decode(); const c = document.createElement('canvas'); c.width = i.width; c.height = i.height; const g = c.getContext('2d', { willReadFrequently: true }); g.drawImage(i, 0, 0); return g; }; const g1 = await load(one); const g2 = await load(two); const w = Math.min(a[2], b[2]) - 8, h = Math.min(a[3], b[3]) - 8; const d1 = g1.getImageData(a[0] + 4, a[1] + 4, w, h).data, d2 = g2.getImageData(b[0] + 4, b[1] + 4, w, h).data; const dark = (d, x, y) => x >= 0 && y >= 0 && x < w && y < h && Math.max(d[(y * w + x) * 4], d[(y * w + x) * 4 + 1], d[(y * w + x) * 4 + 2]) < 128; let diff = 0; for (let y = 0; y < h; y += 1) for (let x = 0; x < w; x += 1) { if (TOLERANCE === 0) { const i = (y * w + x) * 4; if (d1[i] !== d2[i] || d1[i + 1] !== d2[i + 1] || d1[i + 2] !== d2[i + 2]) diff += 1; } else if (dark(d2, x, y)) { let near = false; for (let dy = -2; dy <= 2 && !near; dy += 1) for (let dx = -1; dx <= 1 && !near; dx += 1) near = dark(d1, x + dx, y + dy); if (!near) diff += 1; } } const colours = points.map(([x, y]) => { const p = g2.getImageData(x, y, 1, 1).data; return `rgb(${p[0]}, ${p[1]}, ${p[2]})`; }); return JSON.stringify([diff / (w * h), colours]); })";
    for (width, height, mobile) in [(1280, 800, false), (375, 800, true)] {
        set_width(&tab, width, height, mobile)?;
        for lang in ["ja", "en"] {
            open(&tab, &format!("{}#lang={lang}", session.url))?;
            tab.evaluate("window.scrollTo(0, 0)", false)?;
            std::thread::sleep(Duration::from_millis(200));
            let before: Rects = eval(&tab, RECTS)?;
            let still =
                tab.capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)?;
            tab.evaluate("(() => { const r = document.querySelector('#records'); window.scrollTo(0, r.offsetTop + r.offsetHeight / 2); return 1; })()", false)?;
            std::thread::sleep(Duration::from_millis(400));
            let after: Rects = eval(&tab, RECTS)?;
            let scrolled =
                tab.capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)?;
            // Further down: other text under the panel.
            tab.evaluate("window.scrollBy(0, 333)", false)?;
            std::thread::sleep(Duration::from_millis(400));
            let further: Rects = eval(&tab, RECTS)?;
            let lower =
                tab.capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)?;
            assert_eq!(further.panel, after.panel, "the panel moved");
            let name = format!("panel-{width}x{height}-{lang}");
            std::fs::write(dir.join(format!("{name}-top.png")), &still)?;
            std::fs::write(dir.join(format!("{name}-scrolled.png")), &scrolled)?;
            assert_eq!(
                after.panel[1], 0,
                "{name}: the panel is not stuck at the top: {after:?}"
            );
            assert_eq!(
                &before.panel[2..],
                &after.panel[2..],
                "{name}: the panel changed size"
            );
            // Inside the panel's 1 px border, and inside each button's.
            let mut points = vec![[after.panel[0] + 3, after.panel[1] + 3]];
            let mut expected = vec![("the panel".to_string(), after.panel_bg.clone())];
            for (what, [x, y, _, h], bg) in &after.buttons {
                points.push([x + 2, y + h / 2]);
                expected.push((what.clone(), bg.clone()));
            }
            let compare =
                |one: &[u8], two: &[u8], a: [i64; 4], tolerance: u8| -> Res<(f64, Vec<String>)> {
                    let js = format!(
                        "{COMPARE}('{}', '{}', {a:?}, {:?}, {}, {tolerance})",
                        base64(one),
                        base64(two),
                        after.panel,
                        serde_json::to_string(&points)?
                    );
                    let out = tab.evaluate(&js, true)?.value.ok_or("no comparison")?;
                    Ok(serde_json::from_str(out.as_str().ok_or("not a string")?)?)
                };
            // Stuck at the top over two different stretches of text: the
            // same pixels, exactly.
            let (moved, _) = compare(&scrolled, &lower, after.panel, 0)?;
            // Against the unscrolled page: no ink the panel did not have.
            let (diff, colours) = compare(&still, &scrolled, before.panel, 1)?;
            println!("{name}: {:.3} % of the stuck panel's pixels differ over other text, {:.3} % are ink the unscrolled panel does not have", moved * 100.0, diff * 100.0);
            assert_eq!(
                moved, 0.0,
                "{name}: the text under the panel shows through it"
            );
            for ((what, bg), colour) in expected.iter().zip(&colours) {
                assert!(
                    !bg.contains("rgba(0, 0, 0, 0)"),
                    "{name}: {what} has no background ({bg})"
                );
                assert_eq!(
                    colour, bg,
                    "{name}: the pixel inside {what} is not its background"
                );
            }
            // Under 0.01 %: a glyph edge or two rasterised apart (measured
            // 0.001 %); the transparent panel of issue #34 gave 1.49 %.
            assert!(
                diff < 1e-4,
                "{name}: {:.3} % of the panel's pixels are ink it did not have before scrolling",
                diff * 100.0
            );
            println!(
                "{name}: panel {:?} opaque; {} buttons on screen, each its background colour",
                after.panel,
                after.buttons.len()
            );
        }
    }
    // The audit's screenshot 03: Japanese, 1280 px, the comparison open,
    // scrolled into the records.
    set_width(&tab, 1280, 800, false)?;
    open(&tab, &format!("{}#area=kitatama-nanbu", session.url))?;
    js_click(&tab, &["#compare summary"])?;
    tab.evaluate("(() => { const r = document.querySelector('#cmp-out'); window.scrollTo(0, r.getBoundingClientRect().top + scrollY + 300); return 1; })()", false)?;
    std::thread::sleep(Duration::from_millis(400));
    let png = tab.capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)?;
    std::fs::write(dir.join("03-ja-compare-panel-overlap.png"), &png)?;
    session.finish()
}

/// Every record and every heading is in Chromium's accessibility tree at
/// load (the DevTools protocol's `Accessibility.getFullAXTree`, not only
/// axe): `content-visibility: auto` once left 7 of 204 records there.
#[test]
fn explorer_accessibility_tree() -> Res<()> {
    use headless_chrome::protocol::cdp::Accessibility;
    // `Accessibility.getFullAXTree`, read as plain JSON: the typed bindings
    // reject property names newer than them (`uninteresting`).
    #[derive(serde::Serialize, Debug)]
    struct FullAxTree {}
    impl headless_chrome::protocol::cdp::types::Method for FullAxTree {
        const NAME: &'static str = "Accessibility.getFullAXTree";
        type ReturnObject = serde_json::Value;
    }
    let Some(session) = Session::start("explorer_ax", &page::render())? else {
        return Ok(());
    };
    let tab = session.tab.clone();
    for (width, height, mobile) in [(1280, 800, false), (375, 800, true)] {
        set_width(&tab, width, height, mobile)?;
        open(&tab, &session.url)?;
        let headings: usize = eval(
            &tab,
            "document.querySelectorAll('h1, h2, h3, h4, h5, h6').length",
        )?;
        tab.call_method(Accessibility::Enable(None))?;
        let tree = tab.call_method(FullAxTree {})?;
        let nodes = tree["nodes"].as_array().ok_or("no nodes")?;
        let exposed = |role: &str| {
            nodes
                .iter()
                .filter(|n| {
                    n["ignored"] != serde_json::Value::Bool(true)
                        && n["role"]["value"].as_str() == Some(role)
                })
                .count()
        };
        let (articles, heads) = (exposed("article"), exposed("heading"));
        assert_eq!(
            articles, 204,
            "{width} px: records in the accessibility tree"
        );
        assert_eq!(
            heads, headings,
            "{width} px: headings in the accessibility tree"
        );
        println!("accessibility tree at {width} px: {articles} of 204 records, {heads} of {headings} headings");
    }
    session.finish()
}

// --- the users' tasks, step by step ---------------------------------------------

/// Whether the element is on screen and not covered (what the point at its
/// middle shows is it or inside it), and its text.
fn on_screen(tab: &Tab, selector: &str) -> Res<(bool, String)> {
    eval(
        tab,
        &format!(
            "(() => {{ const e = document.querySelector({sel}); if (!e || !e.checkVisibility()) return [false, '']; const r = e.getBoundingClientRect(); const at = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2); return [r.top >= 0 && r.bottom <= innerHeight && !!at && (at === e || e.contains(at)), e.textContent]; }})()",
            sel = serde_json::to_string(selector)?
        ),
    )
}

/// The official's task (audit §1a), as clicks, checking what is on screen
/// after each: 北多摩南部, then 看取り (0 results: the count, the chips,
/// the heatmap's 0 and the way to the empty state are on screen), the
/// comparison with 北多摩北部, the CSV, the print header.
#[test]
fn explorer_officials_task() -> Res<()> {
    use headless_chrome::protocol::cdp::Browser as CdpBrowser;
    let Some(session) = Session::start("explorer_official", &page::render())? else {
        return Ok(());
    };
    let tab = session.tab.clone();
    set_width(&tab, 1280, 800, false)?;
    open(&tab, &session.url)?;
    let nanbu = Region::KitatamaNanbu;
    // 1. The area.
    js_click(
        &tab,
        &[
            "#f-areas summary",
            &format!("input[name=area][value={}]", nanbu.slug()),
        ],
    )?;
    let n = Query::new().region(nanbu).iter().count();
    let (seen, count) = on_screen(&tab, "#count")?;
    assert!(seen, "step 1: the count is not on screen");
    assert_eq!(count, format!("{n} 件（全 204 件中）"), "step 1");
    let (seen, chips) = on_screen(&tab, "#chips")?;
    assert!(
        seen && chips.contains("地域：北多摩南部"),
        "step 1: chips {chips:?}"
    );
    // 2. The category: nothing matches, and the screen says so.
    js_click(
        &tab,
        &["#f-cats summary", "input[name=cat][value=end-of-life-care]"],
    )?;
    let expected = Query::new()
        .region(nanbu)
        .category(Category::EndOfLifeCare)
        .iter()
        .count();
    assert_eq!(
        expected, 0,
        "the audit's finding: no 北多摩南部 opinion on 看取り"
    );
    let (seen, count) = on_screen(&tab, "#count")?;
    assert!(seen, "step 2: the count is not on screen");
    assert_eq!(count, "0 件（全 204 件中）", "step 2");
    let (seen, chips) = on_screen(&tab, "#chips")?;
    assert!(
        seen && chips.contains("地域：北多摩南部") && chips.contains("分類：看取り"),
        "step 2: chips {chips:?}"
    );
    let (seen, link) = on_screen(&tab, "#to-results")?;
    assert!(seen, "step 2: no way to the empty state on screen");
    assert_eq!(link, "0 件：条件の見直しへ ↓");
    // The heatmaps follow: every cell counts the filtered view.
    let cells: Vec<String> = eval(&tab, "[...document.querySelectorAll('.heatmap td a')].map(a => a.textContent).filter(t => t !== '0')")?;
    assert!(
        cells.is_empty(),
        "step 2: heatmap cells still count: {cells:?}"
    );
    js_click(&tab, &["#to-results"])?;
    std::thread::sleep(Duration::from_millis(200));
    let (focused, outline): (String, String) = eval(
        &tab,
        "[document.activeElement.id, getComputedStyle(document.activeElement).outlineStyle]",
    )?;
    assert_eq!(focused, "empty", "step 2: the empty state is focused");
    assert_ne!(
        outline, "none",
        "step 2: the focus on the empty state shows"
    );
    let (seen, said) = on_screen(&tab, "#empty")?;
    assert!(
        seen && said.contains("この条件に合う意見はありません"),
        "step 2: {said:?}"
    );
    // 3. Compared with 北多摩北部 (the next area, chosen by the page).
    js_click(&tab, &["#compare summary"])?;
    let (a, b): (String, String) = eval(
        &tab,
        "[document.querySelector('#cmp-a').value, document.querySelector('#cmp-b').value]",
    )?;
    assert_eq!(
        (a.as_str(), b.as_str()),
        (nanbu.slug(), Region::KitatamaHokubu.slug()),
        "step 3"
    );
    tab.evaluate(
        "document.querySelector('#cmp-out table thead').scrollIntoView({ block: 'center' }); 1",
        false,
    )?;
    std::thread::sleep(Duration::from_millis(200));
    let (seen, head) = on_screen(&tab, "#cmp-out table thead")?;
    assert!(
        seen && head.contains("北多摩南部") && head.contains("北多摩北部"),
        "step 3: {head:?}"
    );
    // 4. The CSV of the view: its notes and header, no rows.
    let downloads = session
        .dir
        .join(format!("downloads-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads)?;
    tab.call_method(CdpBrowser::SetDownloadBehavior {
        behavior: CdpBrowser::SetDownloadBehaviorBehaviorOption::Allow,
        browser_context_id: None,
        download_path: Some(downloads.canonicalize()?.display().to_string()),
        events_enabled: None,
    })?;
    js_click(&tab, &["#dl-csv"])?;
    let mut file = None;
    for _ in 0..100 {
        file = std::fs::read_dir(&downloads)?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "csv"));
        if file.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let file = file.ok_or("step 4: no CSV saved")?;
    let csv = std::fs::read_to_string(&file)?;
    assert!(
        csv.contains("北多摩南部") && csv.contains("看取り"),
        "step 4: the notes name the filter"
    );
    let rows = csv
        .lines()
        .skip_while(|l| !l.starts_with("\"id\","))
        .count();
    assert_eq!(rows, 1, "step 4: the header and no rows");
    let (seen, said) = on_screen(&tab, "#exports-out")?;
    assert!(seen && said == "保存しました", "step 4: {said:?}");
    let _ = std::fs::remove_dir_all(&downloads);
    // 5. Printed: the header says what is printed.
    tab.call_method(Emulation::SetEmulatedMedia {
        media: Some("print".into()),
        features: None,
    })?;
    let (head, filter, count): (bool, String, String) = eval(&tab, "[document.querySelector('#print-head').checkVisibility(), document.querySelector('#ph-filter').textContent, document.querySelector('#ph-count').textContent]")?;
    assert!(
        head && filter.contains("北多摩南部") && filter.contains("看取り"),
        "step 5: {filter:?}"
    );
    assert_eq!(count, "0 件（全 204 件中）", "step 5");
    tab.call_method(Emulation::SetEmulatedMedia {
        media: Some(String::new()),
        features: None,
    })?;
    println!("official's task: 5 steps, each on screen");
    session.finish()
}

/// The researcher's task (audit §1b) on a phone, in an English browser:
/// the page opens in English; "nurse" finds every record whose English has
/// a form of the word (nurse, nurses, nursing: the stemming, which
/// the crate's `search_en` shares); a point's tag, then the point, filter
/// to its records; each step checked on screen.
#[test]
#[ignore = "needs English word forms (issue #34: `nurse` must find `nursing`), not built yet; run with --ignored"]
fn explorer_researchers_task() -> Res<()> {
    let Some(session) = Session::start_in("explorer_researcher", &page::render(), "en-US,en")?
    else {
        return Ok(());
    };
    let tab = session.tab.clone();
    set_width(&tab, 375, 800, true)?;
    // 1. Opened without a language in the link: the browser's.
    open(&tab, &session.url)?;
    let (lang, pressed): (String, String) = eval(&tab, "[document.documentElement.lang, document.querySelector('#lang').getAttribute('aria-pressed')]")?;
    assert_eq!(
        (lang.as_str(), pressed.as_str()),
        ("en", "true"),
        "step 1: an English browser gets English"
    );
    let (seen, count) = on_screen(&tab, "#count")?;
    assert!(seen, "step 1: the count is not on screen");
    assert_eq!(count, "204 of 204 records");
    // 2. "nurse": every record with a form of the word.
    type_into(&tab, "#q", "nurse")?;
    let forms = ["nurse", "nurses", "nursing", "nursed"];
    let expected: Vec<String> = Query::new()
        .iter()
        .filter(|r| {
            r.text_en()
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| forms.contains(&w))
        })
        .map(|r| r.id().to_string())
        .collect();
    assert!(
        expected.len() >= 20,
        "{} records with a form of nurse",
        expected.len()
    );
    let shown = view(&tab)?;
    let (seen, count) = on_screen(&tab, "#count")?;
    assert!(seen, "step 2: the count is not on screen");
    assert_eq!(
        shown.ids, expected,
        "step 2: \"nurse\" finds every record with nurse, nurses or nursing"
    );
    assert_eq!(count, format!("{} of 204 records", expected.len()));
    // 3. A point: the first result's first point tag, then its button.
    js_click(&tab, &["#reset"])?;
    let point: String = eval(&tab, "(() => { const a = document.querySelector('article.rec a.tag'); a.click(); return a.getAttribute('href').slice('#point-'.length); })()")?;
    std::thread::sleep(Duration::from_millis(200));
    let (seen, _) = on_screen(&tab, &format!("button.point[data-p=\"{point}\"]"))?;
    assert!(
        seen,
        "step 3: the point {point} is not on screen after its tag"
    );
    js_click(&tab, &[&format!("button.point[data-p=\"{point}\"]")])?;
    let p = Point::from_id(&point).ok_or("unknown point")?;
    let with: Vec<String> = ids(Query::new()
        .iter()
        .filter(|r| r.points().any(|q| q.id() == p.id())));
    assert_eq!(view(&tab)?.ids, with, "step 3: point {point}");
    let (seen, count) = on_screen(&tab, "#count")?;
    assert!(seen, "step 3: the count is not on screen");
    assert_eq!(count, format!("{} of 204 records", with.len()));
    let (seen, chips) = on_screen(&tab, "#chips")?;
    assert!(seen && chips.contains("Point:"), "step 3: chips {chips:?}");
    println!(
        "researcher's task: English at first, \"nurse\" → {} records, point {point} → {}",
        expected.len(),
        with.len()
    );
    session.finish()
}
