// Downloads of the current view (CSV for Excel, JSON), the link to it, the
// print header, and two areas compared side by side. Part of the page's one
// script, after explorer.js. It reads the view from explorer.js
// (`window.zaitakuView()`, and its `zaitaku:view` event after every change)
// and the records' rows from the JSON data (`exports`,
// written by exports.rs from the crate's `Row`, so the columns are the data
// files' own). Like the rest of the page it writes only through
// `textContent` and `createElement`, and fetches nothing.
(function () {
  'use strict';

  const ALL = JSON.parse(document.getElementById('data').textContent);
  const DATA = ALL.exports;
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const en = () => document.documentElement.lang === 'en';
  const say = (ja, english) => (en() ? english : ja);

  // --- the current view ------------------------------------------------------
  // explorer.js's: the ids shown, in order, the filters and their words.
  const view = () => window.zaitakuView();

  // --- the rows ----------------------------------------------------------------
  // Every record's row, rebuilt from the table (exports.rs): a column is
  // read from the page (`from`), or each record's value is an index into
  // the column's values (`index`: `width` base-36 digits per record), or a
  // list of items joined by `sep` (`lists`: per record, indexes into
  // `tokens` joined by '.', the records by ','), or the names of the points
  // whose ids another column holds (`points`: 'ja' or 'en').
  const T = DATA.table;
  const articles = $$('article.rec');
  const fromPage = {
    id: (el) => el.id,
    text: (el) => $('.text', el).textContent,
    'text-en': (el) => {
      const e = $('.text-en', el);
      return e ? e.textContent : '';
    },
  };
  const pointById = new Map(ALL.points.map((p) => [p.id, p]));
  const columns = T.cells.map((cell) => {
    if (cell.from) return (el) => fromPage[cell.from](el);
    if (cell.points) {
      // The names of the points whose ids are in another column.
      const of = T.columns.indexOf(cell.of);
      return (el, n) => {
        const ids = columns[of](el, n);
        return ids ? ids.split(' ').map((id) => pointById.get(id)[cell.points]).join(cell.sep) : '';
      };
    }
    if (cell.lists !== undefined) {
      const lists = cell.lists.split(',');
      return (el, n) =>
        lists[n]
          .split('.')
          .map((i) => cell.tokens[parseInt(i, 36)])
          .join(cell.sep);
    }
    return (el, n) => cell.values[parseInt(cell.index.substr(n * cell.width, cell.width), 36)];
  });
  // Built when first needed (a download or the comparison), not at start.
  let built = null;
  function rowOf(id) {
    if (built === null) {
      built = new Map();
      articles.forEach((el, n) => {
        const row = {};
        T.columns.forEach((col, c) => {
          row[col] = columns[c](el, n);
        });
        built.set(el.id, row);
      });
    }
    return built.get(id);
  }

  // --- the files -----------------------------------------------------------------
  const pad = (n) => String(n).padStart(2, '0');
  function today() {
    const d = new Date();
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  // What the view is, for the notes in a file and the print header.
  function describe(v) {
    return {
      filter: v.active.length ? v.description[en() ? 'en' : 'ja'] : say('なし（全件）', 'none (all records)'),
      count: say(`${v.count} 件（全 ${v.total} 件中）`, `${v.count} of ${v.total} records`),
      source: say(
        `出典：${DATA.source}（sha256 ${DATA.sha256}）、${DATA.generator} による`,
        `Source: ${DATA.source} (Tokyo Metropolitan Government; sha256 ${DATA.sha256}), via ${DATA.generator}`
      ),
    };
  }

  // A file name that says what was selected: the filters' keys and values,
  // letters and digits kept (Japanese too), everything else a hyphen.
  function fileName(v, ext) {
    const parts = v.active.map((f) => `${f.name}-${f.value}`);
    const what = (parts.join('_') || 'all')
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '');
    return `zaitaku_opinions_${Array.from(what).slice(0, 80).join('') || 'view'}.${ext}`;
  }

  // A field as the data files write it (the csv crate's QuoteStyle::Always):
  // null empty, every field in double quotes, a quote doubled. Quoting every
  // field keeps LibreOffice, which splits on `;` and tab as well as on a
  // comma by default, from splitting a list joined by `; `.
  function csvField(value) {
    const s = value === null || value === undefined ? '' : String(value);
    return `"${s.replace(/"/g, '""')}"`;
  }

  // The number of rows before the header: three notes and a blank line.
  const NOTE_ROWS = 4;

  // UTF-8 with a byte-order mark and CRLF line ends, which Excel needs to
  // read Japanese; the notes first, then the data files' header and rows.
  function csv(v) {
    const d = describe(v);
    const lines = [
      say(
        `# 在宅療養に関する地域の意見、この表示の ${d.count}。表は ${NOTE_ROWS + 1} 行目から`,
        `# Opinions of Tokyo's areas on home medical care: ${d.count} in this view. The table starts on row ${NOTE_ROWS + 1}`
      ),
      say(`# 絞り込み：${d.filter}`, `# Filter: ${d.filter}`),
      `# ${d.source}; ${say('書き出し', 'exported')} ${today()}`,
      '',
      T.columns.map(csvField).join(','),
    ].map((line, i) => (i < NOTE_ROWS - 1 ? csvField(line) : line));
    for (const id of v.ids) lines.push(T.columns.map((c) => csvField(rowOf(id)[c])).join(','));
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }

  function json(v) {
    const d = describe(v);
    return (
      JSON.stringify(
        {
          filter: d.filter,
          filters: v.filters,
          view: `#${v.hash}`,
          count: v.count,
          total: v.total,
          source: DATA.source,
          source_sha256: DATA.sha256,
          generator: DATA.generator,
          exported: today(),
          columns: T.columns,
          records: v.ids.map((id) => rowOf(id)),
        },
        null,
        2
      ) + '\n'
    );
  }

  const out = $('#exports-out');
  // Saved through a link to the file's text (a `data:` URL: nothing is
  // fetched), clicked by the script.
  function save(name, type, text) {
    const a = document.createElement('a');
    a.href = `data:${type},${encodeURIComponent(text)}`;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    out.textContent = say('保存しました', 'Saved');
    out.title = name;
  }
  $('#dl-csv').addEventListener('click', () => {
    const v = view();
    save(fileName(v, 'csv'), 'text/csv;charset=utf-8', csv(v));
  });
  $('#dl-json').addEventListener('click', () => {
    const v = view();
    save(fileName(v, 'json'), 'application/json', json(v));
  });

  // --- the link to this view ---------------------------------------------------------
  $('#copy-link').addEventListener('click', () => {
    const link = location.href;
    // Without a clipboard, the link in the status, to copy by hand.
    const shown = () => {
      out.textContent = link;
    };
    if (!navigator.clipboard) return shown();
    navigator.clipboard.writeText(link).then(() => {
      out.textContent = say('リンクをコピーしました', 'Link copied');
    }, shown);
  });

  // --- printing -------------------------------------------------------------------------
  // The header says what is printed; with a filter set, the heatmaps and the
  // points (which count everything) are left out (exports.css).
  function printHead() {
    const v = view();
    const d = describe(v);
    $('#ph-filter').textContent = d.filter;
    $('#ph-count').textContent = d.count;
    $('#ph-date').textContent = today();
    document.documentElement.classList.toggle('filtered', v.active.length > 0);
  }
  // Kept current as the view changes, for printing that sends no event.
  window.addEventListener('beforeprint', printHead);
  document.addEventListener('zaitaku:view', printHead);
  printHead();

  // --- two areas side by side --------------------------------------------------------------
  const cmpA = $('#cmp-a');
  const cmpB = $('#cmp-b');
  const cmpOut = $('#cmp-out');
  const col = (name) => T.columns.indexOf(name);
  const regionName = (slug) => $(`option[value="${slug}"]`, cmpA);

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    e.append(...children.filter((c) => c !== null));
    return e;
  }

  // An area's opinions on a theme in one category, in the source's order.
  function opinionsOf(theme, region, category) {
    return articles.filter((a) => {
      const r = rowOf(a.id);
      return r.kind === 'area' && r.theme === theme && r.region === region && r.category === category;
    });
  }

  function item(a) {
    const r = rowOf(a.id);
    // In English, the English first and the Japanese (the source) under it.
    const li = el('li');
    if (en() && r.text_en) li.append(el('span', { lang: 'en', className: 'cmp-en', textContent: r.text_en }));
    li.append(el('span', { lang: 'ja', className: 'cmp-ja', textContent: r.text }));
    li.append(' ', el('a', { href: `#${a.id}`, className: 'id' }, el('code', { textContent: a.id })));
    return li;
  }

  function renderCompare() {
    const a = cmpA.value;
    const b = cmpB.value;
    const names = [a, b].map((s) => regionName(s).textContent);
    const tables = DATA.themes.map((t) => {
      const table = el(
        'table',
        { className: 'compare' },
        el('caption', { textContent: `${en() ? `Theme ${t.n}` : t.marker} ${en() ? t.en : t.ja}` }),
        el('thead', null, el('tr', null, ...names.map((n) => el('th', { scope: 'col', textContent: n }))))
      );
      // A category: its name across both columns, then each area's opinions.
      for (const c of ALL.cats) {
        const sides = [a, b].map((r) => opinionsOf(t.slug, r, c.slug));
        if (!sides[0].length && !sides[1].length) continue;
        const body = el(
          'tbody',
          null,
          el('tr', null, el('th', { scope: 'rowgroup', colSpan: 2, textContent: en() ? c.en : c.ja })),
          el(
            'tr',
            null,
            ...sides.map((side) =>
              el(
                'td',
                null,
                side.length ? el('ul', null, ...side.map(item)) : el('span', { className: 'none', textContent: '—' })
              )
            )
          )
        );
        body.dataset.c = c.slug;
        table.append(body);
      }
      table.dataset.t = t.slug;
      return table;
    });
    cmpOut.replaceChildren(...tables);
  }

  if (col('kind') >= 0 && col('theme') >= 0 && col('region') >= 0 && col('category') >= 0) {
    // Written when shown (the section is closed at first: no nodes until
    // then), and again when the areas or the language change.
    const details = $('#compare details');
    let chosen = false;
    let stale = true;
    const refresh = () => {
      stale = !details.open;
      if (!stale) renderCompare();
    };
    const choose = () => {
      chosen = true;
      refresh();
    };
    cmpA.addEventListener('change', choose);
    cmpB.addEventListener('change', choose);
    details.addEventListener('toggle', () => {
      if (!details.open || !stale) return;
      // Until the user chooses: the view's first area, if it has one, and
      // the next one.
      const area = view().filters.area[0];
      if (!chosen && Array.from(cmpA.options).some((o) => o.value === area)) {
        cmpA.value = area;
        cmpB.selectedIndex = (cmpA.selectedIndex + 1) % cmpB.options.length;
      }
      refresh();
    });
    let lang = en();
    document.addEventListener('zaitaku:view', () => {
      if (en() !== lang) {
        lang = en();
        refresh();
      }
    });
    cmpB.selectedIndex = (cmpA.selectedIndex + 1) % cmpB.options.length;
  }
})();
