// E2E of planning in the app: pick and load the reference plan, check and
// record the day in Today, survive a restart, move blocks by dragging in the
// week view (and be refused on an overlap), with the CLI as the witness.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Driver, freshHome, cli, saveShot } from "./harness.mjs";
import { ELEMENT } from "./webdriver.mjs";

const home = freshHome();
let driver;
const DAY = "2025-08-19";
const id = (slot) => `senior-de-2025:${DAY}:${slot}`;
const agenda = (date = DAY) => JSON.parse(cli(home, ["agenda", "--date", date, "--json"]));

before(async () => {
  // Another plan is loaded, so the app does not load the default one itself.
  cli(home, ["plan", "load", "databricks-de-professional", "--start", "2026-01-05", "--tz", "Europe/Berlin"]);
  driver = await new Driver(home).start();
});

after(async () => {
  await driver?.stop();
});

const el = (e) => ({ [ELEMENT]: e.id });

test("pick and load the reference plan from the plan picker", async () => {
  const s = await driver.open("#/settings");
  try {
    await (await s.waitFor(() => s.find('[data-testid="shipped-senior-de-2025"] input'), "shipped plan")).click();
    const tz = await s.find('[data-testid="load-tz"]');
    await tz.type("Europe/Berlin");
    await (await s.find('[data-testid="load-submit"]')).click();
    const report = await s.waitText('[data-testid="load-report"]', "392 blocks");
    assert.match(await report.text(), /Loaded/);
    await s.waitText('[data-testid="plan-title"]', "Senior Data Engineering Study Plan");
    const plans = JSON.parse(cli(home, ["plan", "list", "--json"]));
    assert.equal(plans.find((p) => p.active).id, "senior-de-2025");
  } finally {
    await s.delete();
  }
});

test("Today on 19 Aug 2025 lists its 7 blocks at the right times; done and partial survive a restart", async () => {
  const want = agenda();
  let s = await driver.open(`#/today/${DAY}`);
  try {
    await s.waitText(`[data-testid="block-${id(1)}"]`, "Python DSA");
    const times = await s.execute(
      `return [...document.querySelectorAll('[data-testid="place-today"] [data-testid^="block-senior-de-2025:${DAY}:"]')]
         .filter((e) => /:\\d+$/.test(e.dataset.testid))
         .map((e) => e.querySelector('time').getAttribute('datetime'))`,
    );
    assert.deepEqual(times, want.map((b) => b.start_utc), "7 blocks, each starting when core placed it");
    assert.equal(times.length, 7);

    await (await s.find(`[data-testid="action-done-${id(1)}"]`)).click();
    await s.waitFor(async () => (await s.execute(`return document.querySelector('[data-testid="block-${id(1)}"]').dataset.status`)) === "done", "block 1 done");
    await (await s.find(`[data-testid="action-partial-${id(2)}"]`)).click();
    const minutes = await s.waitFor(() => s.find('[data-testid="partial-minutes"]'), "minutes input");
    await minutes.clear();
    await minutes.type("40");
    await (await s.find('[data-testid="partial-save"]')).click();
    await s.waitText(`[data-testid="block-status-${id(2)}"]`, "40");
    await saveShot(s, "today.png");
  } finally {
    await s.delete();
  }

  s = await driver.open(`#/today/${DAY}`);
  try {
    await s.waitFor(async () => (await s.execute(`return document.querySelector('[data-testid="block-${id(1)}"]')?.dataset.status`)) === "done", "done after restart");
    await s.waitText(`[data-testid="block-status-${id(2)}"]`, "40");
  } finally {
    await s.delete();
  }
  const after = agenda();
  assert.equal(after[0].status, "done");
  assert.deepEqual([after[1].status, after[1].minutes_done], ["partial", 40]);
});

/** The week view's event for block `slot` of DAY, and how many pixels one minute takes. */
async function weekEvent(s, slot) {
  const sel = `[data-testid="cal-event-${id(slot)}"]`;
  const ev = await s.waitFor(() => s.find(sel), `event ${slot}`);
  const block = agenda().find((b) => b.id === id(slot));
  const h = await s.execute("return arguments[0].getBoundingClientRect().height", [el(ev)]);
  return { ev, pxPerMinute: h / block.minutes };
}

test("dragging a block in the week view moves it, as the CLI's agenda then shows", async () => {
  const s = await driver.open(`#/calendar/${DAY}`);
  try {
    await (await s.waitFor(() => s.find('[data-testid="cal-view-week"]'), "week button")).click();
    const before = agenda().find((b) => b.id === id(7));
    assert.equal(before.start, "16:15");
    const { ev, pxPerMinute } = await weekEvent(s, 7);
    await s.drag(ev, 0, Math.round(120 * pxPerMinute));
    const moved = await s.waitFor(() => {
      const b = agenda().find((x) => x.id === id(7));
      return b.start !== "16:15" ? b : null;
    }, "the block's new time in the CLI's agenda");
    assert.equal(moved.date, DAY);
    assert.ok(moved.start > "17:30" && moved.start < "19:00", `moved to ${moved.start}`);
    assert.equal(moved.minutes, 45, "a drag keeps the length");
    await saveShot(s, "week.png");
  } finally {
    await s.delete();
  }
});

test("dragging a block onto another is refused with the reason and nothing moves", async () => {
  const s = await driver.open(`#/calendar/${DAY}`);
  try {
    await (await s.waitFor(() => s.find('[data-testid="cal-view-week"]'), "week button")).click();
    const before = agenda().find((b) => b.id === id(5));
    const { ev, pxPerMinute } = await weekEvent(s, 5);
    // Block 5 (14:10) onto block 4 (13:15–14:00).
    await s.drag(ev, 0, -Math.round(45 * pxPerMinute));
    const alert = await s.waitText('[data-testid="cal-error"]', "overlap");
    assert.match(await alert.text(), /Fundamentals|overlap/);
    const after = agenda().find((b) => b.id === id(5));
    assert.equal(after.start, before.start, "the refused move changed nothing");
    // The block is back where it was on screen too.
    await (await s.find('[data-testid="cal-error-dismiss"]')).click().catch(() => {});
    await (await s.find('[data-testid="cal-view-month"]')).click();
    await s.waitFor(async () => (await s.findAll('[data-testid^="cal-event-"]')).length > 20, "month events");
    await saveShot(s, "month.png");
  } finally {
    await s.delete();
  }
});

test("Progress shows planned against done minutes and the week's goals", async () => {
  const s = await driver.open("#/portfolio");
  try {
    await s.waitFor(() => s.find('[data-testid="progress-chart"]'), "progress chart");
    const goal = await s.waitText('[data-testid^="goal-"]', "problems");
    assert.ok((await goal.text()).length > 0);
    await saveShot(s, "progress.png");
  } finally {
    await s.delete();
  }
});
