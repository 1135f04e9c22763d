// Concurrent writers on one database, as a person's machine runs them: the app (with its reminder
// engine), a `studyplan remind` service and a shell loop of CLI block changes, all at once for
// about a minute and a half. No write may fail (a busy database is waited for, not reported), and
// each reminder reaches the real notification server once however many engines race for it.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { Driver, freshHome, cli, cliFor, CLI } from "./harness.mjs";
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

/** Run the CLI once; resolves with its exit code and stderr. */
function run(args) {
  return new Promise((ok) => {
    const p = spawn(CLI, args, { env: { ...process.env, ...home.env } });
    let err = "";
    p.stderr.on("data", (d) => (err += d));
    p.on("exit", (code) => ok({ code, err }));
  });
}

test("the app, a remind service and a CLI writer at once: no failed write, each reminder once", { timeout: 240000 }, async () => {
  // Two blocks starting soon, one after the other (UTC, whole seconds).
  const t0 = Math.ceil(Date.now() / 1000);
  const blocks = [25, 95].map((ahead, i) => {
    const due = t0 + ahead;
    const title = `Race ${i + 1} ${process.pid}`;
    const start = new Date(due * 1000).toISOString().slice(0, 19).replace("T", " ");
    cli(home, ["block", "add", "--title", title, "--start", start, "--minutes", "1"]);
    return { title, due };
  });

  driver = await new Driver(home).start();
  const s = await driver.open("#/today");
  // Two services (a user who also started one by hand): three engines in all.
  const services = [cliFor(home, ["remind", "--for", "110"], 120000), cliFor(home, ["remind", "--for", "110"], 120000)];
  // The writer: notes, counters and status changes on the reference plan's blocks, as fast as it can.
  const ids = JSON.parse(cli(home, ["--json", "agenda", "--date", "2025-08-19"])).map((b) => b.id);
  const failures = [];
  let writes = 0;
  const stopAt = Date.now() + 105000;
  try {
    while (Date.now() < stopAt) {
      const id = ids[writes % ids.length];
      const step = [
        ["block", "note", id, `note ${writes}`, "--problems", String(writes % 40)],
        ["block", "done", id],
        ["block", "undo", id],
      ][writes % 3];
      const r = await run(step);
      if (r.code !== 0) failures.push(`${step.join(" ")}: ${r.err.trim()}`);
      writes++;
    }
  } finally {
    await s.delete();
  }
  const log = (await Promise.all(services)).join("\n");
  assert.deepEqual(failures, [], `${failures.length} of ${writes} writes failed`);
  assert.ok(writes > 100, `only ${writes} writes`);
  assert.ok(!/database is locked|busy/i.test(log), `the remind service reported:\n${log}`);
  for (const b of blocks) {
    const calls = monitor.withSummary(`Now: ${b.title}`);
    assert.equal(calls.length, 1, `${b.title}: ${calls.length} Notify calls from three engines`);
  }
});
