// The plan's document templates and the documents workspace: list, open, preview, save, drafts, ADRs, READMEs, logs.
import type { DocumentContent } from '../bindings/DocumentContent';
import type { DocumentEntry } from '../bindings/DocumentEntry';
import type { DocumentList } from '../bindings/DocumentList';
import type { DocumentPreview } from '../bindings/DocumentPreview';
import type { DocumentTemplateView } from '../bindings/DocumentTemplateView';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import { call } from './ipc';

/** The statuses an ADR can be given by `adr_status`. */
export type AdrStatus = 'Proposed' | 'Accepted' | 'Deprecated' | 'Rejected';

export function getDocumentTemplates(): Promise<DocumentTemplateView[]> {
  return call<DocumentTemplateView[]>('document_templates');
}

export function listDocuments(): Promise<DocumentList> {
  return call<DocumentList>('documents_list');
}

/** `path` is relative to the workspace, '/'-separated. */
export function openDocument(path: string): Promise<DocumentContent> {
  return call<DocumentContent>('document_open', { path });
}

/** Rendered, sanitized HTML of `text`; `path` null for text that has no file yet. */
export function previewDocument(path: string | null, text: string): Promise<DocumentPreview> {
  return call<DocumentPreview>('document_preview', { path, text });
}

/** `base` is the hash the text started from; a file changed since comes back as a conflict, unsaved. */
export function saveDocument(path: string, text: string, base: string): Promise<SaveOutcome> {
  return call<SaveOutcome>('document_save', { path, text, base });
}

/** Keeps a recovery copy of unsaved text, so a crash loses nothing. */
export function saveDraft(path: string, text: string, base: string): Promise<null> {
  return call<null>('document_draft', { path, text, base });
}

export function discardDraft(path: string): Promise<null> {
  return call<null>('document_draft_discard', { path });
}

export function newAdr(title: string, status: string | null, supersedes: number | null): Promise<DocumentEntry> {
  return call<DocumentEntry>('adr_new', { title, status, supersedes });
}

/** Core refuses transitions that make no sense (Rejected → Accepted) with a message. */
export function setAdrStatus(number: number, status: AdrStatus): Promise<DocumentEntry> {
  return call<DocumentEntry>('adr_status', { number, status });
}

/** Links ADR `source` to `target` ("Amends"); core writes the reverse link too. Returns the changed entries. */
export function linkAdr(source: number, link: string, target: number): Promise<DocumentEntry[]> {
  return call<DocumentEntry[]>('adr_link', { source, link, target });
}

/** `path` null lets core choose where the project's README goes. */
export function newReadme(project: string, path: string | null): Promise<DocumentEntry> {
  return call<DocumentEntry>('readme_new', { project, path });
}

/** The log of `date` (YYYY-MM-DD), created from the day's blocks when missing. */
export function openDailyLog(date: string): Promise<DocumentContent> {
  return call<DocumentContent>('daily_log_open', { date });
}

export function setDocsWorkspace(path: string): Promise<DocumentList> {
  return call<DocumentList>('docs_workspace_set', { path });
}

/** Asks for a folder with the system's chooser; null when the person cancels. */
export function chooseDocsWorkspace(): Promise<DocumentList | null> {
  return call<DocumentList | null>('docs_workspace_choose');
}

/** Opens a link in the system browser; the WebView itself never navigates. */
export function openExternal(url: string): Promise<null> {
  return call<null>('open_external', { url });
}
