/** Lesson 6: a forwarder device (XSUB/XPUB): data flows down, subscriptions travel up. */
import { FOOTBALL_LINES } from '../../examples';
import { Findings } from '../findings';
import { devicesOf, nameOf, quoted, recordsOf, subscriptionsSent } from '../facts';
import type { Lesson } from '../types';
import { heardExactly, linesFor, topicsOf } from './pubSub';

export const forwarderLesson: Lesson = {
  id: 'forwarder',
  title: 'A forwarder device: subscriptions travel upstream',
  summary:
    "radio -> forwarder (XSUB/XPUB) -> listener: the listener's subscriptions reach the radio through the forwarder.",
  doc: 'docs/lessons/forwarder.md',
  runs: [{ id: 'main', title: 'football through a forwarder', topology: { example: 'football-forwarder' } }],
  watch: [
    "the first hops of the trace go upstream: the listener's subscriptions, passed on by the forwarder to the radio",
    "the forwarder's frontend receives only netherlands and germany lines",
    'the radio and the listener never know about each other: both connect to the forwarder',
  ],
  prediction: {
    question:
      'The listener subscribes to "netherlands" and "germany" at the forwarder. Which lines of the match reach the forwarder from the radio?',
    choices: [
      'all of them: the forwarder filters for its listeners',
      'only netherlands and germany lines: the subscriptions went upstream to the radio, which filters',
      'none: a forwarder needs its own subscriptions',
    ],
    answer: 1,
    why: "The forwarder's XPUB backend receives the listener's subscriptions as messages and its XSUB frontend sends them on to the radio. The radio then filters at the source, as it would for a direct subscriber.",
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const forwarders = devicesOf(obs.topology, 'forwarder');
    if (forwarders.length === 0)
      return {
        passed: false,
        findings: ['there is no forwarder device in this topology: the radio and the listener are wired to each other'],
      };
    const fwd = forwarders[0].id;
    const name = nameOf(obs.topology, fwd);
    const asked = topicsOf(obs.topology, 'listener');
    const up = subscriptionsSent(obs, 'listener');
    const passed = subscriptionsSent(obs, fwd, 'frontend');
    f.expect(
      up.length > 0 && up.every((t) => passed.includes(t)),
      `the listener's subscriptions ${quoted(up)} went to the ${name}, which passed them upstream to the radio`,
      up.length === 0
        ? 'the listener sent no subscription upstream (it subscribes to nothing?)'
        : `the ${name} passed ${quoted(passed)} upstream, not all of the listener's ${quoted(up)}`,
    );
    const arrived = recordsOf(obs, fwd, 'in', 'frontend').map((r) => r.preview);
    const unasked = arrived.filter((line) => !asked.some((t) => line.startsWith(t)));
    f.expect(
      arrived.length > 0 && unasked.length === 0,
      `the radio sent the ${name} only the ${arrived.length} lines someone asked for: the other ${FOOTBALL_LINES.length - arrived.length} were filtered at the source`,
      arrived.length === 0
        ? `the ${name} received nothing from the radio`
        : `the ${name} received ${quoted(unasked, 3)}, which nobody downstream asked for`,
    );
    heardExactly(obs, 'listener', f, linesFor(['netherlands', 'germany']));
    const forwarded = new Set(recordsOf(obs, fwd, 'out', 'backend').map((r) => r.msg));
    const direct = recordsOf(obs, 'listener', 'in').filter((r) => !forwarded.has(r.msg));
    f.expect(
      direct.length === 0,
      `every line the listener heard came through the ${name}`,
      `${quoted(
        direct.map((r) => r.preview),
        3,
      )} reached the listener without the ${name}`,
    );
    return f.result();
  },
};
