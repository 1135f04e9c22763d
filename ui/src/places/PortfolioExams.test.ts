// Portfolio, certifications: one readiness card per certification (window, days to it, ready or not and
// why, practice exams, domains weakest first with weight, latest, trend and "weak", study time, pacing);
// "Log practice exam…" sends practice_exam_log with the domains as pairs (empty ones left out) and reloads
// the cards, the portfolio and progress; core's refusal shows in the dialog; remediation propose → accept.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import { examsCore } from '../test/examFixtures';
import { noPlanOverview, overview, portfolio, progress, ready } from '../test/fixtures';
import { fails, mockCommands, never, type Answer, type Call, type Handler } from '../test/ipc';
import { noTeam } from '../test/teamFixtures';
import Portfolio from './Portfolio.svelte';

const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ofCmd = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args);
const invalid = (message: string): ErrorBody => ({ kind: 'invalid_input', message, diagnostics: [] });

function renderPortfolio(handlers: Record<string, Answer> = {}, o = overview) {
  const calls = mockCommands({ portfolio, progress, mistakes_list: [], team_view: fails(noTeam), ...examsCore(), ...handlers });
  render(Portfolio, { overview: ready(o), onreload: vi.fn() });
  return calls;
}

const dialog = () => screen.findByRole('dialog', { name: 'Log a practice exam' });

