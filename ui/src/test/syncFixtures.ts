// Sample data for Settings → Sync: the account as core answers `sync_status` (never synced, synced with a
// report, a failed last sync with conflicts settled) and sync reports.
import type { AccountView } from '../lib/bindings/AccountView';
import type { SyncReport } from '../lib/bindings/SyncReport';

export function report(over: Partial<SyncReport> = {}): SyncReport {
  return {
    created: 0,
    updated: 0,
    deleted: 0,
    applied: 0,
    unchanged: 0,
    rewritten: 0,
    conflicts: [],
    dry_run: false,
    full_listings: 0,
    team: null,
    ...over,
  };
}

/** A sync that wrote 12 items (5 new, 6 changed, 1 deleted), applied 3 from the server, found 780 in step. */
export const lastReport = report({ created: 5, updated: 6, deleted: 1, applied: 3, unchanged: 780 });

/** The instant `minutes` ago, as core stamps it (UTC RFC 3339). */
export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000 - 5_000).toISOString();
}

export function account(over: Partial<AccountView> = {}): AccountView {
  return {
    id: 1,
    url: 'https://cloud.example.com/remote.php/dav/',
    username: 'ada',
    last_sync: '2025-08-19T12:00:00Z',
    last_error: null,
    report: lastReport,
    ...over,
  };
}

/** Just set: never synced, an empty report. */
export const newAccount = account({ last_sync: null, report: report() });

export const conflicts = [
  '“Spark joins lab” (Tue 19 Aug) was marked done here and skipped on the server; the later change, done, was kept.',
  '“Two pointers practice” (Tue 19 Aug) had 45 minutes here and 30 on the server; the later change, 45, was kept.',
];

/** Synced once (with two conflicts settled), then the server refused the password. */
export function failingAccount(): AccountView {
  return account({
    last_sync: minutesAgo(5),
    last_error: 'the server answered 401 Unauthorized: check the user name and password',
    report: { ...lastReport, conflicts },
  });
}
