import { memo, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import { appStore } from '../../store/appStore';
import type { AppState } from '../../store/types';
import { formatDuration } from '../route/duration';
import { histogramData } from './chartData';
import { RoundTrips, histogram, percentile } from './latency';
import type { ChartColors } from './themeColors';
import { withAlpha } from './themeColors';
import { UPlotChart } from './UPlotChart';
import { useThrottledValue } from './useThrottledValue';

const WIDTH = 520;
const HEIGHT = 180;
const BINS = 30;
/** The histogram catches up with new records at most twice a second. */
const LATENCY_REFRESH_MS = 500;
const selectVersion = (s: AppState) => s.traceVersion;

interface Marks {
  p50: number;
  p99: number;
}

/** Half a bin of room either side, so the first and last bars are whole (one bin: ±10%). */
function linearRange(u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  const xs = u.data[0];
  const half = xs.length > 1 ? (xs[1] - xs[0]) / 2 : Math.max(Math.abs(min) * 0.1, 0.001);
  return [min - half, max + half];
}

/** The same for log-spaced bins: half a bin is a factor, not a difference. */
function logRange(u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  const xs = u.data[0];
  const f = xs.length > 1 ? Math.sqrt(xs[1] / xs[0]) : 1.1;
  return [min / f, max * f];
}

function histogramOptions(colors: ChartColors, marks: { current: Marks }, log: boolean): uPlot.Options {
  const axis = { stroke: colors.muted, grid: { stroke: colors.border, width: 1 }, ticks: { stroke: colors.border, width: 1 } };
  const mark = (u: uPlot, v: number, color: string, label: string) => {
    if (!Number.isFinite(v)) return;
    const x = u.valToPos(v, 'x', true);
    const { ctx } = u;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = devicePixelRatio;
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.fillText(label, x + 3 * devicePixelRatio, u.bbox.top + 11 * devicePixelRatio);
    ctx.restore();
  };
  return {
    width: WIDTH,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: { x: log ? { time: false, distr: 3, log: 10, range: logRange } : { time: false, range: linearRange }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
    axes: [
      { ...axis, label: `round trip (ms${log ? ', log scale' : ''})`, labelSize: 18, size: 34 },
      { ...axis, label: 'requests', labelSize: 18, size: 44 },
    ],
    series: [
      {},
      { stroke: colors.accent, fill: withAlpha(colors.accent, 0.35), width: 0, paths: uPlot.paths.bars?.({ size: [0.92, 64] }), points: { show: false } },
    ],
    hooks: {
      draw: [
        (u) => {
          mark(u, marks.current.p50, colors.text, 'p50');
          mark(u, marks.current.p99, colors.error, 'p99');
        },
      ],
    },
  };
}

/** Request/reply round trips: a histogram with p50 and p99, measured from the trace as it grows. */
export const LatencyHistogram = memo(function LatencyHistogram({ colors }: { colors: ChartColors }) {
  const version = useThrottledValue(selectVersion, LATENCY_REFRESH_MS);
  const tracker = useRef<RoundTrips>(undefined);
  const marks = useRef<Marks>({ p50: Number.NaN, p99: Number.NaN });
  // update() is idempotent for a given ring state, so running it inside the memo is safe.
  const stats = useMemo(() => {
    tracker.current ??= new RoundTrips();
    tracker.current.update(appStore.getState().trace);
    const sorted = tracker.current.sorted();
    return { version, count: tracker.current.count, kept: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), bins: histogram(sorted, BINS) };
  }, [version]);
  marks.current = { p50: stats.p50, p99: stats.p99 };
  const log = stats.bins.log;
  const options = useMemo(() => histogramOptions(colors, marks, log), [colors, log]);
  const data = useMemo(() => histogramData(stats.bins), [stats]);

  if (stats.count === 0) {
    return (
      <p className="zs-muted" data-testid="latency-empty">
        No round trips yet: run a request/reply topology (a REQ or DEALER that gets replies).
      </p>
    );
  }
  return (
    <div className="zs-latency">
      <div className="zs-latency-numbers">
        <span>
          p50 <strong data-testid="latency-p50">{formatDuration(stats.p50)}</strong>
        </span>
        <span>
          p99 <strong data-testid="latency-p99">{formatDuration(stats.p99)}</strong>
        </span>
        <span className="zs-muted" data-testid="latency-count">
          {stats.count.toLocaleString('en-US')} round trip{stats.count === 1 ? '' : 's'}
          {stats.kept < stats.count ? ` (newest ${stats.kept.toLocaleString('en-US')} charted)` : ''}
        </span>
      </div>
      <UPlotChart options={options} data={data} className="zs-latency-chart" testId="latency-histogram" />
    </div>
  );
});
