// Pure: the Chart.js bar chart (planned vs done minutes per track per week) built from core's ProgressView.
import type { ChartConfiguration, ChartDataset, LegendItem, TooltipItem } from 'chart.js';
import type { ProgressView } from '../../bindings/ProgressView';
import type { WeekProgress } from '../../bindings/WeekProgress';
import { formatDuration } from '../../format';
import { trackColour } from '../../tracks';

/** Colours the chart takes from the page (CSS custom properties), so it follows light/dark. */
export type ChartTheme = { text: string; grid: string; edge: string; font: string; reducedMotion: boolean };

export const FALLBACK_THEME: ChartTheme = {
  text: '#4f5560',
  grid: '#c9ced6',
  edge: 'rgba(0, 0, 0, 0.45)',
  font: 'system-ui, sans-serif',
  reducedMotion: false,
};

export type Stack = 'planned' | 'done';

/** One track's minutes, week by week (0 where the track has nothing that week). */
export type TrackSeries = { track: string; name: string; planned: number[]; done: number[] };

/** Tracks in the order core lists them (plan order), with a value for every week. */
export function trackSeries(weeks: WeekProgress[]): TrackSeries[] {
  const byTrack = new Map<string, TrackSeries>();
  weeks.forEach((week, w) => {
    for (const t of week.tracks) {
      let s = byTrack.get(t.track);
      if (!s) {
        s = {
          track: t.track,
          name: t.track_name,
          planned: weeks.map(() => 0),
          done: weeks.map(() => 0),
        };
        byTrack.set(t.track, s);
      }
      s.planned[w] = t.planned;
      s.done[w] = t.done;
    }
  });
  return [...byTrack.values()];
}

/** True when no week has any planned or done minutes: nothing to draw. */
export function isEmptyProgress(view: ProgressView): boolean {
  return view.weeks.every((w) => w.tracks.every((t) => t.planned === 0 && t.done === 0));
}

/** "#E69F00" → "#E69F0055": the planned bar is the track colour, see-through. */
function translucent(hex: string): string {
  return /^#[0-9a-f]{6}$/i.test(hex) ? `${hex}55` : hex;
}

const HOUR_STEPS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50] as const;

/** A y-axis step of whole hours giving at most about six lines. */
export function hourStep(maxMinutes: number): number {
  const hours = maxMinutes / 60 / 6;
  for (const h of HOUR_STEPS) if (hours <= h) return h * 60;
  return 100 * 60;
}

/** The tallest stack, in minutes. */
function tallest(series: TrackSeries[], weeks: number): number {
  let max = 0;
  for (let w = 0; w < weeks; w++) {
    const planned = series.reduce((sum, s) => sum + (s.planned[w] ?? 0), 0);
    const done = series.reduce((sum, s) => sum + (s.done[w] ?? 0), 0);
    max = Math.max(max, planned, done);
  }
  return max;
}

export type ProgressChartConfig = ChartConfiguration<'bar', number[], string>;

/**
 * Two stacked bars per week: planned (left, see-through) and done (right, solid), one segment per track.
 * Datasets come in pairs per track: [planned, done]; the legend lists each track once.
 */
export function buildChartConfig(view: ProgressView, theme: ChartTheme = FALLBACK_THEME): ProgressChartConfig {
  const series = trackSeries(view.weeks);
  const datasets: ChartDataset<'bar', number[]>[] = series.flatMap((s) => {
    const colour = trackColour(s.track);
    return [
      {
        label: `${s.name} (planned)`,
        stack: 'planned' satisfies Stack,
        data: s.planned,
        backgroundColor: translucent(colour),
        borderColor: colour,
        borderWidth: 1.5,
      },
      {
        label: s.name,
        stack: 'done' satisfies Stack,
        data: s.done,
        backgroundColor: colour,
        borderColor: theme.edge,
        borderWidth: 1,
      },
    ];
  });
  const weekTitle = (i: number) => {
    const w = view.weeks[i];
    return w ? `Week ${w.number} · ${w.title}` : '';
  };
  return {
    type: 'bar',
    data: { labels: view.weeks.map((w) => `W${w.number}`), datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: theme.reducedMotion ? false : { duration: 300 },
      color: theme.text,
      font: { family: theme.font },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, ticks: { color: theme.text }, grid: { display: false }, border: { color: theme.grid } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: {
            color: theme.text,
            stepSize: hourStep(tallest(series, view.weeks.length)),
            callback: (v) => formatDuration(Number(v)),
          },
          grid: { color: theme.grid },
          border: { display: false },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            color: theme.text,
            // One entry per track, named as in the plan (the "done" dataset of each pair).
            filter: (item: LegendItem) => (item.datasetIndex ?? 0) % 2 === 1,
          },
          // Hiding a track hides both of its bars.
          onClick: (_e, item, legend) => {
            const i = item.datasetIndex;
            if (i === undefined) return;
            const chart = legend.chart;
            const visible = !chart.isDatasetVisible(i);
            chart.setDatasetVisibility(i, visible);
            chart.setDatasetVisibility(i - 1, visible);
            chart.update();
          },
        },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => weekTitle(items[0]?.dataIndex ?? -1),
            label: (item: TooltipItem<'bar'>) => {
              const s = series[Math.floor(item.datasetIndex / 2)];
              const what = item.datasetIndex % 2 === 0 ? 'planned' : 'done';
              return `${s?.name ?? ''} ${what}: ${formatDuration(item.parsed.y ?? 0)}`;
            },
          },
        },
      },
    },
  };
}
