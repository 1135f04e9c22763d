// Keystroke-to-preview time in the real app's Documents place, on a ~50 kB
// project README (headings, paragraphs, lists, a table, code blocks, links).
// Run under Xvfb and a D-Bus session with tauri-driver on PATH:
//
//   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node scripts/bench-docs-preview.mjs
//
// STUDYPLAN_APP / STUDYPLAN_CLI pick the binaries (default target/debug; set
// them to target/release/… for release numbers). BENCH_KEYS (default 30) is
// the number of keystrokes; BENCH_INPUT=keys (default) types real keys through
// WebDriver actions, BENCH_INPUT=dispatch inserts each character with a
// CodeMirror transaction from a script instead. BENCH_HIDE=preview hides the
// preview pane (its DOM still updates) to separate the editor's frame cost.
//
// Each keystroke is typed at the end of the document, after the previous one
// has reached the preview. All times are performance.now() in the page:
//   t0       keydown seen by the window (capture phase), or right before the
//            CodeMirror transaction for BENCH_INPUT=dispatch
//   invoke   the UI's document_preview call leaves through Tauri's IPC (its
//            fetch to ipc://localhost/document_preview, wrapped), i.e. after
//            the editor's change and the UI's debounce
//   resolved the IPC answer (sanitized HTML) is back in the page
//   cm       CodeMirror's view.dispatch of the change returned (the UI's
//            onchange runs inside it and starts the debounce timer)
//   dom      a MutationObserver on the preview sees the new character
//   frame    the next animation frame after that; painted: the one after it
// Prints Markdown.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Driver, freshHome, cli, ROOT } from "../tests/e2e/harness.mjs";

const N = Number(process.env.BENCH_KEYS || 30);
const INPUT = process.env.BENCH_INPUT || "keys";
const TARGET_BYTES = 50 * 1024;

// The UI's preview debounce, read from its source rather than restated here
// (none since the preview is sent at once, one request in flight at most).
const sessionSrc = readFileSync(join(ROOT, "ui/src/lib/components/documents/session.svelte.ts"), "utf8");
const DEBOUNCE = Number(/DELAYS\s*=\s*\{[^}]*preview:\s*(\d+)/.exec(sessionSrc)?.[1] ?? 0);

/** A long, realistic project README: prose, lists, a table, code, links; no footnotes. */
function bigReadme(head) {
  const topics = ["ingestion", "staging", "sessionization", "marts", "backfill", "quality gates", "observability", "cost", "security", "replay"];
  let md = head.trimEnd() + "\n\n## Design notes\n";
  for (let i = 0; md.length < TARGET_BYTES; i++) {
    const t = topics[i % topics.length];
    md += `
### ${i + 1}. ${t[0].toUpperCase() + t.slice(1)} (iteration ${Math.floor(i / topics.length) + 1})

The ${t} step reads the nginx and application logs that landed in the raw bucket during the
previous hour, parses each line with a strict grammar, and writes **typed rows** to the
\`staging.${t.replace(/ /g, "_")}_${i}\` table. Rows that fail parsing go to a _quarantine_ table
with the reason, so a replay can pick them up once the parser is fixed. See
[the ADR on partitioning](../doc/adr/0001-partition-by-day.md) and the
[PostgreSQL docs on BRIN indexes](https://www.postgresql.org/docs/current/brin.html).

- Input: \`s3://raw/logs/dt=2025-08-${String((i % 28) + 1).padStart(2, "0")}/\` (about ${(i * 37) % 900 + 100} MB/hour)
- Output: \`marts.${t.replace(/ /g, "_")}\` partitioned by day, clustered by \`endpoint\`
- Failure mode: a late file arrives after the hour closed; the next run picks it up
  1. detect it by comparing the manifest with the bucket listing
  2. reprocess only the affected partition
  3. record the replay in the run log

| metric | before | after | note |
| --- | ---: | ---: | --- |
| p95 latency (ms) | ${200 + (i % 7) * 13} | ${90 + (i % 5) * 7} | index on (endpoint, ts) |
| rows scanned | ${(i + 3) * 1_000_000} | ${(i + 3) * 120_000} | partition pruning |
| cost per run (USD) | 0.${(i % 9) + 1}4 | 0.0${(i % 9) + 1} | smaller warehouse |

\`\`\`sql
-- Sessionize: a new session after 30 minutes of silence.
SELECT user_id,
       ts,
       SUM(CASE WHEN ts - LAG(ts) OVER w > INTERVAL '30 minutes' THEN 1 ELSE 0 END)
         OVER w AS session_no
FROM staging.events_${i}
WINDOW w AS (PARTITION BY user_id ORDER BY ts);
\`\`\`

\`\`\`python
def parse(line: str) -> dict | None:
    m = LOG_RE.match(line)
    return None if m is None else {"ts": m["ts"], "path": m["path"], "ms": int(m["ms"])}
\`\`\`

> Tradeoff: a stricter parser quarantines more rows (${(i % 4) + 1}% on a bad day) but keeps the
> marts honest; the quarantine is replayed nightly.
`;
  }
  return md;
}

