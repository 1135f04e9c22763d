// One open document: the editor's text against the version on disk, with autosave, recovery drafts,
// the live preview and save conflicts. Nothing typed is dropped: a conflict keeps both versions until
// the person chooses, and every edit reaches a recovery draft within DELAYS.draft. Text that still
// holds merge markers is never saved without the person saying so.
import { discardDraft, openDocument, previewDocument, saveDocument, saveDraft } from '../../api/documents';
import { toErrorBody } from '../../api/errors';
import type { DocKind } from '../../bindings/DocKind';
import type { DocumentContent } from '../../bindings/DocumentContent';
import type { DocumentPreview } from '../../bindings/DocumentPreview';
import type { Draft } from '../../bindings/Draft';
import type { ErrorBody } from '../../bindings/ErrorBody';
import { hasMergeMarkers, mergeWithMarkers, unresolvedMarkers } from './docModel';

/**
 * Milliseconds of quiet typing before each follow-up; tests shorten them. The preview has no delay:
 * it is asked for at once, one request at a time (see `refreshPreview`).
 */
export const DELAYS = { draft: 300, save: 1000 };

/** `deleted`: the file is gone from disk (core sends an empty hash and text). */
export type Conflict = { mine: string; diskText: string; diskHash: string; deleted: boolean };

export type SaveState = 'saved' | 'unsaved' | 'markers' | 'saving' | 'failed' | 'conflict';

/** A short message under the toolbar; `undo` puts the person's text back after "Take the disk version". */
export type Notice = { text: string; undo: string | null };

type Timer = 'draft' | 'save';

export class DocSession {
  readonly path: string;
  readonly absPath: string;
  readonly kind: DocKind;

  /** What the editor holds. */
  text = $state('');
  /** The file's text as of `base`. */
  savedText = $state('');
  /** Hash of the disk version the text started from; sent with each save. */
  base = $state('');
  /** Bumped whenever the text is replaced from outside the editor, so the editor shows it. */
  revision = $state(0);
  saving = $state(false);
  saveError: ErrorBody | null = $state(null);
  conflict: Conflict | null = $state(null);
  /** Unsaved text from an earlier session, waiting for Restore or Discard. */
  recovery: Draft | null = $state(null);
  notice: Notice | null = $state(null);
  preview: DocumentPreview | null = $state.raw(null);
  previewError: ErrorBody | null = $state(null);

  /**
   * The two versions a "Merge by hand" started from, until a save goes through. Marker-like lines
   * that were already in one of them are the document's own (a setext heading's "=======", a Git
   * tutorial's example), not leftovers of the merge.
   */
  #mergedFrom: readonly string[] | null = $state.raw(null);
  /** The text still has conflict markers the person hasn't resolved: autosave waits, Ctrl+S asks. */
  unresolved = $derived(this.#mergedFrom !== null && unresolvedMarkers(this.text, this.#mergedFrom));

  dirty = $derived(this.text !== this.savedText);
  saveState: SaveState = $derived.by(() => {
    if (this.conflict) return 'conflict';
    if (this.saving) return 'saving';
    if (this.saveError) return 'failed';
    if (!this.dirty) return 'saved';
    return this.unresolved ? 'markers' : 'unsaved';
  });

  #timers: Partial<Record<Timer, ReturnType<typeof setTimeout>>> = {};
  #inFlight: Promise<boolean> | null = null;
  /** A document_preview call is on its way. */
  #previewBusy = false;
  /** The text changed while it was: one more call goes out when it returns. */
  #previewAgain = false;
  /** Numbers of the last preview call sent and of the one whose answer is shown. */
  #previewSent = 0;
  #previewShown = 0;
  #closed = false;

  constructor(content: DocumentContent) {
    this.path = content.path;
    this.absPath = content.abs_path;
    this.kind = content.kind;
    this.text = content.text;
    this.savedText = content.text;
    this.base = content.hash;
    // A draft equal to the file holds nothing new.
    this.recovery = content.recovery && content.recovery.text !== content.text ? content.recovery : null;
    this.refreshPreview();
  }

  /** The editor changed the text. */
  edit(text: string): void {
    if (this.#closed || text === this.text) return;
    this.text = text;
    if (this.notice?.undo === null) this.notice = null;
    this.#afterChange();
  }

  #afterChange(): void {
    this.refreshPreview();
    if (this.dirty) this.#later('draft', DELAYS.draft, () => void this.#writeDraft());
    if (this.dirty && !this.unresolved) this.#later('save', DELAYS.save, () => void this.save());
    else this.#cancel('save');
  }

  /** Replace the text from outside the editor (reload, restore, a conflict choice). */
  #replace(text: string): void {
    this.text = text;
    this.revision++;
    this.#afterChange();
  }

