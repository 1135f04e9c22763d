// E2E of other calendars as busy time, with the clock on Wed 20 Aug 2025
// 07:00 UTC (libfaketime: app, web process and CLI). A work calendar
// imported with the CLI shows in Today (with the study block it collides
// with flagged) and on the calendar; a course calendar subscribed in
// Settings over HTTP from 127.0.0.1 shows with its report.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, copyFileSync, mkdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { Driver, freshHome, cli, saveShot, ROOT } from "./harness.mjs";
import { ELEMENT } from "./webdriver.mjs";

const FAKETIME_LIB = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";
const home = freshHome();
Object.assign(home.env, { LD_PRELOAD: FAKETIME_LIB, FAKETIME: "@2025-08-20 07:00:00", FAKETIME_DONT_FAKE_MONOTONIC: "1", TZ: "UTC" });
const sel = (id) => `[data-testid="${id}"]`;
const ICS = join(ROOT, "tests", "fixtures", "ics");
let driver;
let feed;
let port;

before(async () => {
  assert.ok(existsSync(FAKETIME_LIB), "libfaketime is installed by scripts/test (Debian package faketime)");
  cli(home, ["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]);
  cli(home, ["import", "ics", join(ICS, "07-rrule-exdate-override.ics"), "--name", "Work"]);
  // The course calendar, served the way a calendar host would (ETag, 304).
  const www = join(home.dir, "www");
  mkdirSync(www);
  copyFileSync(join(ICS, "01-google.ics"), join(www, "course.ics"));
  feed = spawn("/usr/bin/python3", [join(ROOT, "tests", "cli", "ics_server.py"), www], { stdio: ["ignore", "pipe", "inherit"] });
  port = await new Promise((ok) => createInterface({ input: feed.stdout }).once("line", (l) => ok(Number(l))));
  driver = await new Driver(home).start();
});

after(async () => {
  feed?.kill();
  await driver?.stop();
});

test("busy time from another calendar shows in Today and the calendar, and flags the block it collides with", { timeout: 120000 }, async () => {
  const s = await driver.open();
  try {
    const busy = await s.waitText(sel("today-busy"), "Team standup", 20000);
    assert.match(await busy.text(), /Work/);
    const flag = await s.waitText(sel("block-busy"), "Team standup");
    assert.match(await flag.text(), /Collides with Team standup \(Work\)/);
    await saveShot(s, "today-busy.png");

    await s.execute(`location.hash = "#/calendar"`);
    await s.waitFor(async () => (await s.findAll(sel("busy-event"))).length > 0, "busy events on the calendar", 20000);
    const texts = await Promise.all((await s.findAll(sel("busy-event"))).map((e) => e.text()));
    assert.ok(texts.some((t) => /Team standup/.test(t)), texts.join(" | "));
    await saveShot(s, "calendar-busy.png");
  } finally {
    await s.delete();
  }
});

test("a calendar subscribed in Settings is read over HTTP and listed with its report", { timeout: 120000 }, async () => {
  const s = await driver.open("#/settings");
  try {
    await s.waitFor(() => s.find(sel("calendars-subscribe-url")), "the subscribe form", 20000);
    await (await s.find(sel("calendars-subscribe-url"))).type(`http://127.0.0.1:${port}/course.ics`);
    await (await s.find(sel("calendars-subscribe-name"))).type("Course");
    await (await s.find(sel("calendars-subscribe-submit"))).click();
    await s.waitFor(async () => (await s.findAll(sel("calendar-source"))).length === 2, "the second calendar", 20000);
    const rows = await Promise.all((await s.findAll(sel("calendar-source"))).map((e) => e.text()));
    const course = rows.find((r) => r.includes("Course"));
    assert.ok(course, rows.join(" | "));
    assert.match(course, /3 events/);
    // The CLI sees the same subscription, with the refresh interval the form set.
    const list = JSON.parse(cli(home, ["--json", "subscriptions"]));
    const sub = list.find((x) => x.name === "Course");
    assert.equal(sub.kind, "url");
    assert.equal(sub.refresh_minutes, 60);
    // A bad address is refused in words under the form; nothing is added.
    const url = await s.find(sel("calendars-subscribe-url"));
    await s.execute(`arguments[0].value = ""; arguments[0].dispatchEvent(new Event("input", { bubbles: true }));`, [{ [ELEMENT]: url.id }]);
    await url.type("ftp://example.org/x.ics");
    await (await s.find(sel("calendars-subscribe-submit"))).click();
    await s.waitText("body", "http, https or webcal");
    assert.equal((await s.findAll(sel("calendar-source"))).length, 2);
    await saveShot(s, "settings-calendars.png");
  } finally {
    await s.delete();
  }
});
