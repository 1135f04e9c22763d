// The Debian package (scripts/package, Tauri's bundler): installed with
// `dpkg -i` into a fresh dpkg root, the installed app starts under Xvfb
// with the default plan, the installed CLI reads the same database, and
// `dpkg -r` removes it all. scripts/test builds the package and passes its
// path in STUDYPLAN_DEB. The root is a fresh prefix with its own dpkg
// database; the app runs on this machine's libraries, so the package's
// Depends must all be installed here (checked first).

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DEB = process.env.STUDYPLAN_DEB;
const root = mkdtempSync(join(tmpdir(), "studyplan-deb-root-"));
const run = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8" });
let driver;

after(async () => {
  await driver?.stop();
});

test("the .deb installs into a fresh root, its app starts with the default plan, and it removes cleanly", { skip: !DEB && "STUDYPLAN_DEB is not set (scripts/test builds the package)", timeout: 180000 }, async () => {
  assert.ok(existsSync(DEB), DEB);
  const size = statSync(DEB).size;
  console.log(`# package: ${DEB} (${(size / 1e6).toFixed(2)} MB)`);
  const field = (f) => run("dpkg-deb", ["-f", DEB, f]).trim();
  assert.equal(field("Package"), "studyplan");

  // Every dependency the package names is on this machine.
  for (const dep of field("Depends").split(",").map((d) => d.trim().split(/[ (|]/)[0]).filter(Boolean)) {
    assert.match(run("dpkg-query", ["-W", "-f", "${Status}", dep]), /install ok installed/, `dependency ${dep}`);
  }

  // A fresh dpkg root: its own database, nothing installed.
  for (const d of ["var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers"]) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, "var/lib/dpkg/status"), "");
  writeFileSync(join(root, "var/lib/dpkg/available"), "");
  // The dependencies live in the host's database, not this root's.
  run("dpkg", [`--root=${root}`, "--force-depends", "--force-not-root", "-i", DEB]);
  assert.match(run("dpkg", [`--root=${root}`, "-s", "studyplan"]), /Status: install ok installed/);

  const app = join(root, "usr/bin/studyplan-app");
  const cli = join(root, "usr/bin/studyplan");
  for (const f of [app, cli, join(root, "usr/lib/systemd/user/studyplan-remind.service")]) assert.ok(existsSync(f), f);
  const desktop = readdirSync(join(root, "usr/share/applications")).filter((f) => f.endsWith(".desktop"));
  assert.equal(desktop.length, 1, desktop.join(", "));
  const entry = readFileSync(join(root, "usr/share/applications", desktop[0]), "utf8");
  assert.match(entry, /^Exec=studyplan-app/m);
  assert.match(entry, /^Categories=.*Education/m);
  const icon = entry.match(/^Icon=(.+)$/m)[1];
  assert.ok(run("find", [join(root, "usr/share/icons"), "-name", `${icon}.png`]).trim() !== "", `icon ${icon}`);
  const plans = run("find", [join(root, "usr/lib"), "-name", "*.toml"]).trim().split("\n");
  assert.ok(plans.some((p) => p.endsWith("senior-de-2025.toml")), plans.join("\n"));
  assert.match(readFileSync(join(root, "usr/lib/systemd/user/studyplan-remind.service"), "utf8"), /^ExecStart=\/usr\/bin\/studyplan remind$/m);
  assert.ok(!existsSync(join(root, "etc/systemd/user/graphical-session.target.wants")), "the reminder unit is not enabled");

  // The installed app, under Xvfb through tauri-driver, on a fresh home.
  process.env.STUDYPLAN_APP = app;
  process.env.STUDYPLAN_CLI = cli;
  const { Driver, freshHome, cli: runCli } = await import("./harness.mjs");
  const home = freshHome();
  driver = await new Driver(home).start();
  const s = await driver.open();
  try {
    await s.waitText('[data-testid="place-today"]', "", 20000);
    const title = await s.execute("return document.title");
    assert.match(title, /studyplan/i);
    await s.waitText("aside, nav, [data-testid='sidebar']", "Senior Data Engineering Study Plan", 20000);
  } finally {
    await s.delete();
  }
  await driver.stop();
  driver = undefined;
  const plans2 = JSON.parse(runCli(home, ["--json", "plan", "list"]));
  assert.equal(plans2[0].id.startsWith("senior-de-2025"), true, "the installed CLI reads the app's database");

  run("dpkg", [`--root=${root}`, "--force-not-root", "-r", "studyplan"]);
  assert.ok(!existsSync(app) && !existsSync(cli), "removed");
  assert.doesNotMatch(run("dpkg", [`--root=${root}`, "-l"]), /^ii\s+studyplan/m);
});
