import { memo, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface Props {
  /** A new options object rebuilds the chart (size, colours); keep it memoised. */
  options: uPlot.Options;
  data: uPlot.AlignedData;
  className?: string;
  testId?: string;
}

/** uPlot in React: built when its options change, fed new data with setData (no rebuild). */
export const UPlotChart = memo(function UPlotChart({ options, data, className, testId }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | undefined>(undefined);
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    if (!host.current) return;
    const u = new uPlot(options, latest.current, host.current);
    chart.current = u;
    return () => {
      u.destroy();
      chart.current = undefined;
    };
  }, [options]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  return <div ref={host} className={className} data-testid={testId} />;
});
