import { describe, expect, it } from 'vitest';
import { doc, edge, external, findings, pub, rep, req, sub } from './topologyBuilders';

/* Endpoint checks: syntax, capabilities, who binds what. */

describe('bad-endpoint', () => {
  it('a malformed endpoint', () => {
    expect(
      findings('bad-endpoint', doc([req(), rep()], [edge('e1', 'client', 'server', { endpoint: 'tcp://127.0.0.1' })])),
    ).toEqual([
      {
        severity: 'error',
        code: 'bad-endpoint',
        edgeId: 'e1',
        field: 'edges[0].endpoint',
        message: 'edge e1: "127.0.0.1" has no port: write host:port, e.g. 127.0.0.1:5555',
        hint: 'tcp endpoints are host:port: tcp://127.0.0.1:5555 (bind may use * for the port)',
      },
    ]);
  });

  it('the app connects to an external program at a wildcard host', () => {
    const d = doc([req(), external('srv', 'REP')], [edge('e1', 'client', 'srv', { endpoint: 'tcp://*:5555' })]);
    expect(findings('bad-endpoint', d)).toMatchObject([
      {
        severity: 'error',
        edgeId: 'e1',
        nodeId: 'client',
        field: 'edges[0].endpoint',
        message:
          'client connects to tcp://*:5555: cannot connect to the wildcard host *: name the machine, e.g. tcp://127.0.0.1:5555',
      },
    ]);
  });

  it('a * port that an external program would have to connect to', () => {
    const d = doc([external('cli', 'REQ'), rep()], [edge('e1', 'cli', 'server', { endpoint: 'tcp://127.0.0.1:*' })]);
    expect(findings('bad-endpoint', d)).toMatchObject([
      {
        severity: 'error',
        edgeId: 'e1',
        nodeId: 'server',
        field: 'edges[0].endpoint',
        hint: 'give a fixed port that cli is told to connect to',
      },
    ]);
  });

  it('a * port between two sockets of the app is fine: the engine connects to the port it got', () => {
    expect(
      findings(
        'bad-endpoint',
        doc([req(), rep()], [edge('e1', 'client', 'server', { endpoint: 'tcp://127.0.0.1:*' })]),
      ),
    ).toEqual([]);
  });
});

describe('unsupported-transport', () => {
  it('ipc where the capabilities say there is none', () => {
    const d = doc([req(), rep()], [edge('e1', 'client', 'server', { endpoint: 'ipc:///tmp/zs-test.ipc' })]);
    expect(findings('unsupported-transport', d, { ipc: false })).toEqual([
      {
        severity: 'error',
        code: 'unsupported-transport',
        edgeId: 'e1',
        field: 'edges[0].endpoint',
        message: 'ipc:// is not available: this libzmq was built without ipc',
        hint: 'use tcp://127.0.0.1:<port> (ipc needs Unix domain sockets)',
      },
    ]);
    expect(findings('unsupported-transport', d)).toEqual([]);
  });

  it('epgm unless the capabilities say pgm is there', () => {
    const d = doc(
      [pub(), sub()],
      [edge('e1', 'pub', 'sub', { pattern: 'pubsub', endpoint: 'epgm://eth0;239.192.1.1:5555', bind: 'source' })],
    );
    expect(findings('unsupported-transport', d)).toMatchObject([
      {
        severity: 'error',
        edgeId: 'e1',
        field: 'edges[0].endpoint',
        message: 'epgm:// is not available: this libzmq was built without pgm',
      },
    ]);
    expect(findings('unsupported-transport', d, { pgm: true })).toEqual([]);
  });

  it('pgm for anything but publish/subscribe', () => {
    const d = doc([req(), rep()], [edge('e1', 'client', 'server', { endpoint: 'pgm://eth0;239.192.1.1:5555' })]);
    expect(findings('unsupported-transport', d, { pgm: true })).toMatchObject([
      {
        severity: 'error',
        edgeId: 'e1',
        field: 'edges[0].endpoint',
        message: 'pgm:// is multicast and carries only publish/subscribe, not REQ to REP',
      },
    ]);
  });

  it('tipc where the capabilities say there is none', () => {
    const d = doc([req(), rep()], [edge('e1', 'client', 'server', { endpoint: 'tipc://{5560,0,0}' })]);
    expect(findings('unsupported-transport', d, { tipc: false })).toMatchObject([
      { edgeId: 'e1', field: 'edges[0].endpoint' },
    ]);
  });
});

