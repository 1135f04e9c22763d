// Plans: the loaded ones, the ones shipped with the app, and loading / activating / removing them.
import type { LoadReport } from '../bindings/LoadReport';
import type { PlanSummary } from '../bindings/PlanSummary';
import type { ShippedPlan } from '../bindings/ShippedPlan';
import { call } from './ipc';

export function listPlans(): Promise<PlanSummary[]> {
  return call<PlanSummary[]>('plan_list');
}

export function listShippedPlans(): Promise<ShippedPlan[]> {
  return call<ShippedPlan[]>('plan_shipped');
}

/** How to place a plan; null leaves the choice to core (plan's zone, default variant, plan's own dates). */
export type LoadOptions = { start: string | null; tz: string | null; variant: string | null };

/** `source` is a shipped plan's id or an absolute file path. Loading makes the plan the active one. */
export function loadPlan(source: string, options: LoadOptions): Promise<LoadReport> {
  return call<LoadReport>('plan_load', { source, ...options });
}

export function activatePlan(id: string): Promise<PlanSummary> {
  return call<PlanSummary>('plan_activate', { id });
}

export function removePlan(id: string): Promise<null> {
  return call<null>('plan_remove', { id });
}

/** The desktop's file chooser (opened by the app, not the page); null when cancelled. */
export function choosePlanFile(): Promise<string | null> {
  return call<string | null>('plan_choose_file');
}

/**
 * Follows plan `id` again from `start` (`YYYY-MM-DD`; null: the next date with the plan's first weekday) in `tz`
 * (null: the system's zone). The new run is a plan of its own (id `<plan>-<first day>`, its dates in its title) and
 * becomes the active one; the earlier run stays loaded with its progress.
 */
export function restartPlan(id: string, start: string | null, tz: string | null): Promise<LoadReport> {
  return call<LoadReport>('plan_restart', { id, start, tz });
}
