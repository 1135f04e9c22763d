// Sync in words (en-GB pinned in setup): when it last ran, what a sync did, what a dry run would do.
import { describe, expect, it } from 'vitest';
import { formatMoment } from './format';
import { dryRunText, reportSummary, syncedText, syncResultText, teamSummary, writtenBreakdown, writtenCount } from './sync';
import { conflicts, lastReport, report } from '../test/syncFixtures';

const at = Date.parse('2025-08-19T12:00:00Z');
const plus = (ms: number) => at + ms;

describe('syncedText', () => {
  it('says when nothing was synced yet', () => {
    expect(syncedText(null, at)).toBe('Not synced yet');
  });

  it('counts minutes, then hours, then gives the date', () => {
    const t = '2025-08-19T12:00:00Z';
    expect(syncedText(t, plus(20_000))).toBe('Last synced just now');
    expect(syncedText(t, plus(-90_000))).toBe('Last synced just now');
    expect(syncedText(t, plus(60_000))).toBe('Last synced 1 minute ago');
    expect(syncedText(t, plus(5 * 60_000 + 30_000))).toBe('Last synced 5 minutes ago');
    expect(syncedText(t, plus(59 * 60_000))).toBe('Last synced 59 minutes ago');
    expect(syncedText(t, plus(60 * 60_000))).toBe('Last synced 1 hour ago');
    expect(syncedText(t, plus(23 * 3_600_000))).toBe('Last synced 23 hours ago');
    expect(syncedText(t, plus(30 * 3_600_000))).toBe(`Last synced ${formatMoment(t)}`);
    expect(syncedText(t, plus(30 * 3_600_000))).toMatch(/^Last synced Tue 19 Aug, \d/);
  });

  it('shows an unreadable stamp as it is', () => {
    expect(syncedText('yesterday', at)).toBe('Last synced yesterday');
  });
});

describe('reports', () => {
  it('sums what was written and says which kinds', () => {
    expect(writtenCount(lastReport)).toBe(12);
    expect(writtenBreakdown(lastReport)).toBe('5 new, 6 changed, 1 deleted');
    expect(writtenBreakdown(report({ updated: 2 }))).toBe('2 changed');
  });

  it('summarises a sync', () => {
    expect(reportSummary(lastReport)).toBe('12 written, 3 changes from the server applied, 780 in step');
    expect(reportSummary(report({ created: 1, applied: 1, unchanged: 1 }))).toBe(
      '1 written, 1 change from the server applied, 1 in step',
    );
    expect(syncResultText(report({ unchanged: 792 }))).toBe('Synced: 0 written, 0 changes from the server applied, 792 in step.');
    expect(syncResultText({ ...lastReport, conflicts: [conflicts[0]!] })).toBe(
      'Synced: 12 written, 3 changes from the server applied, 780 in step. 1 item was changed on both sides; see below.',
    );
  });

  it('says what a dry run would do', () => {
    expect(dryRunText({ ...lastReport, dry_run: true })).toBe(
      'A sync now would write 12 items to your server (5 new, 6 changed, 1 deleted) and apply 3 changes from the server here; 780 are already in step.',
    );
    expect(dryRunText(report({ created: 1, unchanged: 1, dry_run: true }))).toBe(
      'A sync now would write 1 item to your server (1 new); 1 is already in step.',
    );
    expect(dryRunText(report({ applied: 2, unchanged: 10, dry_run: true }))).toBe(
      'A sync now would apply 2 changes from the server here; 10 are already in step.',
    );
    expect(dryRunText(report({ unchanged: 0, dry_run: true }))).toBe('Nothing would change: 0 are already in step.');
  });
});

describe('teamSummary', () => {
  const team = { role: 'experienced-1', published: false, members_read: 0, followed: 0, problems: [] };

  it('says what the lead published and read, or what a member followed', () => {
    expect(teamSummary({ ...team, published: true, members_read: 4 })).toBe(
      'Team: the team calendars published, the progress of 4 members read.',
    );
    expect(teamSummary({ ...team, role: 'novice-1', followed: 1 })).toBe('Team: 1 block moved to follow the lead.');
  });

  it('says nothing without a team or when the team part did nothing', () => {
    expect(teamSummary(null)).toBeNull();
    expect(teamSummary({ ...team, problems: ['the roadmap is not published yet'] })).toBeNull();
  });
});
