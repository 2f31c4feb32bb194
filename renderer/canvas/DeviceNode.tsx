import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { DEVICE_PORTS, displayName } from '../../shared/topology';
import { SOCKET_INFO } from '../../shared/patterns';
import type { DeviceFlowNode } from './flowTypes';
import { PortRow } from './PortRow';
import { ProblemBadge, nodeClass } from './parts';
import { LIVE_PORTS, NodeLive } from './live/NodeLive';
import { NodeLifeBadge } from './NodeLifeBadge';

const ROLE = { queue: 'request/reply broker', forwarder: 'pub/sub proxy', streamer: 'pipeline proxy' } as const;

/** A queue, forwarder or streamer: frontend on the left, backend on the right. */
function DeviceNodeView({ id, data, selected }: NodeProps<DeviceFlowNode>) {
  const { doc, problem } = data;
  const ports = DEVICE_PORTS[doc.device];
  const pattern = SOCKET_INFO[ports.frontend].pattern;
  return (
    <div className={nodeClass('zs-device', `pattern-${pattern}`, problem && `problem-${problem}`, selected && 'selected')}>
      <div className="zs-node-head">
        <span className="zs-type">{doc.device.toUpperCase()}</span>
        <span className="zs-label">{displayName(doc)}</span>
        <ProblemBadge problem={problem} />
      </div>
      <div className="zs-node-body">{ROLE[doc.device]}</div>
      <PortRow left="frontend" leftType={ports.frontend} right="backend" rightType={ports.backend} />
      <NodeLive node={id} ports={LIVE_PORTS.device} />
      <NodeLifeBadge id={id} />
    </div>
  );
}

export const DeviceNode = memo(DeviceNodeView);
