// Loaded plans.
import type { PlanSummary } from '../bindings/PlanSummary';
import { call } from './ipc';

export function listPlans(): Promise<PlanSummary[]> {
  return call<PlanSummary[]>('plan_list');
}
