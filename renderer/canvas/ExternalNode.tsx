import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { SOCKET_INFO } from '../../shared/patterns';
import { displayName } from '../../shared/topology';
import type { ExternalFlowNode } from './flowTypes';
import { ProblemBadge, SocketHandle, WiringMarks, nodeClass } from './parts';
import { LIVE_PORTS, NodeLive } from './live/NodeLive';

/** A program outside the app: drawn dashed, never started by a run. */
function ExternalNodeView({ id, data, selected }: NodeProps<ExternalFlowNode>) {
  const { doc, problem, wiring } = data;
  const info = SOCKET_INFO[doc.socket];
  return (
    <div className={nodeClass('zs-external', `pattern-${info.pattern}`, problem && `problem-${problem}`, selected && 'selected')} title="an external program: the app talks to it but does not run it">
      <SocketHandle id="L" side="left" pattern={info.pattern} />
      <SocketHandle id="R" side="right" pattern={info.pattern} />
      <div className="zs-node-head">
        <span className="zs-type">{doc.socket}</span>
        <span className="zs-label">{displayName(doc)}</span>
        <ProblemBadge problem={problem} />
      </div>
      <div className="zs-node-body">external program{doc.command ? `: ${doc.command}` : ''}</div>
      <WiringMarks wiring={wiring} />
      {/* Its counts as the app's sockets saw them over its edges. */}
      <NodeLive node={id} ports={LIVE_PORTS.external} />
    </div>
  );
}

export const ExternalNode = memo(ExternalNodeView);
