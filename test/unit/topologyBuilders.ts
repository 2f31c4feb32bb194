/** Small builders for validator tests: each test spells out only the part it is about. */
import type { Capabilities } from '../../shared/ipc';
import type { Diagnostic } from '../../shared/diagnostics';
import type { TopologyInput } from '../../shared/topology';
import { validate } from '../../shared/validate';

export type NodeInput = TopologyInput['nodes'][number];
export type EdgeInput = TopologyInput['edges'][number];

export function doc(nodes: NodeInput[], edges: EdgeInput[] = []): TopologyInput {
  return { format: 'zmq-studio.topology/1', name: 'test', nodes, edges };
}

export const req = (id = 'client'): NodeInput => ({ id, kind: 'socket', socket: 'REQ', behavior: { type: 'request' } });
export const rep = (id = 'server'): NodeInput => ({ id, kind: 'socket', socket: 'REP', behavior: { type: 'reply' } });
export const pub = (id = 'pub'): NodeInput => ({ id, kind: 'socket', socket: 'PUB', behavior: { type: 'publish' } });
export const sub = (id = 'sub'): NodeInput => ({
  id,
  kind: 'socket',
  socket: 'SUB',
  behavior: { type: 'subscribe', topics: [''] },
});
export const pair = (id: string): NodeInput => ({
  id,
  kind: 'socket',
  socket: 'PAIR',
  behavior: { type: 'pair', role: 'ping' },
});
export const external = (id: string, socket: 'REQ' | 'REP' | 'PUB' | 'SUB' | 'PUSH' | 'PULL'): NodeInput => ({
  id,
  kind: 'external',
  socket,
});

export function edge(id: string, source: string, target: string, extra: Partial<EdgeInput> = {}): EdgeInput {
  return { id, pattern: 'reqrep', source, target, endpoint: 'tcp://127.0.0.1:5555', bind: 'target', ...extra };
}

/** The diagnostics of one code, from a document that must pass the schema. */
export function findings(code: string, d: TopologyInput, capabilities?: Partial<Capabilities>): Diagnostic[] {
  const all = validate(d, capabilities);
  if (all.some((x) => x.code === 'schema')) throw new Error(`test document fails the schema: ${JSON.stringify(all)}`);
  return all.filter((x) => x.code === code);
}

/** Every code in the result, to show a document is otherwise clean. */
export function codes(d: TopologyInput, capabilities?: Partial<Capabilities>): string[] {
  return validate(d, capabilities).map((x) => x.code);
}
