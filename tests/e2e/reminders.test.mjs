// Reminders against a real D-Bus session and notification server (dunst,
// started by D-Bus activation under Xvfb): the Notify call for a block
// arrives within 2 s of its due time, from the CLI engine and from the app,
// and restarting the engine does not send it again.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Driver, freshHome, cli, cliFor } from "./harness.mjs";
import { NotifyMonitor } from "./notifications.mjs";

const home = freshHome();
const monitor = new NotifyMonitor();
let driver;

before(async () => {
  cli(home, ["plan", "load", "senior-de-2025", "--tz", "UTC"]);
  await monitor.start();
});

after(async () => {
  monitor.stop();
  await driver?.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Add a one-off block starting `secondsAhead` from now (UTC, whole seconds); returns its due time and title. */
function addBlockSoon(title, secondsAhead) {
  const due = Math.ceil(Date.now() / 1000) + secondsAhead;
  const start = new Date(due * 1000).toISOString().slice(0, 19).replace("T", " ");
  cli(home, ["block", "add", "--title", title, "--start", start, "--minutes", "1"]);
  return due;
}

const runCli = (args, ms) => cliFor(home, args, ms);


test("the CLI engine sends a block's start within 2 s of its due time, once", async () => {
  const title = `Reminder check ${process.pid}`;
  const due = addBlockSoon(title, 6);
  const log = await runCli(["remind", "--for", "10"], 15000);
  const calls = monitor.withSummary(`Now: ${title}`);
  assert.equal(calls.length, 1, `one Notify for the start; engine said:\n${log}`);
  assert.equal(calls[0].app, "studyplan");
  const delay = calls[0].time - due;
  assert.ok(delay >= -0.05 && delay <= 2, `Notify ${delay.toFixed(3)} s after the due time`);

  // A restarted engine finds it in the ledger and stays quiet.
  await runCli(["remind", "--for", "3"], 8000);
  assert.equal(monitor.withSummary(`Now: ${title}`).length, 1, "not sent again after a restart");
  // Make room for the next test's block.
  const id = JSON.parse(cli(home, ["agenda", "--json"])).find((b) => b.title === title).id;
  cli(home, ["block", "move", id, "--start", "2030-01-01 06:00"]);
});

test("the app's engine sends a block's start within 2 s of its due time, once", async () => {
  driver = await new Driver(home).start();
  const title = `App reminder check ${process.pid}`;
  // Far enough ahead for a cold app start under CI; the engine reads it at start-up.
  const due = addBlockSoon(title, 12);
  let s = await driver.open();
  try {
    await s.waitText('[data-testid="plan-title"]', "Senior Data Engineering");
    const wait = due * 1000 - Date.now() + 3000;
    await sleep(Math.max(wait, 0));
    const calls = monitor.withSummary(`Now: ${title}`);
    assert.equal(calls.length, 1, "one Notify from the app");
    const delay = calls[0].time - due;
    assert.ok(delay >= -0.05 && delay <= 2, `Notify ${delay.toFixed(3)} s after the due time`);
  } finally {
    await s.delete();
  }
  // Restart the app: nothing is sent twice.
  s = await driver.open();
  try {
    await s.waitText('[data-testid="plan-title"]', "Senior Data Engineering");
    await sleep(3000);
    assert.equal(monitor.withSummary(`Now: ${title}`).length, 1, "not sent again after the app restarted");
  } finally {
    await s.delete();
  }
});
