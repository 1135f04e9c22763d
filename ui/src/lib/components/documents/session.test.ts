// DocSession on its own: preview scheduling (at once, one call in flight, latest text wins) and
// saving text that still has merge markers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { content } from '../../../test/documentFixtures';
import { mockCommands, type Call } from '../../../test/ipc';
import type { DocumentPreview } from '../../bindings/DocumentPreview';
import { DELAYS, DocSession } from './session.svelte';

const saved = { ...DELAYS };
afterEach(() => Object.assign(DELAYS, saved));

/** Lets IPC calls and their answers settle without moving any timer. */
async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

type Pending = { text: string; answer: (p: DocumentPreview) => void };

describe('DocSession preview', () => {
  let calls: Call[];
  let pending: Pending[];
  let sessions: DocSession[];

  beforeEach(() => {
    // Fake timers: a preview that waited for any timer would never be asked for.
    vi.useFakeTimers();
    pending = [];
    sessions = [];
    calls = mockCommands({
      document_preview: ({ text }) =>
        new Promise<DocumentPreview>((answer) => pending.push({ text: String(text), answer })),
      document_draft: null,
      document_save: () => ({ saved: true, hash: 'h1', conflict: null }),
    });
  });

  afterEach(() => {
    for (const s of sessions) s.close();
    vi.useRealTimers();
  });

  const open = (text = '') => {
    const s = new DocSession(content({ path: 'notes/a.md', text }));
    sessions.push(s);
    return s;
  };
  const html = (text: string) => ({ html: `<p>${text}</p>`, completeness: null });
  const previewCalls = () => calls.filter((c) => c.cmd === 'document_preview').map((c) => c.args.text);

  it('asks for the preview of an edit at once, without waiting for a timer', async () => {
    const s = open('x');
    await settle();
    pending.shift()?.answer(html('x'));
    await settle();
    expect(s.preview?.html).toBe('<p>x</p>');

    s.edit('xy');
    await settle();
    expect(previewCalls()).toEqual(['x', 'xy']);
    pending.shift()?.answer(html('xy'));
    await settle();
    expect(s.preview?.html).toBe('<p>xy</p>');
  });

  it('keeps one call in flight and sends exactly one more, with the newest text, when it returns', async () => {
    const s = open('');
    await settle();
    pending.shift()?.answer(html(''));
    await settle();

    s.edit('a');
    s.edit('ab');
    s.edit('abc');
    await settle();
    expect(previewCalls()).toEqual(['', 'a']);

    // The answer for "a" is older than the text, but newer than what is shown: it is shown.
    pending.shift()?.answer(html('a'));
    await settle();
    expect(s.preview?.html).toBe('<p>a</p>');
    expect(previewCalls()).toEqual(['', 'a', 'abc']);

    pending.shift()?.answer(html('abc'));
    await settle();
    expect(s.preview?.html).toBe('<p>abc</p>');
    // Nothing changed since: no further call.
    expect(previewCalls()).toEqual(['', 'a', 'abc']);
    expect(pending).toHaveLength(0);
  });

  it('asks for nothing more once the document is closed', async () => {
    const s = open('');
    await settle();
    s.edit('a');
    s.edit('ab');
    s.close();
    pending.shift()?.answer(html(''));
    await settle();
    expect(previewCalls()).toEqual(['']);
  });

  it('shows an error for the newest call, and the next answer clears it', async () => {
    calls = mockCommands({
      document_preview: ({ text }) =>
        text === 'bad' ? Promise.reject({ kind: 'invalid_input', message: 'nope', diagnostics: [] }) : html(String(text)),
      document_draft: null,
    });
    const s = open('');
    await settle();
    s.edit('bad');
    await settle();
    expect(s.previewError?.message).toBe('nope');
    s.edit('good');
    await settle();
    expect(s.previewError).toBeNull();
    expect(s.preview?.html).toBe('<p>good</p>');
  });
});

describe('DocSession merge markers', () => {
  let calls: Call[];
  let saves = 0;

  beforeEach(() => {
    Object.assign(DELAYS, { draft: 0, save: 10 });
    calls = mockCommands({
      document_preview: html(),
      document_draft: null,
      document_draft_discard: null,
      document_open: content({ path: 'notes/a.md', text: 'disk', hash: 'hd' }),
      document_save: () =>
        saves++ === 0
          ? { saved: false, hash: '', conflict: { disk_text: 'A\nfrom disk', disk_hash: 'hd' } }
          : { saved: true, hash: 'h2', conflict: null },
    });
    saves = 0;
  });

  function html(): DocumentPreview {
    return { html: '', completeness: null };
  }

  const saveCalls = () => calls.filter((c) => c.cmd === 'document_save').map((c) => c.args.text);
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function merged(): Promise<DocSession> {
    const s = new DocSession(content({ path: 'notes/a.md', text: 'A\nbase' }));
    s.edit('A\nmine');
    await vi.waitFor(() => expect(s.conflict).not.toBeNull());
    s.editMerge();
    expect(s.text).toBe('A\n<<<<<<< yours\nmine\n=======\nfrom disk\n>>>>>>> on disk');
    return s;
  }

  it('does not autosave text with markers, nor save it without "Save anyway"', async () => {
    const s = await merged();
    expect(s.unresolved).toBe(true);
    expect(s.saveState).toBe('markers');
    await wait(40);
    expect(saveCalls()).toHaveLength(1);
    expect(await s.save()).toBe(false);
    expect(await s.flush()).toBe(false);
    expect(saveCalls()).toHaveLength(1);
    expect(s.waitingOnMarkers).toBe(true);

    // Half resolved: a stray "=======" is still a marker.
    s.edit('A\nmine\n=======\nfrom disk');
    expect(s.unresolved).toBe(true);
    await wait(40);
    expect(saveCalls()).toHaveLength(1);

    expect(await s.save('save')).toBe(true);
    expect(saveCalls().at(-1)).toBe('A\nmine\n=======\nfrom disk');
    // Saved on purpose: the merge is over, and later edits autosave again.
    expect(s.unresolved).toBe(false);
    s.edit('A\nmine\n=======\nfrom disk\n');
    await vi.waitFor(() => expect(saveCalls()).toHaveLength(3));
    s.close();
  });

  it('a restored draft from the middle of a merge still waits for its markers', async () => {
    const draft = 'A\n<<<<<<< yours\nmine\n=======\nfrom disk\n>>>>>>> on disk';
    const s = new DocSession(
      content({ path: 'notes/a.md', text: 'A\nfrom disk', recovery: { text: draft, saved_at: '2025-08-19T12:05:00Z' } }),
    );
    s.restoreRecovery();
    expect(s.text).toBe(draft);
    expect(s.saveState).toBe('markers');
    await wait(40);
    expect(saveCalls()).toHaveLength(0);
    s.close();
  });

  it('autosaves once the markers are gone', async () => {
    const s = await merged();
    s.edit('A\nmine and from disk');
    expect(s.unresolved).toBe(false);
    expect(s.saveState).toBe('unsaved');
    await vi.waitFor(() => expect(saveCalls()).toEqual(['A\nmine', 'A\nmine and from disk']));
    s.close();
  });
});
