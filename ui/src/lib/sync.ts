// Sync with the person's CalDAV server in words: when it last ran, what a sync did, what a dry run would do.
import type { SyncReport } from './bindings/SyncReport';
import type { TeamReport } from './bindings/TeamReport';
import { formatMoment } from './format';
import { plural } from './plans';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "Last synced just now", "… 5 minutes ago", "… 3 hours ago", then the date and time ("Last synced Tue 19 Aug,
 * 14:05"); "Not synced yet" before the first sync. `lastSync` is UTC RFC 3339, `now` milliseconds since the epoch.
 */
export function syncedText(lastSync: string | null, now: number): string {
  if (!lastSync) return 'Not synced yet';
  const at = Date.parse(lastSync);
  if (Number.isNaN(at)) return `Last synced ${lastSync}`;
  // A clock a little behind the server's (or this computer's clock changed) is still "just now".
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return 'Last synced just now';
  if (ago < HOUR) return `Last synced ${plural(Math.floor(ago / MINUTE), 'minute')} ago`;
  if (ago < DAY) return `Last synced ${plural(Math.floor(ago / HOUR), 'hour')} ago`;
  return `Last synced ${formatMoment(lastSync)}`;
}

/** Items written to the server (created, changed and deleted). */
export function writtenCount(r: SyncReport): number {
  return r.created + r.updated + r.deleted;
}

/** "12 written, 3 changes from the server applied, 780 in step". */
export function reportSummary(r: SyncReport): string {
  return [
    `${writtenCount(r)} written`,
    `${plural(r.applied, 'change')} from the server applied`,
    `${r.unchanged} in step`,
  ].join(', ');
}

/** "5 new, 6 changed, 1 deleted" (only the kinds there are). */
export function writtenBreakdown(r: SyncReport): string {
  const parts: string[] = [];
  if (r.created > 0) parts.push(`${r.created} new`);
  if (r.updated > 0) parts.push(`${r.updated} changed`);
  if (r.deleted > 0) parts.push(`${r.deleted} deleted`);
  return parts.join(', ');
}

/** What a sync just did: "Synced: 12 written, … in step." and how many conflicts were settled. */
export function syncResultText(r: SyncReport): string {
  const conflicts = r.conflicts.length;
  const settled =
    conflicts === 0 ? '' : ` ${plural(conflicts, 'item was', 'items were')} changed on both sides; see below.`;
  return `Synced: ${reportSummary(r)}.${settled}`;
}

/**
 * What a dry run found, as what a sync now would do: "A sync now would write 12 items to your server (5 new,
 * 6 changed, 1 deleted) and apply 3 changes from the server here; 780 are already in step."
 */
export function dryRunText(r: SyncReport): string {
  const written = writtenCount(r);
  const inStep = `${r.unchanged} ${r.unchanged === 1 ? 'is' : 'are'} already in step`;
  const actions: string[] = [];
  if (written > 0) actions.push(`write ${plural(written, 'item')} to your server (${writtenBreakdown(r)})`);
  if (r.applied > 0) actions.push(`apply ${plural(r.applied, 'change')} from the server here`);
  if (actions.length === 0) return `Nothing would change: ${inStep}.`;
  return `A sync now would ${actions.join(' and ')}; ${inStep}.`;
}

/**
 * What a sync did for the team, or null when it did nothing there: "Team: the team calendars published, the
 * progress of 4 members read, 2 blocks moved to follow the lead." (what could not be done is listed apart).
 */
export function teamSummary(t: TeamReport | null): string | null {
  if (!t) return null;
  const parts: string[] = [];
  if (t.published) parts.push('the team calendars published');
  if (t.members_read > 0) parts.push(`the progress of ${plural(t.members_read, 'member')} read`);
  if (t.followed > 0) parts.push(`${plural(t.followed, 'block')} moved to follow the lead`);
  return parts.length === 0 ? null : `Team: ${parts.join(', ')}.`;
}
