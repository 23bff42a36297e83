// The explorer's script. It works on the records pre-rendered in the HTML
// (their text is read from the page, never repeated here) and fetches
// nothing. It adds: search with the crate's matching rules, filters, the
// whole view state in the URL (after `#`), permalinks, the heatmap cells as
// filters, the points view, the municipality box and the language toggle.
(function () {
  'use strict';
  // How long the script takes to start, to follow a link and to search,
  // for the browser's performance tools (and the browser test): the
  // `zaitaku-start-up`, `zaitaku-hashchange` and `zaitaku-search` measures.
  performance.mark('zaitaku-start');

  const DATA = JSON.parse(document.getElementById('data').textContent);
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

  // --- text comparison: the crate's rules ---------------------------------
  // NFKC, then ASCII lower case (only A-Z: other letters keep their case).
  const norm = (s) => s.normalize('NFKC').replace(/[A-Z]+/g, (m) => m.toLowerCase());
  // Rust's `char::is_whitespace` (Unicode White_Space), which splits terms.
  const WHITE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  // The length of a string in UTF-8 bytes, as the crate measures it.
  function utf8Length(s) {
    let n = 0;
    for (let i = 0; i < s.length; i += 1) {
      const c = s.charCodeAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
    }
    return n;
  }

  // A text cut into pieces that normalise independently (a base character
  // with the marks that combine with it, such as ﾄ + ﾞ), so that a match in
  // the normalised text maps back to whole original characters.
  function segments(text) {
    const segs = [];
    let cur = null;
    let at = 0;
    for (const ch of text) {
      const n = norm(ch);
      if (cur !== null) {
        const joined = norm(cur.s + ch);
        if (joined === cur.n + n) {
          segs.push(cur);
          cur = { start: at, s: ch, n: n };
        } else {
          cur.s += ch;
          cur.n = joined;
        }
      } else {
        cur = { start: at, s: ch, n: n };
      }
      at += ch.length;
    }
    if (cur !== null) segs.push(cur);
    let n = 0;
    for (const seg of segs) {
      seg.end = seg.start + seg.s.length;
      seg.nstart = n;
      n += seg.n.length;
      seg.nend = n;
    }
    return segs;
  }

  // The segment holding normalised offset `x`.
  function segAt(segs, x) {
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].nend <= x) lo = mid + 1;
      else hi = mid;
    }
    return segs[lo];
  }

  // --- the records ---------------------------------------------------------
  // Each record has its Japanese text and, in English mode, its English
  // text (this crate's translation) to search and highlight: a "field" is
  // one of them, with its comparison form.
  // Japanese script and full-width punctuation (page.rs's `is_japanese`).
  const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9f]+/g;
  const lowerAscii = (s) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  function field(el, ja) {
    if (!el) return null;
    const text = el.textContent;
    // The English is its own NFKC form and lowering A-Z keeps offsets, so
    // its matches are its own ranges; the Japanese needs `segments`.
    return { el: el, text: text, norm: ja ? norm(text) : lowerAscii(text), ja: ja, segs: ja ? undefined : null, painted: false };
  }
  const records = $$('article.rec').map((el) => ({
    el: el,
    id: el.id,
    t: el.dataset.t,
    k: el.dataset.k,
    c: el.dataset.c,
    r: el.dataset.r.split(' ').filter(Boolean),
    // Its points, from the links to them (`#point-ID`).
    p: $$('a.tag', el).map((a) => a.getAttribute('href').slice('#point-'.length)),
    ja: field($('.text', el), true),
    en: field($('.text-en', el), false),
  }));

  // --- the crate's limits on a search ----------------------------------------
  // `Query::text`, term for term: the text is split at white space as typed;
  // a word of more than 1 KiB (UTF-8) cannot match and is not normalised;
  // other words are normalised and split again; a term that repeats an
  // earlier one adds nothing; a term longer than the longest record text
  // matches nothing; after `MAX_TERMS` distinct terms the rest is not read.
  const MAX_TERMS = 32;
  const LONGEST_WORD = 1024;
  const LONGEST_TEXT = records.reduce((m, rec) => Math.max(m, utf8Length(rec.ja.norm), rec.en ? utf8Length(rec.en.norm) : 0), 0);
  // The search box keeps this many characters (UTF-16 units), in the box
  // and in a link: room for `MAX_TERMS` words of 1 KiB, a space apart,
  // which is more than any search that can match needs.
  const INPUT_CAP = MAX_TERMS * (LONGEST_WORD + 1);
  const MUNI_CAP = 200;

  // The first `n` UTF-16 units of `s`, not ending inside a surrogate pair.
  function cap(s, n) {
    if (s.length <= n) return s;
    const c = s.charCodeAt(n - 1);
    return s.slice(0, c >= 0xd800 && c < 0xdc00 ? n - 1 : n);
  }

  // The terms of search text `text`, as `Query::text` reads them:
  // `{ terms, none, full }`: the distinct terms in comparison form; whether
  // nothing can match (a word of more than 1 KiB or a term longer than any
  // record); whether the term limit cut the text.
  function searchTerms(text, normalize) {
    const terms = [];
    let none = false;
    let full = false;
    let previous = '';
    const closed = () => none || terms.length >= MAX_TERMS;
    const add = (t) => {
      if (t.length === 0 || closed() || terms.includes(t)) return;
      if (utf8Length(t) > LONGEST_TEXT) none = true;
      else terms.push(t);
    };
    const words = new RegExp(WHITE.source, 'g');
    let at = 0;
    while (!closed() && at <= text.length) {
      const m = words.exec(text);
      const end = m ? m.index : text.length;
      const word = text.slice(at, end);
      at = m ? words.lastIndex : text.length + 1;
      if (word.length === 0 || word === previous) continue;
      previous = word;
      if (utf8Length(word) > LONGEST_WORD) add(word);
      else for (const t of normalize(word).split(WHITE)) add(t);
    }
    if (!none && terms.length >= MAX_TERMS && at <= text.length && text.slice(at).trim()) full = true;
    return { terms: terms, none: none, full: full };
  }

  // The original ranges (UTF-16 offsets) of every term's matches in a
  // field: every non-overlapping occurrence of each term from the left,
  // sorted, overlaps merged (as the crate's `Hit::ranges`); `null` when some
  // term does not match.
  function matchRanges(f, terms) {
    const found = [];
    for (const t of terms) {
      let at = f.norm.indexOf(t);
      if (at < 0) return null;
      while (at >= 0) {
        found.push([at, at + t.length]);
        at = f.norm.indexOf(t, at + t.length);
      }
    }
    if (f.segs === undefined) {
      // Highlighting needs the pieces to add up to the whole.
      const segs = segments(f.text);
      f.segs = segs.map((x) => x.n).join('') === f.norm ? segs : false;
    }
    if (f.segs === false) return [];
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out = [];
    for (const [s, e] of found) {
      const start = f.segs ? segAt(f.segs, s).start : s;
      const end = f.segs ? segAt(f.segs, e - 1).end : e;
      const last = out[out.length - 1];
      if (last && start < last[1]) last[1] = Math.max(last[1], end);
      else out.push([start, end]);
    }
    return out;
  }

  // Appends text to `to`; in an English field, Japanese runs go into
  // `<span lang="ja">`, as the page writes them.
  function put(to, text, ja) {
    if (ja) {
      to.append(text);
      return;
    }
    let at = 0;
    for (const m of text.matchAll(CJK)) {
      if (m.index > at) to.append(text.slice(at, m.index));
      const span = document.createElement('span');
      span.lang = 'ja';
      span.textContent = m[0];
      to.append(span);
      at = m.index + m[0].length;
    }
    if (at < text.length) to.append(text.slice(at));
  }

  function paint(f, ranges) {
    if (!f) return;
    if (!ranges || ranges.length === 0) {
      if (f.painted) {
        const frag = document.createDocumentFragment();
        put(frag, f.text, f.ja);
        f.el.replaceChildren(frag);
        f.painted = false;
      }
      return;
    }
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [s, e] of ranges) {
      if (s > at) put(frag, f.text.slice(at, s), f.ja);
      const m = document.createElement('mark');
      put(m, f.text.slice(s, e), f.ja);
      frag.append(m);
      at = e;
    }
    if (at < f.text.length) put(frag, f.text.slice(at), f.ja);
    f.el.replaceChildren(frag);
    f.painted = true;
  }

  // --- interface strings ---------------------------------------------------
  const UI = {
    ja: {
      count: (n, all) => `${n} 件（全 ${all} 件中）`,
      muniHit: (m, r) => `${m} → ${r}`,
      muniMiss: '見つかりません',
      title: '在宅療養に関する地域の意見（東京都「資料３－２」）',
      none: 'この条件に合う意見はありません。条件：',
      clear: '条件をすべて解除',
      remove: (f) => `条件を外す：${f}`,
      searches: '検索窓は、資料の日本語の本文を探します（英訳は探しません）。論点や分類からも探せます：',
      allPoints: (n) => `論点の一覧（${n} 件）↓`,
      toResults: (n) => `${n} 件の結果へ ↓`,
      unknown: (v) => `リンクの値が不明なため無視しました：${v}`,
      more: (n) => ` ほか ${n} 件`,
      noResults: '0 件：条件の見直しへ ↓',
    },
    en: {
      count: (n, all) => `${n} of ${all} records`,
      muniHit: (m, r) => `${m} → ${r}`,
      muniMiss: 'not found',
      title: 'Opinions of Tokyo\'s areas on home medical care (Tokyo Metropolitan Government, 資料３－２)',
      none: 'No record matches these filters:',
      clear: 'Clear all filters',
      remove: (f) => `Remove filter: ${f}`,
      searches: 'In English, the search box searches this crate\'s English translation of each record, not the Japanese text. You can also look by point or by category:',
      allPoints: (n) => `All ${n} points ↓`,
      toResults: (n) => `${n} results ↓`,
      unknown: (v) => `Ignored unknown link values: ${v}`,
      more: (n) => ` and ${n} more`,
      noResults: 'No results: what to try ↓',
    },
  };
  const regionBySlug = new Map(DATA.regions.map((r) => [r.slug, r]));
  const regionByToken = new Map(DATA.regions.map((r) => [r.token, r]));
  const catBySlug = new Map(DATA.cats.map((c) => [c.slug, c]));
  const pointById = new Map(DATA.points.map((p) => [p.id, p]));

  // Sets an element's text; in English, the Japanese in it is marked
  // `lang="ja"`, so that it is read (and drawn) as Japanese.
  const HAS_CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9f]/;
  function setText(el, text) {
    if (state.lang !== 'en' || !HAS_CJK.test(text)) {
      el.textContent = text;
      return;
    }
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const m of text.matchAll(CJK)) {
      if (m.index > at) frag.append(text.slice(at, m.index));
      const span = document.createElement('span');
      span.lang = 'ja';
      span.textContent = m[0];
      frag.append(span);
      at = m.index + m[0].length;
    }
    if (at < text.length) frag.append(text.slice(at));
    el.replaceChildren(frag);
  }
  const make = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) setText(e, text);
    return e;
  };
  // A heatmap cell links to its block, `#t1-kuchuobu--medical-resources`:
  // the theme, the area and the category it counts.
  function cellOf(a) {
    const m = /^#t([12])-([a-z]+)--([a-z0-9-]+)$/.exec(a.getAttribute('href'));
    const r = m && regionByToken.get(m[2]);
    return r ? { t: m[1], r: r.slug, c: m[3] } : null;
  }
  const cells = $$('.heatmap td a')
    .map((a) => ({ a: a, cell: cellOf(a) }))
    .filter((x) => x.cell);

  // --- the view state, mirrored in the URL after `#` ------------------------
  const state = {
    q: '',
    theme: '',
    kind: '',
    area: new Set(),
    cat: new Set(),
    point: new Set(),
    muni: '',
    lang: 'ja',
  };
  const SETS = ['area', 'cat', 'point'];
  // A link without a language opens in the browser's (ja or en).
  const BROWSER_LANG = (() => {
    const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (const l of langs) {
      const primary = String(l).toLowerCase().split('-')[0];
      if (primary === 'ja' || primary === 'en') return primary;
    }
    return 'ja';
  })();

  function clearFilters() {
    state.q = '';
    state.theme = '';
    state.kind = '';
    state.muni = '';
    for (const k of SETS) state[k] = new Set();
  }

  function encode() {
    const p = new URLSearchParams();
    if (state.q) p.set('q', linkText(state.q));
    if (state.theme) p.set('theme', state.theme);
    if (state.kind) p.set('kind', state.kind);
    for (const k of SETS) if (state[k].size) p.set(k, Array.from(state[k]).join(','));
    if (state.muni) p.set('muni', state.muni);
    // Unless Japanese everywhere.
    if (state.lang !== 'ja' || BROWSER_LANG !== 'ja') p.set('lang', state.lang);
    return p.toString();
  }

  // The comparison form of a search term, in either language (the crate's
  // `Query::text` and `Query::text_en` read terms alike; they differ in the
  // text they search).
  const searchNorm = () => norm;

  // The search text a link carries: as typed, or, when that is long (a
  // paste), the terms the search uses, which find the same records and keep
  // the URL short (a long URL slows the whole browser down).
  const LINK_TEXT = 2048;
  function linkText(text) {
    if (text.length <= LINK_TEXT) return text;
    const s = searchTerms(text, searchNorm());
    return s.none ? cap(text, LINK_TEXT) : s.terms.join(' ');
  }

  // The parameters of a link, each value cut before it is decoded to what
  // can decode to `INPUT_CAP` characters (an escape is at most 9 characters
  // for one), so that a 2 MB link costs no more than a short one.
  function params(hash) {
    const out = new URLSearchParams();
    for (const pair of hash.split('&')) {
      for (const [k, v] of new URLSearchParams(pair.slice(0, 9 * INPUT_CAP + 32))) out.append(k, v);
    }
    return out;
  }

  function decode(hash) {
    const p = params(hash);
    clearFilters();
    state.q = cap(p.get('q') || '', INPUT_CAP);
    state.theme = /^[12]$/.test(p.get('theme') || '') ? p.get('theme') : '';
    state.kind = /^(key|area)$/.test(p.get('kind') || '') ? p.get('kind') : '';
    // Values the page does not know are left out, and said.
    unknown = [];
    const known = { area: regionBySlug, cat: catBySlug, point: pointById };
    for (const k of SETS) {
      state[k] = new Set();
      for (const v of (p.get(k) || '').split(',').filter(Boolean)) {
        if (known[k].has(v)) state[k].add(v);
        else unknown.push(`${k}=${cap(v, 64)}`);
      }
    }
    for (const k of ['theme', 'kind']) {
      if (p.get(k) && !state[k]) unknown.push(`${k}=${cap(p.get(k), 64)}`);
    }
    state.muni = cap(p.get('muni') || '', MUNI_CAP);
    // A municipality alone filters by its area.
    const m = state.muni.trim() ? findMunicipality(state.muni) : null;
    if (m && state.area.size === 0) state.area = new Set([m.region]);
    const lang = p.get('lang');
    state.lang = lang === 'en' || lang === 'ja' ? lang : BROWSER_LANG;
  }
  let unknown = [];

  // Writes the view into the URL: a new history entry for a change the
  // user made (so that Back undoes it), the same entry otherwise (the page
  // rewriting a link, each keystroke after the first of a search).
  let written = null;
  function save(push) {
    let h = encode();
    if (current) h = h ? `${h}&id=${encodeURIComponent(current)}` : encodeURIComponent(current);
    if (h === written && location.hash.slice(1) === h) return;
    written = h;
    const url = location.pathname + location.search + (h ? '#' + h : '');
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  // The record a followed link points at, kept in the URL with the view.
  let current = '';


  // --- the current view: the one entry point for other scripts ---------------
  // `window.zaitakuView()` returns what the page shows now, as plain data
  // (a fresh object each call; changing it changes nothing):
  //   ids      the ids of the records shown, in document order (the crate's
  //            `Query::iter` order), e.g. ['t1-key-01-01', 't1-kuchuobu-03']
  //   count, total   how many are shown, of how many
  //   lang     'ja' or 'en': the page's language
  //   filters  { q, theme, kind, area, cat, point, muni }: the search text
  //            as in the box; theme '' | '1' | '2'; kind '' | 'key' | 'area';
  //            area: Region slugs, cat: Category slugs, point: Point ids
  //            (arrays, in the order chosen); muni: the municipality box's
  //            text ('' when empty)
  //   active   one entry per active filter value, in the order above:
  //            { name, value, ja, en }, e.g. { name: 'area', value:
  //            'ku-seinanbu', ja: '地域：区西南部', en: 'Area: Ku-Seinanbu (区西南部)' }
  //   description  { ja, en }: the filters in words ('絞り込みなし' /
  //            'no filter' when there is none), e.g. '地域：区西南部；検索：退院'
  //   hash     the URL fragment (without '#') that reopens this view
  // After every change of the view (a filter, the search, the language) the
  // page dispatches `zaitaku:view` on `document` (no detail: call
  // `zaitakuView()`).
  function activeFilters() {
    const out = [];
    const add = (name, value, ja, en) => out.push({ name: name, value: value, ja: ja, en: en });
    if (state.q.trim()) add('q', state.q, `検索：${state.q}`, `Search: ${state.q}`);
    if (state.theme) add('theme', state.theme, `テーマ${state.theme === '1' ? '①' : '②'}`, `Theme ${state.theme}`);
    if (state.kind === 'key') add('kind', 'key', '主な意見のみ', 'Key opinions only');
    if (state.kind === 'area') add('kind', 'area', '地域の意見のみ', 'Area opinions only');
    for (const v of state.area) {
      const r = regionBySlug.get(v);
      add('area', v, `地域：${r ? r.ja : v}`, `Area: ${r ? `${r.en} (${r.ja})` : v}`);
    }
    for (const v of state.cat) {
      const c = catBySlug.get(v);
      add('cat', v, `分類：${c ? c.ja : v}`, `Category: ${c ? c.en : v}`);
    }
    for (const v of state.point) {
      const p = pointById.get(v);
      add('point', v, `論点：${p ? p.ja : v}`, `Point: ${p ? p.en : v}`);
    }
    if (state.muni.trim()) add('muni', state.muni, `区市町村：${state.muni}`, `Municipality: ${state.muni}`);
    return out;
  }

  function currentView() {
    const ids = records.filter((rec) => !rec.el.hidden).map((rec) => rec.id);
    const active = activeFilters();
    return {
      ids: ids,
      count: ids.length,
      total: records.length,
      lang: state.lang,
      filters: {
        q: state.q,
        theme: state.theme,
        kind: state.kind,
        area: Array.from(state.area),
        cat: Array.from(state.cat),
        point: Array.from(state.point),
        muni: state.muni,
      },
      active: active,
      description: {
        ja: active.length ? active.map((f) => f.ja).join('；') : '絞り込みなし',
        en: active.length ? active.map((f) => f.en).join('; ') : 'no filter',
      },
      hash: encode(),
    };
  }
  window.zaitakuView = currentView;
  const viewChanged = () => document.dispatchEvent(new Event('zaitaku:view'));

  // --- chips, the empty state ---------------------------------------------
  // Each active filter as a button that removes it.
  function removeFilter(f) {
    if (f.name === 'q') state.q = '';
    else if (f.name === 'theme' || f.name === 'kind' || f.name === 'muni') state[f.name] = '';
    else state[f.name].delete(f.value);
    if (f.name === 'muni') state.area = new Set();
    commit();
  }
  function chipList() {
    const ul = make('ul', undefined, 'chips');
    const en = state.lang === 'en';
    for (const f of activeFilters()) {
      const li = document.createElement('li');
      const b = make('button', `${en ? f.en : f.ja} ×`);
      b.type = 'button';
      b.setAttribute('aria-label', UI[state.lang].remove(en ? f.en : f.ja));
      b.addEventListener('click', () => {
        removeFilter(f);
        q.focus();
      });
      li.append(b);
      ul.append(li);
    }
    return ul;
  }
  function clearButton() {
    const b = make('button', UI[state.lang].clear);
    b.type = 'button';
    b.addEventListener('click', () => {
      clearFilters();
      commit();
      q.focus();
    });
    return b;
  }
  function renderChips() {
    const box = $('#chips');
    if (box) box.replaceChildren(chipList());
  }
  const empty = $('#empty');
  function renderEmpty(shown, terms) {
    empty.hidden = shown > 0;
    if (shown > 0) {
      if (empty.firstChild) empty.replaceChildren();
      return;
    }
    const ui = UI[state.lang];
    const en = state.lang === 'en';
    const kids = [make('p', ui.none, 'none'), chipList(), clearButton()];
    if (state.q.trim()) {
      kids.push(make('p', ui.searches));
      const offers = make('ul', undefined, 'offers');
      // The points whose label holds a term, then every category.
      const hits = DATA.points.filter((p) => terms.some((t) => norm(en ? p.en : p.ja).includes(t)));
      for (const p of hits.slice(0, 8)) {
        const b = make('button', en ? p.en : p.ja);
        b.type = 'button';
        b.addEventListener('click', () => {
          clearFilters();
          state.point = new Set([p.id]);
          commit();
        });
        const li = document.createElement('li');
        li.append(b);
        offers.append(li);
      }
      for (const c of DATA.cats.filter((c) => $(`input[name="cat"][value="${c.slug}"]`))) {
        const b = make('button', en ? c.en : c.ja);
        b.type = 'button';
        b.addEventListener('click', () => {
          clearFilters();
          state.cat = new Set([c.slug]);
          commit();
        });
        const li = document.createElement('li');
        li.append(b);
        offers.append(li);
      }
      const li = document.createElement('li');
      const a = make('a', ui.allPoints(DATA.points.length));
      a.href = '#points';
      li.append(a);
      offers.append(li);
      kids.push(offers);
    }
    empty.replaceChildren(...kids);
  }

  // --- the controls ---------------------------------------------------------
  const q = $('#q');
  const fTheme = $('#f-theme');
  const fKind = $('#f-kind');
  const muni = $('#muni');
  const muniOut = $('#muni-out');
  const count = $('#count');
  const qLimit = $('#q-limit');
  const toResults = $('#to-results');
  const linkNote = $('#link-note');
  // "n results ↓": the first result (or the empty state), scrolled to and
  // focused.
  function goToResults() {
    const first = records.find((rec) => !rec.el.hidden);
    const el = first ? first.el : empty;
    el.tabIndex = -1;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'start' });
  }
  toResults.addEventListener('click', (ev) => {
    ev.preventDefault();
    goToResults();
  });
  q.maxLength = INPUT_CAP;
  muni.maxLength = MUNI_CAP;
  const pointsView = $('#points details');

  function syncControls() {
    q.value = state.q;
    fTheme.value = state.theme;
    fKind.value = state.kind;
    muni.value = state.muni;
    for (const k of SETS) {
      for (const box of $$(`input[name="${k}"]`)) box.checked = state[k].has(box.value);
    }
    for (const d of $$('nav details')) {
      const n = $$('input:checked', d).length;
      $('summary .n', d).textContent = n ? `(${n})` : '';
    }
    for (const b of $$('button.point')) {
      b.setAttribute('aria-pressed', String(state.point.has(b.dataset.p)));
    }
    const chosen = $('#f-points .n');
    if (chosen) chosen.textContent = state.point.size ? `(${state.point.size})` : '';
    if (state.point.size && pointsView) pointsView.open = true;
    showMunicipality();
  }

  function apply() {
    const search = searchTerms(state.q, searchNorm());
    const terms = search.terms;
    let shown = 0;
    for (const rec of records) {
      let ok =
        (!state.theme || rec.t === state.theme) &&
        (!state.kind || rec.k === state.kind) &&
        (state.cat.size === 0 || state.cat.has(rec.c)) &&
        (state.area.size === 0 || rec.r.some((r) => state.area.has(r))) &&
        (state.point.size === 0 || rec.p.some((p) => state.point.has(p)));
      // In English mode the box searches the English.
      const f = state.lang === 'en' ? rec.en : rec.ja;
      let ranges = null;
      if (ok && search.none) ok = false;
      else if (ok && terms.length > 0) {
        ranges = f ? matchRanges(f, terms) : null;
        ok = ranges !== null;
      }
      rec.el.hidden = !ok;
      paint(f, ok ? ranges : null);
      paint(f === rec.ja ? rec.en : rec.ja, null);
      if (ok) shown += 1;
    }
    for (const sec of $$('#records section')) {
      sec.hidden = !sec.querySelector('article.rec:not([hidden])');
    }
    count.textContent = UI[state.lang].count(shown, records.length);
    count.dataset.n = String(shown);
    qLimit.hidden = !search.full;
    renderChips();
    renderEmpty(shown, terms);
    const filtered = activeFilters().length > 0;
    toResults.hidden = !filtered;
    setText(toResults, shown ? UI[state.lang].toResults(shown) : UI[state.lang].noResults);
    linkNote.hidden = unknown.length === 0;
    // At most 5 values said (a link may hold 50,000).
    const SAID = 5;
    const listed = unknown.slice(0, SAID).join(', ');
    const more = unknown.length > SAID ? UI[state.lang].more(unknown.length - SAID) : '';
    setText(linkNote, unknown.length ? UI[state.lang].unknown(listed + more) : '');
    countCells(filtered);
    viewChanged();
    for (const td of $$('.heatmap td.on')) td.classList.remove('on');
    if (state.kind === 'area' && state.area.size === 1 && state.cat.size === 1 && !state.q) {
      const [r] = state.area;
      const [c] = state.cat;
      for (const { a, cell } of cells) {
        if (cell.t === state.theme && cell.r === r && cell.c === c) {
          a.parentElement.classList.add('on');
        }
      }
    }
  }

  // The heatmaps count the area opinions shown.
  const hmFiltered = $('#hm-filtered');
  function countCells(filtered) {
    const n = new Map();
    for (const rec of records) {
      if (rec.k !== 'area' || rec.el.hidden) continue;
      const key = `${rec.t} ${rec.r[0]} ${rec.c}`;
      n.set(key, (n.get(key) || 0) + 1);
    }
    for (const { a, cell } of cells) {
      const v = n.get(`${cell.t} ${cell.r} ${cell.c}`) || 0;
      a.textContent = String(v);
      a.parentElement.className = v ? `c${v}` : 'zero';
    }
    for (const table of $$('.heatmap table')) {
      const rows = $$('tbody tr', table);
      const sums = [];
      for (const tr of rows) {
        const tds = $$('td', tr);
        if (tr.classList.contains('total')) {
          tds.forEach((td, i) => {
            td.textContent = String(sums[i] || 0);
          });
          continue;
        }
        let total = 0;
        tds.slice(0, -1).forEach((td, i) => {
          const v = Number(td.textContent) || 0;
          total += v;
          sums[i] = (sums[i] || 0) + v;
        });
        tds[tds.length - 1].textContent = String(total);
        sums[tds.length - 1] = (sums[tds.length - 1] || 0) + total;
      }
    }
    if (hmFiltered) hmFiltered.hidden = !filtered;
    nameCells();
  }

  let typing = false;
  function update() {
    unknown = [];
    current = '';
    typing = false;
    syncControls();
    apply();
    save(true);
  }
  // A filter changed outside its own control (a chip, the empty state).
  const commit = () => update();

  q.addEventListener('input', () => {
    performance.mark('zaitaku-search-start');
    state.q = cap(q.value, INPUT_CAP);
    current = '';
    apply();
    // The first keystroke of a search is a new history entry.
    save(!typing);
    typing = true;
    performance.clearMeasures('zaitaku-search');
    performance.measure('zaitaku-search', 'zaitaku-search-start');
  });
  fTheme.addEventListener('change', () => {
    state.theme = fTheme.value;
    update();
  });
  fKind.addEventListener('change', () => {
    state.kind = fKind.value;
    update();
  });
  for (const k of SETS) {
    for (const box of $$(`input[name="${k}"]`)) {
      box.addEventListener('change', () => {
        if (box.checked) state[k].add(box.value);
        else state[k].delete(box.value);
        if (k === 'area') state.muni = '';
        update();
      });
    }
  }
  for (const b of $$('button.point')) {
    b.addEventListener('click', () => {
      const id = b.dataset.p;
      if (state.point.has(id)) state.point.delete(id);
      else state.point.add(id);
      update();
    });
  }
  // The points view opens when asked for, or when points filter the list.
  const pointsLink = $('#f-points');
  if (pointsLink && pointsView) {
    pointsLink.addEventListener('click', () => {
      pointsView.open = true;
    });
  }
  $('#reset').addEventListener('click', () => {
    clearFilters();
    update();
    q.focus();
  });

  // Heatmap cells: the area opinions of that area and category.
  // Each is a button (Enter and Space) named "区西南部 × 看取り: 1".
  function nameCells() {
    const en = state.lang === 'en';
    for (const { a, cell } of cells) {
      const r = regionBySlug.get(cell.r);
      const c = catBySlug.get(cell.c);
      const label = `${en ? r.en : r.ja} × ${en ? c.en : c.ja}: ${a.textContent}`;
      a.setAttribute('aria-label', en ? `Theme ${cell.t}, ${label}` : `テーマ${cell.t === '1' ? '①' : '②'} ${label}`);
    }
  }
  for (const { a, cell } of cells) {
    a.setAttribute('role', 'button');
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      // Search and points stay (the cell counted them).
      const { q: text, point } = state;
      clearFilters();
      state.q = text;
      state.point = point;
      state.theme = cell.t;
      state.kind = 'area';
      state.area = new Set([cell.r]);
      state.cat = new Set([cell.c]);
      update();
      goToResults();
    });
    a.addEventListener('keydown', (ev) => {
      if (ev.key === ' ') {
        ev.preventDefault();
        a.click();
      }
    });
  }
  nameCells();

  // --- the municipality box -------------------------------------------------
  // Names compare as the crate compares them: NFKC and lower case, without
  // spaces, hyphens and brackets; katakana as hiragana; macrons dropped.
  const MACRON = { ā: 'a', ī: 'i', ū: 'u', ē: 'e', ō: 'o' };
  const nameKey = (s) =>
    norm(s.trim())
      .toLowerCase()
      .replace(/[āīūēō]/g, (c) => MACRON[c])
      .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
      .replace(/[\s\-_・【】[\]]/g, '');
  const muniIndex = new Map();
  function addKey(key, m) {
    if (!key) return;
    if (muniIndex.has(key) && muniIndex.get(key) !== m) muniIndex.set(key, null);
    else muniIndex.set(key, m);
  }
  for (const m of DATA.municipalities) {
    addKey(nameKey(m.name), m);
    if (m.name.endsWith(m.kind) && m.name.length > m.kind.length + 1) {
      addKey(nameKey(m.name.slice(0, -m.kind.length)), m);
    }
    addKey(nameKey(m.romaji), m);
    addKey(nameKey(m.slug), m);
    addKey(m.code, m);
    addKey(m.jis, m);
    // The reading, with or without the kind's, or with the kind in kanji:
    // せたがやく, せたがや, ﾊﾁｵｳｼﾞ市.
    addKey(nameKey(m.kana), m);
    if (m.kana.endsWith(m.kindKana)) {
      const bare = m.kana.slice(0, -m.kindKana.length);
      addKey(nameKey(bare), m);
      addKey(nameKey(bare + m.kind), m);
    }
  }
  // The crate compares at most 192 bytes of a name's key; a longer input is
  // not a name.
  const NAME_KEY_CAPACITY = 192;
  function findMunicipality(input) {
    let key = nameKey(input);
    if (utf8Length(key) > NAME_KEY_CAPACITY) return null;
    if (key.startsWith('東京都')) key = key.slice(3);
    return muniIndex.get(key) || null;
  }

  function showMunicipality() {
    const text = state.muni.trim();
    const m = text ? findMunicipality(text) : null;
    muniOut.dataset.region = m ? m.region : '';
    if (!text) muniOut.textContent = '';
    else if (!m) muniOut.textContent = UI[state.lang].muniMiss;
    else {
      const r = regionBySlug.get(m.region);
      muniOut.textContent =
        state.lang === 'en'
          ? UI.en.muniHit(`${m.romaji} (${m.name})`, r.en)
          : UI.ja.muniHit(m.name, r.ja);
    }
    return m;
  }

  muni.addEventListener('input', () => {
    const hadMunicipality = state.muni.trim() && findMunicipality(state.muni);
    state.muni = cap(muni.value, MUNI_CAP);
    const m = showMunicipality();
    if (m) state.area = new Set([m.region]);
    else if (hadMunicipality) state.area = new Set();
    syncControls();
    apply();
    save();
  });

  // --- language ---------------------------------------------------------------
  const langButton = $('#lang');
  const ATTRS = ['placeholder', 'title', 'aria-label'];
  const jaText = new WeakMap();
  // The text nodes that are only Japanese punctuation, outside Japanese
  // text, found once; their English is ASCII punctuation.
  let punctNodes = null;
  function punctuation() {
    if (punctNodes) return punctNodes;
    punctNodes = [];
    const only = /^[：、（）【】\s\d]+$/;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const marked = n.parentElement.closest('[lang], script');
      if (only.test(n.data) && /[：、（）【】]/.test(n.data) && (marked === document.documentElement || !marked)) {
        n.ja = n.data;
        punctNodes.push(n);
      }
    }
    return punctNodes;
  }
  const PUNCT_EN = (s) =>
    s.replace(/：/g, ': ').replace(/、/g, ', ').replace(/（/g, ' (').replace(/）/g, ')').replace(/[【】]/g, '');
  // The page is written in Japanese: nothing to do until English is asked
  // for once.
  let switched = false;
  function setLang(lang) {
    state.lang = lang;
    if (lang === 'ja' && !switched) return;
    switched = true;
    document.documentElement.lang = lang;
    const en = lang === 'en';
    // Repeated labels: their English is in the JSON's table.
    for (const el of $$('.tr')) {
      if (!jaText.has(el)) jaText.set(el, el.textContent);
      const ja = jaText.get(el);
      setText(el, en ? DATA.tr[ja] || ja : ja);
    }
    for (const el of $$('[data-en]')) {
      if (el.dataset.ja === undefined) el.dataset.ja = el.textContent;
      setText(el, en ? el.dataset.en : el.dataset.ja);
    }
    document.title = UI[lang].title;
    nameCells();
    // The Japanese punctuation between labels (`：`, `、`, `（）`, `【】`).
    for (const n of punctuation()) n.data = en ? PUNCT_EN(n.ja) : n.ja;
    for (const attr of ATTRS) {
      const enKey = 'data-en-' + attr;
      const jaKey = 'data-ja-' + attr;
      for (const el of $$(`[${enKey}]`)) {
        if (!el.hasAttribute(jaKey)) el.setAttribute(jaKey, el.getAttribute(attr) || '');
        el.setAttribute(attr, el.getAttribute(en ? enKey : jaKey));
      }
    }
    for (const el of $$('.text-en, .title-en, .about-en')) el.hidden = !en;
    for (const el of $$('.about-ja')) el.hidden = en;
    // One toggle pattern: a pressed button with a fixed label.
    langButton.setAttribute('aria-pressed', String(en));
  }
  langButton.addEventListener('click', () => {
    setLang(state.lang === 'en' ? 'ja' : 'en');
    showMunicipality();
    apply();
    save(true);
  });

  // --- permalinks ---------------------------------------------------------------
  function show(id, focus) {
    const el = document.getElementById(id);
    if (!el || !el.classList.contains('rec')) return false;
    if (el.hidden) {
      // The record is filtered out: show everything again (Back brings the
      // filters back), in the same language.
      clearFilters();
      syncControls();
      apply();
    }
    for (const cur of $$('article.rec.current')) cur.classList.remove('current');
    el.classList.add('current');
    current = id;
    el.tabIndex = -1;
    el.scrollIntoView({ block: 'center' });
    if (focus) el.focus({ preventScroll: true });
    return true;
  }

  function fromHash(focus) {
    const raw = location.hash.slice(1);
    current = '';
    if (!raw || raw.includes('=')) {
      decode(raw);
      const id = params(raw).get('id');
      // The URL says what the page shows: the capped text, the known values
      // (a 2 MB link becomes a short one, before anything else, since a long
      // URL slows down all the browser does with the page's links).
      save();
      setLang(state.lang);
      syncControls();
      apply();
      if (id && show(id, focus)) save();
    } else if (raw) {
      let id = raw;
      try {
        id = decodeURIComponent(raw);
      } catch (e) {
        // Not percent-encoded text: look the id up as it is.
      }
      show(id, focus);
    }
  }
  // Back and Forward, a hash typed into the address bar or a link from
  // elsewhere show the view their URL holds. A fragment navigation fires
  // both events; the first one does the work.
  function followed() {
    if (location.hash.slice(1) === written) return;
    written = location.hash.slice(1);
    typing = false;
    performance.mark('zaitaku-hashchange-start');
    fromHash(true);
    performance.clearMeasures('zaitaku-hashchange');
    performance.measure('zaitaku-hashchange', 'zaitaku-hashchange-start');
  }
  window.addEventListener('popstate', followed);
  window.addEventListener('hashchange', followed);

  // --- in-page links keep the view ------------------------------------------
  // A link to a record shows it (the view stays unless it hides the record)
  // and the URL keeps the view with the record; any other in-page link (the
  // skip link, the points, a point tag) moves there and leaves the URL alone.
  document.addEventListener('click', (ev) => {
    const a = ev.target instanceof Element ? ev.target.closest('a[href^="#"]') : null;
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    let id = a.getAttribute('href').slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      // Not percent-encoded: as it is.
    }
    const target = document.getElementById(id);
    if (!target) return;
    ev.preventDefault();
    if (target.classList.contains('rec')) {
      show(id, true);
      save(true);
      return;
    }
    const details = target.closest('details') || (target.querySelector(':scope > details'));
    if (details) details.open = true;
    if (!target.hasAttribute('tabindex') && !target.matches('a, button, input, select, summary')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  });

  // --- nothing hidden under the panel --------------------------------------------
  // The page scrolls focused elements and link targets below the panel
  // (`scroll-padding-top: var(--panel-height)`); where a browser does not, a focused
  // element the panel covers is scrolled clear of it.
  const panel = $('#controls');
  const panelHeight = () => {
    document.documentElement.style.setProperty('--panel-height', `${Math.ceil(panel.getBoundingClientRect().height)}px`);
  };
  new ResizeObserver(panelHeight).observe(panel);
  document.addEventListener('focusin', (ev) => {
    const el = ev.target;
    if (!(el instanceof Element) || panel.contains(el)) return;
    const bottom = panel.getBoundingClientRect().bottom;
    const r = el.getBoundingClientRect();
    if (r.top < bottom + 4 && r.bottom > 0) window.scrollBy(0, r.top - bottom - 8);
  });

  // --- start --------------------------------------------------------------------
  // The controls are in the page from the start (so that nothing moves when
  // the script is ready); without JavaScript a <noscript> style hides them.
  if (location.hash.length > 1 && !location.hash.includes('=')) apply();
  fromHash(false);
  performance.measure('zaitaku-start-up', 'zaitaku-start');
  document.documentElement.dataset.ready = '';
})();
