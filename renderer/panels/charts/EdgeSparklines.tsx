import { memo, useMemo } from 'react';
import type uPlot from 'uplot';
import { useAppStore } from '../../store/appStore';
import type { AppState } from '../../store/types';
import type { Edge } from '../../../shared/topology';
import { STATS_PERIOD_S, sparklineData } from './chartData';
import type { ChartColors } from './themeColors';
import { withAlpha } from './themeColors';
import { UPlotChart } from './UPlotChart';
import { useThrottledValue } from './useThrottledValue';

const WIDTH = 220;
const HEIGHT = 46;
/** The sparklines redraw at most this often, whatever the engine's stats rate. */
const SPARK_REFRESH_MS = 500;
const selectHistory = (s: AppState) => s.rateHistory;
const selectStats = (s: AppState) => s.edgeStats;

function sparkOptions(color: string): uPlot.Options {
  return {
    width: WIDTH,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    axes: [{ show: false }, { show: false }],
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] } },
    series: [{}, { stroke: color, fill: withAlpha(color, 0.18), width: 1.5, points: { show: false } }],
    padding: [4, 2, 2, 2],
  };
}

const Sparkline = memo(function Sparkline({ edge, history, colors }: { edge: Edge; history: readonly number[]; colors: ChartColors }) {
  const options = useMemo(() => sparkOptions(colors.pattern(edge.pattern)), [colors, edge.pattern]);
  const data = useMemo(() => sparklineData(history), [history]);
  return <UPlotChart options={options} data={data} className="zs-spark-chart" />;
});

/** One small chart per edge: its messages/s over the last two minutes, in the edge's pattern colour. */
export const EdgeSparklines = memo(function EdgeSparklines({ colors }: { colors: ChartColors }) {
  const history = useThrottledValue(selectHistory, SPARK_REFRESH_MS);
  const edges = useAppStore((s) => s.topology.edges);
  const stats = useThrottledValue(selectStats, SPARK_REFRESH_MS);
  if (edges.length === 0) return <p className="zs-muted">No edges to chart.</p>;
  return (
    <div className="zs-sparks">
      {edges.map((e) => {
        const h = history[e.id] ?? [];
        const now = h.length > 0 ? h[h.length - 1] : 0;
        const peak = h.reduce((a, b) => Math.max(a, b), 0);
        return (
          <figure key={e.id} className={`zs-spark pattern-${e.pattern}`} data-testid="sparkline" data-edge={e.id} data-samples={h.length}>
            <figcaption>
              <span className="zs-spark-name" title={`${e.source} → ${e.target}`}>{e.label ?? e.id}</span>
              <span className="zs-spark-rate" data-testid="spark-rate">{Math.round(now).toLocaleString('en-US')} msg/s</span>
            </figcaption>
            <Sparkline edge={e} history={h} colors={colors} />
            <div className="zs-spark-meta zs-muted">
              {(stats[e.id]?.messages ?? 0).toLocaleString('en-US')} messages · peak {Math.round(peak).toLocaleString('en-US')}/s · last {Math.round(h.length * STATS_PERIOD_S)} s
            </div>
          </figure>
        );
      })}
    </div>
  );
});
