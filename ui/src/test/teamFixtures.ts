// Sample data for Portfolio's team section: the Databricks team roadmap's six roles (Experienced 1 leads; this
// computer plays Novice 1), the team's progress on three learning tracks as last read (read, failed, never read, not
// assigned), core's refusals, and a core whose roster the team commands change.
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { MemberProgress } from '../lib/bindings/MemberProgress';
import type { RoleView } from '../lib/bindings/RoleView';
import type { SyncReport } from '../lib/bindings/SyncReport';
import type { TeamView } from '../lib/bindings/TeamView';
import type { TrackProgress } from '../lib/bindings/TrackProgress';
import type { Answer } from './ipc';
import { report } from './syncFixtures';

/** What core answers `team_view` for a plan without a team. */
export const noTeam: ErrorBody = {
  kind: 'not_found',
  message: 'plan `de-9w` names no team; a team plan has a [team] section (plans/README.md)',
  diagnostics: [],
};

export const trackA = { id: 'track-a', name: 'Track A (Novices): "Lakehouse Zero to Hero"' };
export const trackC = { id: 'track-c', name: 'Track C (Experienced): "Mentorship and Mastery"' };
export const trackB = { id: 'track-b', name: 'Track B (Intermediate): "Bridging the Gap to Production"' };
const pod1 = { id: 'pod-1', name: 'Pod 1 (The Core Engine - 45%)' };
const pod2 = { id: 'pod-2', name: 'Pod 2 (The Production Backbone - 30%)' };
const pod3 = { id: 'pod-3', name: 'Pod 3 (The Governance Layer - 19%)' };

function role(over: Partial<RoleView> & Pick<RoleView, 'id' | 'name' | 'tracks'>): RoleView {
  return { duties: [], username: null, lead: false, me: false, ...over };
}

export function teamRoles(): RoleView[] {
  return [
    role({
      id: 'novice-1',
      name: 'Novice 1',
      tracks: [trackA, pod3],
      duties: ['Phase 1: Track A Learner', 'Phase 2: SME Pod 3 Member', 'Phase 3: Project Contributor', 'Phase 4: Individual Reviewer'],
      username: 'ada',
      me: true,
    }),
    role({ id: 'novice-2', name: 'Novice 2', tracks: [trackA, pod2], username: 'bob' }),
    role({ id: 'intermediate-1', name: 'Intermediate 1', tracks: [trackB, pod2] }),
    role({ id: 'intermediate-2', name: 'Intermediate 2', tracks: [trackB, pod3] }),
    role({
      id: 'experienced-1',
      name: 'Experienced 1',
      tracks: [trackC, pod1],
      duties: ['Phase 1: Track C Mentor, Gap Analyst', 'Phase 2: SME Pod 1 Lead'],
      username: 'carol',
      lead: true,
    }),
    role({ id: 'experienced-2', name: 'Experienced 2', tracks: [trackC, pod1], username: 'dan' }),
  ];
}

export function team(roles: RoleView[] = teamRoles()): TeamView {
  return { plan_id: 'databricks-team-roadmap', roles };
}

function member(over: Partial<MemberProgress> & Pick<MemberProgress, 'role' | 'role_name'>): MemberProgress {
  return {
    username: null,
    planned_minutes: 1800,
    done_minutes: 0,
    blocks_done: 0,
    blocks_total: 15,
    read_at: null,
    error: null,
    me: false,
    ...over,
  };
}

/** Bob's progress was read at this instant (UTC). */
export const BOB_READ = '2025-08-19T12:05:00Z';
/** Carol's last good read, before the server started refusing. */
export const CAROL_READ = '2025-08-18T07:30:00Z';
export const CAROL_ERROR = "the server answered 403 Forbidden when reading carol's progress";

export function teamProgressFixture(): TrackProgress[] {
  return [
    {
      track: trackA,
      from: '2025-08-04',
      to: '2025-08-24',
      members: [
        // Played here: its numbers are this computer's own.
        member({ role: 'novice-1', role_name: 'Novice 1', username: 'ada', done_minutes: 240, blocks_done: 2, me: true }),
        member({
          role: 'novice-2',
          role_name: 'Novice 2',
          username: 'bob',
          done_minutes: 600,
          blocks_done: 5,
          read_at: BOB_READ,
        }),
      ],
    },
    {
      track: trackB,
      from: '2025-08-04',
      to: '2025-08-24',
      members: [member({ role: 'intermediate-1', role_name: 'Intermediate 1', planned_minutes: 1200, blocks_total: 10 })],
    },
    {
      track: trackC,
      from: '2025-08-04',
      to: '2025-08-24',
      members: [
        member({
          role: 'experienced-1',
          role_name: 'Experienced 1',
          username: 'carol',
          planned_minutes: 900,
          done_minutes: 450,
          blocks_total: 1,
          blocks_done: 1,
          read_at: CAROL_READ,
          error: CAROL_ERROR,
        }),
        member({ role: 'experienced-2', role_name: 'Experienced 2', username: 'dan', planned_minutes: 900, blocks_total: 8 }),
      ],
    },
  ];
}

export const duplicateUser: ErrorBody = {
  kind: 'invalid_input',
  message: 'bob already plays `novice-2`; clear that first',
  diagnostics: [],
};

export const notLead: ErrorBody = {
  kind: 'forbidden',
  message:
    "the team's calendars in https://cloud.example.com/remote.php/dav/calendars/carol/ were not written: the server answered 403 Forbidden. Only the team's lead (Experienced 1) publishes the roadmap; who may write there is set on the server",
  diagnostics: [],
};

/** What a first publish did: the roadmap and two track calendars, 14 items. */
export const publishReport: SyncReport = report({ created: 12, updated: 2, unchanged: 30 });

/**
 * Core for the team section: a roster that `team_assign` and `team_set_me` change (refusing a user name that
 * already plays another role, as core does), the progress as last read (counted here for the role played here),
 * and publishing.
 */
export function teamCore(over: Record<string, Answer> = {}): Record<string, Answer> {
  let roles = teamRoles();
  return {
    team_view: () => team(roles),
    // The role played here counts its own numbers: `me` follows the roster.
    team_progress: () =>
      teamProgressFixture().map((t) => ({
        ...t,
        members: t.members.map((m) => ({ ...m, me: roles.some((r) => r.id === m.role && r.me) })),
      })),
    team_assign: ({ role: id, username }) => {
      const name = typeof username === 'string' && username !== '' ? username : null;
      const other = roles.find((r) => r.id !== id && name !== null && r.username === name);
      if (other) {
        return Promise.reject({
          kind: 'invalid_input',
          message: `${name} already plays \`${other.id}\`; clear that first`,
          diagnostics: [],
        } satisfies ErrorBody);
      }
      roles = roles.map((r) => (r.id === id ? { ...r, username: name } : r));
      return team(roles);
    },
    team_set_me: ({ role: id }) => {
      roles = roles.map((r) => ({ ...r, me: r.id === id }));
      return team(roles);
    },
    team_publish: publishReport,
    ...over,
  };
}
