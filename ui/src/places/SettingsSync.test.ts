// Settings → Sync: what sync does and the account form (labelled fields, Enter submits, core's refusal inline with
// the focus on it, the password field emptied and never shown back), the account's state (last sync in words, its
// error, what it did, the conflicts it settled), Sync now with progress and result, the dry run, changing the
// password, removing after a confirm step, and fetching again after the app's background sync.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountView } from '../lib/bindings/AccountView';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { SyncReport } from '../lib/bindings/SyncReport';
import { appInfo, overview, plan, ready, settings, shippedPlans, storageError } from '../test/fixtures';
import { fails, mockCommands, never, type Answer, type Call } from '../test/ipc';
import { account, conflicts, failingAccount, lastReport, minutesAgo, newAccount, report } from '../test/syncFixtures';
import Settings from './Settings.svelte';

const PASSWORD = 'correct horse battery staple';

/** Core with a sync account (or none) that setting, syncing and removing change. */
function core(initial: AccountView | null, extra: Record<string, Answer> = {}) {
  let current = initial;
  const calls = mockCommands({
    settings_get: settings,
    app_info: appInfo,
    plan_list: [plan],
    plan_shipped: shippedPlans,
    calendar_sources: [],
    sync_status: () => current,
    ...extra,
  });
  return { calls, set: (a: AccountView | null) => (current = a) };
}

const renderSettings = (syncVersion = 0) => render(Settings, { overview: ready(overview), syncVersion });
const count = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).length;
const args = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args);
const section = () => within(screen.getByTestId('sync-section'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Settings → Sync: no account yet', () => {
  it('comes after Calendars, and shows a skeleton while loading', () => {
    core(null, { sync_status: never() });
    renderSettings();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf('Sync')).toBe(headings.indexOf('Calendars') + 1);
    expect(screen.getByRole('region', { name: 'Sync' })).toBe(screen.getByTestId('sync-section'));
    expect(section().getByRole('status')).toHaveTextContent('Loading the sync account…');
  });

  it('says what sync does and where the password goes, with a labelled form', async () => {
    core(null);
    renderSettings();
    expect(await screen.findByTestId('sync-empty')).toHaveTextContent("kept in your system's keyring");
    expect(screen.getByTestId('sync-section')).toHaveTextContent(
      "the plan's blocks go to a calendar there and each block's progress to a task list, so your phone and a second computer see them",
    );
    expect(screen.getByLabelText('Server address')).toBe(screen.getByTestId('sync-url'));
    expect(screen.getByLabelText('User name')).toBe(screen.getByTestId('sync-user'));
    const password = screen.getByLabelText('Password');
    expect(password).toBe(screen.getByTestId('sync-password'));
    expect(password).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('sync-account-submit')).toHaveTextContent('Add account');
    expect(screen.queryByTestId('sync-status')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sync-now')).not.toBeInTheDocument();
  });

  it("shows core's error in words with a retry", async () => {
    const { calls } = core(null, { sync_status: fails(storageError) });
    renderSettings();
    const alert = await section().findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't read the sync account");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(count(calls, 'sync_status')).toBe(2);
  });
});

