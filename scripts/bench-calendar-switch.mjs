// Calendar switches in a warm app process (issue 13): the first open of the
// Calendar (its chunk load included), week → month, and month → next month,
// each timed from the click to the frame after every event of the new view
// is in the DOM (performance.now() in the page); and the `agenda` call a
// month needs, alone, to show how little of that is the data.
// Run under Xvfb and a D-Bus session with tauri-driver on PATH
// (scripts/bench-calendar.sh runs it after bench-calendar.mjs).

import { Driver, freshHome, cli } from "../tests/e2e/harness.mjs";
import { bigPlan, median } from "./bench-lib.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 5);

// Run ACTION, then resolve when the events in view match WANT (a date
// prefix of their test ids, and a count) and two frames have passed.
const STEP = `
const [action, view, prefix, min, done] = arguments;
const start = performance.now();
// No eval under the app's CSP: an action is a hash to go to or a button to click.
if (action.startsWith('#')) location.hash = action;
else document.querySelector('[data-testid="' + action + '"]').click();
(function poll() {
  // The new view's grid (the old one may hold some of the same days), with its events.
  const grid = document.querySelector('[data-testid="cal-grid"]');
  const n = grid?.dataset.view === view ? [...grid.querySelectorAll('[data-testid^="cal-event-"]')].filter((e) => e.dataset.testid.includes(prefix)).length : 0;
  if (n >= min) {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const ms = performance.now() - start;
      done({ ms, n });
    }));
  } else if (performance.now() - start > 20000) {
    done({ ms: -1, n });
  } else {
    requestAnimationFrame(poll);
  }
})();`;

const AGENDA = `
const done = arguments[arguments.length - 1];
const t = performance.now();
window.__TAURI_INTERNALS__.invoke('agenda', { from: '2025-09-29', to: '2025-11-02' }).then((r) => done({ ms: performance.now() - t, n: r.length }));`;



async function run(home, plan) {
  const driver = await new Driver(home).start();
  const out = { open: [], month: [], next: [], ipc: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      const s = await driver.open();
      try {
        await s.waitText('[data-testid="plan-title"]');
        const step = (action, view, prefix, min) => s.cmd("POST", "/execute/async", { script: STEP, args: [action, view, prefix, min] });
        // The first open: Today → Calendar (week of 15 Sep 2025).
        out.open.push(await step("#/calendar/2025-09-15", "week", `${plan}:2025-09-1`, 10));
        out.month.push(await step("cal-view-month", "month", `${plan}:2025-09-2`, 10));
        out.next.push(await step("cal-next", "month", `${plan}:2025-10-1`, 8));
        // The month's data alone: the agenda call the month view makes, timed in the page.
        out.ipc.push(await s.cmd("POST", "/execute/async", { script: AGENDA, args: [] }));
      } finally {
        await s.delete();
      }
    }
  } finally {
    await driver.stop();
  }
  return out;
}

const ref = freshHome();
cli(ref, ["plan", "load", "senior-de-2025", "--tz", "UTC"]);
const big = freshHome();
cli(big, ["plan", "load", bigPlan(big.dir), "--start", "2024-01-01", "--tz", "UTC"]);
console.log(`Runs: ${RUNS} app processes per database; each does the three steps in order.\n`);
console.log("| database | step | median | range | events in view |");
console.log("|---|---|---|---|---|");
for (const [label, home, plan] of [["reference plan", ref, "senior-de-2025"], ["101,920 blocks", big, "big"]]) {
  const r = await run(home, plan);
  for (const [step, name] of [["open", "first open (week)"], ["month", "week → month"], ["next", "month → next month"]]) {
    const ms = r[step].map((x) => x.ms).filter((x) => x >= 0);
    const last = r[step][r[step].length - 1];
    console.log(`| ${label} | ${name} | ${median(ms).toFixed(0)} ms | ${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} | ${last.n} |`);
  }
  const a = r.ipc.map((x) => x.ms);
  console.log(`| ${label} | agenda IPC for the month view's 35 days alone | ${median(a).toFixed(1)} ms | ${Math.min(...a).toFixed(1)}–${Math.max(...a).toFixed(1)} | ${r.ipc[0].n} blocks |`);
}
