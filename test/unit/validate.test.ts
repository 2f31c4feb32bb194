import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { loadTopology } from '../../shared/load';
import { Topology } from '../../shared/topology';
import { DIAGNOSTIC_CODES, validate, validateTopology } from '../../shared/validate';
import { codes, doc, edge, findings, pair, pub, rep, req, sub } from './topologyBuilders';

/*
 * The graph checks. Most documents are   client (REQ) --e1--> server (REP)
 * with one thing changed.
 */

describe('built-in examples', () => {
  it.each(EXAMPLES.map((e) => [e.id, e.topology] as const))('%s validates with no errors', (_id, topology) => {
    expect(validate(topology).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.id, e.topology] as const))('%s survives a schema round trip', (_id, topology) => {
    const once = Topology.parse(topology);
    const twice = Topology.parse(JSON.parse(JSON.stringify(once)));
    expect(twice).toEqual(once);
  });
});

describe('schema first', () => {
  it('returns only the schema errors when the schema fails', () => {
    const bad = {
      ...doc([req(), rep()], [edge('e1', 'client', 'server')]),
      nodes: [{ id: 'x', kind: 'socket', socket: 'REQQ' }],
    };
    const d = validate(bad);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'error', code: 'schema', nodeId: 'x', field: 'nodes[0].socket' });
  });

  it('validateTopology takes an already parsed topology', () => {
    const parsed = loadTopology(doc([req(), rep()], [edge('e1', 'client', 'server')])).topology;
    expect(parsed && validateTopology(parsed)).toEqual([]);
  });

  it('reports only codes it documents', () => {
    const d = validate(
      doc([req(), pub(), sub('s'), { id: 'q', kind: 'device', device: 'queue' }], [edge('e1', 'client', 'pub')]),
    );
    for (const x of d) expect(Object.keys(DIAGNOSTIC_CODES)).toContain(x.code);
  });
});

describe('ids and ends', () => {
  it('duplicate-id: a node id used twice', () => {
    expect(findings('duplicate-id', doc([req(), rep(), rep()], [edge('e1', 'client', 'server')]))).toEqual([
      {
        severity: 'error',
        code: 'duplicate-id',
        nodeId: 'server',
        field: 'nodes[2].id',
        message: 'node id "server" is already used by nodes[1]',
        hint: 'give every node its own id; edges refer to nodes by id',
      },
    ]);
  });

  it('duplicate-id: an edge id used twice', () => {
    const d = doc(
      [req(), rep(), rep('server2')],
      [edge('e1', 'client', 'server'), edge('e1', 'client', 'server2', { endpoint: 'tcp://127.0.0.1:5556' })],
    );
    expect(findings('duplicate-id', d)).toMatchObject([{ severity: 'error', edgeId: 'e1', field: 'edges[1].id' }]);
  });

  it('dangling-edge: the target is not a node', () => {
    expect(findings('dangling-edge', doc([req()], [edge('e1', 'client', 'ghost')]))).toEqual([
      {
        severity: 'error',
        code: 'dangling-edge',
        edgeId: 'e1',
        field: 'edges[0].target',
        message: 'edge e1 ends at "ghost", which is not a node',
        hint: 'use the id of an existing node (client)',
      },
    ]);
  });

  it('bad-port: an edge into a device names no port', () => {
    const d = doc(
      [req(), { id: 'queue', kind: 'device', device: 'queue' }, rep()],
      [
        edge('e1', 'client', 'queue'),
        edge('e2', 'queue', 'server', { sourcePort: 'backend', bind: 'source', endpoint: 'tcp://127.0.0.1:5556' }),
      ],
    );
    expect(findings('bad-port', d)).toEqual([
      {
        severity: 'error',
        code: 'bad-port',
        edgeId: 'e1',
        nodeId: 'queue',
        field: 'edges[0].targetPort',
        message: 'edge e1 must say which port of device queue it uses',
        hint: 'set "targetPort" to "frontend" or "backend" (frontend ROUTER, backend DEALER)',
      },
    ]);
  });

  it('bad-port: a worker has in/out, a plain socket no port at all', () => {
    const w = { id: 'w', kind: 'worker' } as const;
    const d = doc(
      [{ id: 'push', kind: 'socket', socket: 'PUSH' }, w, { id: 'pull', kind: 'socket', socket: 'PULL' }],
      [
        edge('e1', 'push', 'w', { pattern: 'pipeline', targetPort: 'frontend' }),
        edge('e2', 'w', 'pull', {
          pattern: 'pipeline',
          sourcePort: 'out',
          targetPort: 'in',
          endpoint: 'tcp://127.0.0.1:5556',
        }),
      ],
    );
    expect(findings('bad-port', d)).toMatchObject([
      {
        severity: 'error',
        edgeId: 'e1',
        nodeId: 'w',
        field: 'edges[0].targetPort',
        message: 'worker w has no port "frontend"',
      },
      {
        severity: 'error',
        edgeId: 'e2',
        nodeId: 'pull',
        field: 'edges[1].targetPort',
        hint: 'remove "targetPort" from edge e2',
      },
    ]);
  });

  it('self-loop: an edge from a socket to itself', () => {
    expect(findings('self-loop', doc([pair('p')], [edge('e1', 'p', 'p', { pattern: 'pair' })]))).toMatchObject([
      {
        severity: 'error',
        edgeId: 'e1',
        nodeId: 'p',
        field: 'edges[0].target',
        message: 'edge e1 connects p to itself',
      },
    ]);
  });
});