  #later(timer: Timer, ms: number, run: () => void): void {
    this.#cancel(timer);
    this.#timers[timer] = setTimeout(() => {
      delete this.#timers[timer];
      run();
    }, ms);
  }

  #cancel(timer: Timer): void {
    clearTimeout(this.#timers[timer]);
    delete this.#timers[timer];
  }

  /**
   * Brings the preview up to date with the text: at once when no preview call is on its way, else
   * exactly one more call with the newest text once it returns. No debounce, so a keystroke reaches
   * the preview in one round trip, and no pile of calls for text that is already outdated.
   */
  refreshPreview(): void {
    if (this.#closed) return;
    if (this.#previewBusy) {
      this.#previewAgain = true;
      return;
    }
    void this.#sendPreview();
  }

  async #sendPreview(): Promise<void> {
    this.#previewBusy = true;
    this.#previewAgain = false;
    const seq = ++this.#previewSent;
    try {
      const preview = await previewDocument(this.path, this.text);
      // An answer for older text still beats an even older preview, but never a newer one.
      if (seq > this.#previewShown) {
        this.#previewShown = seq;
        this.preview = preview;
        this.previewError = null;
      }
    } catch (e) {
      if (seq > this.#previewShown) this.previewError = toErrorBody(e);
    } finally {
      this.#previewBusy = false;
    }
    if (this.#previewAgain && !this.#closed) void this.#sendPreview();
  }

  async #writeDraft(): Promise<void> {
    this.#cancel('draft');
    // Until the person picks Restore or Discard, the stored draft is the recovered text: keep it.
    if (!this.dirty || this.recovery) return;
    try {
      await saveDraft(this.path, this.text, this.base);
    } catch {
      // The file itself is saved a moment later; a missed draft only matters after a crash.
    }
  }

  /**
   * Save now. True when the file holds the editor's text afterwards. Text with unresolved merge
   * markers is left unsaved unless `markers` is 'save' (the person answered "Save anyway").
   */
  async save(markers: 'wait' | 'save' = 'wait'): Promise<boolean> {
    this.#cancel('save');
    if (this.#inFlight) {
      await this.#inFlight;
      return this.save(markers);
    }
    if (this.conflict || this.recovery) return false;
    if (!this.dirty) return true;
    if (this.unresolved && markers !== 'save') return false;
    const text = this.text;
    const run = this.#send(text, this.base);
    this.#inFlight = run;
    const ok = await run;
    this.#inFlight = null;
    // Saved on purpose, markers and all: the merge is over, later edits autosave again.
    if (ok) this.#mergedFrom = null;
    // Typed on while it was saving: that text gets its own save.
    if (ok && this.dirty && !this.#closed && !this.unresolved) this.#later('save', DELAYS.save, () => void this.save());
    return ok && !this.dirty;
  }

  /** Unsaved text that only a "Save anyway" would write: leaving the document must not drop it. */
  get waitingOnMarkers(): boolean {
    return this.dirty && this.unresolved;
  }

  async #send(text: string, base: string): Promise<boolean> {
    this.saving = true;
    this.saveError = null;
    try {
      const outcome = await saveDocument(this.path, text, base);
      if (outcome.saved) {
        this.base = outcome.hash;
        this.savedText = text;
        return true;
      }
      if (outcome.conflict) {
        this.#showConflict(outcome.conflict.disk_text, outcome.conflict.disk_hash);
      } else {
        this.saveError = { kind: 'internal', message: 'The file was not saved, and no reason was given.', diagnostics: [] };
      }
      return false;
    } catch (e) {
      this.saveError = toErrorBody(e);
      return false;
    } finally {
      this.saving = false;
    }
  }

  #showConflict(diskText: string, diskHash: string): void {
    this.#cancel('save');
    this.conflict = { mine: this.text, diskText, diskHash, deleted: diskHash === '' && diskText === '' };
    // The draft keeps the person's version safe while they decide.
    void this.#writeDraft();
  }

  /** Conflict: write the person's version over the one on disk. */
  keepMine(): Promise<boolean> {
    const c = this.conflict;
    if (!c) return Promise.resolve(false);
    this.conflict = null;
    this.base = c.diskHash;
    this.savedText = c.diskText;
    if (this.text !== c.mine) this.#replace(c.mine);
    // The person chose this text as the conflict view showed it, markers and all.
    return this.save('save');
  }

  /** Conflict: use the version on disk; the person's text can still be brought back from the notice. */
  takeDisk(): void {
    const c = this.conflict;
    if (!c) return;
    this.conflict = null;
    this.base = c.diskHash;
    this.savedText = c.diskText;
    this.#mergedFrom = null;
    this.#replace(c.diskText);
    this.notice = { text: 'Took the version on disk.', undo: c.mine };
    void discardDraft(this.path).catch(() => {});
  }

  /**
   * Conflict with a deleted file: drop the person's text and its recovery draft. The document is
   * left with nothing unsaved, so it can be closed.
   */
  async discardMine(): Promise<void> {
    if (!this.conflict) return;
    this.conflict = null;
    this.#mergedFrom = null;
    this.#cancel('draft');
    this.#cancel('save');
    this.savedText = this.text;
    await discardDraft(this.path).catch(() => {});
  }

  /** Conflict: both versions in the editor between markers, saved over the disk version once resolved. */
  editMerge(): void {
    const c = this.conflict;
    if (!c) return;
    this.conflict = null;
    this.base = c.diskHash;
    this.savedText = c.diskText;
    this.#mergedFrom = [c.mine, c.diskText];
    this.#replace(mergeWithMarkers(c.mine, c.diskText));
    this.notice = {
      text: 'Both versions are in the editor: where they differ, yours is between “<<<<<<< yours” and “=======”, the one on disk between “=======” and “>>>>>>> on disk”. Keep what you want, delete the marker lines, then save.',
      undo: null,
    };
  }

  /** Undo "Take the disk version": the person's text is back in the editor, unsaved. */
  undoTake(): void {
    const mine = this.notice?.undo;
    if (mine === null || mine === undefined) return;
    this.notice = null;
    this.#replace(mine);
  }

  dismissNotice(): void {
    this.notice = null;
  }

  restoreRecovery(): void {
    const r = this.recovery;
    if (!r) return;
    this.recovery = null;
    // A draft kept in the middle of a "Merge by hand" still has its markers: the merge goes on.
    if (hasMergeMarkers(r.text)) this.#mergedFrom = [this.savedText];
    this.#replace(r.text);
  }

  async discardRecovery(): Promise<void> {
    if (!this.recovery) return;
    await discardDraft(this.path);
    this.recovery = null;
  }

  /**
   * The file may have changed outside the editor (window focus, an ADR command): reload it quietly
   * when nothing is unsaved, otherwise show both versions. `notice` says why it was reloaded; null
   * when the person just asked for the change.
   */
  async checkDisk(notice: string | null = 'Reloaded: changed outside studyplan.'): Promise<void> {
    if (this.#closed || this.conflict) return;
    if (this.#inFlight) await this.#inFlight;
    let disk: DocumentContent;
    try {
      disk = await openDocument(this.path);
    } catch (e) {
      this.notice = { text: `Couldn't read the file again: ${toErrorBody(e).message}`, undo: null };
      return;
    }
    if (this.#closed || this.conflict || disk.hash === this.base) return;
    if (this.dirty) {
      this.#showConflict(disk.text, disk.hash);
      return;
    }
    this.base = disk.hash;
    this.savedText = disk.text;
    this.text = disk.text;
    this.#mergedFrom = null;
    this.revision++;
    this.notice = notice === null ? null : { text: notice, undo: null };
    this.refreshPreview();
  }

  /** Leaving the document: write what is pending now. True when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    if (this.#timers.draft) void this.#writeDraft();
    return this.save();
  }

  /** The editor goes away (another place, another document): stop timers, keep unsaved text safe. */
  close(): void {
    if (this.#closed) return;
    const pending = this.dirty && !this.conflict && !this.recovery;
    if (this.#timers.draft || pending) void this.#writeDraft();
    // Unresolved markers stay unsaved (save() leaves them); the draft above keeps them.
    if (pending) void this.save();
    this.#closed = true;
    for (const t of ['draft', 'save'] as const) this.#cancel(t);
  }
}
