// Pure: a goal's progress in words ("5 of 25–35 problems") and its bar geometry (0 to max, min marked).
import type { GoalProgress } from '../../bindings/GoalProgress';

type Target = Pick<GoalProgress, 'metric' | 'min' | 'max'>;

/** "performance-fixes" → "performance fixes". */
export function metricWords(metric: string): string {
  return metric.replaceAll(/[-_]+/g, ' ');
}

/** "25–35", "1", "at least 2", "at most 5"; null when the goal has no numbers. */
export function targetRange(g: Target): string | null {
  if (g.min !== null && g.max !== null) return g.min === g.max ? `${g.min}` : `${g.min}–${g.max}`;
  if (g.min !== null) return `at least ${g.min}`;
  if (g.max !== null) return `at most ${g.max}`;
  return null;
}

/** What the goal says and where it stands: "5 of 25–35 problems", or that studyplan doesn't count it. */
export function goalText(g: GoalProgress): string {
  const metric = metricWords(g.metric);
  const range = targetRange(g);
  if (g.value === null) {
    return range ? `Aim: ${range} ${metric} · not counted by studyplan yet` : 'Not counted by studyplan yet';
  }
  return range ? `${g.value} of ${range} ${metric}` : `${g.value} ${metric}`;
}

export type GoalStatus = 'uncounted' | 'below' | 'within' | 'above' | 'open';

export function goalStatus(g: GoalProgress): GoalStatus {
  if (g.value === null) return 'uncounted';
  if (g.min !== null && g.value < g.min) return 'below';
  if (g.max !== null && g.value > g.max) return 'above';
  if (g.min === null && g.max === null) return 'open';
  return 'within';
}

/** A short second line: how far to the minimum, or that the goal is met. */
export function goalStatusText(g: GoalProgress): string {
  switch (goalStatus(g)) {
    case 'below':
      return `${(g.min ?? 0) - (g.value ?? 0)} more to reach ${g.min}`;
    case 'within':
      return 'On target';
    case 'above':
      return `More than the ${g.max} aimed for`;
    case 'uncounted':
    case 'open':
      return '';
  }
}

/** Bar geometry in percent of the bar's width: the bar runs from 0 to max (or min, or the value). */
export function goalBar(g: GoalProgress): { fill: number; min: number | null } {
  const scale = Math.max(g.max ?? g.min ?? 0, g.value ?? 0, 1);
  const pct = (n: number) => Math.min(100, Math.round((n / scale) * 1000) / 10);
  return { fill: pct(g.value ?? 0), min: g.min !== null && g.min > 0 ? pct(g.min) : null };
}

/** Goals of the week first, then those measured over the whole plan. */
export function splitGoals(goals: GoalProgress[]): { week: GoalProgress[]; plan: GoalProgress[] } {
  return { week: goals.filter((g) => g.per !== 'plan'), plan: goals.filter((g) => g.per === 'plan') };
}
