/** Lesson 13: transports compared — inproc, ipc, tcp carry the same patterns; pgm needs libzmq built with it. */
import { Findings } from '../findings';
import { nameOf, recordsOf } from '../facts';
import type { Observation } from '../observation';
import { ROUND_TRIPS, TRANSPORTS, transports } from '../topologies/pitfalls';
import type { Transport } from '../topologies/pitfalls';
import type { Lesson } from '../types';

/** The REQ client on an edge of this transport, if any. */
function clientOver(obs: Observation, t: Transport): string | undefined {
  const edge = obs.topology.edges.find((e) => e.endpoint.startsWith(`${t}://`));
  if (!edge) return undefined;
  return [edge.source, edge.target].find((id) =>
    obs.topology.nodes.some((n) => n.id === id && n.kind === 'socket' && n.socket === 'REQ'),
  );
}

/** Mean time from a request leaving to its reply arriving, in ms. */
function meanRoundTrip(obs: Observation, client: string): number {
  const outs = recordsOf(obs, client, 'out');
  const ins = recordsOf(obs, client, 'in');
  const n = Math.min(outs.length, ins.length);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ins[i].t - outs[i].t;
  return n > 0 ? sum / n : NaN;
}

export const transportsLesson: Lesson = {
  id: 'transports',
  title: 'Transports compared: inproc, ipc, tcp (and pgm)',
  summary:
    'The same request/reply over inproc, ipc and tcp: only the endpoint changes; pgm needs a libzmq built with it.',
  doc: 'docs/lessons/transports.md',
  runs: [{ id: 'main', title: 'three transports', topology: { topology: transports } }],
  watch: [
    'the endpoints: inproc://, ipc://, tcp:// — the sockets and behaviours are identical',
    'the socket events: tcp and ipc connect and shake hands; inproc shows no connection events at all',
    'the round-trip times in the check: all fast on one machine; only tcp can cross machines',
  ],
  prediction: {
    question: 'To move the pair from tcp to inproc, what must change in the program?',
    choices: [
      'the socket types: inproc needs its own sockets',
      'only the endpoint string',
      'the messages: inproc carries no multi-part messages',
    ],
    answer: 1,
    why: 'ZeroMQ hides the transport behind the endpoint: inproc (threads of one process), ipc (processes of one machine), tcp (the network) and pgm/epgm (multicast) all carry the same patterns.',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const times: string[] = [];
    for (const t of TRANSPORTS) {
      const client = clientOver(obs, t);
      if (!client) {
        f.fail(`no REQ client talks over ${t} here: the lesson compares inproc, ipc and tcp`);
        continue;
      }
      const replies = recordsOf(obs, client, 'in').length;
      f.expect(
        replies === ROUND_TRIPS,
        `${nameOf(obs.topology, client)} completed its ${ROUND_TRIPS} round trips over ${t}`,
        `${nameOf(obs.topology, client)} got ${replies} replies over ${t}, not ${ROUND_TRIPS}`,
      );
      times.push(`${t} ${meanRoundTrip(obs, client).toFixed(2)} ms`);
      const events = obs.monitor.filter((m) => m.node === client && m.kind === 'handshake-ok').length;
      if (t === 'inproc')
        f.note(`inproc showed ${events} connection events: it is a queue in memory, with no network connection at all`);
    }
    if (times.length > 0) f.note(`mean round trip on this machine: ${times.join(', ')}`);
    const pgm = obs.capabilities?.pgm;
    f.note(
      pgm === undefined
        ? 'pgm: unknown (the host did not say)'
        : pgm
          ? 'pgm (multicast): this libzmq has it'
          : 'pgm (multicast): this libzmq was built without it, so a pgm:// or epgm:// edge is refused before the run',
    );
    return f.result();
  },
};
