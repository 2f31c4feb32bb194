import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { displayName } from '../../shared/topology';
import { SOCKET_INFO } from '../../shared/patterns';
import type { WorkerFlowNode } from './flowTypes';
import { PortRow } from './PortRow';
import { behaviorSummary } from './summary';
import { ProblemBadge, nodeClass } from './parts';
import { LIVE_PORTS, NodeLive } from './live/NodeLive';
import { NodeLifeBadge } from './NodeLifeBadge';

/** A worker: takes messages on `in`, processes them, sends results on `out`. */
function WorkerNodeView({ id, data, selected }: NodeProps<WorkerFlowNode>) {
  const { doc, problem } = data;
  return (
    <div className={nodeClass('zs-worker', `pattern-${SOCKET_INFO[doc.output].pattern}`, problem && `problem-${problem}`, selected && 'selected')}>
      <div className="zs-node-head">
        <span className="zs-type">WORKER</span>
        <span className="zs-label">{displayName(doc)}</span>
        <ProblemBadge problem={problem} />
      </div>
      <div className="zs-node-body">{behaviorSummary(doc.behavior)}</div>
      <PortRow left="in" leftType={doc.input} right="out" rightType={doc.output} />
      <NodeLive node={id} ports={LIVE_PORTS.worker} />
      <NodeLifeBadge id={id} />
    </div>
  );
}

export const WorkerNode = memo(WorkerNodeView);
