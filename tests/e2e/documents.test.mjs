// E2E of the Documents place in the real app: ADRs created and superseded
// from the app change both files on disk; a project README's completeness
// rises as a section is typed; the daily log comes pre-filled with the day's
// blocks; an outside change while text is unsaved shows both versions and
// loses nothing; and the hostile Markdown corpus neither runs nor loads
// anything in the preview. The files on disk and the CLI are the witnesses.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Driver, freshHome, cli, saveShot, ROOT } from "./harness.mjs";
import { ELEMENT } from "./webdriver.mjs";

const home = freshHome();
const WS = join(home.dir, "workspace");
const DAY = "2025-08-19";
/** Per test: a hung WebDriver call fails the test instead of the run. */
const T = 60000;
let driver;

before(async () => {
  cli(home, ["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]);
  cli(home, ["docs", "where", "--set", WS]);
  driver = await new Driver(home).start();
});

after(async () => {
  await driver?.stop();
});

const el = (e) => ({ [ELEMENT]: e.id });
const onDisk = (rel) => readFileSync(join(WS, rel), "utf8");
function writeDoc(rel, text) {
  mkdirSync(dirname(join(WS, rel)), { recursive: true });
  writeFileSync(join(WS, rel), text);
}
/** A new ADR made with the CLI, as someone working in the terminal would; its path in the workspace. */
function cliAdr(title) {
  const abs = cli(home, ["adr", "new", ...title.split(" ")]).trim();
  assert.ok(abs.startsWith(WS + "/"), abs);
  return abs.slice(WS.length + 1);
}

// ---- Driving the place and its CodeMirror editor. ------------------------------------------------

/** CodeMirror's EditorView of the open document (the content DOM carries its view tile). */
const VIEW = `(() => {
  const c = document.querySelector('[data-testid="doc-editor"] .cm-content');
  const t = c && (c.cmTile || c.cmView);
  return t ? (t.root?.view ?? t.view ?? null) : null;
})()`;

/** Keys by their WebDriver code points. */
const K = { Alt: "\uE00A", Control: "\uE009", Shift: "\uE008", End: "\uE010", Home: "\uE011", Down: "\uE015", Enter: "\uE007" };

/**
 * Real key presses through WebDriver actions to whatever has focus. A string is typed key by
 * key; an array is a chord: modifiers held while its last key is pressed.
 */
async function keys(s, ...parts) {
  const actions = [];
  for (const p of parts) {
    if (typeof p === "string") {
      for (const ch of p) actions.push({ type: "keyDown", value: ch }, { type: "keyUp", value: ch });
    } else {
      const mods = p.slice(0, -1);
      const key = p.at(-1);
      for (const m of mods) actions.push({ type: "keyDown", value: m });
      actions.push({ type: "keyDown", value: key }, { type: "keyUp", value: key });
      for (const m of [...mods].reverse()) actions.push({ type: "keyUp", value: m });
    }
  }
  await s.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  await s.cmd("DELETE", "/actions");
}

/** Open Documents and wait for the list of this home's workspace. */
async function openDocuments(hash = "#/documents") {
  const s = await driver.open(hash);
  await s.waitText('[data-testid="doc-workspace"]', WS, 15000);
  return s;
}

/** Wait until `path` is the open document, its editor is up and its preview rendered. */
async function waitOpen(s, path) {
  await s.waitFor(() => s.execute(`return document.querySelector('[data-testid="doc-pane"]')?.dataset.path === arguments[0]`, [path]), `${path} open`, 15000);
  await s.waitFor(() => s.execute(`return ${VIEW} !== null`), "the editor");
  await s.waitFor(() => s.execute(`return document.querySelector('[data-testid="doc-preview"]').textContent.trim() !== ''`), "the preview");
}

async function openFromList(s, path) {
  const entry = await s.waitFor(() => s.find(`[data-testid="doc-entry"][data-path="${path}"]`), `${path} in the list`);
  await entry.click();
  await waitOpen(s, path);
}

const editorText = (s) => s.execute(`return ${VIEW}.state.doc.toString()`);
const saveState = (s) => s.execute(`return document.querySelector('[data-testid="doc-save-state"]')?.dataset.state`);
const waitSaveState = (s, want) => s.waitFor(async () => (await saveState(s)) === want, `save state ${want}`);

/** Put the caret at the end of the document by clicking into the editor and pressing Ctrl+End. */
async function caretToEnd(s) {
  await (await s.find('[data-testid="doc-editor"] .cm-content')).click();
  await keys(s, [K.Control, K.End]);
  await s.waitFor(() => s.execute(`const v = ${VIEW}; return v.hasFocus && v.state.selection.main.head === v.state.doc.length`), "caret at the end");
}

/** Poll a condition outside the page (files, CLI) until it holds. */
async function until(fn, what, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The lines of a Markdown section (`## name`) up to the next heading of level 2. */
function section(md, name) {
  const lines = md.split("\n");
  const start = lines.findIndex((l) => l.trim() === `## ${name}`);
  assert.ok(start >= 0, `section ${name} in:\n${md}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^##\s/.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join("\n").trim();
}

// ---- The tests. ----------------------------------------------------------------------------------

test("an ADR created and then superseded in the app changes both files on disk", { timeout: T }, async (t) => {
  const first = { title: "Use Postgres for the log marts", path: "doc/adr/0001-use-postgres-for-the-log-marts.md" };
  const second = { title: "Use Delta Lake for the log marts", path: "doc/adr/0002-use-delta-lake-for-the-log-marts.md" };
  const s = await openDocuments();
  try {
    // ADR 1 from the New ADR form.
    await (await s.find('[data-testid="new-adr"]')).click();
    await (await s.waitFor(() => s.find('[data-testid="new-adr-title"]'), "title field")).type(first.title);
    await (await s.find('[data-testid="new-adr-submit"]')).click();
    await waitOpen(s, first.path);
    await s.waitText('[data-testid="doc-preview"] h1', `1. ${first.title}`);
    const one = onDisk(first.path);
    assert.match(one, new RegExp(`^# 1\\. ${first.title}$`, "m"));
    assert.equal(section(one, "Status"), "Proposed");

    // ADR 2 supersedes it, again from the New ADR form.
    await (await s.find('[data-testid="new-adr"]')).click();
    await (await s.waitFor(() => s.find('[data-testid="new-adr-title"]'), "title field")).type(second.title);
    await (await s.waitFor(() => s.find('[data-testid="new-adr-supersedes"] option[value="1"]'), "ADR 1 as a choice")).click();
    assert.equal(await (await s.find('[data-testid="new-adr-supersedes"]')).prop("value"), "1");
    await (await s.find('[data-testid="new-adr-submit"]')).click();
    await waitOpen(s, second.path);

    // Both files changed on disk: the new one names what it supersedes, the old one its successor.
    const newStatus = section(onDisk(second.path), "Status");
    assert.match(newStatus, /^Proposed$/m);
    assert.ok(newStatus.includes(`Supersedes [1. ${first.title}](0001-use-postgres-for-the-log-marts.md)`), newStatus);
    const oldStatus = section(onDisk(first.path), "Status");
    assert.equal(oldStatus, `Superseded by [2. ${second.title}](0002-use-delta-lake-for-the-log-marts.md)`, "the old status line is replaced");
    assert.doesNotMatch(oldStatus, /Proposed/);

    // The list shows ADR 1 as superseded (by 2), ADR 2 as proposed; the open preview links back.
    const status = (path) => s.execute(`return document.querySelector('[data-testid="doc-entry"][data-path="${path}"] [data-status]')?.dataset.status`);
    await s.waitFor(async () => (await status(first.path)) === "Superseded", "ADR 1 listed as Superseded");
    assert.equal(await status(second.path), "Proposed");
    await s.waitText(`[data-testid="doc-entry"][data-path="${first.path}"]`, "superseded by 2");
    const link = await s.waitText('[data-testid="doc-preview"] a', `1. ${first.title}`);
    assert.equal(await s.execute("return arguments[0].getAttribute('href')", [el(link)]), "0001-use-postgres-for-the-log-marts.md");
    const panelLinks = await (await s.waitText('[data-testid="adr-links"]', first.title)).text();
    await t.test("the ADR panel names the superseded ADR once", () => {
      assert.match(panelLinks, new RegExp(`Supersedes\\s+1\\. ${first.title}`));
      assert.doesNotMatch(panelLinks, /1\. 1\./);
    });

    // The CLI reads the same folder the same way.
    const adrs = JSON.parse(cli(home, ["adr", "list", "--json"]));
    assert.deepEqual(adrs.map((a) => [a.number, a.status]), [[1, "Superseded"], [2, "Proposed"]]);
    await saveShot(s, "documents.png");
  } finally {
    await s.delete();
  }
});

test("Project 1's README created in the app: completeness rises from 1/13 as a section is typed, and the text is saved", { timeout: T }, async () => {
  const typed = "Nginx and app logs are parsed into staging tables, cleaned, then loaded into marts in Postgres.";
  const s = await openDocuments();
  try {
    await (await s.find('[data-testid="new-readme"]')).click();
    await (await s.waitFor(() => s.find('[data-testid="new-readme-project"] option[value="p1-log-etl"]'), "Project 1 as a choice")).click();
    await (await s.find('[data-testid="new-readme-submit"]')).click();
    const path = await s.waitFor(() => s.execute(`return document.querySelector('[data-testid="doc-pane"]')?.dataset.path`), "the README open");
    assert.equal(path, "week-01/README.md", "Project 1 is due in week 1");
    await waitOpen(s, path);
    assert.ok(existsSync(join(WS, path)), `${path} written to disk`);
    assert.match(onDisk(path), /<!-- studyplan:project p1-log-etl -->/);

    const score = () => s.execute(`const c = document.querySelector('[data-testid="completeness"]'); return c ? c.dataset.written + '/' + c.dataset.total : null`);
    await s.waitFor(async () => (await score()) === "1/13", "completeness 1/13");
    await s.waitText(`[data-testid="doc-entry"][data-path="${path}"]`, "1/13");

    // Jump to the section from the completeness panel, go down to its placeholder line, select
    // that line (Alt+L) and type over it: real keys all the way.
    const placeholder = "<!-- Architecture Diagram: to be written. -->";
    assert.ok((await editorText(s)).includes(placeholder));
    const jump = await s.waitText('[data-testid="completeness"] li[data-state="placeholder"] button', "Architecture Diagram");
    await jump.click();
    await s.waitFor(() => s.execute(`const v = ${VIEW}; return v.hasFocus && v.state.doc.lineAt(v.state.selection.main.head).text`), "the caret in the editor");
    const caretLine = () => s.execute(`const v = ${VIEW}; return v.state.doc.lineAt(v.state.selection.main.head).text`);
    for (let i = 0; i < 4 && (await caretLine()) !== placeholder; i++) await keys(s, [K.Down]);
    assert.equal(await caretLine(), placeholder, "the caret reached the placeholder line");
    await keys(s, [K.Alt, "l"]);
    await keys(s, typed, [K.Enter]);

    const text = await s.waitFor(async () => {
      const t = await editorText(s);
      return t.includes(typed) ? t : null;
    }, "the typed text in the editor");
    assert.ok(!text.includes(placeholder), "the placeholder line was replaced");
    assert.match(text, new RegExp(`## Architecture Diagram\\n\\n${typed.replace(/\./g, "\\.")}\\n\\n## Tech Choices`));

    // The panel counts the section as written.
    await s.waitFor(async () => (await score()) === "2/13", "completeness 2/13");
    const state = await s.execute(`return [...document.querySelectorAll('[data-testid="completeness"] li')].find((li) => li.innerText.includes('Architecture Diagram'))?.dataset.state`);
    assert.equal(state, "written");

    // Ctrl+S (or the autosave a second later): the file on disk holds what was typed.
    await keys(s, [K.Control, "s"]);
    await waitSaveState(s, "saved");
    const saved = onDisk(path);
    assert.ok(saved.includes(`## Architecture Diagram\n\n${typed}\n`), saved);
    assert.equal(saved, await editorText(s));
    const listed = JSON.parse(cli(home, ["docs", "list", "--json"])).entries.find((e) => e.path === path);
    assert.deepEqual([listed.completeness.written, listed.completeness.total], [2, 13], "the CLI counts 2/13 too");
  } finally {
    await s.delete();
  }
});

test("the daily log of 19 Aug 2025 opens from Today's l key, pre-filled with the day's seven blocks", { timeout: T }, async () => {
  const blocks = JSON.parse(cli(home, ["agenda", "--date", DAY, "--json"]));
  assert.equal(blocks.length, 7);
  const doneId = `senior-de-2025:${DAY}:3`;
  cli(home, ["block", "done", doneId]);
  const logPath = `logs/${DAY}.md`;
  assert.ok(!existsSync(join(WS, logPath)), "no log before it is opened");

  const s = await driver.open(`#/today/${DAY}`);
  try {
    await s.waitText(`[data-testid="block-senior-de-2025:${DAY}:1"]`, "Python DSA");
    await s.waitFor(async () => (await s.execute(`return document.querySelector('[data-testid="block-${doneId}"]')?.dataset.status`)) === "done", "block 3 done in Today");
    await s.execute("document.activeElement?.blur?.()");
    await keys(s, "l");
    await s.waitFor(async () => (await s.execute("return location.hash")) === `#/documents/${DAY}`, "the Documents place with the log's date");
    await waitOpen(s, logPath);
    assert.ok(existsSync(join(WS, logPath)), `${logPath} created on disk`);

    // One line per block, at the times and with the titles the agenda has; block 3 is ticked.
    const text = await editorText(s);
    assert.equal(text, onDisk(logPath), "the editor shows the file");
    const lines = section(text, "Blocks").split("\n").filter((l) => l.startsWith("- ["));
    assert.equal(lines.length, 7, `seven block lines:\n${lines.join("\n")}`);
    blocks.forEach((b, i) => {
      const line = lines[i];
      assert.ok(line.includes(`${b.start}–${b.end}`) && line.includes(b.title), `${b.start}–${b.end} ${b.title}: ${line}`);
      if (b.id === doneId) assert.match(line, /^- \[x\] .*\(done, 135 min\)$/, line);
      else assert.match(line, /^- \[ \] .*\(planned, \d+ min\)$/, line);
    });

    // The preview ticks the same one, and the list has the log.
    const tickedNow = () => s.execute(`return [...document.querySelectorAll('[data-testid="doc-preview"] li')].map((li) => li.textContent.trim()).filter((t) => t.startsWith("☑"))`);
    await s.waitFor(async () => (await tickedNow()).length > 0, "the preview shows the ticked block");
    const ticked = await tickedNow();
    assert.equal(ticked.length, 1, JSON.stringify(ticked));
    assert.match(ticked[0], /10:50–13:05 Weekly Core Topic\/Labs/);
    await s.waitFor(() => s.find(`[data-testid="doc-entry"][data-path="${logPath}"]`), "the log in the list");
  } finally {
    await s.delete();
  }
});

test("unsaved typing, then the file changes on disk: returning to the window shows both versions, Keep mine loses nothing", { timeout: T }, async () => {
  const path = cliAdr("Partition the log marts by day");
  const original = onDisk(path);
  const typed = "Typed in the app and not saved yet.";
  const outside = "Written by another editor meanwhile.";
  const s = await openDocuments();
  try {
    await openFromList(s, path);
    await caretToEnd(s);
    await keys(s, typed);
    await s.waitFor(async () => (await editorText(s)).includes(typed), "typed text in the editor");
    assert.equal(await saveState(s), "unsaved");
    assert.equal(onDisk(path), original, "nothing saved yet");

    // Another program writes the file; the window gets focus back.
    writeFileSync(join(WS, path), original + "\n" + outside + "\n");
    await s.execute("window.dispatchEvent(new Event('focus'))");

    await s.waitFor(() => s.find('[data-testid="doc-conflict"]'), "the conflict view");
    const mine = await (await s.find('[data-testid="doc-conflict-mine"]')).text();
    const disk = await (await s.find('[data-testid="doc-conflict-disk"]')).text();
    assert.ok(mine.includes(typed) && !mine.includes(outside), `mine: ${mine}`);
    assert.ok(disk.includes(outside) && !disk.includes(typed), `disk: ${disk}`);
    assert.equal(await saveState(s), "conflict");
    assert.ok(onDisk(path).includes(outside), "nothing written while the person decides");

    await (await s.find('[data-testid="doc-keep-mine"]')).click();
    await s.waitFor(async () => (await s.findAll('[data-testid="doc-conflict"]')).length === 0, "the conflict view gone");
    await waitSaveState(s, "saved");
    const after = onDisk(path);
    assert.ok(after.includes(typed), after);
    assert.equal(after, await editorText(s), "the file holds exactly the editor's text");
  } finally {
    await s.delete();
  }
});

test("unsaved typing, then the file changes on disk: Ctrl+S is refused with both versions, Keep mine writes the typed text", { timeout: T }, async () => {
  const path = cliAdr("Backfill from the raw bucket");
  const original = onDisk(path);
  const typed = "Replay from the quarantine table first.";
  const outside = "Edited outside while the app had it open.";
  const s = await openDocuments();
  try {
    await openFromList(s, path);
    await caretToEnd(s);
    await keys(s, typed);
    await s.waitFor(async () => (await editorText(s)).includes(typed), "typed text in the editor");
    writeFileSync(join(WS, path), original + outside + "\n");
    await keys(s, [K.Control, "s"]);

    await s.waitFor(() => s.find('[data-testid="doc-conflict"]'), "the conflict view");
    assert.ok((await (await s.find('[data-testid="doc-conflict-mine"]')).text()).includes(typed));
    assert.ok((await (await s.find('[data-testid="doc-conflict-disk"]')).text()).includes(outside));
    assert.ok(!onDisk(path).includes(typed), "the save did not overwrite the outside change");

    await (await s.find('[data-testid="doc-keep-mine"]')).click();
    await waitSaveState(s, "saved");
    assert.equal(onDisk(path), await editorText(s));
    assert.ok(onDisk(path).includes(typed));
  } finally {
    await s.delete();
  }
});

test("saved text, then the file changes on disk: returning to the window reloads it quietly", { timeout: T }, async () => {
  const path = cliAdr("Keep raw logs for 30 days");
  const typed = "Chapter 5 next.";
  const outside = "Added from the terminal.";
  const s = await openDocuments();
  try {
    await openFromList(s, path);
    await caretToEnd(s);
    await keys(s, typed, [K.Control, "s"]);
    await waitSaveState(s, "saved");
    assert.ok(onDisk(path).includes(typed), "typed text saved");

    writeFileSync(join(WS, path), onDisk(path) + "\n" + outside + "\n");
    await s.execute("window.dispatchEvent(new Event('focus'))");
    await s.waitFor(async () => (await editorText(s)).includes(outside), "the outside change in the editor");
    assert.ok((await editorText(s)).includes(typed), "the saved text is still there");
    await s.waitText('[data-testid="doc-notice"]', "changed outside");
    await s.waitText('[data-testid="doc-preview"]', outside);
    assert.equal((await s.findAll('[data-testid="doc-conflict"]')).length, 0, "no conflict: nothing was unsaved");
    assert.equal(await saveState(s), "saved");
  } finally {
    await s.delete();
  }
});

// ---- The hostile Markdown corpus. ------------------------------------------------------------------

const CORPUS = join(ROOT, "tests", "fixtures", "hostile-md");
const FILES = readdirSync(CORPUS).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();

/** Elements that must never reach the preview. */
const FORBIDDEN = ["script", "iframe", "object", "embed", "svg", "math", "style", "link", "meta", "base", "form", "video", "audio", "source", "picture", "frame", "frameset", "template", "applet", "noscript", "textarea", "select", "button", "details", "track", "param", "marquee", "bgsound", "isindex", "keygen", "image", "area", "map", "foreignobject", "use", "title", "xmp", "plaintext", "noembed", "noframes"];
/** Attributes that load, run or clobber. */
const BAD_ATTRS = ["style", "srcset", "formaction", "action", "ping", "background", "poster", "xlink:href", "id", "name", "autofocus", "lowsrc", "dynsrc", "longdesc", "data", "codebase", "contenteditable", "target", "form", "srcdoc", "is", "xmlns"];

// In the page: everything the preview holds or did that it must not.
const INSPECT = `
const [FORBIDDEN, BAD_ATTRS, href0] = arguments;
const p = document.querySelector('[data-testid="doc-preview"]');
const out = { elements: [], attrs: [], urls: [], controls: [] };
for (const e of p.querySelectorAll('*')) {
  const tag = e.localName.toLowerCase();
  if (FORBIDDEN.includes(tag) || e.namespaceURI !== 'http://www.w3.org/1999/xhtml') out.elements.push(tag);
  // Task-list boxes are characters (☐/☑): any form field is a live control.
  if (['input', 'textarea', 'select', 'button'].includes(tag)) out.controls.push(e.outerHTML);
  for (const a of e.attributes) {
    const n = a.name.toLowerCase();
    if (n.startsWith('on') || BAD_ATTRS.includes(n)) out.attrs.push(tag + '[' + n + '=' + a.value.slice(0, 60) + ']');
  }
  if (e.hasAttribute('src')) {
    const v = e.getAttribute('src');
    // Only a file beside the document: no scheme, no leading slash, no "//".
    if (!/^[A-Za-z0-9._~%\\/-]+$/.test(v) || v.startsWith('/') || v.includes('//')) out.urls.push(tag + ' src=' + v.slice(0, 80));
    else if (new URL(e.src).origin !== location.origin) out.urls.push(tag + ' src resolves to ' + e.src);
  }
  if (e.hasAttribute('href')) {
    let u = null;
    try { u = new URL(e.getAttribute('href'), location.href); } catch { /* unparsable: goes nowhere */ }
    const web = u && ['http:', 'https:', 'mailto:'].includes(u.protocol);
    if (u && !web && u.origin !== location.origin) out.urls.push(tag + ' href=' + e.getAttribute('href').slice(0, 80) + ' -> ' + u.href.slice(0, 80));
  }
}
const tauri = window.__TAURI_INTERNALS__;
return Object.assign(out, {
  pwned: window.__pwned ?? null,
  parentPwned: window.parent.__pwned ?? null,
  topPwned: window.top.__pwned ?? null,
  title: document.title,
  href: location.href,
  hrefChanged: location.href !== href0,
  clobbered: window.__clobbered !== undefined,
  getElementById: typeof document.getElementById,
  tauriElement: tauri instanceof Element || window.__TAURI__ instanceof Element,
  focusInPreview: p.contains(document.activeElement),
  bodyShown: getComputedStyle(document.body).display !== 'none',
  frames: window.frames.length,
  loads: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('127.0.0.1:9')),
  violations: window.__violations.slice(),
});`;

/** Resolve after two animation frames: whatever the new preview would start has started. */
const FRAMES = "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));";

test(`none of the ${FILES.length} hostile Markdown files runs or loads anything in the preview, and links never navigate the app`, { timeout: 4 * T }, async (t) => {
  assert.equal(FILES.length, 66, "the whole corpus");
  // A scratch file the list picks up by its place: a daily log after the plan's end.
  const path = "logs/2025-10-20.md";
  writeDoc(path, "# Scratch\n\nSafe text 00.\n");
  const s = await openDocuments();
  try {
    await openFromList(s, path);
    const href0 = await s.execute(`
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
      return location.href;`);
    const problems = [];
    const controls = [];
    for (const file of FILES) {
      const nn = file.slice(0, 2);
      const text = readFileSync(join(CORPUS, file), "utf8");
      const before = await s.execute(`return document.querySelector('[data-testid="doc-preview"]').innerHTML`);
      // The editor's document set through CodeMirror, as if typed (typing 66 files would take minutes).
      await s.execute(`const v = ${VIEW}; v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: arguments[0] } });`, [text]);
      assert.equal(await editorText(s), text, `${file} in the editor`);
      await s.waitFor(
        () => s.execute(`const p = document.querySelector('[data-testid="doc-preview"]'); return p.innerHTML !== arguments[0] && p.textContent.includes(arguments[1])`, [before, `Safe text ${nn}.`]),
        `the preview of ${file}`,
      );
      await s.cmd("POST", "/execute/async", { script: FRAMES, args: [] });
      const r = await s.execute(INSPECT, [FORBIDDEN, BAD_ATTRS, href0]);
      const bad = [
        ...r.elements.map((x) => `element ${x}`),
        ...r.attrs.map((x) => `attribute ${x}`),
        ...r.urls.map((x) => `url ${x}`),
        ...r.loads.map((x) => `loaded ${x}`),
        ...r.violations.map((x) => `blocked by CSP: ${x}`),
      ];
      if (r.pwned !== null || r.parentPwned !== null || r.topPwned !== null) bad.push(`script ran: __pwned=${r.pwned}/${r.parentPwned}/${r.topPwned}`);
      if (r.title === "PWNED") bad.push("script ran: document.title is PWNED");
      if (r.hrefChanged) bad.push(`navigated to ${r.href}`);
      if (r.clobbered || r.getElementById !== "function" || r.tauriElement) bad.push("DOM clobbered");
      if (r.focusInPreview) bad.push("the preview took focus");
      if (!r.bodyShown) bad.push("body hidden");
      if (r.frames !== 0) bad.push(`${r.frames} frames`);
      if (bad.length) problems.push(`${file}: ${bad.join("; ")}`);
      if (r.controls.length) controls.push(`${file}: ${r.controls.join(" ")}`);
    }
    assert.deepEqual(problems, [], `hostile files got through:\n${problems.join("\n")}`);
    await t.test("the preview holds no form controls", () => {
      assert.deepEqual(controls, [], `live inputs in the preview:\n${controls.join("\n")}`);
    });

    // Clicking a web link in the preview hands it to the system browser; the WebView stays put.
    await s.execute(`const v = ${VIEW}; v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: arguments[0] } });`, [
      "# Links\n\nSafe text links. [the docs](http://127.0.0.1:9/click-test) and [the next ADR](0002-next.md)\n",
    ]);
    const web = await s.waitText('[data-testid="doc-preview"] a', "the docs");
    const windows = await s.cmd("GET", "/window/handles");
    await web.click();
    await (await s.waitText('[data-testid="doc-preview"] a', "the next ADR")).click();
    // The app answers the clicks (an error line if no browser could be started, or nothing).
    await s.cmd("POST", "/execute/async", { script: FRAMES, args: [] });
    assert.equal(await s.execute("return location.href"), href0, "the WebView did not navigate");
    assert.deepEqual(await s.cmd("GET", "/window/handles"), windows, "no new window");
    await s.waitFor(() => s.find('[data-testid="nav-documents"]'), "the app still shown");

    // The watcher works: a remote load made outside the preview is seen.
    await s.execute("const i = new Image(); i.src = 'http://127.0.0.1:9/control.png'; document.body.appendChild(i); window.__control = i;");
    await s.waitFor(() => s.execute("return window.__violations.some((v) => v.includes('127.0.0.1:9/control.png'))"), "the control load reported");
    await s.execute("window.__control.remove()");
  } finally {
    await s.delete();
  }
});
