// Crash safety of the app: the window writes (block notes and mistakes, one
// after another, each awaited) and the app is killed with SIGKILL at a
// random point, ROUNDS times. After each kill the database passes SQLite's
// integrity check, every write the app had acknowledged is there, and the
// app starts again on that database. (tests/cli/crash.rs does the same for
// the CLI.)

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { freshHome, cli, Driver, APP } from "./harness.mjs";

const ROUNDS = Number(process.env.STUDYPLAN_CRASH_ROUNDS || 50);
const home = freshHome();
let driver;

after(async () => {
  if (driver) await driver.stop();
});

function integrity(db) {
  return execFileSync("python3", ["-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", db], {
    encoding: "utf8",
  }).trim();
}

function appPid() {
  const out = execFileSync("pgrep", ["-f", "-x", `${APP}( .*)?`], { encoding: "utf8" }).trim().split("\n");
  assert.equal(out.length, 1, `one app process: ${out}`);
  return Number(out[0]);
}

// A seeded generator, so a failing round can be replayed (STUDYPLAN_CRASH_SEED).
const seed = Number(process.env.STUDYPLAN_CRASH_SEED || Date.now() % 1e9);
let state = seed;
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state / 2 ** 31);

test(`the app killed mid-write ${ROUNDS} times loses no acknowledged write and starts again`, { timeout: 15 * 60_000 }, async () => {
  cli(home, ["plan", "load", "senior-de-2025", "--tz", "UTC"]);
  const ids = JSON.parse(cli(home, ["--json", "agenda", "--from", "2025-08-19", "--to", "2025-08-20"])).map((b) => b.id);
  assert.ok(ids.length >= 10);
  driver = await new Driver(home).start();
  const acked = { notes: new Map(), mistakes: new Set() };

  for (let round = 0; round < ROUNDS; round++) {
    const s = await driver.open();
    // Writes run in the page on their own; each acknowledged one is listed.
    await s.execute(
      `const [ids, round] = arguments;
       window.__acks = [];
       (async () => {
         for (let k = 0; ; k++) {
           const tag = "r" + round + "-" + k;
           if (k % 2 === 0) {
             const id = ids[(k / 2) % ids.length];
             await window.__TAURI_INTERNALS__.invoke("block_annotate", { id, note: tag, problems: k, queries: null });
             window.__acks.push(["note", id, tag, k]);
           } else {
             await window.__TAURI_INTERNALS__.invoke("mistake_add", { date: "2025-08-19", track: "dsa", topic: tag, what: "crash test", fix: null, link: null });
             window.__acks.push(["mistake", tag]);
           }
         }
       })();`,
      [ids, round],
    );
    const want = 1 + Math.floor(random() * 40);
    await s.waitFor(async () => (await s.execute("return window.__acks.length")) >= want, `${want} writes`, 20000);
    // Read what was acknowledged, then kill at once: writes keep going in
    // between, so the kill lands inside one of them or between two.
    const acks = await s.execute("return window.__acks.slice()");
    process.kill(appPid(), "SIGKILL");
    await s.delete().catch(() => {});

    assert.equal(integrity(home.env.STUDYPLAN_DB), "ok", `round ${round}: integrity_check`);
    for (const a of acks) {
      if (a[0] === "note") acked.notes.set(a[1], { tag: a[2], k: a[3], round });
      else acked.mistakes.add(a[1]);
    }
    // Each block holds its last acknowledged note, or a later one.
    const blocks = JSON.parse(cli(home, ["--json", "agenda", "--from", "2025-08-19", "--to", "2025-08-20"]));
    for (const b of blocks) {
      const last = acked.notes.get(b.id);
      if (!last) continue;
      const m = /^r(\d+)-(\d+)$/.exec(b.user_note ?? "");
      assert.ok(m, `round ${round}: block ${b.id} lost its note ${last.tag} (has ${b.user_note})`);
      const [r, k] = [Number(m[1]), Number(m[2])];
      assert.ok(r > last.round || (r === last.round && k >= last.k), `round ${round}: block ${b.id} has ${b.user_note}, older than the acknowledged ${last.tag}`);
    }
    const topics = new Set(JSON.parse(cli(home, ["--json", "mistakes"])).map((m) => m.topic));
    for (const t of acked.mistakes) assert.ok(topics.has(t), `round ${round} (seed ${seed}): acknowledged mistake ${t} is missing`);
  }
  // The last start: the app comes up on the database the kills left behind.
  const s = await driver.open();
  await s.delete();
  assert.ok(acked.mistakes.size >= ROUNDS / 2, `${acked.mistakes.size} acknowledged mistakes checked`);
});
