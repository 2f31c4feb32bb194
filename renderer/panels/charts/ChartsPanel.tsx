import { memo } from 'react';
import { EdgeSparklines } from './EdgeSparklines';
import { LatencyHistogram } from './LatencyHistogram';
import { useChartColors } from './themeColors';

/** Live charts of the run: messages/s per edge, and request/reply round-trip latency. */
export const ChartsPanel = memo(function ChartsPanel() {
  const colors = useChartColors();
  return (
    <div className="zs-charts" data-testid="charts-panel">
      <section>
        <h2>Messages per second, per edge</h2>
        <EdgeSparklines colors={colors} />
      </section>
      <section>
        <h2>Round-trip latency (request → reply)</h2>
        <LatencyHistogram colors={colors} />
      </section>
    </div>
  );
});