beforeEach(() => {
  // jsdom has no canvas: the progress chart is skipped.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('Certification cards', () => {
  it('shows a card per certification: window, readiness and why, practice, score, study time, pacing', async () => {
    const calls = renderPortfolio();
    const card = await screen.findByTestId('cert-dea');
    expect(within(card).getByRole('heading', { level: 3, name: 'Databricks Data Engineer Associate' })).toBeInTheDocument();
    expect(card).toHaveTextContent('Data Engineering');
    // The window comes with the certification; how far it is, with the readiness.
    expect(text(within(card).getByTestId('cert-window-dea'))).toBe('Exam window Mon 8 Sept – Sun 21 Sept');
    const readiness = await within(card).findByTestId('cert-ready-dea');
    expect(text(within(card).getByTestId('cert-window-dea'))).toBe('Exam window Mon 8 Sept – Sun 21 Sept · in 20 days');
    expect(readiness).toHaveAttribute('data-ready', 'false');
    expect(readiness).toHaveTextContent('Not ready');
    expect(within(readiness).getAllByRole('listitem').map(text)).toEqual([
      'latest practice score 64 % is below the pass mark of 70 %',
      '1 of 2 full-length practice exams done',
      'below the pass mark in: Delta Lake',
    ]);
    expect(text(within(card).getByTestId('cert-practice-dea'))).toBe(
      '1 of 2 full-length practice exams done · 2 logged in all',
    );
    expect(text(within(card).getByTestId('cert-score-dea'))).toBe('64 % (58 → 64) · pass mark 70 %');
    expect(text(within(card).getByTestId('cert-study-dea'))).toBe(
      '12 h done of 30 h planned before the window · 12 h in 8 blocks to come',
    );
    const pacing = within(card).getByTestId('cert-pacing-dea');
    expect(pacing).toHaveTextContent(
      'Behind: at this pace 25 h of 30 h planned by the window. Proposal: defer Databricks Data Engineer Associate by 2 weeks',
    );
    expect(pacing).toHaveClass('behind');

    // The second certification is ready, and on track.
    const ready2 = await screen.findByTestId('cert-ready-pyc');
    expect(ready2).toHaveAttribute('data-ready', 'true');
    expect(text(ready2)).toBe('Ready');
    expect(screen.getByTestId('cert-pacing-pyc')).not.toHaveClass('behind');
    expect(text(screen.getByTestId('cert-window-pyc'))).toBe('Exam window Wed 1 Oct · in 43 days');

    expect(ofCmd(calls, 'certifications')).toEqual([{}]);
    expect(ofCmd(calls, 'readiness')).toEqual([{ cert: 'dea' }, { cert: 'pyc' }]);
  });

  it('lists the domains weakest first: name, weight, latest score, trend, weak', async () => {
    renderPortfolio();
    const card = await screen.findByTestId('cert-dea');
    await within(card).findByTestId('cert-domain-dea-delta');
    const rows = within(card).getAllByTestId(/^cert-domain-dea-/);
    expect(rows.map((r) => r.dataset.testid)).toEqual([
      'cert-domain-dea-delta',
      'cert-domain-dea-prod',
      'cert-domain-dea-spark',
      'cert-domain-dea-gov',
    ]);
    const cells = (id: string) => [...screen.getByTestId(id).querySelectorAll('th, td')].map(text);
    expect(cells('cert-domain-dea-delta')).toEqual(['Delta Lake', '25 %', '55 %', '48 → 55', 'weak']);
    expect(cells('cert-domain-dea-prod')).toEqual(['Production pipelines', '20 %', 'not scored', '—', 'weak']);
    expect(cells('cert-domain-dea-spark')).toEqual(['Spark SQL & DataFrames', '30 %', '78 %', '70 → 78', '']);
    expect(cells('cert-domain-dea-gov')).toEqual(['Data governance', '25 %', '80 %', '80', '']);
    expect(within(card).getByRole('table')).toHaveAccessibleName('Domains, weakest first');
  });

  it('shows a skeleton while loading', async () => {
    renderPortfolio({ certifications: never() });
    expect(await screen.findByRole('heading', { level: 2, name: 'Certifications' })).toBeInTheDocument();
    expect(screen.getAllByTestId('loading').length).toBeGreaterThan(0);
  });

  it('shows core’s error in words, with a retry', async () => {
    const calls = renderPortfolio({ certifications: fails(invalid('no plan is active; load a plan first')) });
    const error = await screen.findByTestId('certs-error');
    expect(error).toHaveTextContent("Couldn't load the certifications");
    expect(error).toHaveTextContent('no plan is active; load a plan first');
    await userEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(ofCmd(calls, 'certifications')).toHaveLength(2);
  });

  it('shows a card’s readiness error in the card', async () => {
    const readiness = examsCore().readiness as Handler;
    renderPortfolio({
      readiness: (args) =>
        args.cert === 'dea' ? Promise.reject(invalid('no certification `dea`; this plan’s are: pyc')) : readiness(args),
    });
    const error = await screen.findByTestId('cert-error-dea');
    expect(error).toHaveTextContent('no certification `dea`');
    // The other card is not held up.
    expect(await screen.findByTestId('cert-ready-pyc')).toHaveTextContent('Ready');
  });

  it('is not there when the plan has no certifications, nor without a plan', async () => {
    const calls = renderPortfolio({ certifications: [] });
    await screen.findByTestId('project-p1-log-etl');
    await vi.waitFor(() => expect(ofCmd(calls, 'certifications')).toHaveLength(1));
    // Hidden once the (empty) answer is in.
    await vi.waitFor(() => expect(screen.queryByRole('heading', { name: 'Certifications' })).not.toBeInTheDocument());
    expect(screen.queryByTestId('certs-error')).not.toBeInTheDocument();
  });

  it('is not asked for without a plan', async () => {
    const calls = renderPortfolio({ portfolio: fails(invalid('no plan')) }, noPlanOverview);
    expect(await screen.findByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
    expect(ofCmd(calls, 'certifications')).toHaveLength(0);
  });
});

describe('Logging a practice exam from a card', () => {
  it('opens prefilled, sends the domains as pairs (empty ones left out) and the missed questions, then reloads', async () => {
    const calls = renderPortfolio();
    const open = await screen.findByTestId('exam-log-open-dea');
    await userEvent.click(open);
    const d = await dialog();
    expect(d).toHaveAttribute('data-testid', 'exam-dialog');
    expect(within(d).getByTestId('exam-cert')).toHaveValue('dea');
    expect(within(d).getByTestId('exam-date')).toHaveValue('2025-08-19');
    expect(within(d).getByTestId('exam-date')).toHaveFocus();
    expect(within(d).getByTestId('exam-full')).toBeChecked();
    expect(within(d).getByTestId('exam-domain-spark')).toHaveAttribute('placeholder', '72 or 43/60');

    await userEvent.clear(within(d).getByTestId('exam-date'));
    await userEvent.type(within(d).getByTestId('exam-date'), '2025-08-18');
    await userEvent.type(within(d).getByTestId('exam-minutes'), '90');
    await userEvent.type(within(d).getByTestId('exam-domain-spark'), ' 43/60 ');
    await userEvent.type(within(d).getByTestId('exam-domain-delta'), '61%');
    await userEvent.type(within(d).getByTestId('exam-domain-gov'), '   ');
    await userEvent.click(within(d).getByTestId('exam-missed-add'));
    expect(within(d).getByTestId('exam-missed-what-0')).toHaveFocus();
    await userEvent.selectOptions(within(d).getByTestId('exam-missed-domain-0'), 'delta');
    await userEvent.type(within(d).getByTestId('exam-missed-what-0'), 'MERGE with a duplicate key');
    // An empty row is left out.
    await userEvent.click(within(d).getByTestId('exam-missed-add'));
    const before = { readiness: ofCmd(calls, 'readiness').length, portfolio: ofCmd(calls, 'portfolio').length, progress: ofCmd(calls, 'progress').length };
    await userEvent.click(within(d).getByTestId('exam-submit'));

    expect(ofCmd(calls, 'practice_exam_log')).toEqual([
      {
        cert: 'dea',
        date: '2025-08-18',
        full: true,
        minutes: 90,
        score: null,
        domains: [
          ['spark', '43/60'],
          ['delta', '61%'],
        ],
        missed: [['delta', 'MERGE with a duplicate key']],
      },
    ]);
    const done = await within(d).findByTestId('exam-logged');
    expect(done).toHaveTextContent('Logged 66.5 % on Mon 18 Aug (full-length, 1 h 30).');
    expect(done).toHaveTextContent('1 missed question added to the mistakes log');
    expect(within(d).getByTestId('exam-done')).toHaveFocus();

    // The cards, the portfolio (weekly checklist) and progress (practice-exam goals) are asked for again.
    await vi.waitFor(() => expect(ofCmd(calls, 'readiness').length).toBe(before.readiness + 2));
    expect(ofCmd(calls, 'portfolio').length).toBe(before.portfolio + 1);
    expect(ofCmd(calls, 'progress').length).toBe(before.progress + 1);
    await vi.waitFor(() =>
      expect(text(screen.getByTestId('cert-practice-dea'))).toBe('2 of 2 full-length practice exams done · 3 logged in all'),
    );

    await userEvent.click(within(d).getByTestId('exam-done'));
    expect(screen.queryByTestId('exam-dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('sends the overall score as typed and no minutes when empty; a partial exam', async () => {
    const calls = renderPortfolio();
    await userEvent.click(await screen.findByTestId('exam-log-open-pyc'));
    const d = await dialog();
    expect(within(d).getByTestId('exam-cert')).toHaveValue('pyc');
    await userEvent.click(within(d).getByTestId('exam-full'));
    await userEvent.type(within(d).getByTestId('exam-score'), '72.5%');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(ofCmd(calls, 'practice_exam_log')).toEqual([
      { cert: 'pyc', date: '2025-08-19', full: false, minutes: null, score: '72.5%', domains: [], missed: [] },
    ]);
    expect(await within(d).findByTestId('exam-logged')).toHaveTextContent('Logged 72.5 % on Tue 19 Aug (partial).');
  });

  it('shows core’s refusal in the dialog and keeps what was typed', async () => {
    const calls = renderPortfolio({
      practice_exam_log: fails(invalid('domain `spark`: 140 is outside 0–100 %')),
    });
    await userEvent.click(await screen.findByTestId('exam-log-open-dea'));
    const d = await dialog();
    await userEvent.type(within(d).getByTestId('exam-domain-spark'), '140');
    await userEvent.click(within(d).getByTestId('exam-submit'));
    const error = await within(d).findByTestId('exam-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent("Couldn't log the practice exam");
    expect(error).toHaveTextContent('domain `spark`: 140 is outside 0–100 %');
    expect(within(d).getByTestId('exam-domain-spark')).toHaveValue('140');
    expect(ofCmd(calls, 'practice_exam_log')).toHaveLength(1);
    // Nothing was stored: nothing is reloaded.
    expect(ofCmd(calls, 'portfolio')).toHaveLength(1);
  });

  it('checks the minutes before asking core, and closes with Esc', async () => {
    const calls = renderPortfolio();
    const open = await screen.findByTestId('exam-log-open-dea');
    await userEvent.click(open);
    const d = await dialog();
    await userEvent.type(within(d).getByTestId('exam-minutes'), '1.5');
    await userEvent.click(within(d).getByTestId('exam-submit'));
    expect(within(d).getByText(/whole number/)).toBeInTheDocument();
    expect(ofCmd(calls, 'practice_exam_log')).toHaveLength(0);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('exam-dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it('starts the domains afresh when another certification is chosen', async () => {
    renderPortfolio();
    await userEvent.click(await screen.findByTestId('exam-log-open-dea'));
    const d = await dialog();
    await userEvent.type(within(d).getByTestId('exam-domain-spark'), '70');
    await userEvent.selectOptions(within(d).getByTestId('exam-cert'), 'pyc');
    expect(within(d).queryByTestId('exam-domain-spark')).not.toBeInTheDocument();
    expect(within(d).getByTestId('exam-domain-basics')).toHaveValue('');
  });
});

describe('Remediation', () => {
  it('proposes, shows each block’s time and titles, accepts, says how many were renamed and reloads', async () => {
    const calls = renderPortfolio();
    await screen.findByTestId('cert-ready-dea');
    await userEvent.click(screen.getByTestId('remediation-propose-dea'));
    const panel = await screen.findByTestId('remediation-dea');
    expect(within(panel).getAllByRole('listitem').map(text)).toEqual([
      'Thu 21 Aug, 09:00–10:30 Spark joins lab → becomes Remediation (DEA): Delta Lake',
      'Fri 22 Aug, 09:00–10:30 Streaming ingestion → becomes Remediation (DEA): Production pipelines',
      'Mon 25 Aug, 09:00–10:30 Delta time travel → becomes Remediation (DEA): Delta Lake',
    ]);
    expect(within(panel).getByTestId('remediation-calendar-dea')).toHaveAttribute('href', '#/calendar/2025-08-21');
    expect(ofCmd(calls, 'remediation_propose')).toEqual([{ cert: 'dea' }]);
    expect(ofCmd(calls, 'remediation_accept')).toHaveLength(0);

    const asked = ofCmd(calls, 'readiness').length;
    await userEvent.click(within(panel).getByTestId('remediation-accept-dea'));
    expect(ofCmd(calls, 'remediation_accept')).toEqual([{ cert: 'dea' }]);
    const done = await screen.findByTestId('remediation-done-dea');
    expect(done).toHaveTextContent('3 blocks renamed.');
    expect(within(done).getByRole('link', { name: 'Show on calendar' })).toHaveAttribute('href', '#/calendar/2025-08-21');
    expect(screen.queryByTestId('remediation-dea')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(ofCmd(calls, 'readiness').length).toBe(asked + 1));
    expect(ofCmd(calls, 'readiness').at(-1)).toEqual({ cert: 'dea' });
  });

  it('says why there is nothing to propose, and dismisses', async () => {
    const calls = renderPortfolio();
    await screen.findByTestId('cert-ready-pyc');
    await userEvent.click(screen.getByTestId('remediation-propose-pyc'));
    const panel = await screen.findByTestId('remediation-pyc');
    expect(panel).toHaveTextContent('Nothing to propose: every domain is at or above the pass mark of 70 %.');
    expect(within(panel).queryByTestId('remediation-accept-pyc')).not.toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('remediation-pyc')).not.toBeInTheDocument();
    expect(ofCmd(calls, 'remediation_accept')).toHaveLength(0);
  });

  it('shows core’s refusal to accept and keeps the proposal; Dismiss drops it', async () => {
    renderPortfolio({
      remediation_accept: fails({
        kind: 'conflict',
        message: 'block r2 changed since the proposal was made; ask for remediation again',
        diagnostics: [],
      }),
    });
    await screen.findByTestId('cert-ready-dea');
    await userEvent.click(screen.getByTestId('remediation-propose-dea'));
    const panel = await screen.findByTestId('remediation-dea');
    await userEvent.click(within(panel).getByTestId('remediation-accept-dea'));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('block r2 changed since the proposal was made');
    expect(screen.queryByTestId('remediation-done-dea')).not.toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('remediation-dea')).not.toBeInTheDocument();
  });
});
