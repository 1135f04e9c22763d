// Test helper: answer IPC commands from a table, record every call, fail loudly on unknown commands.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { InvokeArgs } from '@tauri-apps/api/core';
import type { ErrorBody } from '../lib/bindings/ErrorBody';

export type Handler = (args: Record<string, unknown>) => unknown;

/** A fixed answer or a function computing one from the call's arguments. */
export type Answer = Handler | object | string | number | boolean | null;

export type Call = { cmd: string; args: Record<string, unknown> };

/** Installs the handlers; returns the list of calls made so far (live). */
export function mockCommands(handlers: Record<string, Answer>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd: string, payload?: InvokeArgs) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (!(cmd in handlers)) {
      throw { kind: 'internal', message: `test: command ${cmd} is not mocked`, diagnostics: [] } satisfies ErrorBody;
    }
    const h = handlers[cmd];
    return typeof h === 'function' ? (h as Handler)(args) : h;
  });
  return calls;
}

/** A command that never answers: the view stays in its loading state. */
export function never(): Handler {
  return () => new Promise(() => {});
}

/** A command that rejects with `body`. */
export function fails(body: ErrorBody): Handler {
  return () => Promise.reject(body);
}