const VIEW = `(() => { const c = document.querySelector('[data-testid="doc-editor"] .cm-content'); const t = c && (c.cmTile || c.cmView); return t ? (t.root?.view ?? t.view) : null; })()`;

// In the page, once: watch keydown, the preview IPC and the preview DOM.
const INSTALL = `
const root = document.querySelector('[data-testid="doc-preview"]');
// Tauri's IPC sends each command with fetch('ipc://localhost/<command>') at call time (its
// invoke itself is read-only): wrap fetch, and the answer's json(), which Tauri reads just
// before it resolves the UI's promise.
const origFetch = window.fetch;
window.__bench = null;
window.fetch = function (input, init) {
  const p = origFetch.apply(this, arguments);
  const b = window.__bench;
  const url = String((input && input.url) || input);
  if (!url.endsWith('/document_preview') || !b || b.t0 === null) return p;
  b.invokes += 1;
  b.invoke = performance.now();
  return p.then((res) => {
    const json = res.json.bind(res);
    res.json = () => json().then((r) => { b.resolved = performance.now(); return r; });
    return res;
  });
};
window.addEventListener('keydown', () => {
  const b = window.__bench;
  if (b && b.t0 === null) b.t0 = performance.now();
}, true);
new MutationObserver(() => {
  const b = window.__bench;
  if (!b || b.dom !== null || b.t0 === null) return;
  const last = root.lastElementChild;
  if (last && last.textContent.includes(b.want)) {
    b.dom = performance.now();
    requestAnimationFrame(() => {
      b.frame = performance.now();
      requestAnimationFrame(() => { b.painted = performance.now(); });
    });
  }
}).observe(root, { childList: true, subtree: true, characterData: true });
// CodeMirror applies typing through view.dispatch, and the UI hears of it inside that call.
const view = ${VIEW};
const origDispatch = view.dispatch;
view.dispatch = function (...a) {
  const r = origDispatch.apply(this, a);
  const b = window.__bench;
  if (b && b.t0 !== null && b.cm === null && this.state.doc.length !== b.len) b.cm = performance.now();
  return r;
};
return typeof origFetch === 'function';`;


function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2, p90: at(0.9), worst: s[s.length - 1], best: s[0] };
}
const fmt = (x) => x.toFixed(1);

