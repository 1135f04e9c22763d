// Pure: certification readiness in words (window, days to it, scores and trends, practice exams), and the
// practice exam form turned into what core's `practice_exam_log` takes.
import type { NewPracticeExam } from '../../api/exams';
import type { CertificationView } from '../../bindings/CertificationView';
import type { DomainView } from '../../bindings/DomainView';
import type { PracticeExamView } from '../../bindings/PracticeExamView';
import type { Readiness } from '../../bindings/Readiness';
import type { RemediationBlock } from '../../bindings/RemediationBlock';
import type { ScorePoint } from '../../bindings/ScorePoint';
import { formatDayShort, formatDuration, formatTime } from '../../format';
import { plural } from '../../plans';

/** "Mon 8 Sep – Sun 21 Sep" (one day: "Mon 8 Sep"); null when the plan gives no window. */
export function windowText(cert: Pick<CertificationView, 'window_start' | 'window_end'>): string | null {
  const { window_start: start, window_end: end } = cert;
  if (!start) return null;
  if (!end || end === start) return formatDayShort(start);
  return `${formatDayShort(start)} – ${formatDayShort(end)}`;
}

/** How far the window is: "in 20 days", "tomorrow", "opens today", "open now", "closed". */
export function windowWhen(r: Pick<Readiness, 'days_to_window' | 'today' | 'cert'>): string | null {
  const d = r.days_to_window;
  if (d === null) return null;
  if (d > 1) return `in ${d} days`;
  if (d === 1) return 'tomorrow';
  if (d === 0) return 'opens today';
  const end = r.cert.window_end;
  return end && r.today > end ? 'closed' : 'open now';
}

/** A percent as people read it: "62", "72.5". */
export function percentNumber(p: number): string {
  const r = Math.round(p * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** "62 %", or "—" when there is no score. */
export function percentText(p: number | null): string {
  return p === null ? '—' : `${percentNumber(p)} %`;
}

/** "55 → 62" (the last four scores, "… 50 → 55 → 58 → 62" when there are more); "—" when none. */
export function trendText(trend: readonly ScorePoint[], last = 4): string {
  if (trend.length === 0) return '—';
  const shown = trend.slice(-last).map((p) => percentNumber(p.percent));
  return `${trend.length > last ? '… ' : ''}${shown.join(' → ')}`;
}

/** The trend in words, for screen readers and the tooltip: "55 % on Mon 18 Aug, 62 % on Mon 25 Aug". */
export function trendLong(trend: readonly ScorePoint[]): string {
  return trend.map((p) => `${percentText(p.percent)} on ${formatDayShort(p.date)}`).join(', ');
}

/** "1 of 2 full-length practice exams done", plus how many were logged in all when some were partial. */
export function practiceText(cert: Pick<CertificationView, 'practice_done' | 'practice_required' | 'practice_logged'>): string {
  const base = `${cert.practice_done} of ${cert.practice_required} full-length practice exams done`;
  return cert.practice_logged > cert.practice_done ? `${base} · ${cert.practice_logged} logged in all` : base;
}

/** "12 h done of 30 h planned" before the window. */
export function studyText(r: Pick<Readiness, 'minutes_done' | 'minutes_planned'>): string {
  return `${formatDuration(r.minutes_done)} done of ${formatDuration(r.minutes_planned)} planned`;
}

/** "Tue 26 Aug, 09:00–10:30" for a block of a remediation proposal. */
export function remediationWhen(b: Pick<RemediationBlock, 'date' | 'start' | 'end'>): string {
  return `${formatDayShort(b.date)}, ${formatTime(b.start)}–${formatTime(b.end)}`;
}

/** What the practice exam dialog holds, as typed. */
export type ExamForm = {
  cert: string;
  date: string;
  full: boolean;
  minutes: number | null;
  score: string;
  /** Per domain id, the score as typed. */
  scores: Readonly<Record<string, string>>;
  missed: readonly { domain: string; what: string }[];
};

/**
 * The form as core takes it: scores of the certification's domains in plan order (empty ones left out),
 * missed questions with text (empty rows left out), null for an empty date (today) or overall score
 * (weighed from the domains).
 */
export function examArgs(form: ExamForm, domains: readonly DomainView[]): NewPracticeExam {
  const domainScores: [string, string][] = [];
  for (const d of domains) {
    const s = (form.scores[d.id] ?? '').trim();
    if (s !== '') domainScores.push([d.id, s]);
  }
  const missed: [string, string][] = form.missed
    .map((m): [string, string] => [m.domain, m.what.trim()])
    .filter(([, what]) => what !== '');
  return {
    cert: form.cert,
    date: form.date.trim() || null,
    full: form.full,
    minutes: form.minutes,
    score: form.score.trim() || null,
    domains: domainScores,
    missed,
  };
}

/** Why the minutes can't be sent (core checks the range), or null. */
export function minutesProblem(minutes: number | null | undefined): string | null {
  if (minutes === null || minutes === undefined) return null;
  if (!Number.isInteger(minutes) || minutes < 1) return 'Enter the minutes taken as a whole number, or leave it empty.';
  return null;
}

/** "Logged 68 % on Mon 18 Aug (full-length, 1 h 30)." */
export function loggedText(exam: PracticeExamView): string {
  const details = [exam.full ? 'full-length' : 'partial'];
  if (exam.minutes !== null) details.push(formatDuration(exam.minutes));
  return `Logged ${percentText(exam.score)} on ${formatDayShort(exam.date)} (${details.join(', ')}).`;
}

/** "2 missed questions added to the mistakes log…", or null when none were. */
export function missedText(exam: PracticeExamView): string | null {
  const n = exam.mistakes.length;
  if (n === 0) return null;
  return `${plural(n, 'missed question')} added to the mistakes log, to revisit after 48 hours and a week.`;
}
