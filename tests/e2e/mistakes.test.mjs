// The mistakes log's revisits against a real D-Bus session and notification
// server (dunst under Xvfb): a revisit placed in a block of its track reminds
// once at the block's start, and a restarted engine does not send it again.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { freshHome, cli, cliFor } from "./harness.mjs";
import { NotifyMonitor } from "./notifications.mjs";

const home = freshHome();
const monitor = new NotifyMonitor();

before(async () => {
  cli(home, ["plan", "load", "senior-de-2025", "--tz", "UTC"]);
  await monitor.start();
});

after(() => monitor.stop());

const runCli = (args, ms) => cliFor(home, args, ms);

const day = (t) => new Date(t * 1000).toISOString().slice(0, 10);

test("a mistake's 48-hour revisit reminds once, inside today's block of its track", async () => {
  // Today's Python DSA block starts in a few seconds (a one-off block, UTC).
  const due = Math.ceil(Date.now() / 1000) + 8;
  const start = new Date(due * 1000).toISOString().slice(0, 19).replace("T", " ");
  cli(home, ["block", "add", "--title", `DSA review ${process.pid}`, "--start", start, "--minutes", "1", "--track", "dsa"]);
  // A mistake made two days ago: its first revisit is today, in that block.
  const made = day(due - 2 * 86400);
  const m = JSON.parse(cli(home, ["--json", "mistake", "add", "--track", "dsa", "--topic", `Two pointers ${process.pid}`, "--what", "Moved both pointers", "--date", made]));
  assert.equal(m.revisits[0].date, day(due));
  assert.equal(Date.parse(m.revisits[0].start_utc) / 1000, due, "at the block's start");

  const summary = `Revisit a mistake: Two pointers ${process.pid}`;
  const log = await runCli(["remind", "--for", "12"], 17000);
  const calls = monitor.withSummary(summary);
  assert.equal(calls.length, 1, `one Notify for the revisit; engine said:\n${log}`);
  const delay = calls[0].time - due;
  assert.ok(delay >= -0.05 && delay <= 2, `Notify ${delay.toFixed(3)} s after the due time`);

  await runCli(["remind", "--for", "3"], 8000);
  assert.equal(monitor.withSummary(summary).length, 1, "not sent again after a restart");

  // Closed "again": one more revisit two days on, and it is listed as open.
  const after = JSON.parse(cli(home, ["--json", "revisit", String(m.revisits[0].id), "again"]));
  assert.deepEqual(after.revisits.map((r) => [r.date, r.outcome]), [
    [day(due), "again"],
    [day(due + 5 * 86400), null],
    [day(due + 2 * 86400), null],
  ]);
});
