// Portfolio's team section: absent (and silent) for a plan without a team; the roles with their tracks, "lead" and
// "you"; who plays a role saved through team_assign (Enter or Save, clearing, core's refusal next to the field);
// "This is me" through team_set_me; the progress per track with minutes, blocks and when each member was read (or
// why not); read again after a background sync; publishing the team calendars, its result and the server's refusal.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { SyncReport } from '../lib/bindings/SyncReport';
import { formatMoment } from '../lib/format';
import { overview, portfolio, progress, ready, storageError } from '../test/fixtures';
import { fails, mockCommands, never, type Answer, type Call } from '../test/ipc';
import { liveProps } from '../test/liveProps.svelte';
import {
  BOB_READ,
  CAROL_ERROR,
  CAROL_READ,
  noTeam,
  notLead,
  publishReport,
  team,
  teamCore,
  teamProgressFixture,
  teamRoles,
} from '../test/teamFixtures';
import Portfolio from './Portfolio.svelte';

/** Text as the person reads it: runs of white space as one space. */
const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A table row as the person reads it: its cells one after the other. */
const row = (el: HTMLElement) => Array.from((el as HTMLTableRowElement).cells, text).join(' ');
const args = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args);
const count = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).length;

function core(over: Record<string, Answer> = {}) {
  return mockCommands({ portfolio, progress, mistakes_list: [], certifications: [], ...teamCore(), ...over });
}

function renderPortfolio() {
  const props = liveProps({ overview: ready(overview), onreload: vi.fn(), syncVersion: 0 });
  render(Portfolio, props);
  return props;
}

/** The section once the team is there, and a query inside it. */
async function section() {
  const s = await screen.findByTestId('team-section');
  return { s, q: within(s) };
}

