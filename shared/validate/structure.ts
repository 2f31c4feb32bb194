/** Checks on the graph itself: ids, edge ends, ports, and whether the two socket types can talk. */
import { PATTERN_TITLES, SOCKET_INFO, areCompatible, incompatibilityReason, patternOf } from '../patterns';
import type { Edge, PortName, TopologyNode } from '../topology';
import { DEVICE_PORTS, displayName, portSocketType, portsOf } from '../topology';
import type { Ctx, End, ResolvedEdge } from './context';
import { endName, error, orList, socketKey, warning } from './context';

/** Fills ctx.nodes and ctx.resolved while reporting what keeps an edge from resolving. */
export function checkStructure(ctx: Ctx): void {
  const { nodes, edges } = ctx.topology;
  nodes.forEach((node, index) => {
    const first = ctx.nodes.get(node.id);
    if (first === undefined) ctx.nodes.set(node.id, { node, index });
    else duplicate(ctx, 'node', node.id, `nodes[${index}].id`, first.index);
  });
  const edgeIds = new Map<string, number>();
  edges.forEach((edge, index) => {
    const first = edgeIds.get(edge.id);
    if (first === undefined) edgeIds.set(edge.id, index);
    else duplicate(ctx, 'edge', edge.id, `edges[${index}].id`, first);
    const source = resolveEnd(ctx, edge, index, 'source');
    const target = resolveEnd(ctx, edge, index, 'target');
    if (!source || !target) return;
    if (source.node.id === target.node.id && source.port === target.port) {
      error(
        ctx,
        'self-loop',
        { edgeId: edge.id, nodeId: source.node.id, field: `edges[${index}].target` },
        `edge ${edge.id} connects ${endName(source)} to itself`,
        'a socket cannot be its own peer: wire it to another node',
      );
      return;
    }
    if (!checkTypes(ctx, edge, index, source, target)) return;
    const bindSource = edge.bind === 'source';
    ctx.resolved.push({
      edge,
      index,
      source,
      target,
      binder: bindSource ? source : target,
      connector: bindSource ? target : source,
    });
  });
  checkPairs(ctx);
  checkDuplicateEdges(ctx);
}

function duplicate(ctx: Ctx, what: 'node' | 'edge', id: string, field: string, firstIndex: number): void {
  error(
    ctx,
    'duplicate-id',
    { [what === 'node' ? 'nodeId' : 'edgeId']: id, field },
    `${what} id "${id}" is already used by ${what}s[${firstIndex}]`,
    what === 'node'
      ? 'give every node its own id; edges refer to nodes by id'
      : 'give every edge its own id; the trace names edges by id',
  );
}

function resolveEnd(ctx: Ctx, edge: Edge, index: number, side: 'source' | 'target'): End | undefined {
  const id = edge[side];
  const found = ctx.nodes.get(id);
  if (!found) {
    error(
      ctx,
      'dangling-edge',
      { edgeId: edge.id, field: `edges[${index}].${side}` },
      `edge ${edge.id} ${side === 'source' ? 'starts at' : 'ends at'} "${id}", which is not a node`,
      `use the id of an existing node${ctx.nodes.size ? ` (${someIds(ctx)})` : ''}`,
    );
    return undefined;
  }
  const port: PortName | undefined = side === 'source' ? edge.sourcePort : edge.targetPort;
  const type = portSocketType(found.node, port);
  if (type === undefined) {
    badPort(ctx, edge, index, side, found.node, port);
    return undefined;
  }
  return { node: found.node, nodeIndex: found.index, port, type, side };
}

