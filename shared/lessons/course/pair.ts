/** Lesson 9: an exclusive pair — one peer, messages both ways (the seed's "paired socket"). */
import { Findings } from '../findings';
import { edgesAt, findNode, nameOf, recordsOf } from '../facts';
import type { Lesson } from '../types';

const COUNT = 5;

export const pairLesson: Lesson = {
  id: 'exclusive-pair',
  title: 'Exclusive pair',
  summary: 'Two PAIR sockets, one connection, messages both ways: the server binds, the client connects.',
  doc: 'docs/lessons/exclusive-pair.md',
  runs: [{ id: 'main', title: 'pair', topology: { example: 'pair' } }],
  watch: [
    'one edge only: a PAIR has exactly one peer',
    'the trace goes both ways over that edge: ping from the client, pong from the server',
    'neither side is a "client" to ZeroMQ: either may send at any time',
  ],
  prediction: {
    question: 'A third PAIR socket tries to connect to the server as well. What happens?',
    choices: [
      'the server answers both, in turn',
      'it is refused: a PAIR talks to exactly one peer',
      'the messages are copied to both',
    ],
    answer: 1,
    why: 'PAIR is the exclusive pattern: one socket, one peer, both directions. zmq-studio refuses a second peer before anything runs.',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    for (const id of ['client', 'server']) {
      const node = findNode(obs.topology, id);
      const type = node?.kind === 'socket' ? node.socket : (node?.kind ?? 'missing');
      const edges = edgesAt(obs.topology, id).length;
      f.expect(
        type === 'PAIR' && edges === 1,
        `${nameOf(obs.topology, id)} is a PAIR with exactly one peer`,
        type !== 'PAIR'
          ? `${nameOf(obs.topology, id)} is ${type === 'missing' ? 'missing' : `a ${type}`}, not a PAIR`
          : `${nameOf(obs.topology, id)} has ${edges} edges: a PAIR has exactly one`,
      );
    }
    const pings = recordsOf(obs, 'client', 'out').length;
    const pongs = recordsOf(obs, 'client', 'in').length;
    const got = recordsOf(obs, 'server', 'in').length;
    const answered = recordsOf(obs, 'server', 'out').length;
    f.expect(
      pings === COUNT && got === COUNT,
      `the client's ${COUNT} pings reached the server`,
      `the client sent ${pings} pings and the server got ${got}; expected ${COUNT}`,
    );
    f.expect(
      answered === COUNT && pongs === COUNT,
      `the server's ${COUNT} pongs came back over the same connection: messages flow both ways`,
      `the server sent ${answered} answers and the client got ${pongs}; expected ${COUNT} each way`,
    );
    return f.result();
  },
};
