// A daily log's mistakes: which documents are daily logs core can read, and its answer in words.
import { describe, expect, it } from 'vitest';
import type { LogImport } from '../../bindings/LogImport';
import { hashMistake, revisit, sparkMistake } from '../../../test/mistakeFixtures';
import { logDateOf, logImportText, skippedText } from './logMistakes';

const result = (over: Partial<LogImport>): LogImport => ({ path: 'logs/2025-08-19.md', added: [], already: 0, skipped: [], ...over });

describe('logDateOf', () => {
  it('reads the day of logs/YYYY-MM-DD.md, for daily logs only', () => {
    expect(logDateOf('daily_log', 'logs/2025-08-19.md')).toBe('2025-08-19');
    expect(logDateOf('other', 'logs/2025-08-19.md')).toBeNull();
    expect(logDateOf('daily_log', 'old/logs/2025-08-19.md')).toBeNull();
    expect(logDateOf('daily_log', 'logs/2025-02-30.md')).toBeNull();
    expect(logDateOf('daily_log', 'logs/notes.md')).toBeNull();
  });
});

describe('logImportText', () => {
  it('counts what was logged with the open revisit days once each, and what was there already', () => {
    const second = { ...sparkMistake, id: 4 };
    expect(logImportText(result({ added: [sparkMistake, second], already: 1 }))).toBe(
      '2 mistakes logged (revisits on Thu 21 Aug and Tue 26 Aug), 1 already in the log',
    );
    expect(logImportText(result({ added: [sparkMistake] }))).toBe('1 mistake logged (revisits on Thu 21 Aug and Tue 26 Aug)');
  });

  it('names a single open revisit, or none when all are closed', () => {
    const one = { ...sparkMistake, revisits: [revisit({ id: 9, mistake_id: 1, seq: 1, date: '2025-08-21' })] };
    expect(logImportText(result({ added: [one] }))).toBe('1 mistake logged (revisit on Thu 21 Aug)');
    expect(logImportText(result({ added: [hashMistake] }))).toBe('1 mistake logged');
  });

  it('says when nothing new was logged, and when nothing was found at all', () => {
    expect(logImportText(result({ already: 2 }))).toBe('No new mistakes logged, 2 already in the log');
    const skipped = [{ line: 3, text: 'x', reason: 'no track' }];
    expect(logImportText(result({ skipped }))).toBe('No new mistakes logged');
    expect(logImportText(result({}))).toBe('No mistakes found under “Mistakes log updates” in logs/2025-08-19.md');
  });

  it('heads the skipped lines', () => {
    const line = { line: 3, text: 'x', reason: 'no track' };
    expect(skippedText(result({ skipped: [line] }))).toBe('1 line not logged: fix it and log again');
    expect(skippedText(result({ skipped: [line, { ...line, line: 4 }] }))).toBe('2 lines not logged: fix them and log again');
  });
});
