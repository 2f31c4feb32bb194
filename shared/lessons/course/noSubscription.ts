/** Lesson 12 (pitfall): a SUB with no subscription receives nothing — not even "everything". */
import { Findings } from '../findings';
import { nameOf, plural, quoted, received } from '../facts';
import { NEWS, noSubscription } from '../topologies/pitfalls';
import type { Lesson } from '../types';
import { topicsOf } from './pubSub';

export const noSubscriptionLesson: Lesson = {
  id: 'no-subscription',
  title: 'Pitfall: a SUB with no subscription',
  summary: 'A SUB receives only what it subscribed to: with no subscription it receives nothing; "" means everything.',
  doc: 'docs/lessons/no-subscription.md',
  runs: [{ id: 'main', title: 'two subscribers', topology: { topology: noSubscription } }],
  watch: [
    'the diagnostics before the run: a warning that one SUB has no subscription',
    'the subscriber with "" prints every line; the other prints nothing',
    'nothing is reported lost: a SUB without a subscription was never owed anything',
  ],
  prediction: {
    question:
      'One SUB subscribes to "" and the other to nothing. The radio publishes ten lines. What does the second SUB receive?',
    choices: [
      'everything: no filter means no filtering',
      'nothing: a SUB receives only what matches a subscription, and it has none',
      'only the first line',
    ],
    answer: 1,
    why: 'A new SUB socket is subscribed to nothing. "" is the prefix every message starts with, so subscribing to "" means everything; no subscription means nothing at all.',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const subs = obs.topology.nodes.filter((n) => n.kind === 'socket' && n.socket === 'SUB');
    const deaf = subs.filter((n) => topicsOf(obs.topology, n.id).length === 0);
    const all = subs.filter((n) => topicsOf(obs.topology, n.id).includes(''));
    if (deaf.length === 0)
      return { passed: false, findings: ['every SUB here has a subscription: the lesson needs one without any'] };
    for (const n of deaf) {
      const got = received(obs, n.id);
      f.expect(
        got.length === 0,
        `${nameOf(obs.topology, n.id)} received nothing`,
        `${nameOf(obs.topology, n.id)} has no subscription yet received ${quoted(got, 3)}`,
      );
      const warning = obs.diagnostics.find((d) => d.code === 'no-subscription' && d.nodeId === n.id);
      f.expect(
        warning !== undefined,
        `and zmq-studio warned before the run: "${warning?.message ?? ''}"`,
        `no "no-subscription" warning was given for ${nameOf(obs.topology, n.id)}`,
      );
    }
    for (const n of all) {
      const got = received(obs, n.id);
      f.expect(
        got.length === NEWS,
        `${nameOf(obs.topology, n.id)} received all ${NEWS} lines: "" matches everything`,
        `${nameOf(obs.topology, n.id)} received ${plural(got.length, 'line')}, not all ${NEWS}`,
      );
    }
    f.expect(
      obs.lost.total === 0,
      'nothing was lost: a SUB without a subscription is owed nothing',
      `${plural(obs.lost.total, 'message')} were lost, yet nobody who subscribed missed anything?`,
    );
    return f.result();
  },
};
