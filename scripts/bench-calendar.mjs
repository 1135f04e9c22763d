// Time to render the calendar's week and month views in the real app, on the
// reference plan and on a database of ~100,000 blocks. Run under Xvfb and a
// D-Bus session with tauri-driver on PATH (scripts/bench-calendar.sh).
// Prints Markdown. Times are from the navigation to the frame after every
// event of the view is in the DOM (performance.now() in the page).

import { Driver, freshHome, cli } from "../tests/e2e/harness.mjs";
import { bigPlan, median } from "./bench-lib.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 5);


// In the page: navigate, then resolve when `min` events are rendered and a frame has passed. A month
// cell shows three events and "+N more", so a month of 28 blocks a day shows about 140.
const MEASURE = `
const [hash, view, min, done] = arguments;
const t0 = performance.now();
location.hash = hash;
const viewBtn = () => document.querySelector('[data-testid="cal-view-' + view + '"]');
let clicked = false;
(function poll() {
  const b = viewBtn();
  if (b && !clicked) { b.click(); clicked = true; }
  // Events of the chosen view's grid (not of the one shown before the click).
  const grid = document.querySelector('[data-testid="cal-grid"]');
  const n = grid?.dataset.view === view ? grid.querySelectorAll('[data-testid^="cal-event-"]').length : 0;
  if (clicked && n >= min) {
    requestAnimationFrame(() => requestAnimationFrame(() => done({ ms: performance.now() - t0, n })));
  } else if (performance.now() - t0 > 20000) {
    done({ ms: -1, n });
  } else {
    requestAnimationFrame(poll);
  }
})();`;

async function measure(home, date, view, min) {
  const driver = await new Driver(home).start();
  const results = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const s = await driver.open();
      try {
        await s.waitText('[data-testid="plan-title"]');
        // Start from another place so the calendar mounts fresh.
        await s.execute("location.hash = '#/documents'");
        const r = await s.cmd("POST", "/execute/async", { script: MEASURE, args: [`#/calendar/${date}`, view, min] });
        results.push(r);
      } finally {
        await s.delete();
      }
    }
  } finally {
    await driver.stop();
  }
  return results;
}


const rows = [];
const ref = freshHome();
cli(ref, ["plan", "load", "senior-de-2025", "--tz", "UTC"]);
const big = freshHome();
cli(big, ["plan", "load", bigPlan(big.dir), "--start", "2024-01-01", "--tz", "UTC"]);
for (const [label, home, date] of [["reference plan (392 blocks)", ref, "2025-09-15"], ["~100k blocks (101,920)", big, "2025-09-15"]]) {
  for (const [view, min] of [["week", label.startsWith("ref") ? 30 : 150], ["month", label.startsWith("ref") ? 60 : 100]]) {
    const rs = await measure(home, date, view, min);
    const ms = rs.map((r) => r.ms).filter((x) => x >= 0);
    rows.push(`| ${label} | ${view} | ${median(ms).toFixed(0)} ms | ${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} ms | ${rs[0].n} |`);
  }
}
console.log(`Runs: ${RUNS} per row, each in a fresh app process.\n`);
console.log("| database | view | median | range | events in view |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(r);
