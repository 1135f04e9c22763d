// E2E of the portfolio as a user meets it: tick Project 1's success criteria and a quality
// criterion, attach a link and a file from the documents folder as evidence, restart the app and
// find everything still there (and in `studyplan portfolio --json`); counters entered in Today and
// a revisited mistake fill the week-1 checklist by themselves.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Driver, freshHome, cli, saveShot } from "./harness.mjs";

const home = freshHome();
let driver;
const P1 = "p1-log-etl";
const CRIT = `${P1}:criterion:all-quality-criteria-met`;
const INSIGHT = `${P1}:criterion:includes-one-notable-performance-or-cost`;
const QUALITY = `${P1}:quality-criteria:observability`;
const URL = "https://github.com/me/de-portfolio/pull/1";
const FILE = "week-01/perf-notes.md";
const portfolio = () => JSON.parse(cli(home, ["--json", "portfolio"]));
const p1Items = (v) => {
  const p = v.projects.find((x) => x.id === P1);
  return [p.delivered, ...p.sections.flatMap((s) => s.items)];
};
const sel = (id) => `[data-testid="${id.replace(/"/g, '\\"')}"]`;

before(async () => {
  cli(home, ["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]);
  // The default documents folder (freshHome's XDG Documents dir).
  const ws = join(home.dir, "Documents", "studyplan", "senior-de-2025");
  mkdirSync(join(ws, "week-01"), { recursive: true });
  writeFileSync(join(ws, FILE), "# Performance notes\n\nIndex on (user_id, ts): 41 s → 0.8 s.\n");
  driver = await new Driver(home).start();
});

after(async () => {
  await driver?.stop();
});

/** The card's items are shown (expanded) for project `id`. */
async function expand(s, id) {
  const card = await s.waitFor(() => s.find(sel(`project-${id}`)), `the card of ${id}`, 15000);
  // The certification cards load after the project wall; wait so the page holds still.
  await s.waitFor(() => s.find(sel("cert-dbx-dea")), "the certification cards", 15000);
  const expanded = await s.execute(`return document.querySelector(arguments[0])?.getAttribute("aria-expanded")`, [sel(`project-toggle-${id}`)]);
  if (expanded === "false") await (await s.find(sel(`project-toggle-${id}`))).click();
  try {
    await s.waitFor(() => s.find(sel(`item-${CRIT}`)), "Project 1's items");
  } catch (e) {
    await saveShot(s, "portfolio-expand-failed.png");
    const after = await s.execute(`return document.querySelector(arguments[0])?.getAttribute("aria-expanded")`, [sel(`project-toggle-${id}`)]);
    throw new Error(`${e.message} (aria-expanded was ${expanded}, now ${after})`);
  }
  return card;
}

const checked = (s, id) => s.execute(`return document.querySelector(arguments[0])?.checked ?? null`, [sel(`item-${id}`)]);

async function tick(s, id) {
  await (await s.find(sel(`item-${id}`))).click();
  await s.waitFor(async () => (await checked(s, id)) === true, `${id} ticked`);
}

async function addEvidence(s, id, value) {
  await (await s.find(sel(`evidence-open-${id}`))).click();
  const input = await s.waitFor(() => s.find(sel(`evidence-input-${id}`)), "the evidence input");
  await input.type(value);
  await (await s.find(sel(`evidence-add-${id}`))).click();
  await s.waitFor(
    async () => (await s.execute(`return [...document.querySelectorAll('[data-testid^="evidence-"]')].some((e) => /^evidence-\\d+$/.test(e.dataset.testid) && e.textContent.includes(arguments[0]))`, [value])),
    `evidence ${value} shown`,
  );
}

test("Project 1: two success criteria and a quality criterion ticked, a link and a file as evidence, all kept across a restart", { timeout: 120000 }, async () => {
  let s = await driver.open("#/portfolio");
  try {
    await expand(s, P1);
    assert.match(await (await s.find(sel(`project-status-${P1}`))).text(), /not started/i);
    await tick(s, CRIT);
    await tick(s, INSIGHT);
    await tick(s, QUALITY);
    await addEvidence(s, CRIT, URL);
    await addEvidence(s, INSIGHT, FILE);
    // A link that is not http(s) is refused where it was typed.
    await (await s.find(sel(`evidence-open-${QUALITY}`))).click();
    const input = await s.waitFor(() => s.find(sel(`evidence-input-${QUALITY}`)), "the evidence input");
    await input.type("javascript:alert(1)");
    await (await s.find(sel(`evidence-add-${QUALITY}`))).click();
    await s.waitText(sel(`evidence-error-${QUALITY}`), "http or https");
    await s.waitText(sel(`project-completeness-${P1}`), "3/17");
    assert.match(await (await s.find(sel(`project-status-${P1}`))).text(), /in progress/i);
    await saveShot(s, "portfolio.png");
  } finally {
    await s.delete();
  }

  // The CLI sees what the app stored.
  const items = p1Items(portfolio());
  const byId = Object.fromEntries(items.map((i) => [i.id, i]));
  for (const id of [CRIT, INSIGHT, QUALITY]) assert.equal(byId[id].ticked, true, id);
  assert.deepEqual(byId[CRIT].evidence.map((e) => [e.kind, e.value]), [["url", URL]]);
  assert.deepEqual(byId[INSIGHT].evidence.map((e) => [e.kind, e.value, e.missing]), [["path", FILE, false]]);
  assert.deepEqual(byId[QUALITY].evidence, [], "the refused link was not stored");

  // Restart: all still there.
  s = await driver.open("#/portfolio");
  try {
    await expand(s, P1);
    for (const id of [CRIT, INSIGHT, QUALITY]) {
      await s.waitFor(async () => (await checked(s, id)) === true, `${id} still ticked`);
    }
    const shown = await s.execute(`return [...document.querySelectorAll('[data-testid^="evidence-"]')].filter((e) => /^evidence-\\d+$/.test(e.dataset.testid)).map((e) => e.textContent)`);
    assert.ok(shown.some((t) => t.includes(URL)), shown.join(" | "));
    assert.ok(shown.some((t) => t.includes(FILE)), shown.join(" | "));
    assert.match(await (await s.find(sel(`project-completeness-${P1}`))).text(), /3\/17/);
  } finally {
    await s.delete();
  }
});

test("the week-1 checklist shows the DSA and SQL counts entered in Today and the misses revisited", { timeout: 120000 }, async () => {
  const DAY = "2025-08-19";
  const blocks = JSON.parse(cli(home, ["--json", "agenda", "--date", DAY]));
  const dsa = blocks.find((b) => b.track === "dsa");
  const sql = blocks.find((b) => b.track === "sql");
  // A mistake on 19 Aug: its 48-hour revisit (21 Aug) falls in week 1; closed solid.
  const m = JSON.parse(cli(home, ["--json", "mistake", "add", "--track", "dsa", "--topic", "Heaps", "--what", "Max-heap for a min problem", "--date", DAY]));
  cli(home, ["revisit", String(m.revisits[0].id), "solid"]);

  let s = await driver.open(`#/today/${DAY}`);
  try {
    for (const [b, field, n] of [[dsa, "note-problems", "27"], [sql, "note-queries", "6"]]) {
      await (await s.waitFor(() => s.find(sel(`action-note-${b.id}`)), `Note… on ${b.title}`)).click();
      const input = await s.waitFor(() => s.find(sel(field)), field);
      await input.clear();
      await input.type(n);
      await (await s.find(sel("note-save"))).click();
      await s.waitFor(async () => (await s.findAll(sel("note-form"))).length === 0, "the note form to close");
    }
  } finally {
    await s.delete();
  }

  s = await driver.open("#/portfolio");
  try {
    await s.waitFor(() => s.find(sel("week-picker")), "the week picker", 15000);
    // Today (2026) is after the plan: the checklist opens on week 1.
    await s.waitFor(() => s.find(sel("week-checklist-weekly-plan-w1")), "week 1's checklist");
    const dsaLine = await s.waitText(sel("measured-weekly-plan:w1:python-dsa"), "27");
    assert.match(await dsaLine.text(), /misses revisited\D*1/i);
    await s.waitText(sel("measured-weekly-plan:w1:sql"), "6");
    // 27 problems (goal 25–35) and the week's one revisit closed: filled from data.
    assert.equal(await checked(s, "weekly-plan:w1:python-dsa"), true);
    await saveShot(s, "portfolio-week1.png");
  } finally {
    await s.delete();
  }
  const w1 = portfolio().weeks[0].checklists[0].items;
  const dsaItem = w1.find((i) => i.id === "weekly-plan:w1:python-dsa");
  assert.deepEqual(dsaItem.measured.map((x) => [x.measure, x.value, x.met]), [
    ["goal:dsa-problems", 27, true],
    ["mistakes:revisited", 1, true],
  ]);
  assert.equal(dsaItem.filled, true);
});
