// E2E of a first run after the default plan has ended: the app's clock on
// Monday 2026-11-30 09:00 UTC (libfaketime: app, web process and CLI), a
// fresh database (the app loads the reference plan, Aug 19 – Oct 18, 2025).
// The first screen offers to start the plan again; accepting it shows
// Tuesday 2026-12-01 with its 7 blocks in Today and in the calendar's week.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { Driver, freshHome, cli, saveShot } from "./harness.mjs";

const FAKETIME_LIB = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";
const home = freshHome();
Object.assign(home.env, { LD_PRELOAD: FAKETIME_LIB, FAKETIME: "@2026-11-30 09:00:00", FAKETIME_DONT_FAKE_MONOTONIC: "1", TZ: "UTC" });
const sel = (id) => `[data-testid="${id}"]`;
let driver;

before(async () => {
  assert.ok(existsSync(FAKETIME_LIB), "libfaketime is installed by scripts/test (Debian package faketime)");
  driver = await new Driver(home).start();
});

after(async () => {
  await driver?.stop();
});

test("on a fresh database after the plan ended, the first screen starts it on the next Tuesday: 7 blocks in Today and the week", { timeout: 120000 }, async () => {
  const s = await driver.open();
  try {
    const offer = await s.waitFor(() => s.find(sel("run-offer")), "the offer to start the plan again", 20000);
    assert.match(await offer.text(), /This plan ended on Sat (18 Oct|Oct 18),? 2025/);
    const start = await s.find(sel("run-offer-start"));
    assert.match(await start.text(), /^Start on Tue (1 Dec|Dec 1),? 2026$/);
    await saveShot(s, "first-run-offer.png");
    await start.click();

    await s.waitText(sel("day-summary"), "7 blocks", 20000);
    const blocks = await s.findAll('[data-testid^="block-senior-de-2025-2026-12-01:2026-12-01:"]');
    assert.equal(blocks.length, 7, "Tuesday's seven blocks");
    assert.equal((await s.findAll(sel("run-offer"))).length, 0, "no offer once the new run is on");
    assert.match(await blocks[0].text(), /\b0?8:00/, "the day starts at 08:00 in the system's zone");
    await saveShot(s, "first-run-today.png");

    await s.execute(`location.hash = "#/calendar/2026-12-01"`);
    await (await s.waitFor(() => s.find(sel("cal-view-week")), "week button")).click();
    await s.waitFor(
      async () => (await s.findAll('[data-testid^="cal-event-senior-de-2025-2026-12-01:2026-12-01:"]')).length === 7,
      "Tuesday's 7 blocks in the week view",
      20000,
    );
    await saveShot(s, "first-run-week.png");
  } finally {
    await s.delete();
  }

  // The CLI sees the same: the new run active, with its own dates in its title; the 2025 run kept.
  const plans = JSON.parse(cli(home, ["--json", "plan", "list"]));
  const active = plans.find((p) => p.active);
  assert.equal(active.id, "senior-de-2025-2026-12-01");
  assert.equal(active.title, "Senior Data Engineering Study Plan (Dec 1, 2026 – Jan 30, 2027)");
  assert.ok(plans.some((p) => p.id === "senior-de-2025" && !p.active), "the 2025 run stays loaded");
});
