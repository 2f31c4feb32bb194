/**
 * Lesson 5: the slow joiner. What a PUB publishes before a SUB has connected goes to nobody;
 * once connected, nothing is lost in between (the seed's point 2). The timeline of connect
 * events and first messages shows it.
 */
import type { Topology } from '../../topology';
import { Findings } from '../findings';
import { ms, nameOf, plural, quoted, recordsOf } from '../facts';
import type { Observation } from '../observation';
import { LATE_BY_MS, NEWS_COUNT, slowJoiner } from '../topologies/slowJoiner';
import type { Lesson } from '../types';

/** Subscribers whose connection is made late (an edge with a connect delay, the SUB end connecting). */
export function lateSubscribers(topology: Topology): string[] {
  const subs = new Set(
    topology.nodes.filter((n) => n.kind === 'socket' && (n.socket === 'SUB' || n.socket === 'XSUB')).map((n) => n.id),
  );
  const late = topology.edges
    .filter((e) => (e.connectDelayMs ?? 0) > 0)
    .map((e) => (e.bind === 'source' ? e.target : e.source));
  return [...new Set(late.filter((id) => subs.has(id)))];
}

/** When a subscriber's connection completed, and when its first message came (trace clock, ms). */
export function joinTimeline(
  obs: Observation,
  node: string,
): { connected?: number; handshake?: number; firstMessage?: { t: number; preview: string } } {
  const at = (kind: string) => obs.monitor.find((m) => m.node === node && m.kind === kind)?.t;
  const first = recordsOf(obs, node, 'in')[0];
  return {
    connected: at('connected'),
    handshake: at('handshake-ok'),
    firstMessage: first ? { t: first.t, preview: first.preview } : undefined,
  };
}

export const slowJoinerLesson: Lesson = {
  id: 'slow-joiner',
  title: 'The slow joiner',
  summary:
    'Messages published before a subscriber connects are lost; once it is connected, nothing is lost in between.',
  doc: 'docs/lessons/slow-joiner.md',
  runs: [{ id: 'main', title: 'late listener', topology: { topology: slowJoiner } }],
  watch: [
    `the timeline: the radio publishes from the start, the listener connects ${LATE_BY_MS} ms in`,
    'the listener\'s first message is not "news 0"',
    'the lost messages in the summary: each one owed to the late listener, each published before it connected',
  ],
  prediction: {
    question: `The radio publishes news 0 .. news ${NEWS_COUNT - 1}, one every 10 ms. The listener connects ${LATE_BY_MS} ms after the start. What is the first line it prints?`,
    choices: [
      '"news 0": ZeroMQ keeps the messages until the listener arrives',
      'a later one: what was published before it connected is gone for good',
      'nothing at all: a subscriber that joins late gets nothing',
    ],
    answer: 1,
    why: 'A PUB sends each message to the subscribers connected at that moment and keeps nothing for later ones. From the moment the listener is connected (and its subscription has arrived), it gets every message.',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const late = lateSubscribers(obs.topology);
    if (
      !f.expect(
        late.length > 0,
        `${late.map((id) => nameOf(obs.topology, id)).join(', ')} joins late`,
        'no subscriber joins late: give its edge a connect delay (connectDelayMs) to see the slow joiner',
      )
    ) {
      if (obs.lost.total === 0) f.fail('nothing was lost: every subscriber was connected before the first publication');
      return f.result();
    }
    const published = recordsOf(obs, 'radio', 'out');
    const lost = obs.lost.messages;
    f.expect(
      obs.lost.total > 0,
      `${obs.lost.total} of ${published.length} publications were lost`,
      'nothing was lost: the subscriber was connected before the first publication (is the connect delay long enough?)',
    );
    const stray = lost.filter((m) => !late.includes(m.owedTo));
    f.expect(
      stray.length === 0,
      `every lost one was owed to the late subscriber`,
      `${plural(stray.length, 'lost message')} ${stray.length === 1 ? 'was' : 'were'} owed to a subscriber that was not late: ${quoted(
        stray.map((m) => `${m.preview} -> ${m.owedTo}`),
        3,
      )}`,
    );
    for (const sub of late) {
      const name = nameOf(obs.topology, sub);
      const time = joinTimeline(obs, sub);
      const joined = time.handshake ?? time.connected;
      const mine = lost.filter((m) => m.owedTo === sub);
      if (joined === undefined || time.firstMessage === undefined) {
        f.fail(`${name} never ${joined === undefined ? 'connected' : 'received anything'} during the run`);
        continue;
      }
      const first = time.firstMessage;
      const before = mine.filter((m) => m.t < joined);
      f.expect(
        mine.length > 0 && before.length > 0 && mine.every((m) => m.t < first.t),
        `timeline: the first publication at ${ms(published[0]?.t ?? 0)}, ${name} connected at ${ms(joined)}, its first message "${first.preview}" at ${ms(first.t)}; ` +
          `the ${plural(mine.length, 'lost one')} (${quoted(
            mine.map((m) => m.preview),
            3,
          )}) ${before.length === mine.length ? 'were all published before it connected' : `were published before it connected (${before.length}) or while its subscription was on its way (${mine.length - before.length})`}`,
        `the losses do not line up with ${name}'s join at ${ms(joined)} (first message at ${ms(first.t)}): ${quoted(
          mine.map((m) => `${m.preview} at ${ms(m.t)}`),
          3,
        )}`,
      );
      const got = recordsOf(obs, sub, 'in').map((r) => r.preview);
      const sentAfter = published.filter((r) => r.t >= first.t).length;
      const tail = published.slice(published.length - got.length).map((r) => r.preview);
      f.expect(
        got.length >= sentAfter && got.join('\n') === tail.join('\n'),
        `once connected, ${name} missed nothing: it got "${got[0]}" through "${got[got.length - 1]}" without a gap`,
        `${name} got ${quoted(got, 4)}: after joining it should get every publication without a gap`,
      );
    }
    return f.result();
  },
};
