// Mistakes log words and grouping: revisit names and states, the dates named after logging, what closing
// did, which links may be opened, weeks of the log; and a revisit as a calendar event.
import { describe, expect, it } from 'vitest';
import { hashMistake, revisit, sparkMistake, windowMistake } from '../../../test/mistakeFixtures';
import { REVISIT_MINUTES, revisitToEvent } from '../calendar/revisitEvents';
import { eventData, eventTestId } from '../calendar/events';
import { closedText, dayList, groupByWeek, revisitName, revisitState, revisitsText, webLink } from './mistakes';

describe('mistakes words', () => {
  it('names the revisits as the plan does', () => {
    expect([1, 2, 3, 4].map(revisitName)).toEqual(['48-hour revisit', 'One-week revisit', 'Extra revisit', 'Extra revisit']);
    expect(revisitState(sparkMistake.revisits[0]!)).toBe('open');
    expect(revisitState(windowMistake.revisits[0]!)).toBe('again');
  });

  it('names the open revisits after logging', () => {
    expect(revisitsText(sparkMistake)).toBe('Revisits on Thu 21 Aug and Tue 26 Aug');
    expect(revisitsText(windowMistake)).toBe('Revisit on Tue 19 Aug');
    expect(revisitsText(hashMistake)).toBe('No revisits planned');
    expect(dayList(['2025-08-21', '2025-08-23', '2025-08-26'])).toBe('Thu 21 Aug, Sat 23 Aug and Tue 26 Aug');
    expect(dayList([])).toBe('');
  });

  it('says what closing did', () => {
    expect(closedText(sparkMistake, 'solid')).toBe('Marked solid.');
    expect(closedText(hashMistake, 'solid')).toBe('Solid: this mistake is settled.');
    const again = {
      ...windowMistake,
      revisits: [...windowMistake.revisits, revisit({ id: 24, mistake_id: 2, seq: 4, date: '2025-08-21' })],
    };
    expect(closedText(again, 'again')).toBe('Again: one more revisit on Thu 21 Aug.');
  });

  it('opens only http and https links, as written', () => {
    expect(webLink('https://spark.apache.org/docs')).toBe('https://spark.apache.org/docs');
    expect(webLink(' http://example.org ')).toBe('http://example.org');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'mailto:a@b.c', 'not a url', '', null]) {
      expect(webLink(bad)).toBeNull();
    }
  });

  it('groups by the Monday-first week of the mistake, newest week and newest mistake first', () => {
    const weeks = groupByWeek([windowMistake, hashMistake, sparkMistake]);
    expect(weeks.map((w) => [w.start, w.mistakes.map((m) => m.id)])).toEqual([
      ['2025-08-18', [1, 3]],
      ['2025-08-11', [2]],
    ]);
    // Same day: the later logged first.
    const twin = { ...sparkMistake, id: 9 };
    expect(groupByWeek([sparkMistake, twin])[0]!.mistakes.map((m) => m.id)).toEqual([9, 1]);
  });
});

describe('revisit events', () => {
  it('are their own kind: labelled, classed, fixed in place, half an hour from their start', () => {
    const r = sparkMistake.revisits[0]!;
    const e = revisitToEvent(r);
    expect(e.id).toBe('revisit:11');
    expect(e.title).toBe('↻ Revisit: Spark DataFrames, Delta Lake');
    expect(e.classNames).toEqual(['sp-revisit', 'sp-revisit-open']);
    expect([e.startEditable, e.durationEditable]).toEqual([false, false]);
    expect(e.start).toEqual(new Date(Date.UTC(2025, 7, 21, 9, 0)));
    expect((e.end as Date).getTime() - (e.start as Date).getTime()).toBe(REVISIT_MINUTES * 60_000);
    const data = eventData({ extendedProps: e.extendedProps ?? {} });
    expect(data).toEqual({ kind: 'revisit', revisit: r });
    expect(eventTestId(data!)).toBe('cal-revisit-11');
    expect(revisitToEvent(windowMistake.revisits[0]!).classNames).toEqual(['sp-revisit', 'sp-revisit-again']);
  });
});
