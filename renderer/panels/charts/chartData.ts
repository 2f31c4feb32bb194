/** Store data shaped for uPlot (columns: x values, then each series). Pure. */
import type { Histogram } from './latency';

/** The engine sends stats every 250 ms: one rate sample per edge each time. */
export const STATS_PERIOD_S = 0.25;

/** Rate samples (oldest first) against seconds before the newest one (… −0.5, −0.25, 0). */
export function sparklineData(rates: readonly number[]): [number[], number[]] {
  const n = rates.length;
  return [rates.map((_, i) => (i - n + 1) * STATS_PERIOD_S), [...rates]];
}

/** Bin centres (ms; geometric centres for log bins) and counts. */
export function histogramData(h: Histogram): [number[], number[]] {
  const centres = h.counts.map((_, i) => (h.log ? Math.sqrt(h.edges[i] * h.edges[i + 1]) : (h.edges[i] + h.edges[i + 1]) / 2));
  return [centres, [...h.counts]];
}
