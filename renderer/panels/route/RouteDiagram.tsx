import { memo } from 'react';
import { appStore } from '../../store/appStore';
import type { TraceRecord } from '../../../shared/trace';
import type { Lane, Route, RouteStep } from './route';
import { laneKey } from './route';
import { formatDuration } from './duration';

const LANE_W = 170;
const PAD = 24;
const HEAD = 52;
const ROW = 34;
const LOOP = 26;

interface Props {
  route: Route;
  labels: ReadonlyMap<string, string>;
  /** Edge id → its pattern, for colour. */
  patterns: ReadonlyMap<string, string>;
}

const laneX = (i: number): number => PAD + LANE_W * i + LANE_W / 2;

function Arrowhead({ x, y, dir }: { x: number; y: number; dir: 1 | -1 }) {
  return <polygon className="zs-route-head" points={`${x},${y} ${x - 8 * dir},${y - 4.5} ${x - 8 * dir},${y + 4.5}`} />;
}

function describe(r: TraceRecord | undefined, labels: ReadonlyMap<string, string>): string {
  if (!r) return 'outside the app';
  const name = labels.get(r.node) ?? r.node;
  return `${name}${r.port ? ` ${r.port}` : ''} (${r.dir === 'out' ? 'sent' : 'received'} at ${r.t.toFixed(3)} ms)`;
}

function select(step: RouteStep): void {
  const s = appStore.getState();
  const rec = step.to ?? step.from;
  if (rec) s.selectRecord(rec.seq);
  if (step.kind === 'wire' && step.edge !== 'unknown') s.focusOn({ edgeId: step.edge });
}

interface StepProps {
  step: RouteStep;
  y: number;
  lanes: ReadonlyMap<string, number>;
  labels: ReadonlyMap<string, string>;
  patterns: ReadonlyMap<string, string>;
}

const at = (lanes: ReadonlyMap<string, number>, r: TraceRecord | undefined): number | undefined => (r ? lanes.get(laneKey(r.node, r.port)) : undefined);

/** One hop on the wire (solid, in the edge's pattern colour) or one step inside a node (dashed). */
function StepView({ step, y, lanes, labels, patterns }: StepProps) {
  const a = at(lanes, step.from);
  const b = at(lanes, step.to);
  const title = `${step.kind === 'wire' ? `message #${step.msg} over ${step.edge}` : 'inside the node'}\nfrom ${describe(step.from, labels)}\nto ${describe(step.to, labels)}${step.to?.preview || step.from?.preview ? `\n"${step.to?.preview ?? step.from?.preview}"` : ''}`;
  if (step.kind === 'internal') {
    const x = laneX(a ?? 0);
    const verb = step.from.port !== step.to.port ? 'forwarded in' : 'answered in';
    if (a !== undefined && b !== undefined && a !== b) {
      const x2 = laneX(b);
      const d = x2 > x ? 1 : -1;
      return (
        <g className="zs-route-step zs-route-internal" data-testid="route-internal" data-node={step.node} onClick={() => select(step)}>
          <title>{title}</title>
          <line x1={x} y1={y} x2={x2 - 2 * d} y2={y} />
          <Arrowhead x={x2} y={y} dir={d} />
          <text x={(x + x2) / 2} y={y - 6} textAnchor="middle">{`${verb} ${formatDuration(step.latency)}`}</text>
        </g>
      );
    }
    return (
      <g className="zs-route-step zs-route-internal" data-testid="route-internal" data-node={step.node} onClick={() => select(step)}>
        <title>{title}</title>
        <path d={`M ${x} ${y - 12} h ${LOOP} v 24 h ${-LOOP + 8}`} fill="none" />
        <Arrowhead x={x} y={y + 12} dir={-1} />
        <text x={x + LOOP + 6} y={y + 4}>{`${verb} ${formatDuration(step.latency)}`}</text>
      </g>
    );
  }
  const pattern = patterns.get(step.edge) ?? 'external';
  const x1 = a !== undefined ? laneX(a) : PAD / 2;
  // A send nobody received points half a lane towards the middle of the diagram.
  const x2 = b !== undefined ? laneX(b) : x1 + (a === lanes.size - 1 && a > 0 ? -LANE_W / 2 : LANE_W / 2);
  const d = x2 >= x1 ? 1 : -1;
  const label = `${step.edge} · ${step.latency !== undefined ? formatDuration(step.latency) : step.to ? 'from outside' : 'not received'}`;
  return (
    <g className={`zs-route-step zs-route-hop pattern-${pattern}${step.to ? '' : ' zs-route-missing'}`} data-testid="route-hop" data-edge={step.edge}
      data-from={step.from?.node ?? ''} data-to={step.to?.node ?? ''} onClick={() => select(step)}>
      <title>{title}</title>
      <circle cx={x1} cy={y} r={3} />
      <line x1={x1} y1={y} x2={x2 - 2 * d} y2={y} />
      {step.to ? <Arrowhead x={x2} y={y} dir={d} /> : <text x={x2 + 4 * d} y={y + 4} textAnchor={d > 0 ? 'start' : 'end'} className="zs-route-x">✕</text>}
      <text x={(x1 + x2) / 2} y={y - 7} textAnchor="middle" className="zs-route-label">{label}</text>
    </g>
  );
}

function LaneHead({ lane, i, labels }: { lane: Lane; i: number; labels: ReadonlyMap<string, string> }) {
  const x = laneX(i);
  return (
    <g className="zs-route-lane" data-testid="route-lane" data-node={lane.node} data-port={lane.port}>
      <rect x={x - LANE_W / 2 + 8} y={4} width={LANE_W - 16} height={HEAD - 14} rx={6} />
      <text x={x} y={21} textAnchor="middle" className="zs-route-lane-name">{labels.get(lane.node) ?? lane.node}</text>
      <text x={x} y={35} textAnchor="middle" className="zs-route-lane-sub">{lane.port ? `${lane.port} · ${lane.socket}` : lane.socket}</text>
    </g>
  );
}

/** A sequence diagram: a lifeline per socket (device ports apart), an arrow per hop with its latency. */
export const RouteDiagram = memo(function RouteDiagram({ route, labels, patterns }: Props) {
  const lanes = new Map(route.lanes.map((l, i) => [l.key, i]));
  const width = PAD * 2 + LANE_W * route.lanes.length + LOOP + 90;
  const bottom = HEAD + 16 + route.steps.length * ROW;
  const height = bottom + 34;
  const total = `${route.roundTrip ? 'round trip' : 'first send to last receive'} ${formatDuration(route.total)}`;
  return (
    <svg className="zs-route-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid="route-diagram" role="img" aria-label={`route of message ${route.msg}: ${total}`}>
      {route.lanes.map((l, i) => (
        <line key={l.key} className="zs-route-lifeline" x1={laneX(i)} y1={HEAD - 10} x2={laneX(i)} y2={bottom} />
      ))}
      {route.lanes.map((l, i) => (
        <LaneHead key={l.key} lane={l} i={i} labels={labels} />
      ))}
      {route.steps.map((s, k) => (
        <StepView key={k} step={s} y={HEAD + 24 + k * ROW} lanes={lanes} labels={labels} patterns={patterns} />
      ))}
      <line className="zs-route-total-rule" x1={PAD} x2={PAD + LANE_W * route.lanes.length} y1={bottom + 6} y2={bottom + 6} />
      <text x={PAD} y={bottom + 24} className="zs-route-total" data-testid="route-total">
        {total}
      </text>
    </svg>
  );
});