beforeEach(() => {
  // jsdom has no canvas: the progress chart is skipped.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('Portfolio team section: when it shows', () => {
  it('is not there for a plan without a team, and says nothing went wrong', async () => {
    const calls = core({ team_view: fails(noTeam) });
    renderPortfolio();
    await screen.findByTestId('project-p1-log-etl');
    await vi.waitFor(() => expect(count(calls, 'team_view')).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('team-section')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Team' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('place-portfolio')).not.toHaveTextContent('names no team');
    // No team, no progress to ask for.
    expect(count(calls, 'team_progress')).toBe(0);
  });

  it('comes after the portfolio for a team plan, with its heading', async () => {
    core();
    renderPortfolio();
    const { s } = await section();
    expect(s).toBe(screen.getByRole('region', { name: 'Team' }));
    expect(within(s).getByRole('heading', { level: 2, name: 'Team' })).toBeInTheDocument();
    expect(within(s).getByTestId('team-summary')).toHaveTextContent('6 roles · you play Novice 1');
    const card = screen.getByTestId('project-p1-log-etl');
    expect(card.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows any other error in words with a retry that brings the team', async () => {
    let failing = true;
    const team = teamCore().team_view as () => unknown;
    const calls = core({ team_view: () => (failing ? Promise.reject(storageError) : team()) });
    renderPortfolio();
    const { q } = await section();
    const alert = await q.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load the team");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await q.findByTestId('team-role-novice-1')).toBeInTheDocument();
    expect(q.queryByRole('alert')).not.toBeInTheDocument();
    expect(count(calls, 'team_view')).toBe(2);
  });
});

describe('Portfolio team section: roles', () => {
  it('lists the roles with their tracks, "lead" and "you", who plays each and their duties', async () => {
    core();
    renderPortfolio();
    const { q } = await section();
    const roles = await q.findAllByTestId(/^team-role-/);
    expect(roles.map((r) => within(r).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Novice 1',
      'Novice 2',
      'Intermediate 1',
      'Intermediate 2',
      'Experienced 1',
      'Experienced 2',
    ]);

    const novice = q.getByTestId('team-role-novice-1');
    expect(text(novice)).toContain('Novice 1 you');
    expect(within(novice).queryByText('lead')).not.toBeInTheDocument();
    expect(novice).toHaveTextContent(
      'Track A (Novices): "Lakehouse Zero to Hero" → Pod 3 (The Governance Layer - 19%)',
    );
    const lead = q.getByTestId('team-role-experienced-1');
    expect(text(lead)).toContain('Experienced 1 lead');
    expect(within(lead).queryByText('you')).not.toBeInTheDocument();
    expect(lead).toHaveTextContent('Track C (Experienced): "Mentorship and Mastery" → Pod 1 (The Core Engine - 45%)');

    // "Played by": labelled with the role, the current user name in it, empty when no one is assigned.
    expect(q.getByLabelText('Played by Novice 1')).toBe(q.getByTestId('team-user-novice-1'));
    expect(q.getByTestId('team-user-novice-1')).toHaveValue('ada');
    expect(q.getByTestId('team-user-experienced-1')).toHaveValue('carol');
    expect(q.getByTestId('team-user-intermediate-1')).toHaveValue('');

    // The role played here is pressed; the others can be chosen.
    expect(q.getByTestId('team-me-novice-1')).toHaveAttribute('aria-pressed', 'true');
    expect(q.getByTestId('team-me-novice-1')).toHaveAttribute('aria-disabled', 'true');
    expect(q.getByTestId('team-me-experienced-1')).toHaveAttribute('aria-pressed', 'false');
    expect(q.getByTestId('team-me-experienced-1')).not.toHaveAttribute('aria-disabled');
    expect(q.getByRole('button', { name: 'This is me: Experienced 1' })).toBe(q.getByTestId('team-me-experienced-1'));

    // Duties fold away under a summary.
    const duties = within(novice).getByText('Duties').closest('details')!;
    expect(duties).not.toHaveAttribute('open');
    await userEvent.click(within(novice).getByText('Duties'));
    expect(duties).toHaveAttribute('open');
    expect(within(duties).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Phase 1: Track A Learner',
      'Phase 2: SME Pod 3 Member',
      'Phase 3: Project Contributor',
      'Phase 4: Individual Reviewer',
    ]);
  });

  it('asks which role is played here when none is yet', async () => {
    core({ team_view: () => team(teamRoles().map((r) => ({ ...r, me: false }))) });
    renderPortfolio();
    const { q } = await section();
    expect(await q.findByTestId('team-choose-me')).toHaveTextContent('Pick the role you play with “This is me”.');
    expect(q.getByTestId('team-summary')).toHaveTextContent(/^6 roles$/);
    expect(q.queryByText('you')).not.toBeInTheDocument();
  });

  it('saves who plays a role with Enter, says so, and reads the progress again', async () => {
    const calls = core();
    renderPortfolio();
    const { q } = await section();
    await q.findByTestId('team-track-track-a');
    const before = count(calls, 'team_progress');
    const input = q.getByTestId('team-user-intermediate-1');
    await userEvent.type(input, '  erin {Enter}');
    expect(args(calls, 'team_assign')).toEqual([{ role: 'intermediate-1', username: 'erin' }]);
    expect(await q.findByTestId('team-saved-intermediate-1')).toHaveTextContent('Saved.');
    expect(input).toHaveValue('erin');
    expect(input).toHaveFocus();
    await vi.waitFor(() => expect(count(calls, 'team_progress')).toBe(before + 1));
  });

  it('saves with the Save button too, and an emptied field clears the role', async () => {
    const calls = core();
    renderPortfolio();
    const { q } = await section();
    const input = await q.findByTestId('team-user-novice-2');
    await userEvent.clear(input);
    await userEvent.click(q.getByRole('button', { name: 'Save who plays Novice 2' }));
    expect(args(calls, 'team_assign')).toEqual([{ role: 'novice-2', username: null }]);
    expect(await q.findByTestId('team-saved-novice-2')).toHaveTextContent('Cleared.');
    expect(input).toHaveValue('');
    // Unchanged: nothing to send.
    await userEvent.click(q.getByTestId('team-save-novice-2'));
    expect(count(calls, 'team_assign')).toBe(1);
  });

  it("shows core's refusal in words next to the field and keeps what was typed", async () => {
    const calls = core();
    renderPortfolio();
    const { q } = await section();
    const input = await q.findByTestId('team-user-intermediate-1');
    await userEvent.type(input, 'bob');
    await userEvent.click(q.getByTestId('team-save-intermediate-1'));
    expect(args(calls, 'team_assign')).toEqual([{ role: 'intermediate-1', username: 'bob' }]);
    const error = await q.findByTestId('team-assign-error-intermediate-1');
    expect(error).toHaveAttribute('role', 'alert');
    expect(text(error)).toBe("Couldn't save who plays it: bob already plays `novice-2`; clear that first");
    expect(within(q.getByTestId('team-role-intermediate-1')).getByTestId('team-assign-error-intermediate-1')).toBe(error);
    expect(input).toHaveValue('bob');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription("Couldn't save who plays it: bob already plays `novice-2`; clear that first");
    expect(q.getByTestId('team-saved-intermediate-1')).toHaveTextContent('');
    // The roster did not change.
    expect(q.getByTestId('team-user-novice-2')).toHaveValue('bob');

    // Fixed: the message goes.
    await userEvent.clear(input);
    await userEvent.type(input, 'erin{Enter}');
    expect(await q.findByTestId('team-saved-intermediate-1')).toHaveTextContent('Saved.');
    expect(q.queryByTestId('team-assign-error-intermediate-1')).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('"This is me" makes a role the one played here and moves "you"', async () => {
    const calls = core();
    renderPortfolio();
    const { q } = await section();
    const publish = await q.findByTestId('team-publish');
    expect(publish).not.toHaveClass('primary');
    const button = q.getByTestId('team-me-experienced-1');
    await userEvent.click(button);
    expect(args(calls, 'team_set_me')).toEqual([{ role: 'experienced-1' }]);
    await vi.waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    expect(text(q.getByTestId('team-role-experienced-1'))).toContain('Experienced 1 lead you');
    expect(within(q.getByTestId('team-role-novice-1')).queryByText('you')).not.toBeInTheDocument();
    expect(q.getByTestId('team-me-novice-1')).toHaveAttribute('aria-pressed', 'false');
    expect(q.getByTestId('team-summary')).toHaveTextContent('you play Experienced 1');
    // The progress is read again: Experienced 1's numbers are now this computer's own.
    await vi.waitFor(() =>
      expect(q.getByTestId('team-read-track-c-experienced-1')).toHaveTextContent('yours, counted on this computer'),
    );
    expect(q.getByTestId('team-read-track-a-novice-1')).toHaveTextContent('not read yet — the lead’s sync reads it');
    // The keyboard stays where it was.
    expect(button).toHaveFocus();
    // Pressing it again asks nothing.
    await userEvent.click(button);
    expect(count(calls, 'team_set_me')).toBe(1);
    // The lead publishes: the button says so.
    expect(publish).toHaveClass('primary');
    expect(screen.getByTestId('team-section')).toHaveTextContent('You lead the team');
  });
});

describe('Portfolio team section: progress per track', () => {
  it("shows each track's weeks and each member's minutes, blocks and read status", async () => {
    core();
    renderPortfolio();
    const { q } = await section();
    const trackA = await q.findByTestId('team-track-track-a');
    expect(q.getByRole('heading', { level: 3, name: 'Progress per track' })).toBeInTheDocument();
    expect(within(trackA).getByRole('heading', { level: 4 })).toHaveTextContent('Track A (Novices): "Lakehouse Zero to Hero"');
    expect(text(within(trackA).getByTestId('team-track-span-track-a'))).toBe('4 – 24 Aug 2025');

    // Played here: the numbers are this computer's own.
    const ada = q.getByTestId('team-member-track-a-novice-1');
    expect(row(ada)).toBe('Novice 1 ada 240 of 1,800 min 2 of 15 blocks done yours, counted on this computer');
    const bar = within(ada).getByRole('progressbar', { name: 'Novice 1: minutes done on Track A (Novices): "Lakehouse Zero to Hero"' });
    expect(bar).toHaveAttribute('aria-valuenow', '240');
    expect(bar).toHaveAttribute('aria-valuemax', '1800');
    expect(bar).toHaveAttribute('aria-valuetext', '240 of 1,800 min done');

    const bob = q.getByTestId('team-member-track-a-novice-2');
    expect(row(bob)).toBe(`Novice 2 bob 600 of 1,800 min 5 of 15 blocks done read ${formatMoment(BOB_READ)}`);
    expect(row(bob)).toMatch(/read Tue 19 Aug, \d{1,2}:\d{2}/);

    const carol = q.getByTestId('team-member-track-c-experienced-1');
    expect(carol).toHaveTextContent('450 of 900 min');
    expect(carol).toHaveTextContent('1 of 1 block done');
    const failed = within(carol).getByTestId('team-read-track-c-experienced-1');
    expect(failed).toHaveAttribute('data-read', 'error');
    expect(text(failed)).toBe(`⚠ couldn't read it: ${CAROL_ERROR}; last read ${formatMoment(CAROL_READ)}`);

    expect(text(q.getByTestId('team-read-track-c-experienced-2'))).toBe('not read yet — the lead’s sync reads it');
    expect(q.getByTestId('team-member-track-c-experienced-2')).toHaveTextContent('0 of 900 min');

    const nobody = q.getByTestId('team-member-track-b-intermediate-1');
    expect(row(nobody)).toBe('Intermediate 1 not assigned 0 of 1,200 min 0 of 10 blocks done no one to read yet');
  });

  it('shows a skeleton while the progress loads, under roles already usable', async () => {
    core({ team_progress: never() });
    renderPortfolio();
    const { q } = await section();
    expect(within(q.getByTestId('team-progress')).getByRole('status')).toHaveTextContent("Loading the team's progress…");
    expect(q.getByTestId('team-user-novice-1')).toHaveValue('ada');
    expect(q.queryByTestId(/^team-track-/)).not.toBeInTheDocument();
  });

  it('shows the progress error in words with a retry', async () => {
    let fail = true;
    const calls = core({ team_progress: () => (fail ? Promise.reject(storageError) : teamProgressFixture()) });
    renderPortfolio();
    const { q } = await section();
    const alert = await q.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load the team's progress");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    // The roles stay usable.
    expect(q.getByTestId('team-user-novice-1')).toHaveValue('ada');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await q.findByTestId('team-member-track-a-novice-2')).toBeInTheDocument();
    expect(count(calls, 'team_progress')).toBe(2);
  });

  it('reads the progress again, quietly, after a background sync', async () => {
    let read = teamProgressFixture();
    const calls = core({ team_progress: () => read });
    const props = renderPortfolio();
    const { q } = await section();
    expect(await q.findByTestId('team-member-track-a-novice-2')).toHaveTextContent('600 of 1,800 min');
    const before = count(calls, 'team_progress');
    read = teamProgressFixture().map((t) =>
      t.track.id === 'track-a'
        ? { ...t, members: t.members.map((m) => (m.role === 'novice-2' ? { ...m, done_minutes: 900, blocks_done: 8 } : m)) }
        : t,
    );
    props.syncVersion = 1;
    await vi.waitFor(() => expect(q.getByTestId('team-member-track-a-novice-2')).toHaveTextContent('900 of 1,800 min'));
    expect(q.getByTestId('team-member-track-a-novice-2')).toHaveTextContent('8 of 15 blocks done');
    expect(count(calls, 'team_progress')).toBe(before + 1);
    // The section was not shown afresh: the roles were not asked for again and nothing loaded.
    expect(count(calls, 'team_view')).toBe(1);
    expect(q.queryByRole('status', { name: /Loading/ })).not.toBeInTheDocument();
  });
});

describe('Portfolio team section: publishing', () => {
  it('publishes with a busy state, then says what was written', async () => {
    let answer: (r: SyncReport) => void = () => {};
    const calls = core({ team_publish: () => new Promise<SyncReport>((r) => (answer = r)) });
    renderPortfolio();
    const { q } = await section();
    const button = await q.findByTestId('team-publish');
    expect(button).toHaveTextContent('Publish team calendars');
    expect(screen.getByTestId('team-section')).toHaveTextContent(
      'The lead (Experienced 1) publishes the roadmap and the track calendars to their home on the server',
    );
    await userEvent.click(button);
    expect(count(calls, 'team_publish')).toBe(1);
    expect(button).toHaveTextContent('Publishing…');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(q.getByText('Publishing the team calendars…')).toBeInTheDocument();
    // Busy: a second press asks nothing.
    await userEvent.click(button);
    expect(count(calls, 'team_publish')).toBe(1);

    answer({
      created: 12,
      updated: 2,
      deleted: 0,
      applied: 0,
      unchanged: 30,
      rewritten: 0,
      conflicts: [],
      dry_run: false,
      full_listings: 3,
      team: null,
    });
    const result = await q.findByTestId('team-publish-result');
    expect(text(result)).toBe('Published: 12 new, 2 changed, 30 already in step.');
    expect(button).toHaveTextContent('Publish team calendars');
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(q.queryByTestId('team-publish-error')).not.toBeInTheDocument();
  });

  it("shows the server's refusal in its own words", async () => {
    core({ team_publish: fails(notLead) });
    renderPortfolio();
    const { q } = await section();
    await userEvent.click(await q.findByTestId('team-publish'));
    const error = await q.findByTestId('team-publish-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent("Couldn't publish the team calendars");
    expect(error).toHaveTextContent(notLead.message);
    expect(error).toHaveTextContent("Only the team's lead (Experienced 1) publishes the roadmap");
    expect(error).toHaveTextContent('The server refused it');
    expect(q.queryByTestId('team-publish-result')).not.toBeInTheDocument();
  });

  it('says when there is no sync account to publish with, and clears the error on the next try', async () => {
    const noAccount: ErrorBody = { kind: 'not_found', message: 'no sync account yet', diagnostics: [] };
    let refuse = true;
    core({ team_publish: () => (refuse ? Promise.reject(noAccount) : publishReport) });
    renderPortfolio();
    const { q } = await section();
    const button = await q.findByTestId('team-publish');
    await userEvent.click(button);
    expect(await q.findByTestId('team-publish-error')).toHaveTextContent('no sync account yet');
    // The section itself stays: only the publish failed.
    expect(q.getByTestId('team-role-novice-1')).toBeInTheDocument();
    refuse = false;
    await userEvent.click(button);
    expect(await q.findByTestId('team-publish-result')).toHaveTextContent('Published: 12 new, 2 changed');
    expect(q.queryByTestId('team-publish-error')).not.toBeInTheDocument();
  });
});
