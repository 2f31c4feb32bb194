/** Lesson 11 (pitfall): the high-water mark — a full PUB drops, a full PUSH waits. */
import { Findings } from '../findings';
import { ms, plural, quoted, recordsOf } from '../facts';
import { BLOCKED_SEND_MS } from '../../trace';
import { FLOOD, HWM, highWaterMark } from '../topologies/pitfalls';
import type { Lesson } from '../types';

/** Each message takes the slow reader this long (the topology's work delay). */
const READ_MS = 5;

export const highWaterMarkLesson: Lesson = {
  id: 'high-water-mark',
  title: 'Pitfall: the high-water mark',
  summary: `A PUB and a PUSH flood a slow reader: past the high-water mark (${HWM} here) the PUB drops messages, the PUSH waits.`,
  doc: 'docs/lessons/high-water-mark.md',
  runs: [{ id: 'main', title: 'flood a slow reader', topology: { topology: highWaterMark } }],
  watch: [
    'the radio finishes its 50 publications almost at once; most never reach the slow listener',
    "the ventilator's sends spread out in time: it is held back at the pace of the slow worker",
    `the gauge under the ventilator's card: messages in flight against its high-water mark (sndhwm ${HWM}), and how long its sends were blocked`,
    'the Hops tab: a send that had to wait says "PUSH blocks: high water mark reached — this send waited … for room"',
    "the lost messages: all the radio's, none of the ventilator's",
  ],
  prediction: {
    question: `Both senders have a high-water mark of ${HWM} and send ${FLOOD} messages as fast as they can to a reader that needs ${READ_MS} ms per message. What happens?`,
    choices: [
      'both wait for the reader; nothing is lost',
      'the PUB drops what does not fit; the PUSH waits until there is room, and loses nothing',
      'both drop what does not fit',
      'both fail with an error',
    ],
    answer: 1,
    why: 'When a queue is full ("mute"), each socket type does what its pattern allows: a PUB must never be slowed by one subscriber, so it drops; a PUSH must deliver every task, so it blocks the sender.',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const radioSends = recordsOf(obs, 'radio', 'out');
    const heard = recordsOf(obs, 'slowListener', 'in', 'in').length;
    const dropped = obs.lost.messages.filter((m) => m.node === 'radio');
    f.expect(
      dropped.length > 0 && heard < FLOOD,
      `the PUB dropped: the slow listener got ${heard} of ${FLOOD}; ${dropped.length} were lost (${quoted(
        dropped.map((m) => m.preview),
        3,
      )})`,
      `the PUB dropped nothing: the slow listener got ${heard} of ${FLOOD} (is the high-water mark still ${HWM}?)`,
    );
    const span = (sends: typeof radioSends) => (sends.length > 1 ? sends[sends.length - 1].t - sends[0].t : 0);
    f.note(
      `the radio published all ${radioSends.length} in ${ms(span(radioSends))}: a PUB never waits for a subscriber`,
    );
    const tasks = recordsOf(obs, 'ventilator', 'out');
    const worked = recordsOf(obs, 'slowWorker', 'in', 'in').length;
    const pushLost = obs.lost.messages.filter((m) => m.node === 'ventilator').length;
    f.expect(
      worked === FLOOD && pushLost === 0,
      `the PUSH lost nothing: the slow worker got all ${FLOOD} tasks`,
      `the slow worker got ${worked} of ${FLOOD} tasks (${pushLost} lost): a PUSH should lose none`,
    );
    // Causal, not timed (a busy machine stretches every clock): a PUSH that blocks cannot make its
    // last send before the worker has taken all but the few messages its queues hold (both marks).
    const last = tasks[tasks.length - 1];
    const takenBefore = last ? recordsOf(obs, 'slowWorker', 'in', 'in').filter((r) => r.seq < last.seq).length : 0;
    f.expect(
      takenBefore >= FLOOD - 4 * HWM,
      `the PUSH blocked: its last task went out only after the slow worker had taken ${takenBefore} (its sends took ${ms(span(tasks))}, at the worker's pace)`,
      `the ventilator's last task went out when the slow worker had taken only ${takenBefore} of ${FLOOD}: it was not held back (is the high-water mark still ${HWM}?)`,
    );
    // Measured, not inferred: the engine times each send that waits in libzmq (BLOCKED_SEND_MS or more).
    const blocked = tasks.filter((r) => r.blockedBy === 'high-water-mark');
    const gauge = obs.stats.nodes.find((n) => n.node === 'ventilator')?.sockets?.find((g) => g.port === '');
    const total = gauge?.blockedTotalMs ?? blocked.reduce((sum, r) => sum + (r.blockedMs ?? 0), 0);
    const longest = blocked.reduce((most, r) => Math.max(most, r.blockedMs ?? 0), 0);
    f.expect(
      blocked.length > 0,
      `the PUSH was seen blocking: ${plural(blocked.length, 'send')} waited ${BLOCKED_SEND_MS} ms or more for room at the high-water mark (the longest ${ms(longest)}; ${ms(total)} blocked in all)`,
      `no send of the ventilator waited for room at the high-water mark (${ms(total)} blocked in all): at a mark of ${HWM} a PUSH flooding a slow worker blocks (is the mark still ${HWM}?)`,
    );
    return f.result();
  },
};
