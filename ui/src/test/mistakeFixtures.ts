// Sample mistakes log shaped like core's answers (today is Tue 19 Aug 2025), and a core stand-in that
// keeps it: mistakes_list (all / due), revisits for a range, revisit_close (solid / again, conflict twice).
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { MistakeView } from '../lib/bindings/MistakeView';
import type { RevisitOutcome } from '../lib/bindings/RevisitOutcome';
import type { RevisitView } from '../lib/bindings/RevisitView';
import { addDays } from '../lib/dates';

export function revisit(over: Partial<RevisitView> & Pick<RevisitView, 'id' | 'mistake_id' | 'seq' | 'date'>): RevisitView {
  return {
    start: '09:00',
    start_utc: `${over.date}T07:00:00Z`,
    block_id: null,
    outcome: null,
    closed_on: null,
    track: 'de',
    track_name: 'Data Engineering',
    topic: 'Spark DataFrames, Delta Lake',
    ...over,
  };
}

/** Made today, Tue 19 Aug: revisits Thu 21 Aug (in the block at 09:00) and Tue 26 Aug, both open. */
export const sparkMistake: MistakeView = {
  id: 1,
  date: '2025-08-19',
  track: 'de',
  track_name: 'Data Engineering',
  topic: 'Spark DataFrames, Delta Lake',
  what: 'Called collect() on a 40 GB DataFrame',
  fix: 'Use take(n) or write the result out',
  link: 'https://spark.apache.org/docs/latest/rdd-programming-guide.html',
  revisits: [
    revisit({ id: 11, mistake_id: 1, seq: 1, date: '2025-08-21', block_id: 'c1' }),
    revisit({ id: 12, mistake_id: 1, seq: 2, date: '2025-08-26', start: '19:00', start_utc: '2025-08-26T17:00:00Z' }),
  ],
  settled: false,
};

const dsa = { track: 'dsa', track_name: 'Python DSA', topic: 'Sliding window' };

/** Made the week before: the 48-hour revisit went "again", its extra one was solid, the one-week revisit is due today. */
export const windowMistake: MistakeView = {
  id: 2,
  date: '2025-08-12',
  ...dsa,
  what: 'Off by one at the window end',
  fix: null,
  link: 'file:///home/ada/notes.md',
  revisits: [
    revisit({ id: 21, mistake_id: 2, seq: 1, date: '2025-08-14', outcome: 'again', closed_on: '2025-08-15', ...dsa }),
    revisit({ id: 22, mistake_id: 2, seq: 2, date: '2025-08-19', start: '11:00', ...dsa }),
    revisit({ id: 23, mistake_id: 2, seq: 3, date: '2025-08-17', outcome: 'solid', closed_on: '2025-08-17', ...dsa }),
  ],
  settled: false,
};

/** Made Mon 18 Aug, already settled. */
export const hashMistake: MistakeView = {
  id: 3,
  date: '2025-08-18',
  track: 'dsa',
  track_name: 'Python DSA',
  topic: 'Hashing',
  what: 'Used a list where a set was needed',
  fix: null,
  link: null,
  revisits: [
    revisit({ id: 31, mistake_id: 3, seq: 1, date: '2025-08-20', outcome: 'solid', closed_on: '2025-08-19', ...dsa, topic: 'Hashing' }),
    revisit({ id: 32, mistake_id: 3, seq: 2, date: '2025-08-25', outcome: 'solid', closed_on: '2025-08-19', ...dsa, topic: 'Hashing' }),
  ],
  settled: true,
};

export const TODAY = '2025-08-19';

/**
 * A core stand-in for the mistakes commands over a copy of the three mistakes. `revisit_close` applies the
 * rules (again: one more revisit two days after the later of its day and today) and refuses a closed revisit.
 */
export function mistakesCore(start: readonly MistakeView[] = [sparkMistake, windowMistake, hashMistake]) {
  const log: MistakeView[] = structuredClone([...start]);
  let nextId = 100;
  const all = () => structuredClone(log);
  return {
    mistakes_list: ({ due }: Record<string, unknown>) =>
      due ? all().filter((m) => m.revisits.some((r) => r.outcome === null && r.date <= TODAY)) : all(),
    revisits: ({ from, to }: Record<string, unknown>) =>
      all()
        .flatMap((m) => m.revisits)
        .filter((r) => r.date >= (from as string) && r.date <= (to as string)),
    revisit_close: ({ id, outcome }: Record<string, unknown>) => {
      const m = log.find((x) => x.revisits.some((r) => r.id === id))!;
      const r = m.revisits.find((x) => x.id === id)!;
      if (r.outcome !== null) {
        return Promise.reject({
          kind: 'conflict',
          message: `revisit ${String(id)} is already closed (${r.outcome} on ${r.closed_on})`,
          diagnostics: [],
        } satisfies ErrorBody);
      }
      r.outcome = outcome as RevisitOutcome;
      r.closed_on = TODAY;
      if (outcome === 'again') {
        const date = addDays(r.date > TODAY ? r.date : TODAY, 2);
        const seq = Math.max(...m.revisits.map((x) => x.seq)) + 1;
        m.revisits.push(revisit({ ...r, id: nextId++, seq, date, outcome: null, closed_on: null, block_id: null, start_utc: `${date}T07:00:00Z` }));
      }
      m.settled = m.revisits.every((x) => x.outcome !== null) && m.revisits.at(-1)?.outcome === 'solid';
      return structuredClone(m);
    },
  };
}
