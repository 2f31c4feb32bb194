/** Lesson 2: the seed's load-balanced request/reply — predict the split, then see 0,2,4,6,8 / 1,3,5,7,9. */
import { Findings } from '../findings';
import { findNode, nameOf, numbersOf, received, socketsOfType } from '../facts';
import type { Lesson } from '../types';

const SPLIT: Record<string, string[]> = {
  server1: [0, 2, 4, 6, 8].map((i) => `msg ${i}`),
  server2: [1, 3, 5, 7, 9].map((i) => `msg ${i}`),
};

export const loadBalancingLesson: Lesson = {
  id: 'load-balancing',
  title: 'Load balancing: one client, two servers',
  summary: 'A REQ connected to two REPs deals its requests in turn: server 1 gets 0,2,4,6,8, server 2 gets 1,3,5,7,9.',
  doc: 'docs/lessons/load-balancing.md',
  runs: [{ id: 'main', title: 'load-balanced', topology: { example: 'load-balanced' } }],
  watch: [
    'the logs of server 1 and server 2: which "msg N" each one gets',
    "the edges: the client's requests alternate between them",
    'the client never chooses a server by name: the socket does',
  ],
  prediction: {
    question:
      'The client sends msg 0 .. msg 9 and is connected to server 1 and server 2. Which requests does server 1 get?',
    choices: [
      'msg 0 to msg 4: the first half',
      'msg 0, 2, 4, 6, 8: every other one',
      'all ten: the first server to connect takes everything',
      'a random half, different every run',
    ],
    answer: 1,
    why: 'A REQ socket round-robins over its connected peers: one request to each in turn. The run starts only after both connections are up, so the split is the same every time.',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const missing = ['client', ...Object.keys(SPLIT)].filter((id) => !findNode(obs.topology, id));
    if (missing.length > 0)
      return {
        passed: false,
        findings: [`this is not the seed's topology: there is no ${missing.map((id) => `"${id}"`).join(', ')} node`],
      };
    for (const [server, expected] of Object.entries(SPLIT)) {
      const got = received(obs, server);
      const name = nameOf(obs.topology, server);
      f.expect(
        got.join('|') === expected.join('|'),
        `${name} got msg ${numbersOf(got)}, as the seed prints`,
        got.length === 0
          ? `${name} got no request; the seed's ${name} prints msg ${numbersOf(expected)}`
          : `${name} got msg ${numbersOf(got)}; the seed's ${name} gets msg ${numbersOf(expected)}`,
      );
    }
    for (const rep of socketsOfType(obs.topology, 'REP')) {
      if (rep.id in SPLIT) continue;
      const got = received(obs, rep.id);
      if (got.length > 0)
        f.fail(
          `${nameOf(obs.topology, rep.id)} also got requests (msg ${numbersOf(got)}): with three servers each gets one request in three`,
        );
    }
    const replies = received(obs, 'client');
    f.expect(
      replies.length === 10,
      'the client got all 10 replies',
      `the client got ${replies.length} replies, not 10`,
    );
    return f.result();
  },
};
