import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { SOCKET_INFO } from '../../shared/patterns';
import { displayName } from '../../shared/topology';
import type { SocketFlowNode } from './flowTypes';
import { behaviorSummary } from './summary';
import { ProblemBadge, SocketHandle, WiringMarks, nodeClass } from './parts';
import { LIVE_PORTS, NodeLive } from './live/NodeLive';
import { NodeLifeBadge } from './NodeLifeBadge';

/** One socket and its behaviour. */
function SocketNodeView({ id, data, selected }: NodeProps<SocketFlowNode>) {
  const { doc, problem, wiring } = data;
  const info = SOCKET_INFO[doc.socket];
  return (
    <div className={nodeClass(`pattern-${info.pattern}`, problem && `problem-${problem}`, selected && 'selected')} title={info.summary}>
      <SocketHandle id="L" side="left" pattern={info.pattern} />
      <SocketHandle id="R" side="right" pattern={info.pattern} />
      <div className="zs-node-head">
        <span className="zs-type">{doc.socket}</span>
        <span className="zs-label">{displayName(doc)}</span>
        <ProblemBadge problem={problem} />
      </div>
      <div className="zs-node-body">{behaviorSummary(doc.behavior)}</div>
      <WiringMarks wiring={wiring} />
      <NodeLive node={id} ports={LIVE_PORTS.socket} />
      <NodeLifeBadge id={id} />
    </div>
  );
}

export const SocketNode = memo(SocketNodeView);
