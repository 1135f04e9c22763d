// A re-plan in words: what was missed, where it would go, what can't be placed, what is forgiven.
import type { Proposal } from '../../bindings/Proposal';
import type { ReplanView } from '../../bindings/ReplanView';
import type { TrackDebt } from '../../bindings/TrackDebt';
import { formatDayShort, formatTime } from '../../format';

/** "Thu 21 Aug 13:15–14:00: 45 min of Python DSA instead of Fundamentals/Basics or catch-up". */
export function proposalText(p: Proposal): string {
  return `${formatDayShort(p.date)} ${formatTime(p.start)}–${formatTime(p.end)}: ${p.minutes} min of ${p.track_name} instead of ${p.replaces}`;
}

/** "no catch-up time left this week for 570 min of Project work" ("in week 5" for a chosen week). */
export function unplacedText(u: TrackDebt, when: string): string {
  return `no catch-up time left ${when} for ${u.minutes} min of ${u.track_name}`;
}

/** "this week" when core picked the week holding today, else "in week 5". */
export function weekWords(view: ReplanView, chosen: number | null): string {
  return chosen === null ? 'this week' : `in week ${view.week}`;
}

/** "45 min of missed time fell in your weekly rest half-day and is forgiven." */
export function restText(minutes: number): string {
  return `${minutes} min of missed time fell in your weekly rest half-day and is forgiven.`;
}

/** What accepting did, in one sentence. */
export function acceptedText(view: ReplanView): string {
  const n = view.proposals.length;
  if (n === 0) return `Nothing to re-plan in week ${view.week}.`;
  const minutes = view.proposals.reduce((s, p) => s + p.minutes, 0);
  return `Re-planned week ${view.week}: ${n} catch-up ${n === 1 ? 'block now takes' : 'blocks now take'} ${minutes} min of missed time.`;
}

/** The earliest proposed date (to show the preview on the calendar). */
export function firstProposalDate(view: ReplanView): string | null {
  let first: string | null = null;
  for (const p of view.proposals) if (first === null || p.date < first) first = p.date;
  return first;
}
