//! The explorer page as `cargo run -p zaitaku_tools --bin explorer` writes it, checked
//! without a browser: its size, that it can fetch nothing, that every record
//! is in its HTML as text in document order with the crate's cross-links,
//! and that it names its source and marks, with two different marks, what
//! the crate's program matched and what its authors read into it.
//! (`tests/explorer_browser.rs` drives it in Chromium.)

use zaitaku_opinions::{key_opinions, opinions, Query, Record, SOURCE_SHA256};
use zaitaku_tools::explorer::page;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The HTML of the record with this id: from its `<article` to `</article>`.
fn article<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<article class=\"rec\" id=\"{id}\""))
        .unwrap_or_else(|| panic!("no article for {id}"));
    let end = html[start..].find("</article>").expect("unclosed article") + start;
    &html[start..end]
}

#[test]
fn page_is_small_and_self_contained() {
    let html = page::render();
    assert!(html.len() <= page::MAX_BYTES, "{} bytes", html.len());
    assert!(html.len() <= 450 * 1024);
    // The browser is told to fetch nothing at all …
    // … runs only its own script: the CSP names it by its hash (no
    // 'unsafe-inline' for scripts), and the hash is that of the script the
    // page holds, computed here independently of page.rs.
    let start = html.find("<script>\n").expect("no script") + "<script>".len();
    let end = html[start..].find("</script>").expect("unclosed script") + start;
    let digest = <sha2::Sha256 as sha2::Digest>::digest(&html.as_bytes()[start..end]);
    let b64 = std::process::Command::new("base64")
        .arg("-w0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().expect("stdin").write_all(&digest)?;
            child.wait_with_output()
        });
    let b64 = b64.expect("coreutils' base64");
    let expected_hash = format!("'sha256-{}'", String::from_utf8_lossy(&b64.stdout).trim());
    assert_eq!(expected_hash, page::script_hash(&html[start + 1..end - 1]));
    assert!(html.contains(&format!(
        "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src {expected_hash}; img-src data:; base-uri 'none'; form-action 'none'\""
    )), "the CSP does not name the script's hash {expected_hash}");
    assert!(!html[..start].contains("script-src 'unsafe-inline'"));
    // … and nothing asks it to.
    let lower = html.to_ascii_lowercase();
    for needle in [
        "src=",
        "<link",
        "url(",
        "@import",
        "http://",
        "https://",
        "//cdn",
        "fetch(",
        "xmlhttprequest",
        "websocket",
        "eventsource",
        "sendbeacon",
        "import(",
        "<iframe",
        "<img",
        "<object",
        "<embed",
    ] {
        assert!(!lower.contains(needle), "the page contains {needle:?}");
    }
    assert_eq!(
        html.matches("<script").count(),
        2,
        "one data block, one script"
    );
}

#[test]
fn every_record_is_in_the_html_in_document_order() {
    let html = page::render();
    let expected: Vec<String> = Query::new().iter().map(|r| r.id().to_string()).collect();
    assert_eq!(expected.len(), opinions().len() + key_opinions().len());
    assert_eq!(expected.len(), 204);
    let mut at = 0;
    for id in &expected {
        // Ids are the crate's, as its lookups read them.
        assert!(
            zaitaku_opinions::opinion(id).is_some() || zaitaku_opinions::key_opinion(id).is_some(),
            "{id}"
        );
        let tag = format!("<article class=\"rec\" id=\"{id}\"");
        let pos = html[at..]
            .find(&tag)
            .unwrap_or_else(|| panic!("{id} missing or out of order"))
            + at;
        at = pos + tag.len();
    }
    assert_eq!(html.matches("<article class=\"rec\"").count(), 204);
    for r in Query::new().iter() {
        let a = article(&html, &r.id().to_string());
        assert!(
            a.contains(&format!(
                "<p class=\"text\" lang=\"ja\">{}</p>",
                esc(r.text())
            )),
            "the text of {} is not in its article",
            r.id()
        );
        let kind = match r {
            Record::Key(_) => "key",
            _ => "area",
        };
        assert!(a.contains(&format!("data-k=\"{kind}\"")));
        assert!(a.contains(&format!("data-t=\"{}\"", r.theme().number())));
        assert!(a.contains(&format!("data-c=\"{}\"", r.category().slug())));
    }
}

#[test]
fn cross_links_are_the_crates_and_marked_as_the_programs() {
    let html = page::render();
    for k in key_opinions() {
        let a = article(&html, &k.id().to_string());
        let links = &a[a.find("<p class=\"links\">").expect("no links")..];
        assert!(
            links.contains("<span class=\"tr mp\">機械照合</span>"),
            "{} links not marked as the program's matching",
            k.id()
        );
        let mut at = 0;
        for o in k.taken_from() {
            let href = format!("href=\"#{}\"", o.id());
            at += links[at..]
                .find(&href)
                .unwrap_or_else(|| panic!("{}: no {href}", k.id()));
        }
    }
    for o in opinions() {
        let a = article(&html, &o.id().to_string());
        for k in o.key_opinions() {
            assert!(
                a.contains(&format!("href=\"#{}\"", k.id())),
                "{} → {}",
                o.id(),
                k.id()
            );
        }
        for s in o.similar() {
            assert!(a.contains(&format!("href=\"#{}\"", s.opinion().id())));
        }
    }
}

#[test]
fn page_names_its_source_and_what_is_derived() {
    let html = page::render();
    assert!(html.contains("<html lang=\"ja\">"));
    assert!(html.contains("東京都「資料３－２」"));
    assert!(html.contains(SOURCE_SHA256));
    assert!(html.contains(&format!("zaitaku_opinions {}", env!("CARGO_PKG_VERSION"))));
    // Each key-opinion group heading carries the program's mark; the points
    // and each record's points, the authors' reading.
    for part in html.split("<section class=\"group\"").skip(1) {
        let heading = &part[..part.find("</h4>").expect("no group heading")];
        assert!(heading.contains("機械照合</span>"), "{heading}");
        assert!(!heading.contains("著者の読み"), "{heading}");
    }
    assert_eq!(html.matches("<section class=\"group\"").count(), 16);
    let points = &html[html.find("<section id=\"points\"").expect("no points view")..];
    assert!(points[..points.find("</h2>").expect("no heading")].contains("著者の読み</span>"));
    for r in Query::new().iter().filter(|r| r.points().next().is_some()) {
        let a = article(&html, &r.id().to_string());
        assert!(
            a.contains("著者の読み</span>"),
            "{}: points not marked",
            r.id()
        );
    }
}
