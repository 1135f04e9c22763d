// Words for plans: a shipped plan's dates or length, and what a load or reload changed.
import type { ErrorBody } from './bindings/ErrorBody';
import type { LoadReport } from './bindings/LoadReport';
import type { ShippedPlan } from './bindings/ShippedPlan';
import { formatDay } from './format';

/** "1 week", "9 weeks". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Mon 4 Aug 2025 – Sun 5 Oct 2025" for plans with dates, "12 weeks, you pick the start" for relative ones. */
export function shippedSpan(p: ShippedPlan): string {
  if (p.start && p.end) return `${formatDay(p.start)} – ${formatDay(p.end)}`;
  const length = p.weeks === null ? 'Self-paced' : plural(p.weeks, 'week');
  return p.relative ? `${length}, you pick the start` : length;
}

/** The load report in words: a headline and, when history was kept, a note about it. */
export function describeLoad(r: LoadReport): { headline: string; history: string | null } {
  const title = `“${r.plan.title}”`;
  const headline = r.reloaded
    ? `Reloaded ${title}: ${r.added} added, ${r.moved} moved, ${r.removed} removed, ${r.unchanged} unchanged`
    : `Loaded ${title}: ${plural(r.plan.block_count, 'block')} in ${plural(r.plan.weeks, 'week')}`;
  const notes: string[] = [];
  if (r.history_kept > 0) {
    notes.push(
      r.history_kept === 1
        ? '1 moved or removed block had a status or notes; its history stays in the log.'
        : `${r.history_kept} moved or removed blocks had a status or notes; their history stays in the log.`,
    );
  }
  const kept = r.portfolio_kept.length;
  if (kept > 0) {
    notes.push(
      `${kept === 1 ? '1 portfolio item' : `${kept} portfolio items`} with a tick or evidence left the plan; ${
        kept === 1 ? 'it is' : 'they are'
      } kept under “No longer in the plan” in Portfolio (${r.portfolio_kept.join(', ')}).`,
    );
  }
  return { headline, history: notes.length ? notes.join(' ') : null };
}

/** How a load ended, as the form that started it shows it. */
export type LoadOutcome = { report: LoadReport } | { error: ErrorBody };
