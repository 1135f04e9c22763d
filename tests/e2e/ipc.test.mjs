// Every IPC command, given malformed or out-of-range input, answers with a
// typed `{kind, message}` error the UI can show, through the real app.
// The calls are generated from ui/src/lib/bindings/ipc-commands.json, which the shell's
// `ipc_contract` test writes from the command sources, so a new command or
// argument is walked without touching this file.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freshHome, cli, Driver, ROOT } from "./harness.mjs";

const COMMANDS = JSON.parse(readFileSync(join(ROOT, "ui", "src", "lib", "bindings", "ipc-commands.json"), "utf8"));
const KINDS = new Set(["invalid_input", "not_found", "plan_invalid", "conflict", "forbidden", "storage", "busy", "io", "internal"]);
// core's MESSAGE_CHARS plus the ellipsis
const MAX_MESSAGE = 601;
// Commands that open a native dialog and wait for a person: they take no
// arguments from the window, so there is nothing malformed to send.
const NEEDS_A_PERSON = new Set(["plan_choose_file", "docs_workspace_choose"]);

const home = freshHome();
let driver;
let s;

before(async () => {
  cli(home, ["plan", "load", "senior-de-2025", "--tz", "UTC"]);
  driver = await new Driver(home).start();
  s = await driver.open();
});

after(async () => {
  if (s) await s.delete();
  if (driver) await driver.stop();
});

// A value of the right type, so that the argument under test is the one
// the command trips on.
function baseline(command, arg) {
  const t = arg.type;
  if (t.startsWith("Option<")) return null;
  if (t === "String") {
    if (["date", "from", "to"].includes(arg.name)) return "2025-08-20";
    if (arg.name === "start") return command === "block_move" ? "09:00" : "2025-08-20";
    return "x";
  }
  if (t === "bool") return false;
  if (/^(u|i)\d+$/.test(t)) return 1;
  if (t.startsWith("Vec<")) return [];
  return {};
}

const BIG = { $big: 1 << 20 }; // a 1 MB string, made in the page

// Values of the wrong type or out of the type's range: each must be
// refused before the command runs, as invalid_input naming the argument.
function wrongValues(type) {
  const inner = type.replace(/^Option<(.*)>$/, "$1");
  if (inner === "String") return [12345, true, ["a"], { a: 1 }];
  if (inner === "bool") return ["true", 1, [], {}];
  if (inner === "u32") return ["12", 1.5, -1, 4294967296, 1e300, true];
  if (inner === "i64") return ["12", 1.5, 1e300, 9300000000000000000, [], true];
  if (inner.startsWith("Vec<")) return ["x", [1], [["a"]], [[1, 2]], { a: 1 }];
  return [];
}

// Values of the right type that the rules may refuse (empty, 1 MB, unknown
// ids, extremes): a typed error or a success, never a crash or a bug.
function edgeValues(type) {
  const inner = type.replace(/^Option<(.*)>$/, "$1");
  if (inner === "String") return ["", BIG, "no-such-id", "../../../etc/passwd", "a\u0000b", "\u202e\ud83d\ude00"];
  if (inner === "u32") return [0, 4294967295];
  if (inner === "i64") return [0, -1, 9223372036854775807, -9223372036854775808];
  if (inner === "bool") return [true];
  if (inner.startsWith("Vec<")) return [[["no-such-id", "x"]], [["", ""]]];
  return [];
}

// serde_json::Value arguments (settings) decode anything; core's own reader
// refuses these, still as invalid_input.
const SETTINGS_WRONG = ["x", 5, [], { reminder_lead_minutes: "ten" }, { reminder_lead_minutes: 1e12 }, { theme: 7 }];

/** Run `calls` ([{cmd, args}]) in the page; each settles to {ok, value} or {ok:false, error}. */
async function invokeAll(calls) {
  return s.cmd("POST", "/execute/async", {
    script: `
      const [calls, done] = [arguments[0], arguments[arguments.length - 1]];
      const expand = (v) => (v && typeof v === "object" && "$big" in v ? "x".repeat(v.$big) : v);
      (async () => {
        const out = [];
        for (const c of calls) {
          const args = Object.fromEntries(Object.entries(c.args).map(([k, v]) => [k, expand(v)]));
          try {
            const value = await window.__TAURI_INTERNALS__.invoke(c.cmd, args);
            out.push({ ok: true });
          } catch (error) {
            out.push({ ok: false, error });
          }
        }
        done(out);
      })();`,
    args: [calls],
  });
}

function checkTyped(call, r) {
  const where = `${call.cmd}(${JSON.stringify(call.args).slice(0, 200)})`;
  assert.equal(typeof r.error, "object", `${where}: an untyped error: ${JSON.stringify(r.error).slice(0, 300)}`);
  assert.ok(KINDS.has(r.error.kind), `${where}: kind ${r.error.kind}`);
  assert.notEqual(r.error.kind, "internal", `${where}: a bug: ${r.error.message}`);
  assert.ok(typeof r.error.message === "string" && r.error.message.trim() !== "", `${where}: no message`);
  assert.ok(r.error.message.length <= MAX_MESSAGE, `${where}: a ${r.error.message.length}-character message`);
}

for (const command of COMMANDS) {
  if (NEEDS_A_PERSON.has(command.name) || command.args.length === 0) continue;
  test(`${command.name}: malformed and out-of-range arguments come back as typed errors`, async () => {
    const base = Object.fromEntries(command.args.map((a) => [a.name, baseline(command.name, a)]));
    const wrong = [];
    const edge = [];
    for (const arg of command.args) {
      const values = arg.type === "serde_json::Value" ? SETTINGS_WRONG : wrongValues(arg.type);
      for (const v of values) wrong.push({ arg: arg.name, call: { cmd: command.name, args: { ...base, [arg.name]: v } } });
      if (!arg.type.startsWith("Option<") && arg.type !== "serde_json::Value") {
        const args = { ...base };
        delete args[arg.name];
        wrong.push({ arg: arg.name, missing: true, call: { cmd: command.name, args } });
      }
      for (const v of edgeValues(arg.type)) edge.push({ cmd: command.name, args: { ...base, [arg.name]: v } });
    }
    const results = await invokeAll([...wrong.map((w) => w.call), ...edge]);
    wrong.forEach((w, i) => {
      const r = results[i];
      assert.equal(r.ok, false, `${command.name}: \`${w.arg}\` = ${JSON.stringify(w.call.args[w.arg])} was accepted`);
      checkTyped(w.call, r);
      assert.equal(r.error.kind, "invalid_input", `${command.name}: ${r.error.message}`);
      if (w.arg !== "settings") assert.match(r.error.message, new RegExp("`" + w.arg + "`"), "the message names the argument");
      if (w.missing) assert.match(r.error.message, /is missing/);
    });
    edge.forEach((call, i) => {
      const r = results[wrong.length + i];
      if (!r.ok) checkTyped(call, r);
      if (process.env.IPC_DEBUG) console.log(JSON.stringify(call.args).slice(0, 80), r.ok ? "OK" : `${r.error.kind}: ${r.error.message.slice(0, 120)}`);
    });
    // The app is still whole: it answers and its window still shows Today.
    const [info] = await invokeAll([{ cmd: "app_info", args: {} }]);
    assert.equal(info.ok, true, "app_info after the walk");
  });
}

test("the walk covered every command the window can call", () => {
  const walked = COMMANDS.filter((c) => !NEEDS_A_PERSON.has(c.name) && c.args.length > 0).length;
  assert.ok(walked >= 35, `${walked} commands with arguments`);
});
