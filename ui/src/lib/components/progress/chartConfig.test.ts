// chartConfig.ts: the data handed to Chart.js — planned vs done minutes per track per week, track colours, legend.
import type { LegendItem, TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import type { ProgressView } from '../../bindings/ProgressView';
import { progress } from '../../../test/fixtures';
import { OKABE_ITO, registerTracks } from '../../tracks';
import { buildChartConfig, hourStep, isEmptyProgress, trackSeries } from './chartConfig';

describe('trackSeries', () => {
  it('gives every track a value for every week, in plan order, 0 where a week lacks the track', () => {
    const weeks: ProgressView['weeks'] = [
      { ...progress.weeks[0]!, tracks: [{ track: 'de', track_name: 'Data Engineering', planned: 60, done: 30 }] },
      { ...progress.weeks[1]!, tracks: [{ track: 'sql', track_name: 'SQL', planned: 45, done: 45 }] },
    ];
    expect(trackSeries(weeks)).toEqual([
      { track: 'de', name: 'Data Engineering', planned: [60, 0], done: [30, 0] },
      { track: 'sql', name: 'SQL', planned: [0, 45], done: [0, 45] },
    ]);
  });
});

describe('buildChartConfig', () => {
  it('has a stacked "planned" and a stacked "done" bar per week, one segment per track', () => {
    registerTracks(['de', 'dsa']);
    const config = buildChartConfig(progress);
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['W1', 'W2', 'W3']);
    expect(
      config.data.datasets.map((d) => ({ label: d.label, stack: d.stack, data: d.data, colour: d.backgroundColor })),
    ).toEqual([
      { label: 'Data Engineering (planned)', stack: 'planned', data: [600, 600, 540], colour: `${OKABE_ITO[0]}55` },
      { label: 'Data Engineering', stack: 'done', data: [540, 450, 90], colour: OKABE_ITO[0] },
      { label: 'Python DSA (planned)', stack: 'planned', data: [300, 300, 270], colour: `${OKABE_ITO[1]}55` },
      { label: 'Python DSA', stack: 'done', data: [300, 120, 45], colour: OKABE_ITO[1] },
    ]);
    expect(config.options?.scales?.x?.stacked).toBe(true);
    expect(config.options?.scales?.y?.stacked).toBe(true);
  });

  it('lists each track once in the legend, by its name', () => {
    const config = buildChartConfig(progress);
    const filter = config.options?.plugins?.legend?.labels?.filter;
    expect(filter).toBeTypeOf('function');
    const items = config.data.datasets.map((d, i) => ({ text: d.label ?? '', datasetIndex: i }) as LegendItem);
    const shown = items.filter((item) => filter!(item, config.data));
    expect(shown.map((i) => i.text)).toEqual(['Data Engineering', 'Python DSA']);
  });

  it('labels the y axis in hours and minutes and names the week and bar in tooltips', () => {
    const config = buildChartConfig(progress);
    const y = config.options?.scales?.y;
    expect((y?.ticks as { stepSize?: number } | undefined)?.stepSize).toBe(180); // tallest stack 900 min = 15 h → a line every 3 h
    const tick = y?.ticks?.callback as (v: number) => string;
    expect(tick(90)).toBe('1 h 30');

    const callbacks = config.options?.plugins?.tooltip?.callbacks;
    const item = { datasetIndex: 3, dataIndex: 2, parsed: { x: 2, y: 45 } } as TooltipItem<'bar'>;
    const title = callbacks?.title as (items: TooltipItem<'bar'>[]) => string;
    const label = callbacks?.label as (item: TooltipItem<'bar'>) => string;
    expect(title([item])).toBe('Week 3 · Spark + Delta');
    expect(label(item)).toBe('Python DSA done: 45 min');
    expect(label({ ...item, datasetIndex: 0, parsed: { x: 2, y: 540 } } as TooltipItem<'bar'>)).toBe(
      'Data Engineering planned: 9 h',
    );
  });

  it('takes its text and grid colours from the theme and can skip animation', () => {
    const config = buildChartConfig(progress, {
      text: '#b4bac4',
      grid: '#454a52',
      edge: 'white',
      font: 'Cantarell',
      reducedMotion: true,
    });
    expect(config.options?.plugins?.legend?.labels?.color).toBe('#b4bac4');
    expect(config.options?.scales?.y?.grid?.color).toBe('#454a52');
    expect(config.options?.animation).toBe(false);
    expect(config.data.datasets[1]?.borderColor).toBe('white');
  });
});

describe('isEmptyProgress and hourStep', () => {
  it('knows when there is nothing to draw', () => {
    expect(isEmptyProgress(progress)).toBe(false);
    expect(isEmptyProgress({ ...progress, weeks: progress.weeks.map((w) => ({ ...w, tracks: [] })) })).toBe(true);
    expect(isEmptyProgress({ ...progress, weeks: [] })).toBe(true);
  });

  it('steps the axis in whole hours', () => {
    expect(hourStep(0)).toBe(60);
    expect(hourStep(300)).toBe(60);
    expect(hourStep(900)).toBe(180);
    expect(hourStep(2400)).toBe(480);
  });
});
