// Draws a bar chart config on a canvas with a tree-shaken Chart.js; does nothing where canvas can't draw (jsdom).
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartTheme, ProgressChartConfig } from './chartConfig';
import { FALLBACK_THEME } from './chartConfig';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export type DrawnChart = { destroy(): void };

/** The chart on `canvas`, or null when the canvas has no 2D context (tests, very old webviews). */
export function drawChart(canvas: HTMLCanvasElement, config: ProgressChartConfig): DrawnChart | null {
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = canvas.getContext('2d');
  } catch {
    context = null;
  }
  if (!context) return null;
  return new Chart(canvas, config);
}

/** Colours from the page's CSS custom properties at `el` (they change with the OS light/dark setting). */
export function readTheme(el: Element): ChartTheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--fg-muted', FALLBACK_THEME.text),
    grid: v('--border', FALLBACK_THEME.grid),
    edge: v('--chip-border', FALLBACK_THEME.edge),
    font: css.fontFamily || FALLBACK_THEME.font,
    reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
  };
}
