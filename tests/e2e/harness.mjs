// Starts the real app under tauri-driver with its own fresh data folders,
// and runs the `studyplan` CLI against the same database.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import net from "node:net";
import { Session } from "./webdriver.mjs";

export const ROOT = resolve(import.meta.dirname, "../..");
const TARGET = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, "target");
export const APP = process.env.STUDYPLAN_APP || join(TARGET, "debug", "studyplan-app");
export const CLI = process.env.STUDYPLAN_CLI || join(TARGET, "debug", "studyplan");
export const ARTIFACTS = join(ROOT, "tests", "e2e", "artifacts");

async function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on("error", fail);
  });
}

async function waitPort(port, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((r) => {
      const s = net.connect(port, "127.0.0.1", () => (s.end(), r(true)));
      s.on("error", () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/** A fresh home for the app: XDG folders and a database path, all under one temp dir. */
export function freshHome() {
  const dir = mkdtempSync(join(tmpdir(), "studyplan-e2e-"));
  const env = {
    XDG_DATA_HOME: join(dir, "data"),
    XDG_CONFIG_HOME: join(dir, "config"),
    XDG_CACHE_HOME: join(dir, "cache"),
    STUDYPLAN_DB: join(dir, "data", "studyplan.db"),
  };
  for (const k of ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"]) mkdirSync(env[k], { recursive: true });
  // The desktop's "Documents" folder (xdg-user-dirs), where each plan's
  // documents folder is made by default: inside the temp home, not ~.
  writeFileSync(join(env.XDG_CONFIG_HOME, "user-dirs.dirs"), `XDG_DOCUMENTS_DIR="${join(dir, "Documents")}"\n`);
  return { dir, env };
}

/** tauri-driver for one home; `open()` starts the app, `close()` quits it. */
export class Driver {
  constructor(home) {
    this.home = home;
  }

  async start() {
    this.port = await freePort();
    const nativePort = await freePort();
    this.proc = spawn("tauri-driver", ["--port", String(this.port), "--native-port", String(nativePort)], {
      env: { ...process.env, ...this.home.env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    this.stderr = "";
    this.proc.stderr.on("data", (d) => (this.stderr += d));
    await waitPort(this.port);
    return this;
  }

  async open(hash = "") {
    // A restart must not meet the previous app still shutting down: the app
    // is single-instance, so a second process would hand over and exit.
    await appGone();
    let s;
    try {
      s = await Session.create(`http://127.0.0.1:${this.port}`, { "tauri:options": { application: APP } });
    } catch (e) {
      // One retry, on a fresh driver: the last one may still be tearing down a session, or be stuck
      // waiting for an app that exited at start (no answer at all; Session.create gives up).
      console.log(`# session not created (${e.message}); retrying on a fresh driver. Driver said: ${this.stderr.slice(-500)}`);
      await this.stop();
      await this.start();
      await appGone();
      s = await Session.create(`http://127.0.0.1:${this.port}`, { "tauri:options": { application: APP } });
    }
    // The page paints a static frame before the app mounts: wait for the app.
    await s.waitFor(async () => (await s.findAll('[data-testid="nav-today"]')).length > 0, "the app to mount", 20000);
    if (hash) {
      await s.execute(`location.hash = arguments[0];`, [hash]);
    }
    return s;
  }

  async stop() {
    if (this.proc) {
      this.proc.kill("SIGTERM");
      await new Promise((r) => (this.proc.exitCode !== null ? r() : this.proc.once("exit", r)));
      // An app that outlives its driver (still inside a sync, say) holds the
      // driver's stderr pipe, and an open pipe keeps this test file, and so
      // the whole run, from ever finishing: wait for it, then stop it.
      if (!(await appGone())) {
        try {
          execFileSync("pkill", ["-KILL", "-f", "-x", `${APP}( .*)?`], { stdio: "ignore" });
        } catch {
          // pkill exits 1 when the app went in the meantime.
        }
        await appGone();
      }
      this.proc.stderr?.destroy();
    }
  }
}

/** Wait (up to 10 s) until no process runs the app binary; true when none does. */
async function appGone() {
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync("pgrep", ["-f", "-x", `${APP}( .*)?`], { stdio: "ignore" });
    } catch {
      return true; // pgrep exits 1: none left
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Run the CLI on the same database; returns stdout. */
export function cli(home, args) {
  // Large listings (a thousand mistakes) exceed the default 1 MB buffer.
  return execFileSync(CLI, args, { env: { ...process.env, ...home.env }, encoding: "utf8", maxBuffer: 256 << 20 });
}

/** Run the CLI for `ms` milliseconds (then SIGINT, as Ctrl-C would); resolves with its output. */
export function cliFor(home, args, ms) {
  return new Promise((ok, fail) => {
    const p = spawn(CLI, args, { env: { ...process.env, ...home.env } });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => p.kill("SIGINT"), ms);
    p.on("exit", () => (clearTimeout(timer), ok(out)));
    p.on("error", fail);
  });
}

export async function saveShot(session, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  // WebKit can hand back the previous frame right after a DOM change: let two
  // animation frames pass so the screenshot shows what the DOM now says.
  await session.cmd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));",
    args: [],
  });
  const png = await session.screenshot();
  writeFileSync(join(ARTIFACTS, name), png);
  // `STUDYPLAN_SCREENSHOT_DIR=docs/screenshots` refreshes the README's pictures.
  const extra = process.env.STUDYPLAN_SCREENSHOT_DIR;
  if (extra) {
    mkdirSync(resolve(ROOT, extra), { recursive: true });
    writeFileSync(join(resolve(ROOT, extra), name), png);
  }
  return png;
}
