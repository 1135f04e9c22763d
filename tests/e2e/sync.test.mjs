// E2E of CalDAV sync in the app: the account is set in Settings → Sync
// (the password goes to gnome-keyring, a real Secret Service on this
// session's D-Bus), "Sync now" publishes the reference plan to a real
// Radicale on 127.0.0.1, and the CLI on the same database finds the
// account, nothing left to write, and no password in the database file.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import net from "node:net";
import { homedir } from "node:os";
import { Driver, freshHome, cli, saveShot } from "./harness.mjs";

const VENV = process.env.STUDYPLAN_RADICALE_VENV || join(homedir(), ".cache", "studyplan", "radicale");
const PASSWORD = "pw-e2e-9x2";
const sel = (id) => `[data-testid="${id}"]`;
const home = freshHome();
let radicale;
let keyring;
let driver;
let url;

async function freePort() {
  return new Promise((ok) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function until(what, fn, ms = 15000) {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => {
  const dir = join(home.dir, "radicale");
  mkdirSync(dir);
  const port = await freePort();
  writeFileSync(join(dir, "users"), `ada:${PASSWORD}\n`);
  writeFileSync(
    join(dir, "config"),
    `[server]\nhosts = 127.0.0.1:${port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = ${dir}/users\nhtpasswd_encryption = plain\n[storage]\nfilesystem_folder = ${dir}/collections\n[logging]\nlevel = warning\n`,
  );
  radicale = spawn(join(VENV, "bin", "radicale"), ["--config", join(dir, "config")], { stdio: "ignore" });
  url = `http://127.0.0.1:${port}/`;
  await until("Radicale", () => new Promise((r) => net.connect(port, "127.0.0.1").on("connect", function () { this.end(); r(true); }).on("error", () => r(false))));
  // The session's Secret Service (the test runs under dbus-run-session).
  mkdirSync(join(home.dir, "keyrings"));
  keyring = spawn("gnome-keyring-daemon", ["--foreground", "--unlock", "--components=secrets"], {
    env: { ...process.env, XDG_DATA_HOME: join(home.dir, "keyrings"), XDG_RUNTIME_DIR: home.dir },
    stdio: ["pipe", "ignore", "ignore"],
  });
  keyring.stdin.end("e2e-login");
  await until("the Secret Service", () =>
    execFileSync("dbus-send", ["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"], { encoding: "utf8" }).includes("org.freedesktop.secrets"),
  );
  cli(home, ["plan", "load", "senior-de-2025", "--tz", "Europe/Berlin"]);
  driver = await new Driver(home).start();
});

after(async () => {
  await driver?.stop();
  keyring?.kill();
  radicale?.kill();
});

test("an account set in Settings syncs the plan to Radicale with Sync now; the CLI then finds nothing left to write", { timeout: 180000 }, async () => {
  const s = await driver.open("#/settings");
  try {
    await s.waitFor(() => s.find(sel("sync-url")), "the sync form", 20000);
    await (await s.find(sel("sync-url"))).type(url);
    await (await s.find(sel("sync-user"))).type("ada");
    await (await s.find(sel("sync-password"))).type(PASSWORD);
    await (await s.find(sel("sync-account-submit"))).click();
    await s.waitText(sel("sync-status"), "ada", 20000);
    await (await s.find(sel("sync-now"))).click();
    const result = await s.waitText(sel("sync-result"), "784 written", 120000);
    assert.match(await result.text(), /784 written/);
    await saveShot(s, "settings-sync.png");

    const status = JSON.parse(cli(home, ["--json", "sync", "status"]));
    assert.equal(status.username, "ada");
    assert.equal(status.last_error, null);
    assert.equal(status.report.created, 784);
    const again = JSON.parse(cli(home, ["--json", "sync"]));
    assert.equal(again.created + again.updated + again.deleted, 0, JSON.stringify(again));
    assert.ok(!readFileSync(home.env.STUDYPLAN_DB).includes(Buffer.from(PASSWORD)), "no password in the database");
  } finally {
    await s.delete();
  }
});
