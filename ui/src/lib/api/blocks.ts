// Acting on one study block: set its status, write a note and counters. Core answers with the block as stored.
import type { BlockView } from '../bindings/BlockView';
import { call } from './ipc';

/** What the person can set; `planned` undoes the last status. */
export type BlockChange = 'done' | 'partial' | 'skipped' | 'planned';

/** `minutes` is required for `partial` (core wants 1 to the block's length − 1). */
export function setBlockStatus(id: string, status: BlockChange, minutes: number | null = null): Promise<BlockView> {
  return call<BlockView>('block_status', { id, status, minutes });
}

/** Each of `note`, `problems`, `queries` may be null (unchanged); a note of "" clears it. */
export type Annotation = { note: string | null; problems: number | null; queries: number | null };

export function annotateBlock(id: string, annotation: Annotation): Promise<BlockView> {
  return call<BlockView>('block_annotate', { id, ...annotation });
}
