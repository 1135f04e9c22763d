// Documents, a daily log's mistakes into the mistakes log: "Log mistakes" shows only on a daily log, saves
// unsaved text first (core reads the file), sends mistakes_from_log with the log's day, and says what
// happened: mistakes logged with their revisit days, those already in the log, lines core couldn't read.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { EditorView } from '@codemirror/view';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentContent } from '../lib/bindings/DocumentContent';
import type { LogImport } from '../lib/bindings/LogImport';
import { DELAYS } from '../lib/components/documents/session.svelte';
import { adr3, content, docList, log19 } from '../test/documentFixtures';
import { overview, ready } from '../test/fixtures';
import { fails, mockCommands, never, type Answer, type Call } from '../test/ipc';
import { hashMistake, sparkMistake } from '../test/mistakeFixtures';
import Documents from './Documents.svelte';

// Load the editor chunk once up front, so tests don't race its first compile on a busy machine.
await import('../lib/components/documents/codemirror');

// No autosave while a test runs: a pending edit reaches the disk only through "Log mistakes".
const saved = { ...DELAYS };
beforeEach(() => Object.assign(DELAYS, { draft: 0, save: 60_000 }));
afterEach(() => Object.assign(DELAYS, saved));

const logText = [
  '# Study log — 2025-08-19',
  '',
  '## Blocks',
  '',
  '- 09:00 Spark joins lab',
  '- 11:00 Hashing drills',
  '',
  '## Mistakes log updates',
  '',
  '- de: Spark DataFrames — called collect() on a 40 GB DataFrame → use take(n)',
  '- dsa: Hashing — used a list where a set was needed',
  '- de: Delta Lake — forgot the MERGE condition → always name the keys',
  '- dsa: Sliding window — off by one at the window end',
  '- spark: Skew',
  '',
].join('\n');

function kindOf(path: string): DocumentContent['kind'] {
  if (path.startsWith('docs/adr/')) return 'adr';
  if (path.startsWith('logs/')) return 'daily_log';
  return 'other';
}

function handlers(over: Record<string, Answer> = {}): Record<string, Answer> {
  return {
    documents_list: docList,
    document_open: ({ path }) =>
      content({ path: path as string, kind: kindOf(path as string), text: path === log19.path ? logText : '# Doc\n' }),
    document_preview: () => ({ html: '<p>preview</p>', completeness: null }),
    document_draft: null,
    document_draft_discard: null,
    document_save: () => ({ saved: true, hash: 'h1', conflict: null }),
    ...over,
  };
}

/** Two new (both made that day: revisits Thu 21 and Tue 26 Aug), one already logged, one line unreadable. */
const imported: LogImport = {
  path: 'logs/2025-08-19.md',
  added: [sparkMistake, { ...sparkMistake, id: 4, topic: 'Delta Lake', what: 'forgot the MERGE condition' }],
  already: 1,
  skipped: [{ line: 14, text: 'spark: Skew', reason: 'no “ — ” between the topic and what went wrong' }],
};

const renderDocuments = () => render(Documents, { overview: ready(overview), onreload: vi.fn(), logDate: null });

const entryButton = (path: string) =>
  screen.getAllByTestId('doc-entry').find((b) => b.dataset.path === path) as HTMLElement;

async function openDoc(path: string) {
  await screen.findByTestId('doc-list');
  await userEvent.click(entryButton(path));
  await screen.findByTestId('doc-editor');
  await waitFor(() => expect(screen.getByTestId('doc-pane')).toHaveAttribute('data-path', path));
}

const view = () => EditorView.findFromDOM(screen.getByTestId('doc-editor')) as EditorView;

async function type(text: string) {
  const v = view();
  v.dispatch({ changes: { from: v.state.doc.length, insert: text }, userEvent: 'input.type' });
  await tick();
}

