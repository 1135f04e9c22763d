// A plan a team follows together: its roles (who plays each on the team's CalDAV server, which one is played on
// this computer), the team's progress per learning track as last read from the server, and publishing the
// roadmap and track calendars to the lead's home. Core checks every value and refuses in words.
import type { SyncReport } from '../bindings/SyncReport';
import type { TeamView } from '../bindings/TeamView';
import type { TrackProgress } from '../bindings/TrackProgress';
import { call } from './ipc';

export type { MemberProgress } from '../bindings/MemberProgress';
export type { RoleView } from '../bindings/RoleView';
export type { TeamView } from '../bindings/TeamView';
export type { TrackProgress } from '../bindings/TrackProgress';

/** The active plan's team: its roles, who plays them and which one is played here. Rejects with `not_found` when
 * the plan has no team (or no plan is loaded). */
export function teamView(): Promise<TeamView> {
  return call<TeamView>('team_view');
}

/**
 * Sets who plays `role`: their user name on the team's CalDAV server; null (or "") clears it. Core refuses
 * (`invalid_input`, in words) an unknown role, a name that is not one line, or one that already plays another role.
 */
export function assignRole(role: string, username: string | null): Promise<TeamView> {
  return call<TeamView>('team_assign', { role, username });
}

/** "This is me": `role` is the one played on this computer (its progress is the one this database keeps). */
export function setMyRole(role: string): Promise<TeamView> {
  return call<TeamView>('team_set_me', { role });
}

/**
 * The team's progress per learning track, each member's as last read from the server (the role played here is
 * counted from this computer's own blocks: no read time, no error).
 */
export function teamProgress(): Promise<TrackProgress[]> {
  return call<TrackProgress[]>('team_progress');
}

/**
 * Publishes the roadmap and the track calendars to the lead's home on the server now. May take several seconds (it
 * runs on a connection of its own). Rejects with `forbidden` (the server's refusal, in words: only the lead may
 * write there) or `not_found` (no sync account yet).
 */
export function publishTeam(): Promise<SyncReport> {
  return call<SyncReport>('team_publish');
}
