//! The explorer's browser tests' driver, shared by `tests/explorer_*.rs`
//! (each mounts it with `#[path]`): the system's Chromium started headless
//! on the page, driven over the DevTools protocol by `headless_chrome`
//! (nothing is downloaded), with every console warning or error, uncaught
//! exception or log error collected as a failure.
//!
//! Set `CHROMIUM` to the browser's path if it is not on `PATH` as
//! `chromium`, `chromium-browser` or `google-chrome`. Without a browser a
//! test prints that it was skipped and passes, unless
//! `ZAITAKU_REQUIRE_BROWSER=1` (set by CI) makes that a failure.

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Log, Page, Runtime};
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde::de::DeserializeOwned;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The system's Chromium: `$CHROMIUM`, else the first of the usual names on
/// `PATH`.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|p| p.is_file())
}

/// A browser with one tab, and the page written where it can open it.
pub struct Session {
    pub browser: Browser,
    pub tab: Arc<Tab>,
    /// The page's `file://` URL.
    pub url: String,
    /// The test's own directory under `target/tmp`.
    pub dir: PathBuf,
    profile: PathBuf,
    problems: Arc<Mutex<Vec<String>>>,
}

impl Session {
    /// Writes `html` to `target/tmp/NAME/explorer.html` and opens Chromium
    /// on a blank tab at 1280×900; `None` (the test skipped) when there is
    /// no browser and none is required.
    pub fn start(name: &str, html: &str) -> Res<Option<Session>> {
        Self::start_in(name, html, "ja")
    }