const ofCmd = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd);
const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('Logging the mistakes of a daily log', () => {
  it('offers "Log mistakes" only on a daily log', async () => {
    mockCommands(handlers({ mistakes_from_log: imported }));
    renderDocuments();
    await openDoc('notes/ideas.md');
    expect(screen.queryByTestId('doc-log-mistakes')).not.toBeInTheDocument();
    await openDoc(adr3.path);
    expect(screen.queryByTestId('doc-log-mistakes')).not.toBeInTheDocument();
    expect(screen.queryByTestId('doc-log-mistakes-status')).not.toBeInTheDocument();
    await openDoc(log19.path);
    const button = screen.getByTestId('doc-log-mistakes');
    expect(button).toHaveTextContent('Log mistakes');
    expect(button).toBeEnabled();
    // In the document's toolbar, next to Save.
    expect(button.closest('.toolbar')).toContainElement(screen.getByTestId('doc-save'));
  });

  it('saves unsaved text first, then logs the mistakes of that day and says what happened', async () => {
    const calls = mockCommands(handlers({ mistakes_from_log: imported }));
    renderDocuments();
    await openDoc(log19.path);
    await type('- sql: Window functions — forgot PARTITION BY\n');
    expect(screen.getByTestId('doc-save-state')).toHaveTextContent('Unsaved');
    expect(ofCmd(calls, 'document_save')).toHaveLength(0);

    await userEvent.click(screen.getByTestId('doc-log-mistakes'));
    const status = screen.getByTestId('doc-log-mistakes-status');
    expect(status).toHaveAttribute('role', 'status');
    await waitFor(() => expect(status).toHaveTextContent('2 mistakes logged'));
    expect(text(status)).toBe('2 mistakes logged (revisits on Thu 21 Aug and Tue 26 Aug), 1 already in the log.');

    // The text went to disk before core read the file.
    const order = calls.map((c) => c.cmd).filter((c) => c === 'document_save' || c === 'mistakes_from_log');
    expect(order).toEqual(['document_save', 'mistakes_from_log']);
    expect(ofCmd(calls, 'document_save')[0]?.args).toEqual({
      path: log19.path,
      text: logText + '- sql: Window functions — forgot PARTITION BY\n',
      base: 'h0',
    });
    expect(ofCmd(calls, 'mistakes_from_log').map((c) => c.args)).toEqual([{ date: '2025-08-19' }]);
    expect(screen.getByTestId('doc-save-state')).toHaveTextContent('Saved');

    // Each unreadable line with its number and why; its number goes to that line in the editor.
    const skipped = screen.getByTestId('doc-log-mistakes-skipped');
    expect(skipped).toHaveAttribute('role', 'alert');
    expect(text(skipped)).toContain('1 line not logged: fix it and log again');
    const items = within(skipped).getAllByRole('listitem');
    expect(items.map(text)).toEqual(['line 14: spark: Skew — no “ — ” between the topic and what went wrong']);
    expect(within(items[0] as HTMLElement).getByText('spark: Skew').tagName).toBe('CODE');
    await userEvent.click(within(skipped).getByRole('button', { name: 'line 14' }));
    const v = view();
    expect(v.state.doc.lineAt(v.state.selection.main.head).number).toBe(14);
  });

  it('logs a saved log straight away, and says when nothing new was found', async () => {
    const calls = mockCommands(
      handlers({ mistakes_from_log: { path: log19.path, added: [], already: 3, skipped: [] } satisfies LogImport }),
    );
    renderDocuments();
    await openDoc(log19.path);
    await userEvent.click(screen.getByTestId('doc-log-mistakes'));
    await waitFor(() => expect(screen.getByTestId('doc-log-mistakes-status')).toHaveTextContent('No new mistakes logged, 3 already in the log.'));
    expect(ofCmd(calls, 'document_save')).toHaveLength(0);
    expect(screen.queryByTestId('doc-log-mistakes-skipped')).not.toBeInTheDocument();
  });

  it('explains how to write the lines when the section holds none', async () => {
    mockCommands(handlers({ mistakes_from_log: { path: log19.path, added: [], already: 0, skipped: [] } satisfies LogImport }));
    renderDocuments();
    await openDoc(log19.path);
    await userEvent.click(screen.getByTestId('doc-log-mistakes'));
    await waitFor(() =>
      expect(screen.getByTestId('doc-log-mistakes-status')).toHaveTextContent(
        'No mistakes found under “Mistakes log updates” in logs/2025-08-19.md.',
      ),
    );
    expect(screen.getByTestId('doc-log-mistakes-hint')).toHaveTextContent('- track: topic — what went wrong → the fix');
  });

  it('names the revisit of a single mistake', async () => {
    mockCommands(handlers({ mistakes_from_log: { path: log19.path, added: [hashMistake], already: 0, skipped: [] } }));
    renderDocuments();
    await openDoc(log19.path);
    await userEvent.click(screen.getByTestId('doc-log-mistakes'));
    // Both of its revisits are closed: no days to name.
    await waitFor(() => expect(screen.getByTestId('doc-log-mistakes-status')).toHaveTextContent('1 mistake logged.'));
  });

  it('stops and shows why when the log cannot be saved first', async () => {
    const calls = mockCommands(
      handlers({
        document_save: fails({ kind: 'io', message: 'permission denied: /home/ada/study/logs/2025-08-19.md', diagnostics: [] }),
        mistakes_from_log: imported,
      }),
    );
    renderDocuments();
    await openDoc(log19.path);
    await type('more');
    await userEvent.click(screen.getByTestId('doc-log-mistakes'));
    const alert = await screen.findByTestId('doc-log-mistakes-unsaved');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('No mistakes were logged: the log must be saved first');
    expect(alert).toHaveTextContent('Saving failed: permission denied: /home/ada/study/logs/2025-08-19.md');
    // The save's own error is there too, with its retry.
    expect(screen.getByTestId('doc-save-error')).toHaveTextContent('permission denied');
    expect(ofCmd(calls, 'mistakes_from_log')).toHaveLength(0);
    expect(screen.getByTestId('doc-log-mistakes-status')).toHaveTextContent('');
  });

  it("shows core's refusal in words", async () => {
    mockCommands(
      handlers({
        mistakes_from_log: fails({
          kind: 'not_found',
          message: 'there is no study log for 2025-08-19 (/home/ada/study/logs/2025-08-19.md)',
          diagnostics: [],
        }),
      }),
    );
    renderDocuments();
    await openDoc(log19.path);
    await userEvent.click(screen.getByTestId('doc-log-mistakes'));
    const alert = await screen.findByTestId('doc-log-mistakes-error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveAttribute('data-kind', 'not_found');
    expect(alert).toHaveTextContent("Couldn't log the mistakes of 2025-08-19");
    expect(alert).toHaveTextContent('there is no study log for 2025-08-19');
    expect(screen.getByTestId('doc-log-mistakes')).toBeEnabled();
  });

  it('says it is working and takes no second click meanwhile; the answer stays with its document', async () => {
    let answer: (v: LogImport) => void = () => {};
    const calls = mockCommands(handlers({ mistakes_from_log: () => new Promise((r) => (answer = r)) }));
    renderDocuments();
    await openDoc(log19.path);
    const button = screen.getByTestId('doc-log-mistakes');
    await userEvent.click(button);
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveTextContent('Logging…');
    expect(screen.getByTestId('doc-log-mistakes-status')).toHaveTextContent('Logging the mistakes of this log…');
    await userEvent.click(button);
    expect(ofCmd(calls, 'mistakes_from_log')).toHaveLength(1);
    answer(imported);
    await waitFor(() => expect(screen.getByTestId('doc-log-mistakes-status')).toHaveTextContent('2 mistakes logged'));

    // Another log shows no result of this one.
    await openDoc('logs/2025-08-18.md');
    expect(screen.getByTestId('doc-log-mistakes')).toBeEnabled();
    expect(screen.getByTestId('doc-log-mistakes-status')).toHaveTextContent('');
    expect(screen.queryByTestId('doc-log-mistakes-skipped')).not.toBeInTheDocument();
  });

  it('is not offered while a clash with the disk is unresolved', async () => {
    mockCommands(
      handlers({
        document_save: () => ({ saved: false, hash: 'h0', conflict: { disk_text: '# Changed\n', disk_hash: 'h9' } }),
        mistakes_from_log: never(),
      }),
    );
    renderDocuments();
    await openDoc(log19.path);
    await type('x');
    await userEvent.click(screen.getByTestId('doc-log-mistakes'));
    await screen.findByTestId('doc-log-mistakes-unsaved');
    expect(screen.getByTestId('doc-log-mistakes-unsaved')).toHaveTextContent('It changed on disk meanwhile');
    expect(screen.getByTestId('doc-log-mistakes')).toBeDisabled();
  });
});
