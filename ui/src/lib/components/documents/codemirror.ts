// CodeMirror 6 set up for Markdown in the app's colours. Imported only with import(), so the
// editor's code is a chunk of its own, fetched when the first document opens.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdownKeymap, markdownLanguage } from '@codemirror/lang-markdown';
import { HighlightStyle, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { Annotation, Compartment, EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export type EditorOptions = {
  text: string;
  readonly: boolean;
  /** Accessible name of the text area. */
  label: string;
  onchange: (text: string) => void;
  onsave: () => void;
};

export type EditorHandle = {
  setText(text: string): void;
  setReadonly(readonly: boolean): void;
  goToLine(line: number): void;
  focus(): void;
  destroy(): void;
};

// Marks text set from outside, so it is not reported back as typing.
const external = Annotation.define<boolean>();

const theme = EditorView.theme({
  '&': {
    color: 'var(--fg)',
    backgroundColor: 'var(--bg)',
    border: '1px solid var(--field-border)',
    borderRadius: '6px',
    height: '100%',
  },
  '&.cm-focused': {
    outline: '3px solid var(--focus)',
    outlineOffset: '2px',
  },
  '.cm-scroller': {
    fontFamily: "ui-monospace, 'SF Mono', 'Cascadia Mono', 'DejaVu Sans Mono', monospace",
    fontSize: '0.9rem',
    lineHeight: '1.55',
  },
  '.cm-content': { caretColor: 'var(--fg)', padding: '0.6rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--accent-soft)',
  },
  '.cm-gutters': {
    backgroundColor: 'var(--surface)',
    color: 'var(--fg-muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)', color: 'var(--fg)' },
});

// Colours from app.css, so light and dark both keep AA contrast.
const highlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: '700', color: 'var(--accent)' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: 'var(--accent)', textDecoration: 'underline' },
  { tag: tags.monospace, color: 'var(--ok)' },
  { tag: [tags.quote, tags.comment], color: 'var(--fg-muted)', fontStyle: 'italic' },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator], color: 'var(--fg-muted)' },
  { tag: tags.list, color: 'var(--warn)' },
]);

/**
 * The nonce Tauri gives the page's own <style> element. Tauri adds it to the CSP's style-src, which
 * makes the browser ignore 'unsafe-inline' there; CodeMirror's <style> element needs it too.
 */
function styleNonce(): string | null {
  const nonce = document.querySelector<HTMLStyleElement>('style[nonce]')?.nonce;
  return nonce ? nonce : null;
}

export function createEditor(parent: HTMLElement, options: EditorOptions): EditorHandle {
  const nonce = styleNonce();
  const readonly = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        nonce ? EditorView.cspNonce.of(nonce) : [],
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        // Mod-s before the defaults; Tab is left alone so the keyboard can leave the editor.
        // Enter continues lists and quotes, Backspace removes their markup.
        keymap.of([
          ...markdownKeymap,
          {
            key: 'Mod-s',
            preventDefault: true,
            run: () => {
              options.onsave();
              return true;
            },
          },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        // The language alone: markdown() would also bundle HTML, CSS and JavaScript support for
        // embedded code, almost 190 kB more for little use in study notes.
        new LanguageSupport(markdownLanguage),
        syntaxHighlighting(highlight),
        EditorView.lineWrapping,
        theme,
        readonly.of(EditorState.readOnly.of(options.readonly)),
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !u.transactions.some((t) => t.annotation(external))) {
            options.onchange(u.state.doc.toString());
          }
        }),
      ],
    }),
  });
  view.dom.setAttribute('data-testid', 'doc-editor');

  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      // One undoable change, so Ctrl+Z brings back what was there before.
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: external.of(true),
      });
    },
    setReadonly(value) {
      view.dispatch({ effects: readonly.reconfigure(EditorState.readOnly.of(value)) });
    },
    goToLine(line) {
      const doc = view.state.doc;
      const target = doc.line(Math.min(Math.max(1, line), doc.lines));
      view.dispatch({
        selection: EditorSelection.cursor(target.from),
        effects: EditorView.scrollIntoView(target.from, { y: 'start', yMargin: 24 }),
      });
      view.focus();
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
