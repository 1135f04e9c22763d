// E2E: the real app through WebDriver. Each place opens and shows data that
// came from core; values make a round trip through SQLite and survive a
// restart; bad input comes back as a typed error shown in words.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { Driver, freshHome, cli, saveShot, ROOT } from "./harness.mjs";

const home = freshHome();
let driver;

before(async () => {
  driver = await new Driver(home).start();
});

after(async () => {
  await driver?.stop();
});

const inPlace = (place, css = "") => `[data-testid="place-${place}"] ${css}`;

test("each of the five places opens and shows the default plan's data", async () => {
  const s = await driver.open();
  try {
    // Sidebar: the default plan was loaded into SQLite on first start.
    await s.waitText('[data-testid="plan-title"]', "Senior Data Engineering Study Plan");

    // Today on the plan's first day: the seven weekday blocks from core.
    await s.execute("location.hash = '#/today/2025-08-19'");
    await s.waitText(inPlace("today", '[data-testid^="block-"]'), "Python DSA");
    const blocks = await s.findAll(inPlace("today", '[data-testid^="block-senior-de-2025:2025-08-19:"]'));
    assert.equal(blocks.length, 7, "seven blocks on Tue 19 Aug");
    const first = await blocks[0].text();
    assert.match(first, /Python DSA/);
    assert.match(first, /Sliding Window/, "the week's DSA topics are shown with the block");
    await saveShot(s, "today.png");

    // Calendar: the week holding 19 Aug, blocks listed per day.
    await (await s.find('[data-testid="nav-calendar"]')).click();
    await s.waitFor(async () => (await s.findAll(inPlace("calendar"))).length === 1, "calendar place");
    await s.execute("location.hash = '#/calendar/2025-08-19'");
    await s.waitText(inPlace("calendar", '[data-testid^="cal-event-senior-de-2025:2025-08-23:"]'), "Mock");
    await saveShot(s, "calendar.png");

    // Documents: the plan's documents folder, by default under the desktop's
    // Documents folder (xdg-user-dirs), named after the plan.
    await (await s.find('[data-testid="nav-documents"]')).click();
    await s.waitText(inPlace("documents", '[data-testid="doc-workspace"]'), join(home.dir, "Documents", "studyplan", "senior-de-2025"));

    // Portfolio: the project cards and the plan's weekly checklist (week 1's copy).
    await (await s.find('[data-testid="nav-portfolio"]')).click();
    await s.waitText(inPlace("portfolio", '[data-testid="project-p1-log-etl"]'), "Project 1");
    await s.waitText(inPlace("portfolio", '[data-testid="week-checklist-weekly-plan-w1"]'), "Weekly");

    // Settings: shows the database this run uses.
    await (await s.find('[data-testid="nav-settings"]')).click();
    await s.waitText(inPlace("settings", '[data-testid="app-info"]'), home.env.STUDYPLAN_DB);
  } finally {
    await s.delete();
  }
});

test("the agenda in the app matches the CLI's for the same day", async () => {
  const want = JSON.parse(cli(home, ["agenda", "--date", "2025-08-23", "--json"]));
  assert.ok(want.length > 0);
  const s = await driver.open();
  try {
    await s.execute("location.hash = '#/today/2025-08-23'");
    await s.waitText(inPlace("today", '[data-testid^="block-"]'), want[0].title);
    const shown = await s.findAll(inPlace("today", '[data-testid^="block-senior-de-2025:2025-08-23:"]'));
    assert.equal(shown.length, want.length);
    for (let i = 0; i < want.length; i++) {
      const t = await shown[i].text();
      assert.ok(t.includes(want[i].title), `${t} shows ${want[i].title}`);
    }
  } finally {
    await s.delete();
  }
});

test("a checklist tick and a setting round-trip through SQLite and survive a restart", async () => {
  let itemId;
  let s = await driver.open();
  try {
    await (await s.find('[data-testid="nav-portfolio"]')).click();
    // The Day-1 environment checklist (a once list): "Postgres".
    itemId = "item-environment-setup:postgres";
    await (await s.waitFor(() => s.find(inPlace("portfolio", `[data-testid="${itemId}"]`)), "the Postgres box")).click();
    await s.waitFor(async () => (await s.execute(`return document.querySelector('[data-testid="${itemId}"]').checked`)) === true, "item ticked");

    await (await s.find('[data-testid="nav-settings"]')).click();
    const lead = await s.waitFor(() => s.find('[data-testid="setting-lead"]'), "lead input");
    await lead.clear();
    await lead.type("15");
    await (await s.find('[data-testid="settings-save"]')).click();
    await s.waitText('[data-testid="settings-status"]', "Saved");
  } finally {
    await s.delete();
  }

  // A new app process on the same database.
  s = await driver.open();
  try {
    await (await s.find('[data-testid="nav-portfolio"]')).click();
    await s.waitFor(async () => (await s.execute(`return document.querySelector('[data-testid="${itemId}"]')?.checked`)) === true, "tick kept after restart");
    await (await s.find('[data-testid="nav-settings"]')).click();
    await s.waitFor(async () => (await (await s.find('[data-testid="setting-lead"]')).prop("value")) === "15", "lead time 15 kept after restart");
  } finally {
    await s.delete();
  }
});

test("bad input is refused by core and the error is shown in words", async () => {
  const s = await driver.open();
  try {
    await (await s.find('[data-testid="nav-settings"]')).click();
    const lead = await s.waitFor(() => s.find('[data-testid="setting-lead"]'), "lead input");
    await lead.clear();
    await lead.type("-5");
    await (await s.find('[data-testid="settings-save"]')).click();
    const alert = await s.waitText(inPlace("settings", '[role="alert"]'), "between 0 and 120");
    assert.match(await alert.text(), /Reminder lead time/);
    assert.equal(await s.execute(`return document.querySelector('[role="alert"]').dataset.kind`), "invalid_input");
    await saveShot(s, "settings-error.png");
  } finally {
    await s.delete();
  }
});

test("a plan file that fails to load shows its problems with line and column", async () => {
  const bad = join(ROOT, "tests", "fixtures", "bad-plans", "unknown-zone.toml");
  const s = await driver.open();
  try {
    await (await s.find('[data-testid="nav-settings"]')).click();
    const path = await s.waitFor(() => s.find('[data-testid="load-path"]'), "plan path input");
    await path.type(bad);
    await (await s.find('[data-testid="load-path-submit"]')).click();
    const alert = await s.waitText(inPlace("settings", '[role="alert"]'), "unknown time zone");
    const text = await alert.text();
    assert.match(text, /unknown-zone\.toml:5:12: unknown time zone `Europe\/Berln`/);
    assert.match(text, /IANA/, "the hint is shown too");
    // The CLI reports the same position for the same file.
    let cliErr = "";
    try {
      cli(home, ["validate", bad]);
    } catch (e) {
      cliErr = String(e.stderr);
    }
    assert.match(cliErr, /unknown-zone\.toml:5:12: unknown time zone `Europe\/Berln`/);
  } finally {
    await s.delete();
  }
});
