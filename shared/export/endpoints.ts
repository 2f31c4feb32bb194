/**
 * Endpoints as separate programs need them: a connect names a concrete host, a port chosen at
 * run time (`*`) cannot be shared between processes, and `--free-ports` may move tcp ports.
 */
import type { Diagnostic } from '../diagnostics';
import type { Topology } from '../topology';
import { displayName } from '../topology';
import { formatEndpoint, isWildcardHost, parseEndpoint } from '../validate';

/** `tcp://*:5555` binds every interface; its own peers reach it over loopback (as the engine does). */
export function connectAddress(endpoint: string): string {
  const p = parseEndpoint(endpoint, 'bind');
  if (typeof p === 'string' || p.transport !== 'tcp' || !isWildcardHost(p.host ?? '')) return endpoint;
  return formatEndpoint({ ...p, host: p.host === '::' ? '::1' : '127.0.0.1' });
}

/** One bind of one socket: edges that share it move together. */
export interface MovableBind {
  key: string;
  endpoint: string;
}

/** The bind an edge names: the binding node, its port and the endpoint. */
export function bindKey(e: Topology['edges'][number]): string {
  const [node, port] = e.bind === 'source' ? [e.source, e.sourcePort] : [e.target, e.targetPort];
  return `${node}\u0000${port ?? ''}\u0000${e.endpoint}`;
}

/**
 * The tcp binds `--free-ports` may move: made by one of the exported programs and reached by no
 * external program (which would not know the new port) — the engine's rule (main/plan.ts).
 */
export function movableBinds(topology: Topology): MovableBind[] {
  const kinds = new Map(topology.nodes.map((n) => [n.id, n.kind]));
  const fixed = new Set<string>();
  const movable = new Map<string, MovableBind>();
  for (const e of topology.edges) {
    const binder = kinds.get(e.bind === 'source' ? e.source : e.target);
    const connector = kinds.get(e.bind === 'source' ? e.target : e.source);
    const key = bindKey(e);
    if (binder === 'external' || connector === 'external' || !e.endpoint.startsWith('tcp://')) fixed.add(key);
    else movable.set(key, { key, endpoint: e.endpoint });
  }
  return [...movable.values()].filter((b) => !fixed.has(b.key));
}

/** The same topology with some binds moved (bind key -> new endpoint). */
export function withEndpoints(topology: Topology, moved: ReadonlyMap<string, string>): Topology {
  return { ...topology, edges: topology.edges.map((e) => ({ ...e, endpoint: moved.get(bindKey(e)) ?? e.endpoint })) };
}

/**
 * What keeps a valid topology from running as separate programs: inproc lives inside one process,
 * and a port or path picked at bind time (`*`) is unknown to the program that must connect.
 */
export function exportDiagnostics(topology: Topology): Diagnostic[] {
  const nodes = new Map(topology.nodes.map((n) => [n.id, n]));
  const out: Diagnostic[] = [];
  topology.edges.forEach((e, index) => {
    const ends = [nodes.get(e.source), nodes.get(e.target)];
    if (ends.some((n) => n === undefined || n.kind === 'external')) return;
    const names = ends.map((n) => (n ? displayName(n) : '')).join(' and ');
    const field = `edges[${index}].endpoint`;
    const p = parseEndpoint(e.endpoint, 'bind');
    if (typeof p === 'string') return;
    if (p.transport === 'inproc') {
      out.push({
        severity: 'error',
        code: 'export-inproc',
        edgeId: e.id,
        field,
        message: `${names} talk over ${e.endpoint}, but inproc works only inside one process and each exported node is its own program`,
        hint: 'use ipc:// or tcp://127.0.0.1:<port> for this edge',
      });
    } else if (p.port === '*' || p.path === '*') {
      out.push({
        severity: 'error',
        code: 'export-wildcard',
        edgeId: e.id,
        field,
        message: `${e.endpoint} is chosen when the socket binds, so the program of ${names} that connects cannot know it`,
        hint:
          p.transport === 'tcp'
            ? 'give the edge a fixed port, or export with --free-ports'
            : 'give the edge a fixed path',
      });
    }
  });
  return out;
}