function badPort(
  ctx: Ctx,
  edge: Edge,
  index: number,
  side: 'source' | 'target',
  node: TopologyNode,
  port: PortName | undefined,
): void {
  const field = `edges[${index}].${side}Port`;
  const ports = portsOf(node);
  const name = displayName(node);
  let message: string;
  let hint: string;
  if (ports.length === 0) {
    message = `${name} is a single ${node.kind === 'socket' || node.kind === 'external' ? node.socket : ''} socket and has no port "${port}"`;
    hint = `remove "${side}Port" from edge ${edge.id}`;
  } else {
    const detail =
      node.kind === 'device'
        ? ` (frontend ${DEVICE_PORTS[node.device].frontend}, backend ${DEVICE_PORTS[node.device].backend})`
        : node.kind === 'worker'
          ? ` (in ${node.input}, out ${node.output})`
          : '';
    message =
      port === undefined
        ? `edge ${edge.id} must say which port of ${node.kind} ${name} it uses`
        : `${node.kind} ${name} has no port "${port}"`;
    hint = `set "${side}Port" to ${orList(ports.map((p) => `"${p}"`))}${detail}`;
  }
  error(ctx, 'bad-port', { edgeId: edge.id, nodeId: node.id, field }, message, hint);
}

/** The ZMTP matrix and the edge's declared pattern; false when the edge cannot be built. */
function checkTypes(ctx: Ctx, edge: Edge, index: number, source: End, target: End): boolean {
  if (!areCompatible(source.type, target.type)) {
    // Describe a device or worker port first: its type is fixed, the socket across is what to change.
    const [fixed, change] = target.port !== undefined ? [target, source] : [source, target];
    const prefix = fixed.port !== undefined ? `${endName(fixed)} is a ${fixed.type}: ` : '';
    error(
      ctx,
      'incompatible-sockets',
      { edgeId: edge.id, nodeId: change.node.id, field: `edges[${index}].${change.side}` },
      `${prefix}${incompatibilityReason(fixed.type, change.type)}`,
      `wire ${endName(fixed)} to a ${orList(SOCKET_INFO[fixed.type].peers)}; ` +
        `a ${change.type} like ${endName(change)} needs a ${orList(SOCKET_INFO[change.type].peers)}`,
    );
    return false;
  }
  const pattern = patternOf(source.type, target.type);
  if (pattern !== undefined && pattern !== edge.pattern) {
    error(
      ctx,
      'pattern-mismatch',
      { edgeId: edge.id, field: `edges[${index}].pattern` },
      `edge ${edge.id} is marked ${PATTERN_TITLES[edge.pattern]}, but ${source.type} to ${target.type} is ${PATTERN_TITLES[pattern]}`,
      `set "pattern": "${pattern}"`,
    );
  }
  return true;
}

/** A PAIR takes exactly one peer: libzmq silently refuses a second connection. */
function checkPairs(ctx: Ctx): void {
  const seen = new Map<string, ResolvedEdge>();
  for (const r of ctx.resolved) {
    for (const end of [r.source, r.target]) {
      if (end.type !== 'PAIR') continue;
      const key = socketKey(end);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, r);
        continue;
      }
      error(
        ctx,
        'pair-peers',
        { edgeId: r.edge.id, nodeId: end.node.id, field: `edges[${r.index}].${end.side}` },
        `${endName(end)} is a PAIR and already has its one peer over edge ${first.edge.id}`,
        'a PAIR talks to exactly one other PAIR; for more peers use DEALER/ROUTER or PUSH/PULL',
      );
    }
  }
}

/** Two edges between the same two sockets over one endpoint make two pipes: messages go twice as often to that peer. */
function checkDuplicateEdges(ctx: Ctx): void {
  const seen = new Map<string, ResolvedEdge>();
  for (const r of ctx.resolved) {
    const key = `${socketKey(r.binder)}\u0001${socketKey(r.connector)}\u0001${r.edge.endpoint}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r);
      continue;
    }
    warning(
      ctx,
      'duplicate-edge',
      { edgeId: r.edge.id, nodeId: r.connector.node.id, field: `edges[${r.index}]` },
      `edge ${r.edge.id} repeats edge ${first.edge.id}: ${endName(r.connector)} would connect to ${r.edge.endpoint} twice`,
      'delete one: each connect opens its own pipe, so that peer would get a double share (from a PUB, every message twice)',
    );
  }
}

/** A few node ids for a hint, without copying every key of a 5,000-node topology per finding. */
function someIds(ctx: Ctx): string {
  const ids: string[] = [];
  for (const id of ctx.nodes.keys()) {
    if (ids.length === 8) return `${ids.join(', ')}, ...`;
    ids.push(id);
  }
  return ids.join(', ');
}
