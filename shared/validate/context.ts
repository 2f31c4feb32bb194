/** What the validator's checks share: the topology, lookups built once, and the report list. */
import type { Capabilities } from '../ipc';
import type { Diagnostic } from '../diagnostics';
import type { SocketType } from '../patterns';
import type { Edge, PortName, Topology, TopologyNode } from '../topology';
import { displayName } from '../topology';

/** One end of an edge whose node exists and whose port is right for that node. */
export interface End {
  node: TopologyNode;
  nodeIndex: number;
  port: PortName | undefined;
  type: SocketType;
  side: 'source' | 'target';
}

/** An edge both of whose ends resolved; the checks after the structural ones see only these. */
export interface ResolvedEdge {
  edge: Edge;
  index: number;
  source: End;
  target: End;
  binder: End;
  connector: End;
}

export interface Ctx {
  topology: Topology;
  capabilities: Partial<Capabilities>;
  /** By id; the first node wins when ids repeat (the duplicate is reported). */
  nodes: Map<string, { node: TopologyNode; index: number }>;
  resolved: ResolvedEdge[];
  out: Diagnostic[];
}

export interface Where {
  field: string;
  nodeId?: string;
  edgeId?: string;
}

export function error(ctx: Ctx, code: string, where: Where, message: string, hint: string): void {
  ctx.out.push({ severity: 'error', code, message, hint, ...where });
}

export function warning(ctx: Ctx, code: string, where: Where, message: string, hint: string): void {
  ctx.out.push({ severity: 'warning', code, message, hint, ...where });
}

/** "client", or "queue frontend" for a port of a device or worker. */
export function endName(end: Pick<End, 'node' | 'port'>): string {
  return end.port === undefined ? displayName(end.node) : `${displayName(end.node)} ${end.port}`;
}

/** A socket inside the app: a node's own socket or one port of a device or worker. */
export function socketKey(end: Pick<End, 'node' | 'port'>): string {
  return `${end.node.id}\u0000${end.port ?? ''}`;
}

/** "REP or ROUTER" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
