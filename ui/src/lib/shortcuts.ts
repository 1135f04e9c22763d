// Keyboard shortcuts: the list shown in the `?` overlay and the rule for when they apply.

export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['t'], action: 'Go to Today (today’s date)' },
  { keys: ['c'], action: 'Go to Calendar' },
  { keys: ['d'], action: 'Go to Documents' },
  { keys: ['p'], action: 'Go to Portfolio' },
  { keys: [','], action: 'Go to Settings' },
  { keys: ['←', '→'], action: 'Previous / next day (Today), or day / week / month (Calendar)' },
  { keys: ['1', '2', '3'], action: 'Calendar: day, week or month view' },
  { keys: ['j', 'k'], action: 'Select the next / previous block (Today)' },
  { keys: ['Space', 'x'], action: 'Mark the selected block done' },
  { keys: ['s'], action: 'Skip the selected block' },
  { keys: ['m'], action: 'Partly done: enter the minutes spent (Enter saves)' },
  { keys: ['n'], action: 'Write a note and counters (Ctrl+Enter saves)' },
  { keys: ['u'], action: 'Undo: the selected block back to planned' },
  { keys: ['l'], action: 'Open the daily log of the day shown (Today)' },
  { keys: ['e'], action: 'Log a mistake for the selected block (Today)' },
  { keys: ['Shift+P'], action: 'Log a practice exam for a certification (Today)' },
  { keys: ['Ctrl+S'], action: 'Save the open document now (Documents; it also saves a second after you stop typing)' },
  { keys: ['?'], action: 'Show or hide this list' },
  { keys: ['Esc'], action: 'Close this list or a panel, cancel an edit, or dismiss a reminder banner' },
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

/** What a key does to the selected block on Today. */
export type BlockCommand = 'next' | 'previous' | BlockAction;

/** What the person can do to one block (buttons and keys alike). */
export type BlockAction = 'done' | 'skip' | 'partial' | 'note' | 'undo';

const BLOCK_KEYS: Readonly<Record<string, BlockCommand>> = {
  j: 'next',
  k: 'previous',
  ' ': 'done',
  x: 'done',
  s: 'skip',
  m: 'partial',
  n: 'note',
  u: 'undo',
};

/** Things Space presses by itself: leave Space on them alone. */
function pressesOnSpace(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], input, select, textarea, summary') !== null;
}

/** The block command of a keydown, or null when it is none (or the person is typing). */
export function blockCommand(e: KeyboardEvent): BlockCommand | null {
  if (!isShortcutEvent(e) || e.shiftKey) return null;
  const command = BLOCK_KEYS[e.key];
  if (!command) return null;
  if (e.key === ' ' && pressesOnSpace(e.target)) return null;
  return command;
}
