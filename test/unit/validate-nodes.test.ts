import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { validate } from '../../shared/validate';
import type { NodeInput } from './topologyBuilders';
import { codes, doc, edge, findings, pub, rep, req } from './topologyBuilders';

/* Node checks: behaviours, draft types, workers, options, subscriptions, loose ends. */

describe('behavior-socket', () => {
  it('a request behaviour on a PUB', () => {
    const d = doc(
      [
        { id: 'pub', kind: 'socket', socket: 'PUB', behavior: { type: 'request' } },
        { id: 'sub', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: [''] } },
      ],
      [edge('e1', 'pub', 'sub', { pattern: 'pubsub', bind: 'source' })],
    );
    expect(findings('behavior-socket', d)).toEqual([
      {
        severity: 'error',
        code: 'behavior-socket',
        nodeId: 'pub',
        field: 'nodes[0].behavior.type',
        message: 'a request behaviour drives a REQ socket, not PUB',
        hint: 'a PUB runs "publish" or "manual", or change "socket" to REQ',
      },
    ]);
  });

  it('a work behaviour belongs to a worker node', () => {
    const d = doc(
      [
        { id: 'p', kind: 'socket', socket: 'PUSH', behavior: { type: 'work' } },
        { id: 'q', kind: 'socket', socket: 'PULL' },
      ],
      [edge('e1', 'p', 'q', { pattern: 'pipeline' })],
    );
    expect(findings('behavior-socket', d)).toMatchObject([
      {
        severity: 'error',
        nodeId: 'p',
        field: 'nodes[0].behavior.type',
        message: 'a work behaviour runs on a worker node (an input and an output socket), not on a single PUSH',
      },
    ]);
  });
});

describe('draft-socket', () => {
  const draft = doc(
    [
      { id: 'c', kind: 'socket', socket: 'CLIENT' },
      { id: 's', kind: 'socket', socket: 'SERVER' },
    ],
    [edge('e1', 'c', 's', { pattern: 'clientserver' })],
  );

  it('a warning while the engine has not said whether draft APIs exist', () => {
    expect(findings('draft-socket', draft)[0]).toEqual({
      severity: 'warning',
      code: 'draft-socket',
      nodeId: 'c',
      field: 'nodes[0].socket',
      message: 'c uses CLIENT, a draft socket type: it exists only where libzmq is built with draft APIs',
      hint: 'runs only where capabilities.draft is true; DEALER is the stable type closest to it',
    });
  });

  it('an error when the capabilities say there are none', () => {
    expect(findings('draft-socket', draft, { draft: false })).toMatchObject([
      { severity: 'error', nodeId: 'c', field: 'nodes[0].socket' },
      { severity: 'error', nodeId: 's', field: 'nodes[1].socket' },
    ]);
    expect(findings('draft-socket', draft, { draft: true })).toHaveLength(2);
  });
});

describe('worker-socket', () => {
  it('a worker whose input cannot receive', () => {
    const d = doc(
      [
        { id: 'w', kind: 'worker', input: 'PUSH', output: 'PUSH' },
        { id: 'sink', kind: 'socket', socket: 'PULL' },
      ],
      [edge('e1', 'w', 'sink', { pattern: 'pipeline', sourcePort: 'out' })],
    );
    expect(findings('worker-socket', d)).toEqual([
      {
        severity: 'error',
        code: 'worker-socket',
        nodeId: 'w',
        field: 'nodes[0].input',
        message: 'worker w has PUSH as its input: a PUSH cannot receive',
        hint: 'use PULL, SUB, DEALER, ROUTER or PAIR for the input',
      },
    ]);
  });
});

describe('bad-option', () => {
  it('an option the socket type does not have', () => {
    const d = doc([{ ...req(), options: { conflate: true } } as NodeInput, rep()], [edge('e1', 'client', 'server')]);
    expect(findings('bad-option', d)).toEqual([
      {
        severity: 'error',
        code: 'bad-option',
        nodeId: 'client',
        field: 'nodes[0].options.conflate',
        message: 'client is a REQ, and conflate is an option of DEALER, PUB, SUB, PUSH, PULL, SCATTER or GATHER only',
        hint: 'remove conflate: zeromq.js throws on an option the socket type lacks',
      },
    ]);
  });

  it('a wrong value type and a number below the minimum', () => {
    const d = doc(
      [{ ...req(), options: { linger: 'forever', sendTimeout: -2 } } as NodeInput, rep()],
      [edge('e1', 'client', 'server')],
    );
    expect(findings('bad-option', d)).toMatchObject([
      {
        severity: 'error',
        nodeId: 'client',
        field: 'nodes[0].options.linger',
        message: 'linger (ZMQ_LINGER) takes a number, not string "forever"',
      },
      {
        severity: 'error',
        nodeId: 'client',
        field: 'nodes[0].options.sendTimeout',
        message: 'sendTimeout (ZMQ_SNDTIMEO) is at least -1, not -2',
      },
    ]);
  });

  it('device and worker port options are checked against the port type', () => {
    const d = doc([
      {
        id: 'q',
        kind: 'device',
        device: 'queue',
        frontendOptions: { mandatory: true, conflate: true },
        backendOptions: { conflate: true },
      },
      { id: 'w', kind: 'worker', inputOptions: { subscribe: 'x' }, outputOptions: { sendHighWaterMark: 10 } },
    ]);
    expect(findings('bad-option', d).map((x) => x.field)).toEqual([
      'nodes[0].frontendOptions.conflate',
      'nodes[1].inputOptions.subscribe',
    ]);
  });
});

