// Documents: states, the grouped list and its flags, creating ADRs / READMEs / logs, the editor with
// autosave, conflicts, recovery, completeness, preview links, ADR actions, and re-reading on focus.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { EditorView } from '@codemirror/view';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentContent } from '../lib/bindings/DocumentContent';
import { DELAYS } from '../lib/components/documents/session.svelte';
import { localToday } from '../lib/dates';
import {
  adr1,
  adr3,
  content,
  docList,
  emptyList,
  readme,
  readmeCompleteness,
} from '../test/documentFixtures';
import { noPlanOverview, overview, ready } from '../test/fixtures';
import { fails, mockCommands, never, type Answer } from '../test/ipc';
import Documents from './Documents.svelte';

// Load the editor chunk once up front, so tests don't race its first compile on a busy machine.
await import('../lib/components/documents/codemirror');

const saved = { ...DELAYS };
beforeEach(() => Object.assign(DELAYS, { draft: 0, save: 30 }));
afterEach(() => Object.assign(DELAYS, saved));

const texts: Record<string, string> = {
  [adr3.path]: '# 3. Use Delta Lake\n\nDate: 2025-08-12\n\n## Status\n\nProposed\n',
  [readme.path]: '# Lakehouse\n\n## Goal\n\nA lakehouse.\n\n## Architecture\n\nTODO\n',
  'notes/ideas.md': '# Ideas\n\nSee [the docs](https://example.org/docs).',
};

function handlers(over: Record<string, Answer> = {}): Record<string, Answer> {
  return {
    documents_list: docList,
    document_open: ({ path }) =>
      content({ path: path as string, text: texts[path as string] ?? '# Doc\n', kind: kindOf(path as string) }),
    document_preview: ({ text }) => ({
      html: `<div class="rendered">${String(text).length} chars</div>`,
      completeness: null,
    }),
    document_draft: null,
    document_draft_discard: null,
    document_save: () => ({ saved: true, hash: 'h1', conflict: null }),
    ...over,
  };
}

function kindOf(path: string): DocumentContent['kind'] {
  if (path.startsWith('docs/adr/')) return 'adr';
  if (path.endsWith('README.md')) return 'readme';
  if (path.startsWith('logs/')) return 'daily_log';
  return 'other';
}

const renderDocuments = (props: { o?: typeof overview; logDate?: string | null } = {}) =>
  render(Documents, { overview: ready(props.o ?? overview), onreload: vi.fn(), logDate: props.logDate ?? null });

const entryButton = (path: string) =>
  screen.getAllByTestId('doc-entry').find((b) => b.dataset.path === path) as HTMLElement;

async function openDoc(path: string) {
  await screen.findByTestId('doc-list');
  await userEvent.click(entryButton(path));
  await screen.findByTestId('doc-editor');
}

const view = () => EditorView.findFromDOM(screen.getByTestId('doc-editor')) as EditorView;

