// Keyboard shortcuts: the list shown in the `?` overlay and the rule for when they apply.

export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['t'], action: 'Go to Today (today’s date)' },
  { keys: ['c'], action: 'Go to Calendar' },
  { keys: ['d'], action: 'Go to Documents' },
  { keys: ['p'], action: 'Go to Portfolio' },
  { keys: [','], action: 'Go to Settings' },
  { keys: ['←', '→'], action: 'Previous / next day (Today) or week (Calendar)' },
  { keys: ['?'], action: 'Show or hide this list' },
  { keys: ['Esc'], action: 'Close this list' },
  { keys: ['Tab'], action: 'Move between buttons, links and fields' },
];

const NON_TYPING_INPUTS = new Set(['checkbox', 'button', 'submit', 'reset', 'image', 'file', 'color']);

/** True when a key press on `target` is typing (or moving inside a field) rather than a command. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NON_TYPING_INPUTS.has(target.type);
  return false;
}

/** Whether a keydown should be treated as an app shortcut at all. */
export function isShortcutEvent(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.isComposing) return false;
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return !isTypingTarget(e.target);
}
