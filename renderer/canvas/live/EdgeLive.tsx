import { memo } from 'react';
import { useEdgeFigures, useLivePhase } from './useLive';
import { edgeLine, edgeTitle } from './liveText';

/**
 * The edge label's live line: messages each way (`→ 5 · ← 5`) or in all, msgs/s while the
 * run is live, and what a fault on the edge dropped. Reads only this edge's figure; nothing while no run has happened.
 */
export const EdgeLive = memo(function EdgeLive(props: { id: string; twoWay: boolean; source: string; target: string }) {
  const phase = useLivePhase();
  const f = useEdgeFigures(props.id);
  if (phase === 'idle' || !f) return null;
  return (
    <div
      className={`zs-edge-live${phase === 'ended' ? ' zs-live-ended' : ''}`}
      data-testid="edge-live"
      data-forward={f.forward}
      data-back={f.back}
      data-messages={f.messages}
      data-dropped={f.dropped ?? 0}
      title={edgeTitle(f, props.source, props.target)}
    >
      {edgeLine(f, props.twoWay)}
    </div>
  );
});
