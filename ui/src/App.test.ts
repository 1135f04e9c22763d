// App shell: sidebar header from overview, places, hash routes, keyboard shortcuts, the `?` overlay, reminder banners,
// and the places told about background calendar refreshes and syncs.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { listen } from '@tauri-apps/api/event';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import {
  appInfo,
  blockReminder,
  dayBlocks,
  firstLoad,
  noPlanOverview,
  overview,
  plan,
  portfolio,
  progress,
  seniorPlan,
  settings,
  shippedPlans,
  storageError,
  templates,
} from './test/fixtures';
import { busy } from './test/calendarsFixtures';
import { content, docList } from './test/documentFixtures';
import { account, failingAccount } from './test/syncFixtures';
import { noTeam, teamCore } from './test/teamFixtures';
import { fails, mockCommands, never } from './test/ipc';

vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

/** Handlers the app registered with `listen`, by event name. */
const listeners = new Map<string, (e: { event: string; id: number; payload: unknown }) => void>();

beforeEach(() => {
  listeners.clear();
  vi.mocked(listen).mockImplementation(async (event, handler) => {
    listeners.set(event, handler as never);
    return () => listeners.delete(event);
  });
  // jsdom has no canvas: Portfolio's chart is skipped.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

/** What the Rust side does with `app.emit(event, payload)`. */
async function emit(event: string, payload: unknown) {
  await vi.waitFor(() => expect(listeners.has(event)).toBe(true));
  listeners.get(event)!({ event, id: 1, payload });
  await tick();
}

const all = {
  overview,
  progress,
  agenda: dayBlocks,
  busy_between: [],
  calendar_sources: [],
  sync_status: null,
  document_templates: templates,
  documents_list: docList,
  portfolio,
  settings_get: settings,
  app_info: appInfo,
  plan_list: [plan],
  plan_shipped: shippedPlans,
  milestones: [],
  revisits: [],
  mistakes_list: [],
  certifications: [],
  team_view: fails(noTeam),
};

const busyStandUp = busy();

const agendaDates = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
  calls.filter((c) => c.cmd === 'agenda').map((c) => c.args.from);

describe('App shell', () => {
  it('shows the plan and current week in the sidebar and opens on today', async () => {
    const calls = mockCommands(all);
    render(App);
    expect(await screen.findByTestId('plan-title')).toHaveTextContent('Data Engineering in 9 Weeks');
    expect(screen.getByTestId('plan-week')).toHaveTextContent('Week 3 of 9 — Spark + Delta');
    expect(screen.getByRole('main')).toContainElement(screen.getByTestId('place-today'));
    expect(await screen.findByText('Tue 19 Aug 2025')).toBeInTheDocument();
    expect(await screen.findByTestId('block-b1')).toBeInTheDocument();
    expect(agendaDates(calls)).toEqual(['2025-08-19']);
    expect(screen.getByTestId('nav-today')).toHaveAttribute('aria-current', 'page');
  });

  it('shows skeletons while the overview loads', () => {
    mockCommands({ ...all, overview: never() });
    render(App);
    expect(screen.getByText('Loading the plan…')).toBeInTheDocument();
    expect(screen.getByText("Loading the day's blocks…")).toBeInTheDocument();
  });

  it('shows an overview error in the sidebar and in Today', async () => {
    mockCommands({ ...all, overview: fails(storageError) });
    render(App);
    expect(await screen.findByTestId('overview-error')).toHaveTextContent('database error: disk I/O error');
    expect(screen.getByTestId('error')).toHaveTextContent("Couldn't find out what today is");
  });

  it('says no plan is loaded in the sidebar and in Today', async () => {
    mockCommands({ ...all, overview: noPlanOverview });
    render(App);
    expect(await screen.findByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
    expect(screen.getByTestId('sidebar-plan')).toHaveTextContent('No plan loaded');
  });

  it('switches places from the sidebar', async () => {
    mockCommands(all);
    render(App);
    const places = [
      ['calendar', 'Calendar'],
      ['documents', 'Documents'],
      ['portfolio', 'Portfolio'],
      ['settings', 'Settings'],
      ['today', 'Today'],
    ] as const;
    for (const [id, name] of places) {
      await userEvent.click(screen.getByTestId(`nav-${id}`));
      // Places other than Today are fetched when first opened.
      const place = await screen.findByTestId(`place-${id}`);
      expect(within(place).getByRole('heading', { level: 1, name })).toBeInTheDocument();
      expect(screen.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page');
      expect(window.location.hash).toBe(`#/${id}`);
    }
  });

  it('opens the place and date given in the URL hash', async () => {
    history.replaceState(null, '', '#/today/2025-08-21');
    const calls = mockCommands(all);
    render(App);
    expect(await screen.findByText('Thu 21 Aug 2025')).toBeInTheDocument();
    expect(agendaDates(calls)).toEqual(['2025-08-21']);
  });

  it("opens a day's log in Documents from Today's l and from #/documents/DATE", async () => {
    const calls = mockCommands({
      ...all,
      document_preview: { html: '', completeness: null },
      daily_log_open: ({ date }) => content({ path: `logs/${date}.md`, kind: 'daily_log' }),
    });
    render(App);
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('{ArrowRight}');
    await screen.findByText('Wed 20 Aug 2025');
    await userEvent.keyboard('l');
    expect(await screen.findByTestId('place-documents')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/documents/2025-08-20');
    expect(await screen.findByTestId('doc-path')).toHaveTextContent('logs/2025-08-20.md');
    expect(calls.filter((c) => c.cmd === 'daily_log_open').map((c) => c.args)).toEqual([{ date: '2025-08-20' }]);

    // `d` opens Documents without a log, even coming from a dated Calendar.
    await userEvent.click(document.body);
    await userEvent.keyboard('c');
    await userEvent.keyboard('d');
    expect(window.location.hash).toBe('#/documents');
    expect(calls.filter((c) => c.cmd === 'daily_log_open')).toHaveLength(1);
  });

  it('follows keyboard shortcuts, but not while typing', async () => {
    const calls = mockCommands(all);
    render(App);
    await screen.findByTestId('block-b1');

    await userEvent.keyboard('{ArrowRight}');
    expect(await screen.findByText('Wed 20 Aug 2025')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(await screen.findByText('Mon 18 Aug 2025')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/today/2025-08-18');

    await userEvent.keyboard('c');
    expect(await screen.findByTestId('place-calendar')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowRight}');
    expect(await screen.findByText('25 – 31 Aug 2025')).toBeInTheDocument();
    expect(agendaDates(calls).at(-1)).toBe('2025-08-25');

    await userEvent.keyboard('d');
    expect(await screen.findByTestId('place-documents')).toBeInTheDocument();
    await userEvent.keyboard('p');
    expect(await screen.findByTestId('place-portfolio')).toBeInTheDocument();
    await userEvent.keyboard(',');
    expect(await screen.findByTestId('place-settings')).toBeInTheDocument();

    const lead = await screen.findByTestId('setting-lead');
    await userEvent.click(lead);
    await userEvent.keyboard('t');
    expect(screen.getByTestId('place-settings')).toBeInTheDocument();

    await userEvent.click(document.body);
    await userEvent.keyboard('t');
    expect(screen.getByTestId('place-today')).toBeInTheDocument();
    expect(await screen.findByText('Tue 19 Aug 2025')).toBeInTheDocument();
  });

  it('lists the shortcuts on ? and closes the list on Esc', async () => {
    mockCommands(all);
    render(App);
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveTextContent('Go to Calendar');
    expect(dialog).toHaveTextContent('Previous / next day (Today), or day / week / month (Calendar)');
    expect(dialog).toHaveTextContent('Calendar: day, week or month view');
    for (const action of [
      'Select the next / previous block (Today)',
      'Mark the selected block done',
      'Skip the selected block',
      'Partly done: enter the minutes spent (Enter saves)',
      'Write a note and counters (Ctrl+Enter saves)',
      'Undo: the selected block back to planned',
    ]) {
      expect(dialog).toHaveTextContent(action);
    }
    expect(within(dialog).getByRole('button', { name: /Close/ })).toHaveFocus();

    await userEvent.keyboard('c');
    expect(screen.getByTestId('place-today')).toBeInTheDocument();
    await userEvent.keyboard('j');
    expect(screen.getByTestId('block-b1')).not.toHaveAttribute('aria-current');

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Keyboard shortcuts/ }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /Close/ }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens the mistake dialog on e; while it is open no key reaches the app, not even with focus outside it', async () => {
    mockCommands(all);
    render(App);
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('e');
    const dialog = await screen.findByRole('dialog', { name: 'Log a mistake' });
    within(dialog).getByRole('button', { name: 'Cancel' }).focus();
    await userEvent.keyboard('c?{ArrowRight}');
    expect(screen.getByTestId('place-today')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
    expect(window.location.hash).toBe('');

    // A click on the backdrop leaves focus on the page: the next key brings it back into the dialog instead.
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('c');
    expect(screen.getByTestId('place-today')).toBeInTheDocument();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.keyboard('c');
    expect(await screen.findByTestId('place-calendar')).toBeInTheDocument();
  });
});

describe('App shell and plans', () => {
  it('links the no-plan state to Settings, and a load there updates the sidebar and Today', async () => {
    let loaded = false;
    const calls = mockCommands({
      ...all,
      overview: () => (loaded ? { ...overview, plan: seniorPlan } : noPlanOverview),
      plan_list: () => (loaded ? [seniorPlan] : []),
      plan_load: () => {
        loaded = true;
        return firstLoad;
      },
    });
    render(App);
    await userEvent.click(await screen.findByRole('link', { name: 'Load a plan' }));
    expect(await screen.findByTestId('place-settings')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/settings');

    await userEvent.click(await screen.findByTestId('load-submit'));
    expect(await screen.findByTestId('load-report')).toHaveTextContent('Loaded “Senior Data Engineering Study Plan”');
    expect(await screen.findByTestId('plan-title')).toHaveTextContent('Senior Data Engineering Study Plan');
    expect(screen.queryByText('Loading the plan…')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'overview')).toHaveLength(2);

    await userEvent.click(screen.getByTestId('nav-today'));
    expect(await screen.findByTestId('block-b1')).toBeInTheDocument();
  });
});

describe('App shell after midnight', () => {
  it('asks core for today again when the window regains focus, without flashing a skeleton', async () => {
    let today = '2025-08-19';
    const calls = mockCommands({ ...all, overview: () => ({ ...overview, today }) });
    render(App);
    expect(await screen.findByText('Tue 19 Aug 2025')).toBeInTheDocument();
    today = '2025-08-20';
    window.dispatchEvent(new FocusEvent('focus'));
    expect(screen.queryByText('Loading the plan…')).not.toBeInTheDocument();
    expect(await screen.findByText('Wed 20 Aug 2025')).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'overview')).toHaveLength(2);
  });
});

describe('App shell and reminders', () => {
  it('shows a reminder from the engine in a banner on any place; Snooze 10 goes to core', async () => {
    const calls = mockCommands({ ...all, reminder_action: null });
    render(App);
    await screen.findByTestId('block-b1');
    await emit('reminder-sent', blockReminder);
    const banner = screen.getByTestId('reminder-banner');
    expect(banner).toHaveAttribute('role', 'status');
    expect(banner).toHaveTextContent('In 10 min: Spark joins lab');

    await userEvent.click(screen.getByTestId('nav-portfolio'));
    expect(screen.getByTestId('reminder-banner')).toBeInTheDocument();
    await userEvent.click(within(screen.getByTestId('reminder-banner')).getByRole('button', { name: 'Snooze 10 minutes' }));
    expect(calls.at(-1)).toEqual({ cmd: 'reminder_action', args: { key: 'b1|pre', action: 'snooze', minutes: 10 } });
    expect(screen.queryByTestId('reminder-banner')).not.toBeInTheDocument();
  });

  it('Done goes to core; a failed delivery shows an alert with what to do', async () => {
    const calls = mockCommands({ ...all, reminder_action: null });
    render(App);
    await emit('reminder-sent', blockReminder);
    await userEvent.click(within(screen.getByTestId('reminder-banner')).getByRole('button', { name: 'Done' }));
    expect(calls.at(-1)).toEqual({ cmd: 'reminder_action', args: { key: 'b1|pre', action: 'done' } });

    await emit('reminder-failed', { key: 'b2|start', message: 'no notification server' });
    const alert = screen.getByTestId('reminder-failed');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('A reminder could not be shown: no notification server');
    expect(alert).toHaveTextContent('Check that a notification service is running');
  });

  it('Esc with nothing focused dismisses the banner, but closes the shortcuts list first', async () => {
    mockCommands(all);
    render(App);
    await screen.findByTestId('block-b1');
    await emit('reminder-sent', blockReminder);
    await userEvent.keyboard('?');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('reminder-banner')).toBeInTheDocument();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('reminder-banner')).not.toBeInTheDocument();
  });

  it("gives Settings the active plan's tracks to mute", async () => {
    mockCommands(all);
    render(App);
    await userEvent.click(await screen.findByTestId('nav-settings'));
    expect(await screen.findByRole('checkbox', { name: 'Python DSA' })).toBeChecked();
    expect(screen.getByTestId('mute-de')).toBeChecked();
  });
});

describe('App shell and the other calendars', () => {
  it('fetches the busy time again when the app says the calendars were refreshed in the background', async () => {
    let imported = false;
    const calls = mockCommands({ ...all, busy_between: () => (imported ? [busyStandUp] : []) });
    render(App);
    await screen.findByTestId('block-b1');
    expect(screen.queryByTestId('today-busy')).not.toBeInTheDocument();
    const before = calls.filter((c) => c.cmd === 'busy_between').length;
    imported = true;
    await emit('calendars-refreshed', []);
    expect(await screen.findByTestId('today-busy')).toHaveTextContent('Team stand-up');
    expect(calls.filter((c) => c.cmd === 'busy_between').length).toBe(before + 1);
    // Quietly: the day stayed on screen.
    expect(screen.getByTestId('block-b1')).toBeInTheDocument();
  });
});

describe('App shell and sync', () => {
  it("shows the account's new state in Settings when the app says a background sync finished", async () => {
    let synced = account();
    const calls = mockCommands({ ...all, sync_status: () => synced });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-settings'));
    expect(await screen.findByTestId('sync-when')).toHaveTextContent(/^Last synced Tue 19 Aug/);
    const before = calls.filter((c) => c.cmd === 'sync_status').length;
    synced = failingAccount();
    await emit('sync-finished', synced);
    expect(await screen.findByTestId('sync-last-error')).toHaveTextContent('401 Unauthorized');
    expect(screen.getByTestId('sync-when')).toHaveTextContent('Last synced 5 minutes ago');
    expect(calls.filter((c) => c.cmd === 'sync_status').length).toBe(before + 1);
  });

  it("reads the team's progress again in Portfolio when the app says a background sync finished", async () => {
    const calls = mockCommands({ ...all, ...teamCore() });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-portfolio'));
    expect(await screen.findByTestId('team-member-track-a-novice-2')).toBeInTheDocument();
    const before = calls.filter((c) => c.cmd === 'team_progress').length;
    await emit('sync-finished', account());
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === 'team_progress').length).toBe(before + 1));
    // Quietly: the section stayed, and the roles were not asked for again.
    expect(screen.getByTestId('team-member-track-a-novice-2')).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'team_view')).toHaveLength(1);
  });
});
