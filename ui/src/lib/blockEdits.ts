// Checks what the person typed into a block's minutes or note editor and turns it into what core takes.
import type { Annotation } from './api/blocks';
import type { BlockView } from './bindings/BlockView';

/** A typed number field: a number, or null / NaN when empty or not a number. */
type Field = number | null | undefined;

type Checked<T> = { value: T } | { message: string };

/** A whole number of 0 or more, or null for an empty field. */
function wholeOrEmpty(v: Field, what: string): Checked<number | null> {
  if (v === null || v === undefined || Number.isNaN(v)) return { value: null };
  if (!Number.isInteger(v) || v < 0) return { message: `Enter ${what} as a whole number, 0 or more.` };
  return { value: v };
}

/** Minutes for "partial": only their form is checked here; core decides the range (1 to length − 1). */
export function checkMinutes(v: Field): Checked<number> {
  const n = wholeOrEmpty(v, 'the minutes you spent');
  if ('message' in n) return n;
  if (n.value === null) return { message: 'Enter the minutes you spent on this block.' };
  return { value: n.value };
}

export type NoteDraft = { note: string; problems: Field; queries: Field };

/**
 * Only what changed, for `block_annotate`; null when nothing did. Core keeps a counter unless one is
 * sent, so emptying a counter that had a value sends 0.
 */
export function noteChanges(block: BlockView, draft: NoteDraft): Checked<Annotation | null> {
  const problems = wholeOrEmpty(draft.problems, 'the problems solved');
  if ('message' in problems) return problems;
  const queries = wholeOrEmpty(draft.queries, 'the queries written');
  if ('message' in queries) return queries;

  const counter = (typed: number | null, stored: number | null) => {
    const next = typed ?? (stored === null ? null : 0);
    return next === stored ? null : next;
  };
  const annotation: Annotation = {
    note: draft.note.trim() === (block.user_note ?? '').trim() ? null : draft.note.trim(),
    problems: counter(problems.value, block.problems),
    queries: counter(queries.value, block.queries),
  };
  const changed = annotation.note !== null || annotation.problems !== null || annotation.queries !== null;
  return { value: changed ? annotation : null };
}
