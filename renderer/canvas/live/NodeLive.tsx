/**
 * A node's live strip, under its card during and after a run: a badge per socket from its
 * latest monitor event, and the node's sent/received counts. Each part reads its own figure,
 * so a stats update re-renders these small components and never the node.
 */
import { Fragment, memo } from 'react';
import { useLivePhase, useNodeFigures, usePortStatuses } from './useLive';
import { BADGES, badgeTitle, formatCount, gaugeParts, gaugeTitle, nodeTitle } from './liveText';

/** The ports whose sockets each node kind has (module constants, so memo props stay equal). */
export const LIVE_PORTS = {
  socket: [''],
  device: ['frontend', 'backend'],
  worker: ['in', 'out'],
  /** An external program is not run by the app: no socket events. */
  external: [],
} as const satisfies Record<string, readonly string[]>;

const SocketBadge = memo(function SocketBadge({ node, port, right }: { node: string; port: string; right: boolean }) {
  const status = usePortStatuses(node)?.[port];
  if (!status) return null;
  const badge = BADGES[status.kind];
  return (
    <span
      className={`zs-sock zs-sock-${badge.tone}${right ? ' zs-sock-right' : ''}`}
      data-testid="socket-badge"
      data-node={node}
      data-port={port}
      data-kind={status.kind}
      title={badgeTitle(port, status)}
    >
      {badge.text}
    </span>
  );
});

const NodeCounts = memo(function NodeCounts({ node }: { node: string }) {
  const f = useNodeFigures(node);
  if (!f) return null;
  return (
    <span
      className="zs-live-counts"
      data-testid="node-counts"
      data-node={node}
      data-sent={f.sent}
      data-received={f.received}
      title={nodeTitle(f)}
    >
      sent {formatCount(f.sent)} · recv {formatCount(f.received)}
    </span>
  );
});

/** Per sending socket, while messages are in flight or it blocked: the numbers and a bar of in flight against the mark. */
const NodeGauges = memo(function NodeGauges({ node, ports }: { node: string; ports: number }) {
  const gauges = useNodeFigures(node)?.gauges;
  if (!gauges) return null;
  return (
    <>
      {gauges.map((g) => (
        <span
          key={g.port}
          className={`zs-gauge${g.blockedMs > 0 ? ' zs-gauge-blocked' : ''}`}
          data-testid="node-gauge"
          data-node={node}
          data-port={g.port}
          data-in-flight={g.inFlight}
          data-blocked-ms={g.blockedMs}
          title={gaugeTitle(g)}
        >
          <span className="zs-gauge-bar" style={{ ['--fill' as string]: Math.min(1, g.inFlight / Math.max(1, g.sndhwm)) }} />
          {gaugeParts(g, ports > 1).map((part, i) => (
            <Fragment key={part}>
              {i > 0 ? ' · ' : ''}
              <span className="zs-gauge-part">{part}</span>
            </Fragment>
          ))}
        </span>
      ))}
    </>
  );
});

export const NodeLive = memo(function NodeLive({ node, ports }: { node: string; ports: readonly string[] }) {
  const phase = useLivePhase();
  if (phase === 'idle') return null;
  return (
    <div className={`zs-live-strip${ports.length > 1 ? ' zs-live-two' : ''}${phase === 'ended' ? ' zs-live-ended' : ''}`} data-testid="node-live">
      {ports.map((p, i) => (
        <SocketBadge key={p} node={node} port={p} right={i > 0} />
      ))}
      <NodeCounts node={node} />
      <NodeGauges node={node} ports={ports.length} />
    </div>
  );
});
