// A minimal W3C WebDriver client over fetch: just the calls the E2E suite uses.
// Kept dependency-free so the suite needs nothing beyond Node itself.

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /** A new session; gives up after `timeoutMs` (a driver waiting for an app that exited would wait forever). */
  static async create(base, capabilities, timeoutMs = 30000) {
    const res = await call(base, "POST", "/session", { capabilities: { alwaysMatch: capabilities } }, timeoutMs);
    return new Session(base, res.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async delete() {
    await this.cmd("DELETE", "");
  }

  async find(css) {
    const el = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return new Element(this, el[ELEMENT]);
  }

  async findAll(css) {
    const els = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return els.map((e) => new Element(this, e[ELEMENT]));
  }

  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /** Press on `el`, move by (dx, dy) pixels in small steps, release: a real mouse drag. */
  async drag(el, dx, dy, steps = 8) {
    const moves = [];
    for (let i = 1; i <= steps; i++) {
      moves.push({ type: "pointerMove", duration: 40, origin: "pointer", x: Math.round((dx * i) / steps) - Math.round((dx * (i - 1)) / steps), y: Math.round((dy * i) / steps) - Math.round((dy * (i - 1)) / steps) });
    }
    await this.cmd("POST", "/actions", {
      actions: [
        {
          type: "pointer",
          id: "mouse",
          parameters: { pointerType: "mouse" },
          actions: [
            { type: "pointerMove", duration: 0, origin: { [ELEMENT]: el.id }, x: 0, y: 0 },
            { type: "pointerDown", button: 0 },
            { type: "pause", duration: 100 },
            ...moves,
            { type: "pause", duration: 100 },
            { type: "pointerUp", button: 0 },
          ],
        },
      ],
    });
    await this.cmd("DELETE", "/actions");
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  /** Poll `fn` until it returns a truthy value or `timeoutMs` passes. */
  async waitFor(fn, what, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      if (Date.now() > end) {
        throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Wait for an element matching `css` whose text contains `text` (if given). */
  waitText(css, text, timeoutMs) {
    return this.waitFor(async () => {
      const els = await this.findAll(css);
      for (const el of els) {
        const t = await el.text();
        if (text === undefined ? t.trim() !== "" : t.includes(text)) return el;
      }
      return null;
    }, `${css} containing ${JSON.stringify(text ?? "any text")}`, timeoutMs);
  }
}

export { ELEMENT };

export class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }
  /** The element's rendered text (innerText). WebKitWebDriver's own text
   *  call returns "" for the calendar's absolutely positioned events. */
  text() {
    return this.s.execute("return arguments[0].innerText", [{ [ELEMENT]: this.id }]);
  }
  click() {
    return this.s.cmd("POST", `/element/${this.id}/click`, {});
  }
  clear() {
    return this.s.cmd("POST", `/element/${this.id}/clear`, {});
  }
  type(text) {
    return this.s.cmd("POST", `/element/${this.id}/value`, { text });
  }
  prop(name) {
    return this.s.cmd("GET", `/element/${this.id}/property/${name}`);
  }
}

async function call(base, method, path, body, timeoutMs) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new Error(`${method} ${path}: ${v.error || res.status}: ${v.message || ""}`);
  }
  return json.value;
}
