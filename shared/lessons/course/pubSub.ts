/** Lesson 4: the seed's football radio — PUB/SUB, topics and prefix filters. */
import { FOOTBALL_LINES } from '../../examples';
import { Topology } from '../../topology';
import type { TopologyNode } from '../../topology';
import { Findings } from '../findings';
import { findNode, nameOf, plural, quoted, received, sent, socketsOfType } from '../facts';
import type { Observation } from '../observation';
import { footballTwoListeners } from '../topologies/exercises';
import { football } from '../../examples/football';
import type { Exercise, Lesson } from '../types';

/** The lines of the match a SUB with these prefixes is owed, in order. */
export function linesFor(topics: readonly string[]): string[] {
  return FOOTBALL_LINES.filter((line) => topics.some((t) => line.startsWith(t)));
}

/** The prefixes a SUB node subscribes to ([] when none, or when it is not a subscriber). */
export function topicsOf(topology: Topology, id: string): string[] {
  const node = findNode(topology, id);
  return node?.kind === 'socket' && node.behavior?.type === 'subscribe' ? node.behavior.topics : [];
}

/** A subscriber heard exactly what its prefixes match, in order; `expected` pins the lesson's own. */
export function heardExactly(
  obs: Observation,
  id: string,
  f: Findings,
  expected = linesFor(topicsOf(obs.topology, id)),
): boolean {
  const name = nameOf(obs.topology, id);
  const got = received(obs, id);
  const topics = topicsOf(obs.topology, id);
  const subscribed = topics.length > 0 ? `its subscriptions ${quoted(topics)}` : 'no subscription at all';
  return f.expect(
    got.join('\n') === expected.join('\n') && got.length > 0,
    `${name} heard exactly the ${plural(got.length, 'line')} starting with ${quoted(topics)}, in the order they were broadcast`,
    got.length === 0
      ? `${name} heard nothing (it has ${subscribed}); it should hear the ${plural(expected.length, 'line')} starting with ${quoted([...new Set(expected.map((l) => l.split(' ')[0]))])}`
      : `${name} heard ${quoted(got, 4)} (it has ${subscribed}); it should hear ${quoted(expected, 4)}`,
  );
}

const STARTER = Topology.parse(football);

/** Same socket type, behaviour and options (where it sits on the canvas and its label do not matter). */
function sameSocket(a: TopologyNode | undefined, b: TopologyNode | undefined): boolean {
  if (a?.kind !== 'socket' || b?.kind !== 'socket') return false;
  return JSON.stringify([a.socket, a.behavior, a.options]) === JSON.stringify([b.socket, b.behavior, b.options]);
}

const exercise: Exercise = {
  goal: 'Add a second listener that hears only the brazil lines, and leave the radio and the first listener as they are.',
  starter: { example: 'football' },
  solution: footballTwoListeners,
  check(topology, observed) {
    const f = new Findings();
    f.expect(
      sameSocket(findNode(topology, 'radio'), findNode(STARTER, 'radio')),
      'the radio is unchanged',
      'the radio changed (or is gone): the exercise adds a listener and leaves the radio alone',
    );
    heardExactly(observed, 'listener', f, linesFor(['netherlands', 'germany']));
    const fans = socketsOfType(topology, 'SUB').filter((n) => n.id !== 'listener');
    const brazil = linesFor(['brazil']);
    const fan = fans.find((n) => received(observed, n.id).join('\n') === brazil.join('\n'));
    if (fan) f.note(`${nameOf(topology, fan.id)} heard exactly the ${brazil.length} brazil lines`);
    else if (fans.length === 0)
      f.fail('there is no second SUB yet: add one, subscribe it to "brazil" and connect it to the radio');
    else {
      const n = fans[0];
      f.fail(
        `${nameOf(topology, n.id)} heard ${quoted(received(observed, n.id), 3)}; it should hear only the ${brazil.length} brazil lines (subscribe it to "brazil")`,
      );
    }
    return f.result();
  },
};

export const pubSubLesson: Lesson = {
  id: 'pubsub-radio',
  title: 'Publish/subscribe: a football radio',
  summary: 'A PUB broadcasts a live match; a SUB subscribed to "netherlands" and "germany" hears only those lines.',
  doc: 'docs/lessons/pubsub-radio.md',
  runs: [{ id: 'main', title: 'football radio', topology: { example: 'football' } }],
  watch: [
    "the radio's log: it broadcasts every line of the match, to whoever listens",
    'the listener\'s log: only lines that start with "netherlands" or "germany"',
    'the trace: lines the listener did not subscribe to are not lost — they were never owed to it',
  ],
  prediction: {
    question:
      'The listener subscribes to "netherlands" and "germany". The radio broadcasts "brazil yellow card". What happens to that line?',
    choices: [
      'the listener receives it and throws it away',
      'the listener never receives it: it matches none of its subscriptions',
      'the radio waits until someone subscribed to "brazil" connects',
    ],
    answer: 1,
    why: 'A subscription is a prefix filter: a SUB receives only messages that start with one of its subscriptions. The rest is filtered before it reaches the listener, and a PUB never waits for anyone.',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const published = sent(obs, 'radio');
    f.expect(
      published.length === FOOTBALL_LINES.length,
      `the radio broadcast all ${FOOTBALL_LINES.length} lines of the match`,
      `the radio broadcast ${published.length} lines, not ${FOOTBALL_LINES.length}`,
    );
    heardExactly(obs, 'listener', f, linesFor(['netherlands', 'germany']));
    f.expect(
      obs.lost.total === 0,
      `nothing was lost: the ${FOOTBALL_LINES.length - linesFor(['netherlands', 'germany']).length} other lines were never owed to the listener (its filter)`,
      `${plural(obs.lost.total, 'line')} the listener subscribed to never reached it (${quoted(
        obs.lost.messages.map((m) => m.preview),
        3,
      )})`,
    );
    return f.result();
  },
  exercise,
};
