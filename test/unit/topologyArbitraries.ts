/**
 * Topology documents for the fuzz test: built-in examples with random damage, generated graphs
 * that mostly pass the schema (so the semantic checks get exercised), and capability sets.
 */
import fc from 'fast-check';
import { EXAMPLES } from '../../shared/examples';
import { PATTERNS, SOCKET_TYPES } from '../../shared/patterns';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function parentOf(
  root: Json,
  path: (string | number)[],
): { parent: Json[] | Record<string, Json>; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let cur: Json = root;
  for (const k of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, Json>)[k as string];
  }
  if (cur === null || typeof cur !== 'object') return undefined;
  return { parent: cur, key: path[path.length - 1] };
}

const ENDPOINTISH = fc.oneof(
  fc.string(),
  fc
    .tuple(
      fc.constantFrom('127.0.0.1', 'localhost', '*', '0.0.0.0', '[::1]', '10.1.2.3', 'host.example'),
      fc.constantFrom('5555', '5556', '*'),
    )
    .map(([h, p]) => `tcp://${h}:${p}`),
  fc.constantFrom(
    'tcp://127.0.0.1:5555',
    'tcp://*:*',
    'tcp://[::1]:1',
    'ipc://*',
    'inproc://a',
    'epgm://eth0;239.1.1.1:5',
    'tipc://x',
    'TCP://a:1',
  ),
  fc
    .tuple(
      fc.constantFrom('tcp', 'ipc', 'inproc', 'pgm', 'epgm', 'tipc', 'udp', ''),
      fc.string(),
      fc.oneof(fc.nat(70_000).map(String), fc.string()),
    )
    .map(([t, h, p]) => `${t}://${h}:${p}`),
);

/** Values that land near the schema's edges: real socket types, patterns, ports, endpoints, ids. */
const NEAR_MISS: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  ENDPOINTISH,
  fc.constantFrom<Json>(
    ...SOCKET_TYPES,
    ...PATTERNS,
    'frontend',
    'backend',
    'in',
    'out',
    'source',
    'target',
    'socket',
    'device',
    'worker',
    'external',
    'queue',
    'forwarder',
    'streamer',
    'client',
    'server1',
    -1,
    0,
    1.5,
    1e9,
  ),
);

type Mutation = {
  op: 'delete' | 'set' | 'swap' | 'dupNode' | 'dupEdge' | 'retarget';
  at: number;
  other: number;
  value: Json;
};

const MUTATION: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'set', 'set', 'swap', 'dupNode', 'dupEdge', 'retarget'),
  at: fc.nat(),
  other: fc.nat(),
  value: NEAR_MISS,
});