    /// [`Session::start`] with a browser whose languages
    /// (`navigator.languages`, `Accept-Language`) are `langs`, such as
    /// `"en-US,en"`.
    pub fn start_in(name: &str, html: &str, langs: &str) -> Res<Option<Session>> {
        let Some(browser_path) = chromium() else {
            if std::env::var("ZAITAKU_REQUIRE_BROWSER").as_deref() == Ok("1") {
                panic!("ZAITAKU_REQUIRE_BROWSER=1 but no Chromium was found (set CHROMIUM or install chromium)");
            }
            eprintln!(
                "{name}: SKIPPED, no Chromium found (install chromium or set CHROMIUM=/path/to/it; \
                 ZAITAKU_REQUIRE_BROWSER=1 makes this a failure)"
            );
            return Ok(None);
        };

        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let profile = dir.join(format!("profile-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile)?;
        let page = dir.join("explorer.html");
        std::fs::write(&page, html)?;
        let url = format!("file://{}", page.canonicalize()?.display());

        let lang = format!("--lang={}", langs.split(',').next().unwrap_or("ja"));
        let accept = format!("--accept-lang={langs}");
        let flags = [
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            lang.as_str(),
            accept.as_str(),
        ];
        let args: Vec<&OsStr> = flags.iter().map(OsStr::new).collect();
        let browser = Browser::new(LaunchOptions {
            headless: true,
            sandbox: false,
            path: Some(browser_path),
            user_data_dir: Some(profile.clone()),
            window_size: Some((1280, 900)),
            args,
            idle_browser_timeout: Duration::from_secs(120),
            ..LaunchOptions::default()
        })?;
        let tab = browser.new_tab()?;
        tab.set_default_timeout(Duration::from_secs(20));

        // Every console message of level warning or error, and every
        // uncaught exception, is a failure.
        let problems = Arc::new(Mutex::new(Vec::<String>::new()));
        let sink = Arc::clone(&problems);
        tab.add_event_listener(Arc::new(move |event: &Event| {
            if let Some(p) = problem(event) {
                sink.lock().unwrap().push(p);
            }
        }))?;
        tab.enable_log()?;
        tab.enable_runtime()?;
        // headless_chrome's reader thread waits up to 100 ms for a message
        // before it lets a command out, so each command would take ~100 ms
        // and a test half a minute. A steady trickle of events keeps it
        // reading: a console.debug tick every 5 ms, run in an isolated world
        // (as an extension's content script is), so the page's own script
        // and its context are untouched. Debug messages are not failures.
        tab.call_method(Page::AddScriptToEvaluateOnNewDocument {
            source: "setInterval(() => console.debug('driver tick'), 5)".into(),
            world_name: Some("driver-tick".into()),
            include_command_line_api: None,
            run_immediately: None,
        })?;
        Ok(Some(Session {
            browser,
            tab,
            url,
            dir,
            profile,
            problems,
        }))
    }

    /// What the browser reported so far (console warnings and errors,
    /// uncaught exceptions, log errors), for a test that expects some and
    /// takes them out before [`Session::finish`] fails on the rest.
    pub fn problems(&self) -> &Mutex<Vec<String>> {
        &self.problems
    }

    /// Fails if the browser reported a problem; closes it.
    pub fn finish(self) -> Res<()> {
        let problems = self.problems.lock().unwrap().clone();
        assert!(
            problems.is_empty(),
            "the browser reported:\n{}",
            problems.join("\n")
        );
        drop(self.tab);
        drop(self.browser);
        let _ = std::fs::remove_dir_all(&self.profile);
        Ok(())
    }
}

/// A console warning or error, an uncaught exception or a log error, as
/// text; `None` for any other event.
fn problem(event: &Event) -> Option<String> {
    match event {
        Event::RuntimeExceptionThrown(e) => {
            let d = &e.params.exception_details;
            let what = d
                .exception
                .as_ref()
                .and_then(|x| x.description.clone())
                .unwrap_or_else(|| d.text.clone());
            Some(format!(
                "uncaught exception at {}:{}: {what}",
                d.line_number, d.column_number
            ))
        }
        Event::RuntimeConsoleAPICalled(e) => {
            use Runtime::ConsoleAPICalledEventTypeOption as T;
            matches!(e.params.Type, T::Error | T::Warning | T::Assert).then(|| {
                let args: Vec<String> = e
                    .params
                    .args
                    .iter()
                    .map(|a| {
                        a.value
                            .as_ref()
                            .map_or_else(|| format!("{:?}", a.description), |v| v.to_string())
                    })
                    .collect();
                format!("console.{:?}: {}", e.params.Type, args.join(" "))
            })
        }
        Event::LogEntryAdded(e) => {
            use Log::LogEntryLevel as L;
            matches!(e.params.entry.level, L::Error | L::Warning)
                .then(|| format!("log {:?}: {}", e.params.entry.level, e.params.entry.text))
        }
        _ => None,
    }
}

/// Evaluates `expr` in the page and reads its value through JSON.
pub fn eval<T: DeserializeOwned>(tab: &Tab, expr: &str) -> Res<T> {
    let js = format!("JSON.stringify((() => {{ return ({expr}); }})())");
    let value = tab.evaluate(&js, false)?.value.ok_or("no value")?;
    let text = value.as_str().ok_or("not a string")?;
    Ok(serde_json::from_str(text)?)
}

/// Opens `url` (the page, with a view after `#`) as a new document and
/// waits for the script to have started.
pub fn open(tab: &Tab, url: &str) -> Res<()> {
    // A new query string each time makes it a new document, so that a URL
    // differing from the current one only after `#` still loads the page
    // anew (the page ignores the query string).
    static LOADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = LOADS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let (base, hash) = url.split_once('#').map_or((url, ""), |(b, h)| (b, h));
    let base = base.split_once('?').map_or(base, |(b, _)| b);
    let url = if hash.is_empty() {
        format!("{base}?load={n}")
    } else {
        format!("{base}?load={n}#{hash}")
    };
    tab.navigate_to(&url)?.wait_until_navigated()?;
    // The script marks the page ready when it has started.
    tab.wait_for_element("html[data-ready]")?;
    Ok(())
}

/// Clicks each element in the page's own script (one round trip).
pub fn js_click(tab: &Tab, selectors: &[&str]) -> Res<()> {
    let list = serde_json::to_string(selectors)?;
    let missing: Vec<String> = eval(
        tab,
        &format!("{list}.filter(s => {{ const e = document.querySelector(s); if (e) e.click(); return !e; }})"),
    )?;
    assert!(missing.is_empty(), "no element for {missing:?}");
    Ok(())
}