describe('no-subscription', () => {
  it('a SUB without a subscribe behaviour receives nothing', () => {
    const d = doc(
      [pub(), { id: 'sub', kind: 'socket', socket: 'SUB' }],
      [edge('e1', 'pub', 'sub', { pattern: 'pubsub', bind: 'source' })],
    );
    expect(findings('no-subscription', d)).toEqual([
      {
        severity: 'warning',
        code: 'no-subscription',
        nodeId: 'sub',
        field: 'nodes[1].behavior',
        message: 'sub is a SUB with no subscription: it receives nothing',
        hint: 'give it {"type": "subscribe", "topics": [""]} to receive everything, or the prefixes you want',
      },
    ]);
  });

  it('a subscribe behaviour with no topics, and a worker whose SUB input subscribes to nothing', () => {
    const d = doc(
      [
        pub(),
        { id: 'sub', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe' } },
        { id: 'w', kind: 'worker', input: 'SUB' },
      ],
      [
        edge('e1', 'pub', 'sub', { pattern: 'pubsub', bind: 'source' }),
        edge('e2', 'pub', 'w', { pattern: 'pubsub', bind: 'source', targetPort: 'in' }),
      ],
    );
    expect(findings('no-subscription', d)).toMatchObject([
      { severity: 'warning', nodeId: 'sub', field: 'nodes[1].behavior.topics' },
      { severity: 'warning', nodeId: 'w', field: 'nodes[2].subscribe' },
    ]);
  });

  it('a worker with an XSUB input: its "subscribe" list applies to a SUB only', () => {
    const d = doc(
      [pub(), { id: 'w', kind: 'worker', input: 'XSUB', subscribe: ['x'] }],
      [edge('e1', 'pub', 'w', { pattern: 'pubsub', bind: 'source', targetPort: 'in' })],
    );
    expect(findings('no-subscription', d)).toMatchObject([
      {
        severity: 'warning',
        nodeId: 'w',
        field: 'nodes[1].input',
        hint: 'make the input a SUB and list its prefixes in "subscribe"',
      },
    ]);
  });

  it('"manual" is accepted on every socket type, as leaving the behaviour out is', () => {
    const d = doc(
      [pub(), { id: 'sub', kind: 'socket', socket: 'SUB', behavior: { type: 'manual' } }],
      [edge('e1', 'pub', 'sub', { pattern: 'pubsub', bind: 'source' })],
    );
    expect(codes(d)).toEqual(['no-subscription']);
  });

  it("a forwarder's XSUB frontend is exempt: subscriptions come from downstream", () => {
    const fwd = EXAMPLES.find((e) => e.id === 'football-forwarder');
    expect(fwd && validate(fwd.topology)).toEqual([]);
  });
});

describe('loose ends', () => {
  it('no-peer: a sender with no edge', () => {
    expect(findings('no-peer', doc([req()]))).toEqual([
      {
        severity: 'warning',
        code: 'no-peer',
        nodeId: 'client',
        field: 'nodes[0].behavior',
        message: 'client sends (request) but has no edge: its REQ has no peer to send to',
        hint: 'draw an edge to a REP or ROUTER',
      },
    ]);
  });

  it('unconnected: a node with no edges at all', () => {
    expect(findings('unconnected', doc([rep()]))).toEqual([
      {
        severity: 'warning',
        code: 'unconnected',
        nodeId: 'server',
        field: 'nodes[0]',
        message: 'server has no edges: it takes no part in the run',
        hint: 'wire it to another node, or delete it',
      },
    ]);
  });

  it('unconnected: a device with nothing on its backend', () => {
    const d = doc(
      [req(), { id: 'queue', kind: 'device', device: 'queue' }],
      [edge('e1', 'client', 'queue', { targetPort: 'frontend' })],
    );
    expect(findings('unconnected', d)).toMatchObject([
      {
        severity: 'warning',
        nodeId: 'queue',
        field: 'nodes[1]',
        message: 'device queue has no edge on its backend port: what it receives has nowhere to go',
      },
    ]);
  });

  it('external nodes may stand alone', () => {
    expect(validate(doc([{ id: 'x', kind: 'external', socket: 'PUB' }]))).toEqual([]);
  });
});
