/**
 * Questions a check asks of an Observation — who sent what, who got what, which edges a node
 * has — so each lesson's check reads as the sentence it tests. Pure.
 */
import type { Edge, Topology, TopologyNode } from '../topology';
import { displayName } from '../topology';
import type { TraceRecord } from '../trace';
import type { Observation } from './observation';

/** Subscriptions travel as messages (SUB/XSUB send them, XPUB receives them): protocol, not data. */
export function isSubscription(r: TraceRecord): boolean {
  return r.dir === 'out' ? r.socket === 'SUB' || r.socket === 'XSUB' : r.socket === 'XPUB';
}

/** Data records of a node's socket (port '' for a plain socket) in one direction, in order. */
export function recordsOf(obs: Observation, node: string, dir: 'in' | 'out', port = ''): TraceRecord[] {
  return obs.records.filter((r) => r.node === node && r.port === port && r.dir === dir && !isSubscription(r));
}

/** The bodies a node's socket received, in order. */
export function received(obs: Observation, node: string, port = ''): string[] {
  return recordsOf(obs, node, 'in', port).map((r) => r.preview);
}

/** The bodies a node's socket sent (or tried to: a failed send keeps its record), in order. */
export function sent(obs: Observation, node: string, port = ''): string[] {
  return recordsOf(obs, node, 'out', port).map((r) => r.preview);
}

/** The subscription topics a socket sent upstream, decoded from their `\x01topic` frames. */
export function subscriptionsSent(obs: Observation, node: string, port = ''): string[] {
  return obs.records
    .filter((r) => r.node === node && r.port === port && r.dir === 'out' && isSubscription(r))
    .map((r) => subscriptionTopic(r.preview))
    .filter((t): t is string => t !== undefined);
}

/** `0x01676f` (a subscribe frame's preview) -> `go`; undefined for anything else. */
export function subscriptionTopic(preview: string): string | undefined {
  const m = /^0x01((?:[0-9a-f]{2})*)$/i.exec(preview);
  if (!m) return undefined;
  let text = '';
  for (let i = 0; i < m[1].length; i += 2) text += String.fromCharCode(parseInt(m[1].slice(i, i + 2), 16));
  return text;
}

export function findNode(topology: Topology, id: string): TopologyNode | undefined {
  return topology.nodes.find((n) => n.id === id);
}

/** The node's label (what the student sees on the canvas), or its id. */
export function nameOf(topology: Topology, id: string): string {
  const node = findNode(topology, id);
  return node ? displayName(node) : id;
}

/** Edges that touch a node (at a given port, when one is named). */
export function edgesAt(topology: Topology, node: string, port?: string): Edge[] {
  return topology.edges.filter(
    (e) =>
      (e.source === node && (port === undefined || (e.sourcePort ?? '') === port)) ||
      (e.target === node && (port === undefined || (e.targetPort ?? '') === port)),
  );
}

/** The node at the other end of an edge from `node`. */
export function otherEnd(edge: Edge, node: string): { node: string; port: string } {
  return edge.source === node
    ? { node: edge.target, port: edge.targetPort ?? '' }
    : { node: edge.source, port: edge.sourcePort ?? '' };
}

/** Plain socket nodes of a type. */
export function socketsOfType(topology: Topology, type: string): TopologyNode[] {
  return topology.nodes.filter((n) => n.kind === 'socket' && n.socket === type);
}

export function devicesOf(topology: Topology, device: 'queue' | 'forwarder' | 'streamer'): TopologyNode[] {
  return topology.nodes.filter((n) => n.kind === 'device' && n.device === device);
}

/** Runtime errors with a code, optionally on one node. */
export function errorsWith(obs: Observation, code: string, node?: string): Observation['errors'] {
  return obs.errors.filter((e) => e.code === code && (node === undefined || e.node === node));
}

/** `"a", "b" and 3 more` — short quoted lists for findings. */
export function quoted(items: readonly string[], max = 6): string {
  if (items.length === 0) return 'nothing';
  const shown = items.slice(0, max).map((s) => `"${s}"`);
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  return `${shown.join(', ')}${more}`;
}

/** `0, 2, 4` from `msg 0, msg 2, msg 4`: the numbers at the end of each body. */
export function numbersOf(items: readonly string[]): string {
  return items.map((s) => /(\d+)\s*$/.exec(s)?.[1] ?? s).join(', ');
}

export function ms(t: number): string {
  return `${Math.round(t)} ms`;
}

export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}
