/**
 * Lesson 3: a queue device between clients and servers (the seed's answer to "adding a server
 * means changing every client"): clients and servers connect to the queue, a stable point.
 */
import { Topology } from '../../topology';
import { Findings } from '../findings';
import { devicesOf, edgesAt, findNode, nameOf, otherEnd, plural, recordsOf, socketsOfType } from '../facts';
import type { Observation } from '../observation';
import { brokerTwoServers } from '../topologies/exercises';
import { broker } from '../../examples/broker';
import type { Exercise, Lesson } from '../types';

/** REP (or ROUTER) nodes whose edges reach a queue's backend. */
function serversBehindQueue(topology: Topology): string[] {
  const queues = new Set(devicesOf(topology, 'queue').map((q) => q.id));
  return topology.nodes
    .filter((n) => n.kind === 'socket' && (n.socket === 'REP' || n.socket === 'ROUTER'))
    .filter((n) =>
      edgesAt(topology, n.id).some((e) => {
        const end = otherEnd(e, n.id);
        return queues.has(end.node) && end.port === 'backend';
      }),
    )
    .map((n) => n.id);
}

/** Every client talks to a queue's frontend and nothing else. */
function clientsOnlyOnQueue(topology: Topology, f: Findings): void {
  const queues = new Set(devicesOf(topology, 'queue').map((q) => q.id));
  for (const client of socketsOfType(topology, 'REQ')) {
    const direct = edgesAt(topology, client.id)
      .map((e) => otherEnd(e, client.id))
      .filter((end) => !queues.has(end.node) || end.port !== 'frontend');
    f.expect(
      direct.length === 0,
      `${nameOf(topology, client.id)} knows only the queue`,
      `${nameOf(topology, client.id)} is wired straight to ${direct.map((d) => nameOf(topology, d.node)).join(', ')}: adding a server that way changes every client`,
    );
  }
}

/** Every client got one reply per request, and each reply answers that client's own request. */
function clientsAnswered(obs: Observation, f: Findings): void {
  for (const client of socketsOfType(obs.topology, 'REQ')) {
    const name = nameOf(obs.topology, client.id);
    const asked = recordsOf(obs, client.id, 'out').map((r) => r.preview);
    const got = recordsOf(obs, client.id, 'in').map((r) => r.preview);
    const own = got.length === asked.length && got.every((reply, i) => reply.startsWith(asked[i]));
    f.expect(
      asked.length > 0 && own,
      `${name} got an answer to each of its ${asked.length} requests, and only its own: the queue routed every reply back by the client's identity`,
      asked.length === 0
        ? `${name} sent no request`
        : `${name} sent ${asked.length} requests and got ${got.length} answers back${own ? '' : ', not all to its own requests'}`,
    );
  }
}

/** Each server behind the queue did some of the work. */
function serversShared(obs: Observation, servers: string[], f: Findings): void {
  const shares = servers.map((s) => `${nameOf(obs.topology, s)} ${recordsOf(obs, s, 'in').length}`);
  const idle = servers.filter((s) => recordsOf(obs, s, 'in').length === 0);
  f.expect(
    servers.length > 0 && idle.length === 0,
    `the queue spread the requests over ${plural(servers.length, 'server')} (${shares.join(', ')})`,
    servers.length === 0
      ? "no server is connected to the queue's backend"
      : `${idle.map((s) => nameOf(obs.topology, s)).join(', ')} got no request from the queue`,
  );
}

/** The starter as the engine reads it (defaults filled in), to compare the student's clients with. */
const STARTER = Topology.parse(brokerTwoServers);

const exercise: Exercise = {
  goal: "Add a third server behind the queue without touching the clients: connect a new REP to the queue's backend, then run it.",
  starter: { topology: brokerTwoServers },
  solution: broker,
  check(topology, observed) {
    const f = new Findings();
    for (const before of socketsOfType(STARTER, 'REQ')) {
      const now = findNode(topology, before.id);
      const was = JSON.stringify(
        edgesAt(STARTER, before.id).map((e) => [e.source, e.target, e.targetPort, e.endpoint]),
      );
      const is = JSON.stringify(
        edgesAt(topology, before.id).map((e) => [e.source, e.target, e.targetPort, e.endpoint]),
      );
      f.expect(
        now !== undefined && was === is,
        `${nameOf(topology, before.id)} is untouched`,
        now
          ? `${nameOf(topology, before.id)}'s connections changed: the point is to add a server without touching the clients`
          : `${before.id} is gone: keep both clients`,
      );
    }
    const servers = serversBehindQueue(topology);
    f.expect(
      servers.length >= 3,
      `${plural(servers.length, 'server')} sit behind the queue`,
      `only ${plural(servers.length, 'server')} ${servers.length === 1 ? 'is' : 'are'} connected to the queue's backend: connect a third REP to it (the backend binds tcp://127.0.0.1:5560)`,
    );
    serversShared(observed, servers, f);
    clientsAnswered(observed, f);
    return f.result();
  },
};

export const queueDeviceLesson: Lesson = {
  id: 'queue-device',
  title: 'A queue device: add servers without touching clients',
  summary:
    'Clients connect to a queue (ROUTER/DEALER), servers connect behind it: three servers share the work, no client knows.',
  doc: 'docs/lessons/queue-device.md',
  runs: [{ id: 'main', title: 'broker', topology: { example: 'broker' } }],
  watch: [
    'the clients have one edge each: to the queue, never to a server',
    "the queue's backend deals the requests over the three servers in turn",
    'each reply finds its way back to the client that asked (the route view follows it)',
  ],
  prediction: {
    question: 'Two clients send 6 requests each through the queue to three servers. Which server answers client 1?',
    choices: [
      'always server 1: client 1 is tied to it',
      'any of them: the queue deals requests over all three, and each reply still returns to client 1',
      'none: a client must connect to a server directly',
    ],
    answer: 1,
    why: "The queue's DEALER backend round-robins requests over every connected server; its ROUTER frontend remembers which client each request came from and routes the reply back by that identity.",
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    if (devicesOf(obs.topology, 'queue').length === 0)
      return {
        passed: false,
        findings: ['there is no queue device in this topology: the clients talk to the servers directly'],
      };
    clientsOnlyOnQueue(obs.topology, f);
    const servers = serversBehindQueue(obs.topology);
    f.expect(
      servers.length >= 3,
      `${plural(servers.length, 'server')} sit behind the queue`,
      `only ${plural(servers.length, 'server')} behind the queue: this lesson has three`,
    );
    serversShared(obs, servers, f);
    clientsAnswered(obs, f);
    return f.result();
  },
  exercise,
};
