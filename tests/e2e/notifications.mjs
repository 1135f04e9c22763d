// Watches the session bus for Notify calls (dbus-monitor) so tests can check
// what was sent to the notification server, and when.

import { spawn } from "node:child_process";

export class NotifyMonitor {
  start() {
    this.out = "";
    this.proc = spawn("dbus-monitor", ["--session", "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.proc.stdout.on("data", (d) => (this.out += d));
    // Give the monitor a moment to register its match rule.
    return new Promise((r) => setTimeout(r, 500));
  }

  /** Every Notify call so far: {time (seconds since epoch), app, summary, body}. */
  calls() {
    const calls = [];
    for (const chunk of this.out.split("method call time=").slice(1)) {
      const time = parseFloat(chunk);
      const strings = [...chunk.matchAll(/^\s*string "((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1]);
      // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, timeout)
      calls.push({ time, app: strings[0], summary: strings[2], body: strings[3] });
    }
    return calls;
  }

  withSummary(summary) {
    return this.calls().filter((c) => c.summary === summary);
  }

  stop() {
    this.proc?.kill();
  }
}