describe('inproc-external', () => {
  it('inproc to a program outside the app', () => {
    const d = doc([req(), external('srv', 'REP')], [edge('e1', 'client', 'srv', { endpoint: 'inproc://srv' })]);
    expect(findings('inproc-external', d)).toEqual([
      {
        severity: 'error',
        code: 'inproc-external',
        edgeId: 'e1',
        nodeId: 'srv',
        field: 'edges[0].endpoint',
        message: 'edge e1 uses inproc://, but srv is another program: inproc cannot cross processes',
        hint: 'use tcp://127.0.0.1:<port> or ipc:// to reach a program outside the app',
      },
    ]);
  });
});

describe('endpoint-conflict', () => {
  it('two sockets bind one port: 127.0.0.1 and localhost are the same interface', () => {
    const d = doc(
      [req(), rep('s1'), rep('s2')],
      [
        edge('e1', 'client', 's1', { endpoint: 'tcp://127.0.0.1:5000' }),
        edge('e2', 'client', 's2', { endpoint: 'tcp://localhost:5000' }),
      ],
    );
    expect(findings('endpoint-conflict', d)).toEqual([
      {
        severity: 'error',
        code: 'endpoint-conflict',
        edgeId: 'e2',
        nodeId: 's2',
        field: 'edges[1].endpoint',
        message:
          's2 binds tcp://localhost:5000, but s1 already binds tcp://127.0.0.1:5000 (edge e1): the second bind fails with EADDRINUSE',
        hint: 'let one socket bind and the other connect, or give s2 another port',
      },
    ]);
  });

  it('a wildcard host takes the port on every interface', () => {
    const d = doc(
      [req(), rep('s1'), rep('s2')],
      [
        edge('e1', 'client', 's1', { endpoint: 'tcp://127.0.0.1:5000' }),
        edge('e2', 'client', 's2', { endpoint: 'tcp://*:5000' }),
      ],
    );
    expect(findings('endpoint-conflict', d)).toMatchObject([
      { severity: 'error', edgeId: 'e2', nodeId: 's2', field: 'edges[1].endpoint' },
    ]);
  });

  it('one socket binding the endpoint that several edges share is fine', () => {
    const d = doc([req('c1'), req('c2'), rep()], [edge('e1', 'c1', 'server'), edge('e2', 'c2', 'server')]);
    expect(findings('endpoint-conflict', d)).toEqual([]);
  });
});

describe('public-bind', () => {
  it('binding every interface', () => {
    expect(
      findings('public-bind', doc([req(), rep()], [edge('e1', 'client', 'server', { endpoint: 'tcp://*:5555' })])),
    ).toEqual([
      {
        severity: 'warning',
        code: 'public-bind',
        edgeId: 'e1',
        nodeId: 'server',
        field: 'edges[0].endpoint',
        message: 'server binds tcp://*:5555, which is not a loopback address',
        hint: 'other machines can reach this socket; bind 127.0.0.1 unless that is what you want',
      },
    ]);
  });

  it('is about the app binding, not an external program', () => {
    const d = doc(
      [req(), external('srv', 'REP')],
      [edge('e1', 'client', 'srv', { endpoint: 'tcp://192.168.1.20:5555' })],
    );
    expect(findings('public-bind', d)).toEqual([]);
  });
});

describe('external-only', () => {
  it('an edge between two external programs', () => {
    const d = doc([external('a', 'PUSH'), external('b', 'PULL')], [edge('e1', 'a', 'b', { pattern: 'pipeline' })]);
    expect(findings('external-only', d)).toMatchObject([
      { severity: 'warning', code: 'external-only', edgeId: 'e1', field: 'edges[0].endpoint' },
    ]);
  });
});
