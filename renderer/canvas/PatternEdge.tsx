import { memo } from 'react';
import type { CSSProperties } from 'react';
import type { EdgeProps } from '@xyflow/react';
import { BaseEdge, EdgeLabelRenderer, Position, getBezierPath } from '@xyflow/react';
import { appStore } from '../store/appStore';
import { isTwoWay } from '../store/wiring';
import type { PatternFlowEdge, Problem } from './flowTypes';
import { useEdgePath } from './live/edgePaths';
import { EdgeLive } from './live/EdgeLive';
import { FaultBadge } from './FaultBadge';

const BIND_OFFSET = 26;
const dir = (p: Position): number => (p === Position.Left ? -1 : p === Position.Right ? 1 : 0);
const away = (p: Position): number => dir(p) * BIND_OFFSET;

/** Inline rather than CSS: image export (html-to-image) copies no stylesheet rules onto SVG paths. */
function edgeStyle(pattern: string, selected: boolean | undefined, problem: Problem): CSSProperties {
  return {
    stroke: `var(--pattern-${pattern})`,
    strokeWidth: selected ? 3.5 : 2,
    strokeDasharray: problem === 'error' ? '6 4' : undefined,
  };
}

/**
 * An edge in its pattern's colour, with arrows the way messages flow (both ends for req/rep and
 * pair), the endpoint in the middle and a "bind" mark at the end that binds.
 */
function PatternEdgeView(props: EdgeProps<PatternFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerStart, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const pattern = data?.doc.pattern ?? 'pipeline';
  const twoWay = isTwoWay(pattern);
  // The flow overlay draws the messages along this very path.
  useEdgePath(id, path, pattern, twoWay);
  if (!data) return null;
  const { doc, problem } = data;
  const atSource = doc.bind === 'source';
  const bindX = atSource ? sourceX + away(sourcePosition) : targetX + away(targetPosition);
  const bindY = (atSource ? sourceY : targetY) - 11;
  const cls = `pattern-${doc.pattern}${problem ? ` problem-${problem}` : ''}${selected ? ' selected' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} className={`zs-edge ${cls}`} style={edgeStyle(doc.pattern, selected, problem)} markerEnd={markerEnd} markerStart={markerStart} interactionWidth={16} />
      <EdgeLabelRenderer>
        <div
          className={`zs-edge-label nodrag nopan ${cls}`}
          data-edge={id}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          onClick={() => appStore.getState().select({ edges: [id] })}
          title={`${doc.pattern} edge ${id}: ${doc.source} → ${doc.target}`}
        >
          {doc.label ? `${doc.label} · ` : ''}
          {doc.endpoint}
          <EdgeLive id={id} twoWay={twoWay} source={doc.source} target={doc.target} />
          <FaultBadge id={id} />
        </div>
        <div className={`zs-bind-mark pattern-${doc.pattern}`} style={{ transform: `translate(-50%, -50%) translate(${bindX}px, ${bindY}px)` }}>
          bind
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const PatternEdge = memo(PatternEdgeView);
