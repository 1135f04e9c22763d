// A daily log's "Mistakes log updates" into the mistakes log: which open document can do it (a daily log,
// `logs/YYYY-MM-DD.md`, the file core reads) and what core's answer says, in words.
import type { DocKind } from '../../bindings/DocKind';
import type { LogImport } from '../../bindings/LogImport';
import { isIsoDate } from '../../dates';
import { dayList } from '../mistakes/mistakes';

/** How a mistake is written in the log's section, as core reads it. */
export const LINE_FORMAT = '- track: topic — what went wrong → the fix';

/** The day of a daily log from its workspace path (`logs/2025-08-19.md`); null for any other document. */
export function logDateOf(kind: DocKind, path: string): string | null {
  if (kind !== 'daily_log') return null;
  const m = /^logs\/(\d{4}-\d{2}-\d{2})\.md$/.exec(path);
  const day = m?.[1];
  return day !== undefined && isIsoDate(day) ? day : null;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "2 mistakes logged (revisits on Thu 21 Aug and Tue 26 Aug), 1 already in the log". Skipped lines are
 * listed on their own; when nothing at all was found, says where core looked.
 */
export function logImportText(r: LogImport): string {
  const parts: string[] = [];
  if (r.added.length > 0) {
    const days = [...new Set(r.added.flatMap((m) => m.revisits.filter((v) => v.outcome === null).map((v) => v.date)))].sort();
    const when = days.length === 0 ? '' : ` (${days.length === 1 ? 'revisit' : 'revisits'} on ${dayList(days)})`;
    parts.push(`${count(r.added.length, 'mistake', 'mistakes')} logged${when}`);
  } else if (r.already > 0 || r.skipped.length > 0) {
    parts.push('No new mistakes logged');
  } else {
    return `No mistakes found under “Mistakes log updates” in ${r.path}`;
  }
  if (r.already > 0) parts.push(`${r.already} already in the log`);
  return parts.join(', ');
}

/** The heading of the list of lines core couldn't read. */
export function skippedText(r: LogImport): string {
  return `${count(r.skipped.length, 'line', 'lines')} not logged: fix ${r.skipped.length === 1 ? 'it' : 'them'} and log again`;
}