describe('socket types and patterns', () => {
  it('incompatible-sockets: REQ to PUB', () => {
    expect(findings('incompatible-sockets', doc([req(), pub()], [edge('e1', 'client', 'pub')]))).toEqual([
      {
        severity: 'error',
        code: 'incompatible-sockets',
        edgeId: 'e1',
        nodeId: 'pub',
        field: 'edges[0].target',
        message: 'REQ talks to REP or ROUTER, not PUB',
        hint: 'wire client to a REP or ROUTER; a PUB like pub needs a SUB or XSUB',
      },
    ]);
  });

  it('incompatible-sockets: names the device port whose type is fixed', () => {
    const d = doc(
      [pub(), { id: 'queue', kind: 'device', device: 'queue' }],
      [edge('e1', 'pub', 'queue', { pattern: 'pubsub', targetPort: 'frontend' })],
    );
    expect(findings('incompatible-sockets', d)).toMatchObject([
      {
        severity: 'error',
        edgeId: 'e1',
        nodeId: 'pub',
        field: 'edges[0].source',
        message: 'queue frontend is a ROUTER: ROUTER talks to REQ, DEALER or ROUTER, not PUB',
      },
    ]);
  });

  it('pattern-mismatch: compatible types, wrong pattern on the edge', () => {
    expect(
      findings('pattern-mismatch', doc([req(), rep()], [edge('e1', 'client', 'server', { pattern: 'pipeline' })])),
    ).toEqual([
      {
        severity: 'error',
        code: 'pattern-mismatch',
        edgeId: 'e1',
        field: 'edges[0].pattern',
        message: 'edge e1 is marked pipeline, but REQ to REP is request/reply',
        hint: 'set "pattern": "reqrep"',
      },
    ]);
  });

  it('pair-peers: a PAIR with a second edge', () => {
    const d = doc(
      [pair('a'), pair('b'), pair('c')],
      [
        edge('e1', 'a', 'b', { pattern: 'pair' }),
        edge('e2', 'a', 'c', { pattern: 'pair', endpoint: 'tcp://127.0.0.1:5556' }),
      ],
    );
    expect(findings('pair-peers', d)).toMatchObject([
      {
        severity: 'error',
        edgeId: 'e2',
        nodeId: 'a',
        field: 'edges[1].source',
        message: 'a is a PAIR and already has its one peer over edge e1',
      },
    ]);
  });

  it('duplicate-edge: the same two sockets over one endpoint twice', () => {
    const d = doc([req(), rep()], [edge('e1', 'client', 'server'), edge('e2', 'client', 'server')]);
    expect(findings('duplicate-edge', d)).toMatchObject([
      { severity: 'warning', edgeId: 'e2', nodeId: 'client', field: 'edges[1]' },
    ]);
  });

  it('a clean document has no findings at all', () => {
    expect(codes(doc([req(), rep()], [edge('e1', 'client', 'server')]))).toEqual([]);
  });
});
