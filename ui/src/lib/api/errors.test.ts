// errors.ts: rejections become ErrorBody; ErrorBody becomes words; invoke wrapper always rejects with ErrorBody.
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../bindings/ErrorBody';
import { mockCommands } from '../../test/ipc';
import { getOverview } from './app';
import { describeError, errorAdvice, formatDiagnostic, isErrorBody, toErrorBody } from './errors';

const planError: ErrorBody = {
  kind: 'plan_invalid',
  message: 'the plan has 2 problems; the first: plans/de.toml:12:5: unknown track "sql"',
  diagnostics: [
    { file: 'plans/de.toml', line: 12, column: 5, message: 'unknown track "sql"', hint: 'declare it under [[tracks]]' },
    { file: 'plans/de.toml', line: 40, column: 1, message: 'week 4 ends before it starts', hint: null },
  ],
};

describe('isErrorBody', () => {
  it('accepts core error bodies', () => {
    expect(isErrorBody(planError)).toBe(true);
    expect(isErrorBody({ kind: 'not_found', message: 'no such block', diagnostics: [] })).toBe(true);
    // The server's refusal keeps its kind (and its words), not "internal".
    expect(isErrorBody({ kind: 'forbidden', message: 'the server answered 403 Forbidden', diagnostics: [] })).toBe(true);
  });

  it('rejects anything else', () => {
    expect(isErrorBody('boom')).toBe(false);
    expect(isErrorBody(null)).toBe(false);
    expect(isErrorBody({ kind: 'weird', message: 'x', diagnostics: [] })).toBe(false);
    expect(isErrorBody({ kind: 'io', message: 'x' })).toBe(false);
    expect(isErrorBody({ kind: 'io', message: 'x', diagnostics: [{ file: 'a' }] })).toBe(false);
  });
});

describe('toErrorBody', () => {
  it('passes an ErrorBody through unchanged', () => {
    expect(toErrorBody(planError)).toBe(planError);
  });

  it('turns a string into an internal error with that message', () => {
    expect(toErrorBody('invalid args `settings` for command `settings_update`')).toEqual({
      kind: 'internal',
      message: 'invalid args `settings` for command `settings_update`',
      diagnostics: [],
    });
  });

  it('uses the message of an Error or error-like object', () => {
    expect(toErrorBody(new TypeError('window.__TAURI_INTERNALS__ is undefined')).message).toBe(
      'window.__TAURI_INTERNALS__ is undefined',
    );
    expect(toErrorBody({ message: 'half an error' })).toMatchObject({ kind: 'internal', message: 'half an error' });
  });

  it('describes values without a message readably', () => {
    expect(toErrorBody({ code: 7 }).message).toBe('Unexpected error: {"code":7}');
    expect(toErrorBody(undefined).message).toBe('Something went wrong and no message was given.');
    expect(toErrorBody('').message).toBe('Something went wrong and no message was given.');
  });
});

describe('describeError', () => {
  it('gives the message alone when there are no diagnostics', () => {
    expect(describeError({ kind: 'invalid_input', message: 'lead time must be 0–1440 minutes', diagnostics: [] })).toBe(
      'lead time must be 0–1440 minutes',
    );
  });

  it('lists each diagnostic as file:line:col: message, with its hint', () => {
    expect(describeError(planError)).toBe(
      [
        planError.message,
        'plans/de.toml:12:5: unknown track "sql"',
        '  hint: declare it under [[tracks]]',
        'plans/de.toml:40:1: week 4 ends before it starts',
      ].join('\n'),
    );
  });

  it('formats a single diagnostic', () => {
    expect(formatDiagnostic(planError.diagnostics[0]!)).toBe('plans/de.toml:12:5: unknown track "sql"');
  });

  it('has advice for every kind', () => {
    const kinds = ['invalid_input', 'not_found', 'plan_invalid', 'conflict', 'storage', 'busy', 'io', 'forbidden', 'internal'] as const;
    for (const kind of kinds) {
      expect(errorAdvice(kind).length).toBeGreaterThan(10);
    }
  });
});

describe('IPC wrapper', () => {
  it('rejects with core ErrorBody as is', async () => {
    mockCommands({ overview: () => Promise.reject(planError) });
    await expect(getOverview()).rejects.toEqual(planError);
  });

  it('rejects with an ErrorBody even when the command rejects with a string', async () => {
    mockCommands({ overview: () => Promise.reject('command overview not found') });
    await expect(getOverview()).rejects.toEqual({
      kind: 'internal',
      message: 'command overview not found',
      diagnostics: [],
    });
  });
});