const home = freshHome();
cli(home, ["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]);
const WS = join(home.dir, "workspace");
cli(home, ["docs", "where", "--set", WS]);
const abs = cli(home, ["readme", "new", "p1-log-etl"]).trim();
const rel = abs.slice(WS.length + 1);
const text = bigReadme(readFileSync(abs, "utf8"));
mkdirSync(WS, { recursive: true });
writeFileSync(abs, text);

const driver = await new Driver(home).start();
const rows = [];
let floor = [];
let direct = [];
let idle = [];
try {
  const s = await driver.open("#/documents");
  try {
    const entry = await s.waitFor(() => s.find(`[data-testid="doc-entry"][data-path="${rel}"]`), "the README in the list", 20000);
    await entry.click();
    await s.waitFor(() => s.execute(`return ${VIEW} !== null && document.querySelector('[data-testid="doc-preview"]').children.length > 50`), "editor and preview", 20000);
    if (!(await s.execute(INSTALL))) throw new Error("window.fetch not found");

    // A paragraph of its own at the end, the caret after it, the editor focused.
    await s.execute(`const v = ${VIEW}; const n = v.state.doc.length;
      v.dispatch({ changes: { from: n, insert: '\\n\\nBench: ' }, selection: { anchor: n + 9 } }); v.focus();`);
    await s.waitFor(() => s.execute(`return document.querySelector('[data-testid="doc-preview"]').lastElementChild?.textContent === 'Bench:'`), "the bench paragraph", 20000);

    // BENCH_HIDE=preview|editor: an experiment to tell whose frame costs what
    // (the hidden pane's DOM still updates; it is just not laid out or painted).
    if (process.env.BENCH_HIDE === "preview") {
      await s.execute(`document.querySelector('[data-testid="doc-preview"]').style.display = 'none'`);
    }
    const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let typed = "";
    for (let i = 0; i < N; i++) {
      const ch = letters[i % letters.length];
      typed += ch;
      await s.execute(`window.__bench = { want: arguments[0], len: ${VIEW}.state.doc.length, t0: null, cm: null, invoke: null, resolved: null, dom: null, frame: null, painted: null, invokes: 0, failed: false };`, [`Bench: ${typed}`]);
      if (INPUT === "dispatch") {
        await s.execute(`const v = ${VIEW}; window.__bench.t0 = performance.now(); const n = v.state.doc.length; v.dispatch({ changes: { from: n, insert: arguments[0] }, selection: { anchor: n + 1 }, userEvent: 'input.type' });`, [ch]);
      } else {
        await s.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: ch }, { type: "keyUp", value: ch }] }] });
      }
      const b = await s.waitFor(() => s.execute("const b = window.__bench; return b.painted !== null ? b : null"), `keystroke ${i + 1} in the preview`, 20000);
      if (b.invoke === null || b.resolved === null || b.cm === null) throw new Error(`keystroke ${i + 1}: no preview call seen ${JSON.stringify(b)}`);
      rows.push(b);
    }
    if (INPUT !== "dispatch") await s.cmd("DELETE", "/actions");
    const inEditor = await s.execute(`return ${VIEW}.state.doc.toString().endsWith(arguments[0])`, [`Bench: ${typed}`]);
    if (!inEditor) throw new Error("the editor does not end with what was typed");

    // The IPC floor: the same command on a one-word text, no path (nothing else to compute).
    // And the preview call alone on the full text, as the UI makes it, without the DOM.
    const full = await s.execute(`return ${VIEW}.state.doc.toString()`);
    const timeCalls = (args) =>
      s.cmd("POST", "/execute/async", {
        script: `const [args, n, done] = arguments; const inv = window.__TAURI_INTERNALS__.invoke; const out = [];
          (async () => { for (let i = 0; i < n; i++) { const t = performance.now(); await inv('document_preview', args); out.push(performance.now() - t); } done(out); })();`,
        args: [args, N],
      });
    idle = await s.cmd("POST", "/execute/async", {
      script: `const [n, done] = arguments; const out = []; let last = null;
        const tick = (t) => { if (last !== null) out.push(t - last); last = t; if (out.length < n) requestAnimationFrame(tick); else done(out); };
        requestAnimationFrame(tick);`,
      args: [N],
    });
    floor = await timeCalls({ path: null, text: "x" });
    direct = await timeCalls({ path: rel, text: full });
  } finally {
    await s.delete();
  }
} finally {
  await driver.stop();
}

const total = rows.map((b) => b.dom - b.t0);
const parts = [
  ["**keystroke → preview DOM shows it**", rows.map((b) => b.dom - b.t0)],
  ["**keystroke → that frame painted** (second rAF after the DOM change)", rows.map((b) => b.painted - b.t0)],
  [INPUT === "dispatch" ? "editor: transaction dispatched → applied, UI told" : "editor: keydown → CodeMirror transaction applied, UI told", rows.map((b) => b.cm - b.t0)],
  [`UI told → preview requested (debounce: ${DEBOUNCE} ms)`, rows.map((b) => b.invoke - b.cm)],
  ["IPC round trip + core render (requested → HTML back)", rows.map((b) => b.resolved - b.invoke)],
  ["DOM update (HTML back → preview DOM shows it)", rows.map((b) => b.dom - b.resolved)],
  ["DOM change → next frame starts (first rAF)", rows.map((b) => b.frame - b.dom)],
  ["that frame: style, layout, paint (first → second rAF)", rows.map((b) => b.painted - b.frame)],
  ["for comparison: the preview call alone, same text, no DOM", direct],
  ["for comparison: IPC floor (same command, 1-byte text)", floor],
  ["for comparison: an idle frame (rAF → rAF, nothing changing)", idle],
];

const app = process.env.STUDYPLAN_APP || "target/debug/studyplan-app";
console.log(`Document: ${rel}, ${Buffer.byteLength(text)} bytes, ${text.split("\n").length} lines (project README: the preview also checks completeness).`);
console.log(`App: ${app}. Input: ${INPUT === "dispatch" ? "a CodeMirror transaction per character from execute script (t0 right before it)" : "real key presses through WebDriver actions (t0 = keydown seen by the page)"}.`);
console.log(`${N} single keystrokes at the end of the document, each after the previous one reached the preview. Preview calls per keystroke: ${[...new Set(rows.map((b) => b.invokes))].join(", ")}.\n`);
console.log("| stage | median | p90 | worst | best |");
console.log("|---|---:|---:|---:|---:|");
for (const [label, xs] of parts) {
  const st = stats(xs);
  console.log(`| ${label} | ${fmt(st.median)} ms | ${fmt(st.p90)} ms | ${fmt(st.worst)} ms | ${fmt(st.best)} ms |`);
}
