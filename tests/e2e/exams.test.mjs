// E2E of certification readiness with the clock in week 4 of the reference plan (libfaketime:
// the app, its web process and the CLI all start at Tue 9 Sep 2025 08:00 UTC and run on from there).
// Log a DBX-DEA practice exam with per-domain scores in the app, see the readiness view and the
// week's checklist item fill from it, accept a remediation proposal, and find the renamed blocks
// on the calendar and in `studyplan agenda`.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { Driver, freshHome, cli, saveShot } from "./harness.mjs";

const FAKETIME_LIB = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";
const home = freshHome();
// "@" starts the clock at that instant and lets it run (a frozen clock would stall timers).
Object.assign(home.env, { LD_PRELOAD: FAKETIME_LIB, FAKETIME: "@2025-09-09 08:00:00", FAKETIME_DONT_FAKE_MONOTONIC: "1", TZ: "UTC" });
let driver;
const sel = (id) => `[data-testid="${id}"]`;

before(async () => {
  assert.ok(existsSync(FAKETIME_LIB), "libfaketime is installed by scripts/test (Debian package faketime)");
  cli(home, ["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]);
  driver = await new Driver(home).start();
});

after(async () => {
  await driver?.stop();
});

test("a DBX-DEA practice exam logged in week 4 updates readiness and the weekly checklist; accepted remediation renames the blocks", { timeout: 180000 }, async () => {
  // The faked clock reaches the CLI: today is in week 4.
  const { overview } = JSON.parse(cli(home, ["--json", "today"]));
  assert.equal(overview.today, "2025-09-09", JSON.stringify(overview).slice(0, 200));

  const s = await driver.open("#/portfolio");
  try {
    await s.waitFor(() => s.find(sel("cert-dbx-dea")), "the DBX-DEA card", 20000);
    await (await s.find(sel("exam-log-open-dbx-dea"))).click();
    await s.waitFor(() => s.find(sel("exam-dialog")), "the practice exam dialog");
    await (await s.find(sel("exam-score"))).type("41/60");
    await (await s.find(sel("exam-minutes"))).type("90");
    await (await s.find(sel("exam-domain-processing"))).type("50");
    await (await s.find(sel("exam-domain-governance"))).type("40%");
    await (await s.find(sel("exam-domain-ingestion"))).type("24/30");
    await (await s.find(sel("exam-submit"))).click();
    await s.waitFor(async () => (await s.findAll(sel("exam-logged"))).length > 0 || (await s.findAll(sel("exam-error"))).length > 0, "the exam to be logged");
    assert.equal((await s.findAll(sel("exam-error"))).length, 0, "no error from core");
    await (await s.find(sel("exam-done"))).click();
    await s.waitFor(async () => (await s.findAll(sel("exam-dialog"))).length === 0, "the dialog to close");

    // Readiness: processing (31 %, 50 %) is the weakest weighted domain; 1 of 2 practice exams.
    const processing = await s.waitText(sel("cert-domain-dbx-dea-processing"), "50");
    assert.match(await processing.text(), /weak/i);
    const first = await s.execute(`return document.querySelector('[data-testid^="cert-domain-dbx-dea-"]')?.dataset.testid`);
    assert.equal(first, "cert-domain-dbx-dea-processing", "weakest first");
    assert.match(await (await s.find(sel("cert-ready-dbx-dea"))).text(), /1 of 2/);

    // The week-4 checklist's certification item fills itself from the logged exam.
    await s.waitText(sel("measured-weekly-plan:w4:certification"), "1");
    assert.equal(await s.execute(`return document.querySelector('[data-testid="item-weekly-plan:w4:certification"]')?.checked`), true);

    // Remediation: propose, then accept.
    await (await s.find(sel("remediation-propose-dbx-dea"))).click();
    const proposal = await s.waitText(sel("remediation-dbx-dea"), "Remediation (DBX-DEA): Data Processing");
    assert.ok((await proposal.text()).length > 0);
    const before = JSON.parse(cli(home, ["--json", "exam", "remediate", "dbx-dea"]));
    assert.ok(before.blocks.length > 0);
    const untouched = JSON.parse(cli(home, ["--json", "agenda", "--date", before.blocks[0].date]));
    assert.equal(untouched.find((b) => b.id === before.blocks[0].block_id).title, before.blocks[0].replaces, "nothing changed before accepting");
    await (await s.find(sel("remediation-accept-dbx-dea"))).click();
    await s.waitText(sel("remediation-done-dbx-dea"), "renamed");
    await saveShot(s, "certifications.png");

    // The calendar and the CLI show the new titles.
    const b = before.blocks[0];
    const agenda = JSON.parse(cli(home, ["--json", "agenda", "--date", b.date]));
    assert.equal(agenda.find((x) => x.id === b.block_id).title, b.title);
    await s.execute(`location.hash = arguments[0];`, [`#/calendar/${b.date}`]);
    await s.waitText(`[data-testid="cal-event-${b.block_id}"]`, "Remediation (DBX-DEA)");
    await saveShot(s, "calendar-remediation.png");
  } finally {
    await s.delete();
  }
});
