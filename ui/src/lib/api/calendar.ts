// Calendar commands: milestones and mistake revisits for a range, moving or resizing a block, and
// re-planning a week's missed time (preview, then accept). Core checks everything and answers in words when it refuses.
import type { BlockView } from '../bindings/BlockView';
import type { MilestoneView } from '../bindings/MilestoneView';
import type { ReplanView } from '../bindings/ReplanView';
import type { RevisitView } from '../bindings/RevisitView';
import { call } from './ipc';

/** Milestones, deliveries and exam windows overlapping `from`–`to` (inclusive, `YYYY-MM-DD`). */
export function getMilestones(from: string, to: string): Promise<MilestoneView[]> {
  return call<MilestoneView[]>('milestones', { from, to });
}

/** Mistake revisits on local days `from`–`to` (inclusive, `YYYY-MM-DD`); see api/mistakes.ts. */
export function getRevisits(from: string, to: string): Promise<RevisitView[]> {
  return call<RevisitView[]>('revisits', { from, to });
}

/** A block's new place: local date, wall-clock start "HH:MM" and length in minutes. */
export type BlockMove = { id: string; date: string; start: string; minutes: number };

/** Core refuses a move that overlaps another block (kind "conflict") and says which one. */
export function moveBlock(move: BlockMove): Promise<BlockView> {
  return call<BlockView>('block_move', move);
}

/** Missed minutes and catch-up proposals for plan week `week` (null: the week holding today). Changes nothing. */
export function getReplan(week: number | null): Promise<ReplanView> {
  return call<ReplanView>('replan', { week });
}

/** Apply the proposals core makes now for `week`; answers with what was applied. */
export function acceptReplan(week: number | null): Promise<ReplanView> {
  return call<ReplanView>('replan_accept', { week });
}
