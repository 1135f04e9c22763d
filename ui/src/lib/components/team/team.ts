// The team section in words: a role's tracks, a track's weeks, a member's minutes and blocks, when their progress
// was last read, and what publishing did.
import type { MemberProgress } from '../../bindings/MemberProgress';
import type { RoleView } from '../../bindings/RoleView';
import type { SyncReport } from '../../bindings/SyncReport';
import type { TrackProgress } from '../../bindings/TrackProgress';
import { formatCount, formatDateRange, formatMoment } from '../../format';
import { plural } from '../../plans';

/** "Track A (Novices) → Pod 3 (The Governance Layer)": the tracks a role follows, in the plan's order. */
export function tracksText(role: RoleView): string {
  return role.tracks.map((t) => t.name).join(' → ');
}

/** "25 Aug – 14 Sept 2025", or words when no week of the plan names the track. */
export function spanText(t: TrackProgress): string {
  return t.from && t.to ? formatDateRange(t.from, t.to) : 'no week of the plan names this track';
}

/** "240 of 1,800 min". */
export function minutesText(m: MemberProgress): string {
  return `${formatCount(m.done_minutes)} of ${formatCount(m.planned_minutes)} min`;
}

/** "2 of 15 blocks done". */
export function blocksText(m: MemberProgress): string {
  return `${formatCount(m.blocks_done)} of ${plural(m.blocks_total, 'block')} done`;
}

/** Where a member's numbers come from: this computer, the last read of the server, or not yet anywhere. */
export type ReadStatus =
  | { kind: 'here'; text: string }
  | { kind: 'read'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'unread'; text: string }
  | { kind: 'unassigned'; text: string };

/** The role played on this computer counts its own numbers; the others' are read from the server. */
export function readStatus(m: MemberProgress): ReadStatus {
  if (m.me) return { kind: 'here', text: 'yours, counted on this computer' };
  if (m.error) {
    const last = m.read_at ? `; last read ${formatMoment(m.read_at)}` : '';
    return { kind: 'error', text: `couldn't read it: ${m.error}${last}` };
  }
  if (m.read_at) return { kind: 'read', text: `read ${formatMoment(m.read_at)}` };
  if (m.username) return { kind: 'unread', text: 'not read yet — the lead’s sync reads it' };
  return { kind: 'unassigned', text: 'no one to read yet' };
}

/** "Published: 3 new, 5 changed, 120 already in step." */
export function publishText(r: SyncReport): string {
  const parts = [`${formatCount(r.created)} new`, `${formatCount(r.updated)} changed`];
  if (r.deleted > 0) parts.push(`${formatCount(r.deleted)} deleted`);
  parts.push(`${formatCount(r.unchanged)} already in step`);
  return `Published: ${parts.join(', ')}.`;
}
