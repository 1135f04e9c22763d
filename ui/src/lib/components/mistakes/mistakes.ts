// Words and grouping for the mistakes log: what a revisit is called, its state, the revisit dates
// after logging one, weeks of the log, and which links may be opened in the browser.
import type { MistakeView } from '../../bindings/MistakeView';
import type { RevisitView } from '../../bindings/RevisitView';
import { weekStart } from '../../dates';
import { formatDayShort } from '../../format';

export type RevisitState = 'open' | 'solid' | 'again';

export function revisitState(r: RevisitView): RevisitState {
  return r.outcome ?? 'open';
}

/** The plan's names for the revisits: after 48 hours, after a week, and the ones "again" adds. */
export function revisitName(seq: number): string {
  if (seq === 1) return '48-hour revisit';
  if (seq === 2) return 'One-week revisit';
  return 'Extra revisit';
}

export const STATE_LABEL: Readonly<Record<RevisitState, string>> = { open: 'Open', solid: 'Solid', again: 'Again' };

/** "Thu 21 Aug and Tue 26 Aug", "Thu 21 Aug, Sat 23 Aug and Tue 26 Aug". */
export function dayList(dates: readonly string[]): string {
  const days = dates.map(formatDayShort);
  const last = days.pop();
  if (last === undefined) return '';
  return days.length === 0 ? last : `${days.join(', ')} and ${last}`;
}

/** The confirmation after logging: "Revisits on Thu 21 Aug and Tue 26 Aug". */
export function revisitsText(m: MistakeView): string {
  const open = m.revisits.filter((r) => r.outcome === null).map((r) => r.date);
  if (open.length === 0) return 'No revisits planned';
  return `${open.length === 1 ? 'Revisit' : 'Revisits'} on ${dayList(open)}`;
}

/** A mistake's link as something to open in the system browser: only http and https, else null. */
export function webLink(link: string | null): string | null {
  const text = link?.trim();
  if (!text) return null;
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:' ? text : null;
  } catch {
    return null;
  }
}

export type MistakeWeek = { start: string; mistakes: MistakeView[] };

/** The log by week of the mistake's date (Monday first), newest week and newest mistake first. */
export function groupByWeek(mistakes: readonly MistakeView[]): MistakeWeek[] {
  const sorted = [...mistakes].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
  const weeks: MistakeWeek[] = [];
  for (const m of sorted) {
    const start = weekStart(m.date);
    const last = weeks[weeks.length - 1];
    if (last?.start === start) last.mistakes.push(m);
    else weeks.push({ start, mistakes: [m] });
  }
  return weeks;
}

/** What closing a revisit did, from the mistake core answered with. */
export function closedText(m: MistakeView, outcome: RevisitState): string {
  if (outcome === 'solid') return m.settled ? 'Solid: this mistake is settled.' : 'Marked solid.';
  const next = m.revisits.filter((r) => r.outcome === null).sort((a, b) => b.seq - a.seq)[0];
  return next ? `Again: one more revisit on ${formatDayShort(next.date)}.` : 'Marked again.';
}
