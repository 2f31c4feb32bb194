/** Small pieces shared by the node components: handles, bind/connect marks, problem badge. */
import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { Pattern } from '../../shared/patterns';
import type { Problem, Wiring } from './flowTypes';

/**
 * One handle of a socket or port. Every handle is a "source": the canvas runs in loose mode, so a
 * drag may start or end on any handle and the store decides which end sends.
 */
export const SocketHandle = memo(function SocketHandle(props: { id: string; side: 'left' | 'right'; pattern: Pattern }) {
  return (
    <Handle
      type="source"
      id={props.id}
      position={props.side === 'left' ? Position.Left : Position.Right}
      className={`zs-handle pattern-${props.pattern}`}
    />
  );
});

export const WiringMarks = memo(function WiringMarks({ wiring }: { wiring: Wiring }) {
  if (wiring.binds === 0 && wiring.connects === 0) return <div className="zs-marks zs-muted">not wired</div>;
  return (
    <div className="zs-marks">
      {wiring.binds > 0 && <span className="zs-mark zs-mark-bind" title="binds an endpoint">bind ×{wiring.binds}</span>}
      {wiring.connects > 0 && <span className="zs-mark" title="connects to an endpoint">connect ×{wiring.connects}</span>}
    </div>
  );
});

export const ProblemBadge = memo(function ProblemBadge({ problem }: { problem: Problem }) {
  if (!problem) return null;
  return (
    <span className={`zs-badge zs-badge-${problem}`} title={`has ${problem}s: see Diagnostics`}>
      {problem === 'error' ? '✕' : '!'}
    </span>
  );
});

export function nodeClass(...parts: (string | false | undefined)[]): string {
  return ['zs-node', ...parts.filter(Boolean)].join(' ');
}
