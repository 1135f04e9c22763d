// Turns whatever an IPC call rejected with into an ErrorBody, and puts one into words.
import type { Diagnostic } from '../bindings/Diagnostic';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { ErrorKind } from '../bindings/ErrorKind';

const KINDS: readonly ErrorKind[] = [
  'invalid_input',
  'not_found',
  'plan_invalid',
  'conflict',
  'storage',
  'busy',
  'io',
  'forbidden',
  'internal',
];

function isDiagnostic(v: unknown): v is Diagnostic {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    typeof d.file === 'string' &&
    typeof d.line === 'number' &&
    typeof d.column === 'number' &&
    typeof d.message === 'string' &&
    (d.hint === null || typeof d.hint === 'string')
  );
}

/** True when `v` has the exact shape core sends for a failed command. */
export function isErrorBody(v: unknown): v is ErrorBody {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Record<string, unknown>;
  return (
    typeof b.kind === 'string' &&
    (KINDS as readonly string[]).includes(b.kind) &&
    typeof b.message === 'string' &&
    Array.isArray(b.diagnostics) &&
    b.diagnostics.every(isDiagnostic)
  );
}

/** Any rejection as an ErrorBody: core's own bodies pass through, the rest become "internal". */
export function toErrorBody(e: unknown): ErrorBody {
  if (isErrorBody(e)) return e;
  return { kind: 'internal', message: readableMessage(e), diagnostics: [] };
}

function readableMessage(e: unknown): string {
  if (typeof e === 'string' && e.trim() !== '') return e;
  if (e instanceof Error && e.message !== '') return e.message;
  if (typeof e === 'object' && e !== null) {
    const m = (e as Record<string, unknown>).message;
    if (typeof m === 'string' && m !== '') return m;
    try {
      return `Unexpected error: ${JSON.stringify(e)}`;
    } catch {
      // fall through
    }
  }
  return 'Something went wrong and no message was given.';
}

/** One diagnostic the way compilers print them: `file:line:col: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

/** The error in words: the message, then each diagnostic with its hint on the next line. */
export function describeError(body: ErrorBody): string {
  const lines = [body.message];
  for (const d of body.diagnostics) {
    lines.push(formatDiagnostic(d));
    if (d.hint) lines.push(`  hint: ${d.hint}`);
  }
  return lines.join('\n');
}

/** What the person can do about an error of this kind. */
export function errorAdvice(kind: ErrorKind): string {
  switch (kind) {
    case 'invalid_input':
      return 'Check the values and try again.';
    case 'not_found':
      return 'It may have been removed; reload the view to see the current data.';
    case 'plan_invalid':
      return 'Fix the plan file at the places listed and load it again.';
    case 'conflict':
      return 'It collides with something already saved; change it and try again.';
    case 'storage':
      return 'The database could not be read or written. Check the disk and the database path shown in Settings.';
    case 'busy':
      return 'Another studyplan process (the reminder service or the command line) was writing. Nothing changed; try again.';
    case 'io':
      return 'A file could not be read or written. Check that it exists and that you may access it.';
    case 'forbidden':
      return 'The server refused it: what it said above tells who may do this. Nothing was changed there.';
    case 'internal':
      return 'This is probably a bug in studyplan. Try again; if it keeps happening, report it with this message.';
  }
}