/** The editor's text as a person sees it, line by line, read from the CodeMirror content element. */
function editorText(): string {
  const content = screen.getByTestId('doc-editor').querySelector('.cm-content') as HTMLElement;
  return [...content.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n');
}

/** A person's edit, as CodeMirror reports typing: appended at the end. */
async function type(text: string) {
  const v = view();
  v.dispatch({ changes: { from: v.state.doc.length, insert: text }, userEvent: 'input.type' });
  await tick();
}

const saveState = () => screen.getByTestId('doc-save-state');

describe('Documents states', () => {
  it('shows a skeleton of the list while loading', () => {
    mockCommands({ documents_list: never() });
    renderDocuments();
    expect(screen.getByRole('heading', { level: 1, name: 'Documents' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the documents…');
    expect(screen.getByTestId('new-adr')).toBeDisabled();
  });

  it("shows core's error with a retry and another folder to choose", async () => {
    const calls = mockCommands({
      documents_list: fails({ kind: 'io', message: 'folder /home/ada/study is gone', diagnostics: [] }),
    });
    renderDocuments();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load the documents");
    expect(alert).toHaveTextContent('folder /home/ada/study is gone');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(calls.filter((c) => c.cmd === 'documents_list')).toHaveLength(2);
    expect(screen.getByTestId('doc-workspace-choose')).toHaveTextContent('Choose another folder…');
  });

  it('says no plan is loaded, without asking core for documents', () => {
    const calls = mockCommands({});
    renderDocuments({ o: noPlanOverview });
    expect(screen.getByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('explains what the buttons do in an empty workspace', async () => {
    mockCommands({ documents_list: emptyList });
    renderDocuments();
    const empty = await screen.findByTestId('empty-documents');
    expect(empty).toHaveTextContent('No documents in this folder yet');
    expect(empty).toHaveTextContent('New ADR writes a numbered architecture decision record into /home/ada/empty/docs/adr');
    expect(empty).toHaveTextContent("Today's log opens today's daily log");
    expect(screen.getByTestId('doc-workspace')).toHaveTextContent('/home/ada/empty');
  });
});

describe('Documents list', () => {
  it('groups by kind: ADRs by number, READMEs with n/m, logs newest first, other', async () => {
    mockCommands(handlers());
    renderDocuments();
    const list = await screen.findByTestId('doc-list');
    const group = (kind: string) =>
      within(list.querySelector(`[data-group="${kind}"]`) as HTMLElement)
        .getAllByTestId('doc-entry')
        .map((b) => b.dataset.path);
    expect(group('adr')).toEqual([
      'docs/adr/0001-record-architecture-decisions.md',
      'docs/adr/0002-use-parquet.md',
      'docs/adr/0003-partition-by-day.md',
      'docs/adr/0003-use-delta-lake.md',
      'docs/adr/0004-broken.md',
    ]);
    expect(group('readme')).toEqual(['projects/lakehouse/README.md']);
    expect(group('daily_log')).toEqual(['logs/2025-08-19.md', 'logs/2025-08-18.md']);
    expect(group('other')).toEqual(['notes/ideas.md']);

    const first = entryButton(adr1.path);
    expect(first).toHaveTextContent('Record architecture decisions');
    expect(within(first).getByText('Accepted')).toHaveAttribute('data-status', 'Accepted');
    // The date of the last status change, not the ADR's own date.
    expect(first).toHaveTextContent('Tue 5 Aug 2025');
    expect(entryButton('docs/adr/0002-use-parquet.md')).toHaveTextContent('superseded by 3');
    expect(entryButton(readme.path)).toHaveTextContent('1/3');
    expect(entryButton(readme.path)).toHaveTextContent('Week 3');
    expect(entryButton('logs/2025-08-19.md')).toHaveTextContent('Tue 19 Aug 2025');
  });

  it('flags duplicate numbers, unreadable files (with the reason) and files changed outside', async () => {
    mockCommands(handlers());
    renderDocuments();
    await screen.findByTestId('doc-list');
    expect(within(entryButton('docs/adr/0003-partition-by-day.md')).getByTestId('doc-duplicate')).toHaveTextContent(
      'Duplicate number',
    );
    expect(within(entryButton(adr3.path)).queryByTestId('doc-duplicate')).not.toBeInTheDocument();
    expect(within(entryButton('docs/adr/0004-broken.md')).getByTestId('doc-problem')).toHaveTextContent(
      'Couldn\'t read: no "# N. Title" heading on the first line',
    );
    expect(within(entryButton('logs/2025-08-19.md')).getByTestId('doc-changed-outside')).toHaveTextContent(
      'changed outside',
    );
    expect(within(entryButton('logs/2025-08-18.md')).queryByTestId('doc-changed-outside')).not.toBeInTheDocument();
  });

  it('filters ADRs by status', async () => {
    mockCommands(handlers());
    renderDocuments();
    const filter = await screen.findByTestId('adr-filter');
    await userEvent.selectOptions(filter, 'proposed');
    const adrs = screen
      .getAllByTestId('doc-entry')
      .filter((b) => b.dataset.kind === 'adr')
      .map((b) => b.dataset.path);
    expect(adrs).toEqual(['docs/adr/0003-partition-by-day.md', 'docs/adr/0003-use-delta-lake.md']);
  });

  it('shows supersede chains, the decision graph and the TOC when nothing is open', async () => {
    const calls = mockCommands(handlers());
    renderDocuments();
    expect(await screen.findByTestId('adr-chains')).toHaveTextContent('2 → 3');
    expect(screen.getByTestId('adr-toc')).toHaveTextContent('* [1. Record architecture decisions]');
    const node = screen.getByTestId('graph-node-3');
    expect(node).toHaveAttribute('tabindex', '0');
    node.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByTestId('doc-editor');
    expect(calls.find((c) => c.cmd === 'document_open')?.args).toEqual({ path: adr3.path });
  });
});

describe('Creating documents', () => {
  it('New ADR sends title, status and the superseded ADR, then opens the new file', async () => {
    const created = { ...adr3, path: 'docs/adr/0005-use-airflow.md', number: 5, title: 'Use Airflow' };
    const calls = mockCommands(handlers({ adr_new: created }));
    renderDocuments();
    await userEvent.click(await screen.findByTestId('new-adr'));
    expect(screen.getByTestId('new-adr-title')).toHaveFocus();
    await userEvent.type(screen.getByTestId('new-adr-title'), '  Use Airflow ');
    await userEvent.selectOptions(screen.getByTestId('new-adr-status'), 'Accepted');
    await userEvent.selectOptions(screen.getByTestId('new-adr-supersedes'), '2');
    await userEvent.click(screen.getByTestId('new-adr-submit'));
    await screen.findByTestId('doc-editor');
    expect(calls.find((c) => c.cmd === 'adr_new')?.args).toEqual({ title: 'Use Airflow', status: 'Accepted', supersedes: 2 });
    expect(calls.find((c) => c.cmd === 'document_open')?.args).toEqual({ path: 'docs/adr/0005-use-airflow.md' });
    expect(screen.queryByTestId('new-adr-form')).not.toBeInTheDocument();
  });

  it('New ADR asks for a title and shows core refusing', async () => {
    const calls = mockCommands(
      handlers({ adr_new: fails({ kind: 'conflict', message: 'ADR 5 already exists', diagnostics: [] }) }),
    );
    renderDocuments();
    await userEvent.click(await screen.findByTestId('new-adr'));
    await userEvent.click(screen.getByTestId('new-adr-submit'));
    expect(screen.getByText('Give the decision a title.')).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'adr_new')).toBe(false);
    await userEvent.type(screen.getByTestId('new-adr-title'), 'X{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('ADR 5 already exists');
    expect(calls.find((c) => c.cmd === 'adr_new')?.args).toEqual({ title: 'X', status: 'Proposed', supersedes: null });
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('new-adr-form')).not.toBeInTheDocument();
  });

  it("New README takes an optional path, showing core's default", async () => {
    const created = { ...readme, path: 'docs/streaming.md', project: 'streaming', title: 'Streaming pipeline' };
    const calls = mockCommands(handlers({ readme_new: created }));
    renderDocuments();
    await userEvent.click(await screen.findByTestId('new-readme'));
    const path = screen.getByTestId('new-readme-path');
    expect(path).toHaveValue('');
    // Streaming is the only project of week 5.
    expect(path).toHaveAttribute('placeholder', 'week-05/README.md');
    expect(screen.getByTestId('new-readme-form')).toHaveTextContent('left empty, the README goes to week-05/README.md');
    await userEvent.type(path, '  docs/streaming.md ');
    await userEvent.click(screen.getByTestId('new-readme-submit'));
    await screen.findByTestId('doc-editor');
    expect(calls.find((c) => c.cmd === 'readme_new')?.args).toEqual({ project: 'streaming', path: 'docs/streaming.md' });
  });

  it('New README offers only projects without one', async () => {
    const created = { ...readme, path: 'projects/streaming/README.md', project: 'streaming', title: 'Streaming pipeline' };
    const calls = mockCommands(handlers({ readme_new: created }));
    renderDocuments();
    await userEvent.click(await screen.findByTestId('new-readme'));
    const select = screen.getByTestId('new-readme-project');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Streaming pipeline · week 5 · due Sun 7 Sept 2025',
    ]);
    await userEvent.click(screen.getByTestId('new-readme-submit'));
    await screen.findByTestId('doc-editor');
    expect(calls.find((c) => c.cmd === 'readme_new')?.args).toEqual({ project: 'streaming', path: null });
  });

  it("Today's log opens the log of the computer's date", async () => {
    const calls = mockCommands(
      handlers({ daily_log_open: ({ date }) => content({ path: `logs/${date}.md`, kind: 'daily_log' }) }),
    );
    renderDocuments();
    await userEvent.click(await screen.findByTestId('todays-log'));
    await screen.findByTestId('doc-editor');
    expect(calls.find((c) => c.cmd === 'daily_log_open')?.args).toEqual({ date: localToday() });
    expect(screen.getByTestId('doc-path')).toHaveTextContent(`logs/${localToday()}.md`);
  });

  it('opens the log of the date it was asked for', async () => {
    const calls = mockCommands(
      handlers({ daily_log_open: ({ date }) => content({ path: `logs/${date}.md`, kind: 'daily_log' }) }),
    );
    renderDocuments({ logDate: '2025-08-19' });
    await screen.findByTestId('doc-editor');
    expect(calls.filter((c) => c.cmd === 'daily_log_open').map((c) => c.args)).toEqual([{ date: '2025-08-19' }]);
  });
});

describe('Editing', () => {
  it('shows the text in CodeMirror, the path and the preview', async () => {
    mockCommands(handlers());
    renderDocuments();
    await openDoc(adr3.path);
    expect(editorText()).toBe(texts[adr3.path]);
    expect(screen.getByTestId('doc-path')).toHaveTextContent(adr3.path);
    expect(await screen.findByTestId('doc-preview')).toHaveTextContent(`${texts[adr3.path]!.length} chars`);
    expect(saveState()).toHaveTextContent('Saved');
    expect(entryButton(adr3.path)).toHaveAttribute('aria-current', 'true');
  });

  it('keeps a draft and autosaves after a pause, with the hash the text started from', async () => {
    let save: (v: unknown) => void = () => {};
    const calls = mockCommands(handlers({ document_save: () => new Promise((r) => (save = r)) }));
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('\nMore.');
    expect(saveState()).toHaveTextContent('Unsaved');
    const text = texts['notes/ideas.md'] + '\nMore.';
    await waitFor(() => expect(calls.find((c) => c.cmd === 'document_draft')?.args).toEqual({ path: 'notes/ideas.md', text, base: 'h0' }));
    await waitFor(() => expect(saveState()).toHaveTextContent('Saving…'));
    expect(calls.find((c) => c.cmd === 'document_save')?.args).toEqual({ path: 'notes/ideas.md', text, base: 'h0' });
    save({ saved: true, hash: 'h1', conflict: null });
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));

    // The next save starts from the new hash; Ctrl+S saves at once, in the editor or elsewhere.
    DELAYS.save = 60_000;
    await type('!');
    view().contentDOM.focus();
    await userEvent.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'document_save')).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === 'document_save')[1]?.args).toEqual({ path: 'notes/ideas.md', text: text + '!', base: 'h1' });
  });

  it('typing with the keyboard reaches the editor', async () => {
    mockCommands(handlers());
    renderDocuments();
    await openDoc('notes/ideas.md');
    view().dispatch({ selection: { anchor: 0 } });
    view().contentDOM.focus();
    await userEvent.keyboard('Hi ');
    expect(editorText().startsWith('Hi # Ideas')).toBe(true);
  });

  it('on a conflict shows both versions; "Keep mine" saves again over the disk version', async () => {
    const disk = '# Ideas\n\nEdited in another editor.';
    let answers = 0;
    const calls = mockCommands(
      handlers({
        document_save: () =>
          answers++ === 0
            ? { saved: false, hash: '', conflict: { disk_text: disk, disk_hash: 'hd' } }
            : { saved: true, hash: 'h2', conflict: null },
      }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('\nMine.');
    const conflict = await screen.findByTestId('doc-conflict');
    expect(saveState()).toHaveTextContent('Not saved: the file changed on disk');
    expect(within(conflict).getByTestId('doc-conflict-mine')).toHaveTextContent('Mine.');
    expect(within(conflict).getByTestId('doc-conflict-disk').textContent).toBe(disk);
    expect(conflict).toHaveFocus();

    await userEvent.click(screen.getByTestId('doc-keep-mine'));
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    expect(calls.filter((c) => c.cmd === 'document_save').at(-1)?.args).toEqual({
      path: 'notes/ideas.md',
      text: texts['notes/ideas.md'] + '\nMine.',
      base: 'hd',
    });
    expect(screen.queryByTestId('doc-conflict')).not.toBeInTheDocument();
  });

  it('"Take the disk version" replaces the text and can be undone', async () => {
    const disk = '# Ideas\n\nFrom disk.';
    const calls = mockCommands(
      handlers({ document_save: { saved: false, hash: '', conflict: { disk_text: disk, disk_hash: 'hd' } } }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('\nMine.');
    await userEvent.click(await screen.findByTestId('doc-take-disk'));
    expect(editorText()).toBe(disk);
    expect(saveState()).toHaveTextContent('Saved');
    expect(calls.some((c) => c.cmd === 'document_draft_discard')).toBe(true);
    await userEvent.click(screen.getByTestId('doc-notice-undo'));
    expect(editorText()).toBe(texts['notes/ideas.md'] + '\nMine.');
    expect(saveState()).toHaveTextContent(/Unsaved|Saving|Not saved/);
  });

  it('"Merge by hand" puts both versions between markers in the editor', async () => {
    const disk = '# Ideas\n\nFrom disk.';
    mockCommands(handlers({ document_save: { saved: false, hash: '', conflict: { disk_text: disk, disk_hash: 'hd' } } }));
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('\nMine.');
    await userEvent.click(await screen.findByTestId('doc-merge'));
    expect(editorText()).toBe(
      '# Ideas\n\n<<<<<<< yours\nSee [the docs](https://example.org/docs).\nMine.\n=======\nFrom disk.\n>>>>>>> on disk',
    );
    expect(saveState()).toHaveTextContent('Unresolved merge markers');
  });

  it('never saves merge markers silently: autosave waits, Ctrl+S asks once', async () => {
    const disk = '# Ideas\n\nFrom disk.';
    let answers = 0;
    const calls = mockCommands(
      handlers({
        document_save: () =>
          answers++ === 0
            ? { saved: false, hash: '', conflict: { disk_text: disk, disk_hash: 'hd' } }
            : { saved: true, hash: 'h2', conflict: null },
      }),
    );
    const saves = () => calls.filter((c) => c.cmd === 'document_save');
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('\nMine.');
    await userEvent.click(await screen.findByTestId('doc-merge'));
    await type('\nTyped after the merge.');
    // Well past the autosave delay: nothing written.
    await new Promise((r) => setTimeout(r, 120));
    expect(saves()).toHaveLength(1);
    expect(saveState()).toHaveTextContent('Unresolved merge markers');

    view().contentDOM.focus();
    await userEvent.keyboard('{Control>}s{/Control}');
    const ask = screen.getByTestId('doc-markers-ask');
    expect(ask).toHaveTextContent('The text still has merge markers from the conflict. Save anyway?');
    expect(within(ask).getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    // Asked once: a second Ctrl+S doesn't save or ask again.
    await userEvent.keyboard('{Control>}s{/Control}');
    expect(screen.getAllByTestId('doc-markers-ask')).toHaveLength(1);
    await userEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByTestId('doc-markers-ask')).not.toBeInTheDocument();
    expect(saves()).toHaveLength(1);

    // The Save button asks the same; "Save anyway" writes the text as it is.
    await userEvent.click(screen.getByTestId('doc-save'));
    await userEvent.click(within(screen.getByTestId('doc-markers-ask')).getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    expect(saves()).toHaveLength(2);
    expect(String(saves()[1]?.args.text)).toContain('<<<<<<< yours');
    expect(saves()[1]?.args.base).toBe('hd');
  });

  it('a document with unresolved markers stays open rather than being saved on the way out', async () => {
    const disk = '# Ideas\n\nFrom disk.';
    const calls = mockCommands(
      handlers({ document_save: { saved: false, hash: '', conflict: { disk_text: disk, disk_hash: 'hd' } } }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('\nMine.');
    await userEvent.click(await screen.findByTestId('doc-merge'));
    await userEvent.click(entryButton(adr1.path));
    expect(await screen.findByRole('alert')).toHaveTextContent('It still has merge markers');
    expect(screen.getByTestId('doc-pane')).toHaveAttribute('data-path', 'notes/ideas.md');
    expect(calls.filter((c) => c.cmd === 'document_save')).toHaveLength(1);
    // The draft keeps the text with its markers.
    expect(String(calls.filter((c) => c.cmd === 'document_draft').at(-1)?.args.text)).toContain('>>>>>>> on disk');
  });

  it('when the file was deleted on disk, offers to recreate it or to discard the text', async () => {
    let answers = 0;
    const calls = mockCommands(
      handlers({
        document_save: () =>
          answers++ === 0
            ? { saved: false, hash: '', conflict: { disk_text: '', disk_hash: '' } }
            : { saved: true, hash: 'h2', conflict: null },
      }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('\nMine.');
    const conflict = await screen.findByTestId('doc-conflict');
    expect(within(conflict).getByRole('heading', { level: 2 })).toHaveTextContent('The file was deleted outside studyplan');
    expect(conflict).not.toHaveTextContent('changed on disk');
    expect(saveState()).toHaveTextContent('Not saved: the file was deleted');
    expect(within(conflict).getByTestId('doc-conflict-mine')).toHaveTextContent('Mine.');
    expect(within(conflict).queryByTestId('doc-conflict-disk')).not.toBeInTheDocument();
    expect(within(conflict).queryByTestId('doc-take-disk')).not.toBeInTheDocument();
    expect(within(conflict).queryByTestId('doc-merge')).not.toBeInTheDocument();

    await userEvent.click(within(conflict).getByRole('button', { name: 'Save mine (recreate the file)' }));
    await waitFor(() => expect(saveState()).toHaveTextContent('Saved'));
    expect(calls.filter((c) => c.cmd === 'document_save').at(-1)?.args).toEqual({
      path: 'notes/ideas.md',
      text: texts['notes/ideas.md'] + '\nMine.',
      base: '',
    });
  });

  it('"Discard mine" drops the text of a deleted file and closes it', async () => {
    const calls = mockCommands(
      handlers({ document_save: { saved: false, hash: '', conflict: { disk_text: '', disk_hash: '' } } }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('\nMine.');
    const conflict = await screen.findByTestId('doc-conflict');
    await userEvent.click(within(conflict).getByRole('button', { name: 'Discard mine' }));
    expect(calls.some((c) => c.cmd === 'document_draft_discard')).toBe(false);
    await userEvent.click(within(conflict).getByTestId('doc-discard-confirm'));
    await waitFor(() => expect(screen.queryByTestId('doc-pane')).not.toBeInTheDocument());
    expect(calls.find((c) => c.cmd === 'document_draft_discard')?.args).toEqual({ path: 'notes/ideas.md' });
    expect(calls.filter((c) => c.cmd === 'document_save')).toHaveLength(1);
    expect(calls.filter((c) => c.cmd === 'documents_list')).toHaveLength(2);
  });

  it('offers recovered text: Restore puts it in the editor, Discard asks once', async () => {
    const recovered = '# Ideas\n\nTyped before the crash.';
    const calls = mockCommands(
      handlers({
        document_open: ({ path }) =>
          content({ path: path as string, text: '# Ideas\n', recovery: { text: recovered, saved_at: '2025-08-19T12:05:00Z' } }),
      }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    const banner = screen.getByTestId('recovery-banner');
    expect(banner).toHaveTextContent(/Unsaved text from Tue 19 Aug, \d\d:05 was recovered/);
    expect(editorText()).toBe('# Ideas\n');
    await userEvent.click(within(banner).getByTestId('recovery-restore'));
    expect(editorText()).toBe(recovered);
    expect(screen.queryByTestId('recovery-banner')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === 'document_save')?.args).toEqual({ path: 'notes/ideas.md', text: recovered, base: 'h0' }),
    );
  });

  it('discards recovered text after asking', async () => {
    const calls = mockCommands(
      handlers({
        document_open: ({ path }) =>
          content({ path: path as string, text: '# Ideas\n', recovery: { text: 'old', saved_at: '2025-08-19T12:05:00Z' } }),
      }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    await userEvent.click(screen.getByTestId('recovery-discard'));
    expect(calls.some((c) => c.cmd === 'document_draft_discard')).toBe(false);
    await userEvent.click(screen.getByTestId('recovery-discard-confirm'));
    await waitFor(() => expect(screen.queryByTestId('recovery-banner')).not.toBeInTheDocument());
    expect(calls.find((c) => c.cmd === 'document_draft_discard')?.args).toEqual({ path: 'notes/ideas.md' });
    expect(editorText()).toBe('# Ideas\n');
  });

  it("shows a README's completeness and jumps to a section's line", async () => {
    mockCommands(handlers({ document_preview: { html: '<h1>Lakehouse</h1>', completeness: readmeCompleteness } }));
    renderDocuments();
    await openDoc(readme.path);
    const panel = await screen.findByTestId('completeness');
    expect(panel).toHaveAttribute('data-written', '1');
    expect(panel).toHaveAttribute('data-total', '3');
    expect(panel).toHaveTextContent('1/3 sections · 33 %');
    expect(panel).toHaveTextContent('Goal — written');
    expect(panel).toHaveTextContent('Architecture — placeholder');
    expect(panel).toHaveTextContent('How to run — missing');
    expect(panel).toHaveTextContent('Bronze table — mentioned');
    expect(panel).toHaveTextContent('Benchmark notebook — not mentioned');
    expect(within(panel).queryByRole('button', { name: /How to run/ })).not.toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: /Architecture/ }));
    const v = view();
    expect(v.state.doc.lineAt(v.state.selection.main.head).number).toBe(7);
    expect(v.hasFocus).toBe(true);
  });
});

describe('Preview', () => {
  it('changes only the blocks that changed, keeping the others as they are', async () => {
    mockCommands(
      handlers({
        document_preview: ({ text }) => ({
          html: String(text)
            .split('\n\n')
            .map((block) => `<p>${block}</p>`)
            .join('\n'),
          completeness: null,
        }),
      }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    const preview = await screen.findByTestId('doc-preview');
    await waitFor(() => expect(preview.querySelectorAll('p')).toHaveLength(2));
    const [heading, body] = Array.from(preview.querySelectorAll('p'));
    await type('\n\nMore.');
    await waitFor(() => expect(preview).toHaveTextContent('More.'));
    const after = Array.from(preview.querySelectorAll('p'));
    expect(after.map((p) => p.textContent)).toEqual(['# Ideas', 'See [the docs](https://example.org/docs).', 'More.']);
    expect(after[0]).toBe(heading);
    expect(after[1]).toBe(body);
  });

  it("shows task list items as core writes them, with no checkboxes", async () => {
    mockCommands(
      handlers({
        document_preview: {
          html: '<ul>\n<li>☑ Load the raw data</li>\n<li>☐ Write the marts</li>\n</ul>',
          completeness: null,
        },
      }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    const preview = await screen.findByTestId('doc-preview');
    await waitFor(() => expect(within(preview).getAllByRole('listitem')).toHaveLength(2));
    expect(within(preview).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '☑ Load the raw data',
      '☐ Write the marts',
    ]);
    expect(within(preview).queryByRole('checkbox')).not.toBeInTheDocument();
  });
});

describe('Preview links', () => {
  it('opens http(s) and mailto links in the browser, and nothing else', async () => {
    const calls = mockCommands(
      handlers({
        open_external: null,
        document_preview: {
          html: [
            '<a href="https://example.org/docs">web</a>',
            '<a href="mailto:ada@example.org">mail</a>',
            '<a href="javascript:alert(1)">script</a>',
            '<a href=" JavaScript:alert(1)">script2</a>',
            '<a href="../0001-record.md">relative</a>',
            '<a href="file:///etc/passwd">file</a>',
            '<a href="#goal">anchor</a>',
          ].join(' '),
          completeness: null,
        },
      }),
    );
    renderDocuments();
    await openDoc('notes/ideas.md');
    const preview = await screen.findByTestId('doc-preview');
    await within(preview).findByText('web');
    for (const name of ['web', 'mail', 'script', 'script2', 'relative', 'file', 'anchor']) {
      const link = within(preview).getByText(name);
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });
      link.dispatchEvent(click);
      expect(click.defaultPrevented).toBe(true);
    }
    expect(calls.filter((c) => c.cmd === 'open_external').map((c) => c.args)).toEqual([
      { url: 'https://example.org/docs' },
      { url: 'mailto:ada@example.org' },
    ]);
    expect(window.location.hash).not.toBe('#goal');
  });
});

describe('ADR panel', () => {
  it('offers only the valid next statuses and sends the change', async () => {
    let accepted = false;
    const calls = mockCommands(
      handlers({
        documents_list: () => ({
          ...docList,
          entries: docList.entries.map((e) => (accepted && e.path === adr3.path ? { ...e, status: 'Accepted' } : e)),
        }),
        adr_status: () => {
          accepted = true;
          return { ...adr3, status: 'Accepted' };
        },
      }),
    );
    renderDocuments();
    await openDoc(adr3.path);
    const panel = screen.getByTestId('adr-panel');
    expect(within(panel).getByTestId('adr-status-Accepted')).toBeInTheDocument();
    expect(within(panel).getByTestId('adr-status-Rejected')).toBeInTheDocument();
    expect(within(panel).queryByTestId('adr-status-Deprecated')).not.toBeInTheDocument();
    // Core's link titles carry the number already ("2. Use Parquet…"): shown once, as sent.
    const links = within(within(panel).getByTestId('adr-links')).getAllByRole('listitem');
    expect(links.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Supersedes 2. Use Parquet for raw data',
      'Amends 1. Record architecture decisions',
    ]);
    expect(within(panel).getByRole('button', { name: '2. Use Parquet for raw data' })).toBeInTheDocument();
    expect(within(panel).getByTestId('adr-history')).toHaveTextContent('Tue 12 Aug 2025 Proposed');

    await userEvent.click(within(panel).getByTestId('adr-status-Accepted'));
    await waitFor(() => expect(within(screen.getByTestId('adr-panel')).getByTestId('adr-status-Deprecated')).toBeInTheDocument());
    expect(calls.find((c) => c.cmd === 'adr_status')?.args).toEqual({ number: 3, status: 'Accepted' });
  });

  it('reloads the open ADR after a status change rewrote it', async () => {
    let text = texts[adr3.path]!;
    let hash = 'h0';
    mockCommands(
      handlers({
        document_open: ({ path }) => content({ path: path as string, text, hash, kind: 'adr' }),
        adr_status: () => {
          text = text.replace('Proposed', 'Accepted');
          hash = 'h9';
          return { ...adr3, status: 'Accepted' };
        },
      }),
    );
    renderDocuments();
    await openDoc(adr3.path);
    await userEvent.click(screen.getByTestId('adr-status-Accepted'));
    await waitFor(() => expect(editorText()).toContain('Accepted'));
    expect(saveState()).toHaveTextContent('Saved');
    // The person asked for this change: no "changed outside" notice.
    expect(screen.queryByTestId('doc-notice')).not.toBeInTheDocument();
  });

  it('"Supersede…" opens New ADR with the open ADR preset', async () => {
    mockCommands(handlers());
    renderDocuments();
    await openDoc(adr3.path);
    await userEvent.click(screen.getByTestId('adr-supersede'));
    expect(screen.getByTestId('new-adr-supersedes')).toHaveValue('3');
  });

  it('links to another ADR', async () => {
    const calls = mockCommands(handlers({ adr_link: [adr3, adr1] }));
    renderDocuments();
    await openDoc(adr3.path);
    await userEvent.click(screen.getByTestId('adr-link'));
    const kind = screen.getByTestId('adr-link-kind');
    await userEvent.clear(kind);
    await userEvent.type(kind, 'Clarifies');
    await userEvent.selectOptions(screen.getByTestId('adr-link-target'), '1');
    await userEvent.click(screen.getByTestId('adr-link-submit'));
    await waitFor(() => expect(screen.queryByTestId('adr-link-form')).not.toBeInTheDocument());
    expect(calls.find((c) => c.cmd === 'adr_link')?.args).toEqual({ source: 3, link: 'Clarifies', target: 1 });
  });

  it("shows core's refusal of a status change", async () => {
    mockCommands(
      handlers({ adr_status: fails({ kind: 'invalid_input', message: 'ADR 3 is not Proposed', diagnostics: [] }) }),
    );
    renderDocuments();
    await openDoc(adr3.path);
    await userEvent.click(screen.getByTestId('adr-status-Rejected'));
    expect(await screen.findByRole('alert')).toHaveTextContent('ADR 3 is not Proposed');
  });
});

describe('Workspace folder', () => {
  const refused = fails({ kind: 'not_found', message: 'no folder ~/nowhere', diagnostics: [] });

  async function typePath(path: string) {
    await userEvent.click(await screen.findByRole('button', { name: 'Type a path' }));
    const input = screen.getByTestId('doc-workspace-path');
    await userEvent.clear(input);
    await userEvent.type(input, path);
    await userEvent.click(screen.getByTestId('doc-workspace-use'));
  }

  it('sends a path starting with ~/ as typed: core expands it', async () => {
    const moved = { ...docList, workspace: '/home/ada/notes' };
    const calls = mockCommands(handlers({ docs_workspace_set: moved }));
    renderDocuments();
    await typePath('~/notes');
    await waitFor(() => expect(screen.getByTestId('doc-workspace')).toHaveTextContent('/home/ada/notes'));
    expect(calls.find((c) => c.cmd === 'docs_workspace_set')?.args).toEqual({ path: '~/notes' });
    expect(screen.queryByTestId('doc-workspace-path')).not.toBeInTheDocument();
  });

  it("the folder's error goes on Cancel", async () => {
    mockCommands(handlers({ docs_workspace_set: refused }));
    renderDocuments();
    await typePath('~/nowhere');
    expect(await screen.findByTestId('doc-workspace-error')).toHaveTextContent("Couldn't use that folder");
    await userEvent.click(screen.getByTestId('doc-workspace-cancel'));
    expect(screen.queryByTestId('doc-workspace-error')).not.toBeInTheDocument();
  });

  it("the folder's error goes on Escape and when the typing is toggled off", async () => {
    mockCommands(handlers({ docs_workspace_set: refused }));
    renderDocuments();
    await typePath('~/nowhere');
    await screen.findByTestId('doc-workspace-error');
    screen.getByTestId('doc-workspace-path').focus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('doc-workspace-error')).not.toBeInTheDocument();

    await typePath('~/nowhere');
    await screen.findByTestId('doc-workspace-error');
    await userEvent.click(screen.getByRole('button', { name: 'Type a path' }));
    expect(screen.queryByTestId('doc-workspace-error')).not.toBeInTheDocument();
  });

  it("the folder's error goes when a change then works", async () => {
    let tries = 0;
    mockCommands(
      handlers({
        docs_workspace_set: (args) =>
          tries++ === 0
            ? Promise.reject({ kind: 'not_found', message: 'no folder', diagnostics: [] })
            : { ...docList, workspace: String(args.path) },
      }),
    );
    renderDocuments();
    await typePath('~/nowhere');
    await screen.findByTestId('doc-workspace-error');
    const input = screen.getByTestId('doc-workspace-path');
    await userEvent.clear(input);
    await userEvent.type(input, '/home/ada/study2');
    await userEvent.click(screen.getByTestId('doc-workspace-use'));
    await waitFor(() => expect(screen.getByTestId('doc-workspace')).toHaveTextContent('/home/ada/study2'));
    expect(screen.queryByTestId('doc-workspace-error')).not.toBeInTheDocument();
  });

  it("the folder's error goes when a document is opened", async () => {
    mockCommands(handlers({ docs_workspace_set: refused }));
    renderDocuments();
    await typePath('~/nowhere');
    await screen.findByTestId('doc-workspace-error');
    await openDoc('notes/ideas.md');
    expect(screen.queryByTestId('doc-workspace-error')).not.toBeInTheDocument();
  });
});

describe('Re-reading on window focus', () => {
  it('reloads the list, and quietly replaces an unedited document changed on disk', async () => {
    let disk = { text: '# Ideas\n', hash: 'h0' };
    const calls = mockCommands(handlers({ document_open: ({ path }) => content({ path: path as string, ...disk }) }));
    renderDocuments();
    await openDoc('notes/ideas.md');
    disk = { text: '# Ideas\n\nWritten in vim.', hash: 'h5' };
    window.dispatchEvent(new FocusEvent('focus'));
    await waitFor(() => expect(editorText()).toBe('# Ideas\n\nWritten in vim.'));
    expect(screen.getByTestId('doc-notice')).toHaveTextContent('Reloaded: changed outside studyplan');
    expect(calls.filter((c) => c.cmd === 'documents_list')).toHaveLength(2);
    expect(saveState()).toHaveTextContent('Saved');
  });

  it('shows both versions when the document has unsaved edits', async () => {
    DELAYS.save = 60_000;
    let disk = { text: '# Ideas\n', hash: 'h0' };
    mockCommands(handlers({ document_open: ({ path }) => content({ path: path as string, ...disk }) }));
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('Mine');
    disk = { text: '# Ideas\n\nWritten in vim.', hash: 'h5' };
    window.dispatchEvent(new FocusEvent('focus'));
    const conflict = await screen.findByTestId('doc-conflict');
    expect(within(conflict).getByTestId('doc-conflict-mine').textContent).toBe('# Ideas\nMine');
    expect(within(conflict).getByTestId('doc-conflict-disk').textContent).toBe('# Ideas\n\nWritten in vim.');
  });

  it('leaves an unchanged document alone', async () => {
    mockCommands(handlers());
    renderDocuments();
    await openDoc('notes/ideas.md');
    window.dispatchEvent(new FocusEvent('focus'));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('doc-notice')).not.toBeInTheDocument();
    expect(screen.queryByTestId('doc-conflict')).not.toBeInTheDocument();
  });
});

describe('Leaving a document', () => {
  it('saves pending edits before opening another one', async () => {
    DELAYS.save = 60_000;
    const calls = mockCommands(handlers());
    renderDocuments();
    await openDoc('notes/ideas.md');
    await type('!');
    await userEvent.click(entryButton(adr1.path));
    await waitFor(() => expect(screen.getByTestId('doc-pane')).toHaveAttribute('data-path', adr1.path));
    expect(calls.find((c) => c.cmd === 'document_save')?.args).toMatchObject({ path: 'notes/ideas.md', base: 'h0' });
  });

  it('saves pending edits when the place closes', async () => {
    DELAYS.save = 60_000;
    const calls = mockCommands(handlers());
    const { unmount } = renderDocuments();
    await openDoc('notes/ideas.md');
    await type('!');
    unmount();
    await waitFor(() => expect(calls.some((c) => c.cmd === 'document_save')).toBe(true));
  });
});