describe('Settings → Sync: the account form', () => {
  it('sends the account with Enter, empties the password field and shows the account', async () => {
    const log = [vi.spyOn(console, 'log'), vi.spyOn(console, 'info'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];
    let answer: (a: AccountView) => void = () => {};
    const { calls, set } = core(null, {
      sync_account_set: () => new Promise<AccountView>((r) => (answer = r)),
    });
    renderSettings();
    await userEvent.type(await screen.findByTestId('sync-url'), ' https://cloud.example.com/remote.php/dav/ ');
    await userEvent.type(screen.getByTestId('sync-user'), 'ada');
    const password = screen.getByTestId('sync-password');
    await userEvent.type(password, `${PASSWORD}{Enter}`);

    expect(args(calls, 'sync_account_set')).toEqual([
      { url: 'https://cloud.example.com/remote.php/dav/', username: 'ada', password: PASSWORD },
    ]);
    // Emptied as soon as it was sent, while core is still at it.
    expect(password).toHaveValue('');
    expect(screen.getByTestId('sync-account-submit')).toHaveTextContent('Saving…');
    expect(screen.getByTestId('sync-account-submit')).toBeDisabled();
    expect(screen.getByTestId('sync-progress')).toHaveTextContent('Saving the account…');

    set(newAccount);
    answer(newAccount);
    const status = await screen.findByTestId('sync-status');
    expect(status).toHaveTextContent('ada at https://cloud.example.com/remote.php/dav/');
    expect(within(status).getByTestId('sync-when')).toHaveTextContent('Not synced yet');
    expect(within(status).queryByTestId('sync-report')).not.toBeInTheDocument();
    expect(screen.getByTestId('sync-result')).toHaveTextContent('Account saved.');
    expect(screen.queryByTestId('sync-account-form')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByTestId('sync-now')).toHaveFocus());

    // Never shown back, never logged.
    expect(document.body.textContent).not.toContain(PASSWORD);
    for (const input of document.querySelectorAll('input')) expect(input.value).not.toBe(PASSWORD);
    for (const spy of log) expect(JSON.stringify(spy.mock.calls)).not.toContain(PASSWORD);
  });

  it("shows core's refusal inline under the form, moves the focus there, keeps the address and empties the password", async () => {
    const refusal: ErrorBody = {
      kind: 'invalid_input',
      message: 'give the user name separately; the password goes to the system keyring',
      diagnostics: [],
    };
    const { calls } = core(null, { sync_account_set: fails(refusal) });
    renderSettings();
    const url = await screen.findByTestId('sync-url');
    await userEvent.type(url, 'https://ada:secret@cloud.example.com/dav');
    await userEvent.type(screen.getByTestId('sync-user'), 'ada');
    await userEvent.type(screen.getByTestId('sync-password'), PASSWORD);
    await userEvent.click(screen.getByTestId('sync-account-submit'));

    const error = await screen.findByTestId('sync-account-error');
    expect(screen.getByTestId('sync-account-form')).toContainElement(error);
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent("Couldn't set the sync account");
    expect(error).toHaveTextContent('give the user name separately; the password goes to the system keyring');
    expect(error).toHaveTextContent('Check the values and try again.');
    await vi.waitFor(() => expect(document.activeElement).toContainElement(error));
    expect(screen.getByTestId('sync-account-form')).toHaveAccessibleDescription(/give the user name separately/);

    expect(count(calls, 'sync_account_set')).toBe(1);
    expect(url).toHaveValue('https://ada:secret@cloud.example.com/dav');
    expect(screen.getByTestId('sync-user')).toHaveValue('ada');
    expect(screen.getByTestId('sync-password')).toHaveValue('');
    expect(screen.getByTestId('sync-account-submit')).toBeEnabled();
    expect(screen.queryByTestId('sync-status')).not.toBeInTheDocument();
  });

  it('asks for each field without calling core', async () => {
    const { calls } = core(null);
    renderSettings();
    await userEvent.click(await screen.findByTestId('sync-account-submit'));
    expect(await screen.findByTestId('sync-account-error')).toHaveTextContent('Enter the address of your CalDAV server');
    await userEvent.type(screen.getByTestId('sync-url'), 'http://localhost:5232');
    await userEvent.type(screen.getByTestId('sync-user'), 'ada{Enter}');
    expect(await screen.findByText('Enter your password for the server.')).toBeInTheDocument();
    expect(count(calls, 'sync_account_set')).toBe(0);
  });
});

describe('Settings → Sync: the account', () => {
  it('shows who and where, when it last synced, its error, what it did and the conflicts', async () => {
    core(failingAccount());
    renderSettings();
    const status = await screen.findByTestId('sync-status');
    expect(status).toHaveTextContent('ada at https://cloud.example.com/remote.php/dav/');
    expect(within(status).getByTestId('sync-when')).toHaveTextContent('Last synced 5 minutes ago');
    expect(within(status).getByTestId('sync-last-error')).toHaveTextContent(
      'The last sync failed: the server answered 401 Unauthorized: check the user name and password',
    );
    expect(within(status).getByTestId('sync-report')).toHaveTextContent(
      '12 written, 3 changes from the server applied, 780 in step',
    );
    const list = within(status).getByTestId('sync-conflicts');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(conflicts);
    expect(screen.getByTestId('sync-now')).toHaveTextContent('Sync now');
    expect(screen.getByTestId('sync-dry-run')).toHaveTextContent('Check what would change');
    expect(screen.getByTestId('sync-remove')).toHaveTextContent('Remove account…');
  });

  it('gives the date of an older sync, and shows no error or conflicts when there are none', async () => {
    core(account());
    renderSettings();
    const status = await screen.findByTestId('sync-status');
    expect(within(status).getByTestId('sync-when')).toHaveTextContent(/^Last synced Tue 19 Aug, \d/);
    expect(within(status).queryByTestId('sync-last-error')).not.toBeInTheDocument();
    expect(within(status).queryByTestId('sync-conflicts')).not.toBeInTheDocument();
  });

  it("says what the last sync did for the team and what it could not do", async () => {
    const problems = [
      "Novice 2's progress could not be read: the server answered 403 Forbidden for bob's calendar",
      'Intermediate 1 plays no one yet: assign a user name in Portfolio → Team',
    ];
    core(account({ report: { ...lastReport, team: { role: 'experienced-1', published: true, members_read: 3, followed: 0, problems } } }));
    renderSettings();
    const status = await screen.findByTestId('sync-status');
    expect(within(status).getByTestId('sync-team')).toHaveTextContent(
      'Team: the team calendars published, the progress of 3 members read.',
    );
    const list = within(status).getByTestId('sync-team-problems');
    expect(list).toHaveTextContent('What the team part of the sync could not do:');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(problems);
  });

  it('says nothing about a team when the plan has none', async () => {
    core(account());
    renderSettings();
    const status = await screen.findByTestId('sync-status');
    expect(within(status).queryByTestId('sync-team')).not.toBeInTheDocument();
    expect(within(status).queryByTestId('sync-team-problems')).not.toBeInTheDocument();
  });

  it("fetches the account again after the app's background sync", async () => {
    const { calls, set } = core(account({ last_sync: minutesAgo(20) }));
    const { rerender } = renderSettings(0);
    expect(await screen.findByTestId('sync-when')).toHaveTextContent('Last synced 20 minutes ago');
    expect(count(calls, 'sync_status')).toBe(1);
    set(failingAccount());
    await rerender({ overview: ready(overview), syncVersion: 1 });
    expect(await screen.findByTestId('sync-last-error')).toHaveTextContent('401 Unauthorized');
    expect(screen.getByTestId('sync-when')).toHaveTextContent('Last synced 5 minutes ago');
    expect(count(calls, 'sync_status')).toBe(2);
  });
});