function mutate(doc: Json, m: Mutation): Json {
  const all = paths(doc);
  const p = all[m.at % all.length];
  const place = parentOf(doc, p);
  const obj: Record<string, Json> = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? doc : {};
  switch (m.op) {
    case 'delete':
      if (place && Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
      else if (place) delete (place.parent as Record<string, Json>)[place.key];
      return doc;
    case 'set':
      if (!place) return m.value;
      (place.parent as Record<string, Json>)[place.key] = m.value;
      return doc;
    case 'swap': {
      const q = parentOf(doc, all[m.other % all.length]);
      if (!place || !q) return doc;
      const a = (place.parent as Record<string, Json>)[place.key];
      (place.parent as Record<string, Json>)[place.key] = (q.parent as Record<string, Json>)[q.key];
      (q.parent as Record<string, Json>)[q.key] = a;
      return doc;
    }
    case 'dupNode':
    case 'dupEdge': {
      const list = obj[m.op === 'dupNode' ? 'nodes' : 'edges'];
      if (Array.isArray(list) && list.length > 0) list.push(structuredClone(list[m.other % list.length]));
      return doc;
    }
    case 'retarget': {
      const edges = obj.edges;
      const e = Array.isArray(edges) ? edges[m.other % Math.max(edges.length, 1)] : undefined;
      if (e && typeof e === 'object' && !Array.isArray(e))
        (e as Record<string, Json>)[m.at % 2 ? 'source' : 'target'] = m.value;
      return doc;
    }
  }
}

const EXAMPLE_DOCS = EXAMPLES.map((e) => JSON.parse(JSON.stringify(e.topology)) as Json);

export const MUTATED: fc.Arbitrary<Json> = fc
  .tuple(fc.nat(EXAMPLE_DOCS.length - 1), fc.array(MUTATION, { minLength: 1, maxLength: 6 }))
  .map(([i, ms]) => ms.reduce((d, m) => mutate(d, m), structuredClone(EXAMPLE_DOCS[i])));

/** Schema-valid most of the time, so the semantic checks see wild but well-formed graphs. */
const IDS = ['a', 'b', 'c', 'd'];
type GenNode = { id: string; kind: string } & Record<string, Json>;
const NODE: fc.Arbitrary<GenNode> = fc.oneof(
  fc.record(
    {
      id: fc.constantFrom(...IDS),
      kind: fc.constantFrom('socket', 'socket', 'external'),
      socket: fc.constantFrom(...SOCKET_TYPES),
      behavior: fc.constantFrom<Json>(
        { type: 'request' },
        { type: 'subscribe', topics: ['x'] },
        { type: 'manual' },
        { type: 'pair', role: 'ping' },
        { type: 'consume' },
      ),
      options: fc.dictionary(
        fc.constantFrom('linger', 'conflate', 'routingId', 'sendTimeout', 'bogus'),
        fc.oneof(fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.string()),
      ),
    },
    { requiredKeys: ['id', 'kind', 'socket'] },
  ),
  fc.record({
    id: fc.constantFrom(...IDS),
    kind: fc.constant('device'),
    device: fc.constantFrom('queue', 'forwarder', 'streamer'),
  }),
  fc.record(
    {
      id: fc.constantFrom(...IDS),
      kind: fc.constant('worker'),
      input: fc.constantFrom(...SOCKET_TYPES),
      output: fc.constantFrom(...SOCKET_TYPES),
      subscribe: fc.array(fc.string(), { maxLength: 2 }),
    },
    { requiredKeys: ['id', 'kind'] },
  ),
) as fc.Arbitrary<GenNode>;

/** Mostly the ports the node really has, sometimes a wrong one. */
function portFor(node: GenNode | undefined, pick: number): string | undefined {
  const right =
    node?.kind === 'device' ? ['frontend', 'backend'] : node?.kind === 'worker' ? ['in', 'out'] : [undefined];
  return pick < 8 ? right[pick % right.length] : ['frontend', 'backend', 'in', 'out'][pick % 4];
}

export const GENERATED: fc.Arbitrary<Json> = fc
  .uniqueArray(NODE, { selector: (n) => n.id, minLength: 2, maxLength: 4 })
  .chain((nodes) => {
    const ids = [...nodes.map((n) => n.id), 'zz'];
    const EDGE = fc
      .record({
        id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5'),
        pattern: fc.constantFrom(...PATTERNS),
        source: fc.nat(ids.length - 1),
        target: fc.nat(ids.length - 2),
        sp: fc.nat(9),
        tp: fc.nat(9),
        endpoint: ENDPOINTISH.filter((s) => s.length > 0 && s.length <= 1024),
        bind: fc.constantFrom('source', 'target'),
      })
      .map(({ source, target, sp, tp, ...rest }) => {
        const e: Record<string, Json> = { ...rest, source: ids[source], target: ids[target] };
        const sourcePort = portFor(nodes[source], sp);
        const targetPort = portFor(nodes[target], tp);
        if (sourcePort) e.sourcePort = sourcePort;
        if (targetPort) e.targetPort = targetPort;
        return e;
      });
    return fc.record({
      format: fc.constant('zmq-studio.topology/1'),
      nodes: fc.constant(nodes),
      edges: fc.array(EDGE, { maxLength: 6 }),
    });
  }) as fc.Arbitrary<Json>;

export const CAPS = fc.record(
  { ipc: fc.boolean(), pgm: fc.boolean(), tipc: fc.boolean(), draft: fc.boolean() },
  { requiredKeys: [] },
);
