import { memo, useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { startFlowPainter } from './flowPainter';
import { edgePaths } from './edgePaths';
import { liveFigures } from './useLive';

/**
 * One canvas over the React Flow viewport on which messages travel their edges during a run.
 * It never re-renders: the painter reads the viewport and the deliveries itself, and it lets
 * every pointer event through to the diagram beneath.
 */
export const FlowOverlay = memo(function FlowOverlay() {
  const ref = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    return startFlowPainter({ canvas, transform: () => flow.getState().transform, live: liveFigures, paths: edgePaths });
  }, [flow]);
  return <canvas ref={ref} className="zs-flow-overlay" data-testid="flow-overlay" aria-hidden="true" />;
});