describe('Settings → Sync: syncing', () => {
  it('syncs now: disabled with progress while core works, then the result and the new state', async () => {
    let answer: (r: SyncReport) => void = () => {};
    const done = report({ created: 1, updated: 1, applied: 1, unchanged: 795 });
    const { calls, set } = core(failingAccount(), {
      sync_now: () => new Promise<SyncReport>((r) => (answer = r)),
    });
    renderSettings();
    const now = await screen.findByTestId('sync-now');
    await userEvent.click(now);

    expect(args(calls, 'sync_now')).toEqual([{ dryRun: false }]);
    expect(now).toBeDisabled();
    expect(now).toHaveTextContent('Syncing…');
    expect(screen.getByTestId('sync-progress')).toHaveTextContent('Syncing with your server…');
    expect(screen.getByTestId('sync-dry-run')).toBeDisabled();
    expect(screen.getByTestId('sync-remove')).toBeDisabled();

    set(account({ last_sync: new Date().toISOString(), report: done }));
    answer(done);
    expect(await screen.findByTestId('sync-result')).toHaveTextContent(
      'Synced: 2 written, 1 change from the server applied, 795 in step.',
    );
    expect(now).toBeEnabled();
    expect(now).toHaveTextContent('Sync now');
    expect(screen.getByTestId('sync-report')).toHaveTextContent('2 written, 1 change from the server applied, 795 in step');
    expect(screen.getByTestId('sync-when')).toHaveTextContent('Last synced just now');
    expect(screen.queryByTestId('sync-last-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sync-conflicts')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(count(calls, 'sync_status')).toBe(2));
  });

  it('says when a sync settled conflicts, and lists them', async () => {
    const settled = { ...lastReport, conflicts };
    const { set } = core(account({ report: report() }), { sync_now: () => settled });
    renderSettings();
    set(account({ last_sync: new Date().toISOString(), report: settled }));
    await userEvent.click(await screen.findByTestId('sync-now'));
    expect(await screen.findByTestId('sync-result')).toHaveTextContent(
      'Synced: 12 written, 3 changes from the server applied, 780 in step. 2 items were changed on both sides; see below.',
    );
    expect(within(screen.getByTestId('sync-conflicts')).getAllByRole('listitem')).toHaveLength(2);
  });

  it("shows core's error when a sync fails, and the account as core has it now", async () => {
    const { calls, set } = core(account(), {
      sync_now: () => {
        set(account({ last_error: 'could not reach cloud.example.com: connection refused' }));
        return Promise.reject({ kind: 'io', message: 'could not reach cloud.example.com: connection refused', diagnostics: [] });
      },
    });
    renderSettings();
    await userEvent.click(await screen.findByTestId('sync-now'));
    const alert = await screen.findByTestId('sync-error');
    expect(alert).toHaveTextContent("Couldn't sync");
    expect(alert).toHaveTextContent('connection refused');
    expect(await screen.findByTestId('sync-last-error')).toHaveTextContent('could not reach cloud.example.com');
    expect(screen.queryByTestId('sync-result')).not.toBeInTheDocument();
    expect(screen.getByTestId('sync-now')).toBeEnabled();
    expect(count(calls, 'sync_status')).toBe(2);
  });

  it('checks what would change without changing anything', async () => {
    let answer: (r: SyncReport) => void = () => {};
    const would = { ...lastReport, dry_run: true, conflicts: [conflicts[0]!] };
    const { calls } = core(account(), { sync_now: () => new Promise<SyncReport>((r) => (answer = r)) });
    renderSettings();
    const dry = await screen.findByTestId('sync-dry-run');
    await userEvent.click(dry);

    expect(args(calls, 'sync_now')).toEqual([{ dryRun: true }]);
    expect(dry).toBeDisabled();
    expect(dry).toHaveTextContent('Checking…');
    expect(screen.getByTestId('sync-now')).toBeDisabled();
    expect(screen.getByTestId('sync-progress')).toHaveTextContent('Checking what a sync would change…');

    answer(would);
    const result = await screen.findByTestId('sync-result');
    expect(result).toHaveTextContent(
      'Checked; nothing was changed. A sync now would write 12 items to your server (5 new, 6 changed, 1 deleted) and apply 3 changes from the server here; 780 are already in step.',
    );
    expect(within(result).getAllByRole('listitem').map((li) => li.textContent)).toEqual([conflicts[0]]);
    expect(dry).toBeEnabled();
    // The account's own state is untouched.
    expect(screen.getByTestId('sync-when')).toHaveTextContent(/^Last synced Tue 19 Aug/);
    expect(count(calls, 'sync_status')).toBe(1);
  });

  it('says when a dry run finds nothing to do', async () => {
    core(account(), { sync_now: report({ unchanged: 792, dry_run: true }) });
    renderSettings();
    await userEvent.click(await screen.findByTestId('sync-dry-run'));
    expect(await screen.findByTestId('sync-result')).toHaveTextContent('Nothing would change: 792 are already in step.');
  });
});

