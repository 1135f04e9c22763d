// The mistakes log: logging a mistake (one at a time, or those written in a daily log), listing them, their
// revisits for the calendar, and closing a revisit.
// Core validates everything (known track, topic and what not empty, http/https link) and answers in words.
// `getRevisits` lives with the calendar's other range queries (the calendar is in the start-up bundle; these
// are only used by the mistakes views, which load on demand) and is re-exported here.
import type { LogImport } from '../bindings/LogImport';
import type { MistakeView } from '../bindings/MistakeView';
import type { RevisitOutcome } from '../bindings/RevisitOutcome';
import { call } from './ipc';

export { getRevisits } from './calendar';

/** A mistake to log. `date` null means today in the plan's zone; `fix` and `link` are optional. */
export type NewMistake = {
  date: string | null;
  track: string;
  topic: string;
  what: string;
  fix: string | null;
  link: string | null;
};

/** Core answers with the mistake as stored, with its two revisits (+48 h and +1 week) already placed. */
export function addMistake(mistake: NewMistake): Promise<MistakeView> {
  return call<MistakeView>('mistake_add', mistake);
}

/** The whole log, or (`due`) only mistakes with a revisit due today or earlier. */
export function listMistakes(due: boolean): Promise<MistakeView[]> {
  return call<MistakeView[]>('mistakes_list', { due });
}

/** `again` adds one more revisit two days later; closing a closed revisit is a `conflict`. */
export function closeRevisit(id: number, outcome: RevisitOutcome): Promise<MistakeView> {
  return call<MistakeView>('revisit_close', { id, outcome });
}

/**
 * Logs the items of the "Mistakes log updates" section of `logs/<date>.md` (as saved on disk), each written
 * `- track: topic — what went wrong → the fix`. Items already in the log are only counted; lines core
 * couldn't read come back in `skipped` with their line and why. `not_found` when that day has no log.
 */
export function mistakesFromLog(date: string): Promise<LogImport> {
  return call<LogImport>('mistakes_from_log', { date });
}
