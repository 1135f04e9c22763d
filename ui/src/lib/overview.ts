// Words for the sidebar header: which week of the active plan today falls in.
import type { Overview } from './bindings/Overview';
import { formatDateRange, formatDay } from './format';

/** "Week 3 of 9 — Spark + Delta", or where today stands relative to the plan; null without a plan. */
export function weekLine(o: Overview): string | null {
  const plan = o.plan;
  if (!plan) return null;
  if (o.week) {
    const title = o.week.title.trim();
    return `Week ${o.week.number} of ${o.week_count}${title ? ` — ${title}` : ''}`;
  }
  if (o.today < plan.start) return `Starts ${formatDay(plan.start)}`;
  if (o.today > plan.end) return `Ended ${formatDay(plan.end)}`;
  return formatDateRange(plan.start, plan.end);
}
