// Certifications and practice exams: the plan's certifications, logging a practice exam (overall and
// per-domain scores, questions missed → mistakes log), readiness with pacing, and remediation proposals
// (coming certification-track blocks renamed for the weak domains; nothing changes until accepted).
// Core validates everything (known certification and domain, scores 0–100 % or right/total, no future
// dates, 1–600 minutes) and answers in words.
import type { CertificationView } from '../bindings/CertificationView';
import type { PracticeExamView } from '../bindings/PracticeExamView';
import type { Readiness } from '../bindings/Readiness';
import type { Remediation } from '../bindings/Remediation';
import { call } from './ipc';

export type { CertificationView } from '../bindings/CertificationView';
export type { PracticeExamView } from '../bindings/PracticeExamView';
export type { Readiness } from '../bindings/Readiness';
export type { Remediation } from '../bindings/Remediation';

/** A practice exam to log. Scores are text as typed: `72`, `72.5%` or `43/60`. */
export type NewPracticeExam = {
  cert: string;
  /** YYYY-MM-DD; null means today in the plan's zone. */
  date: string | null;
  /** A full-length, timed exam (what the readiness rule counts). */
  full: boolean;
  minutes: number | null;
  /** Overall score; null: the weight-averaged domain scores. */
  score: string | null;
  /** [domain id, score] pairs, only for the domains scored. */
  domains: [string, string][];
  /** [domain id, what went wrong] pairs: each becomes a mistake with its revisits. */
  missed: [string, string][];
};

/** The active plan's certifications, in plan order. */
export function getCertifications(): Promise<CertificationView[]> {
  return call<CertificationView[]>('certifications', {});
}

/** Core answers with the exam as stored (its overall score computed when not given, mistakes logged). */
export function logPracticeExam(exam: NewPracticeExam): Promise<PracticeExamView> {
  return call<PracticeExamView>('practice_exam_log', exam);
}

/** Practice exams of certification `cert`, oldest first. */
export function getPracticeExams(cert: string): Promise<PracticeExamView[]> {
  return call<PracticeExamView[]>('practice_exams', { cert });
}

/** Where certification `cert` stands today: domains weakest first, study time, practice exams, pacing. */
export function getReadiness(cert: string): Promise<Readiness> {
  return call<Readiness>('readiness', { cert });
}

/** Which coming blocks of the certification's track would go to which weak domain; changes nothing. */
export function proposeRemediation(cert: string): Promise<Remediation> {
  return call<Remediation>('remediation_propose', { cert });
}

/**
 * Renames the blocks of the proposal as core makes it now, all or nothing; answers what was applied.
 * A block changed since the proposal was shown is a `conflict` (propose again).
 */
export function acceptRemediation(cert: string): Promise<Remediation> {
  return call<Remediation>('remediation_accept', { cert });
}