describe('Settings → Sync: changing and removing the account', () => {
  it('changes the password: the form starts with the address and user, never the password', async () => {
    const { calls } = core(account(), { sync_account_set: account() });
    renderSettings();
    const change = await screen.findByTestId('sync-change');
    await userEvent.click(change);
    expect(change).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('sync-url')).toHaveValue('https://cloud.example.com/remote.php/dav/');
    expect(screen.getByTestId('sync-user')).toHaveValue('ada');
    const password = screen.getByTestId('sync-password');
    expect(password).toHaveValue('');
    await vi.waitFor(() => expect(password).toHaveFocus());

    await userEvent.type(password, `${PASSWORD}{Enter}`);
    expect(args(calls, 'sync_account_set')).toEqual([
      { url: 'https://cloud.example.com/remote.php/dav/', username: 'ada', password: PASSWORD },
    ]);
    expect(await screen.findByTestId('sync-result')).toHaveTextContent('Account saved.');
    expect(screen.queryByTestId('sync-password')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(PASSWORD);
  });

  it('asks once before removing; Esc and Cancel keep it, Remove account forgets it', async () => {
    const { calls, set } = core(account(), {
      sync_account_remove: () => {
        set(null);
        return null;
      },
    });
    renderSettings();
    await userEvent.click(await screen.findByTestId('sync-remove'));
    const prompt = screen.getByRole('group', { name: 'Remove the sync account?' });
    expect(prompt).toHaveTextContent('forgets the password; what it already wrote to your server stays there');
    expect(within(prompt).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Remove the sync account?' })).not.toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByTestId('sync-remove')).toHaveFocus());
    expect(count(calls, 'sync_account_remove')).toBe(0);

    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByTestId('sync-remove-cancel'));
    expect(count(calls, 'sync_account_remove')).toBe(0);
    expect(screen.getByTestId('sync-status')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('sync-remove'));
    await userEvent.click(screen.getByTestId('sync-remove-confirm'));
    expect(count(calls, 'sync_account_remove')).toBe(1);
    expect(await screen.findByTestId('sync-result')).toHaveTextContent('Removed the sync account and forgot its password.');
    expect(screen.queryByTestId('sync-status')).not.toBeInTheDocument();
    expect(screen.getByTestId('sync-empty')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByTestId('sync-url')).toHaveFocus());
    expect(screen.getByTestId('sync-url')).toHaveValue('');
  });

  it("shows core's error when the account can't be removed, and keeps it", async () => {
    core(account(), { sync_account_remove: fails(storageError) });
    renderSettings();
    await userEvent.click(await screen.findByTestId('sync-remove'));
    await userEvent.click(screen.getByTestId('sync-remove-confirm'));
    const alert = await screen.findByTestId('sync-error');
    expect(alert).toHaveTextContent("Couldn't remove the sync account");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    expect(screen.getByTestId('sync-status')).toHaveTextContent('ada at https://cloud.example.com/remote.php/dav/');
  });
});
