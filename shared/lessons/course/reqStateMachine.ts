/** Lesson 10 (pitfall): REQ's strict state machine — a second send before the reply is refused with EFSM. */
import { Findings } from '../findings';
import { errorsWith, quoted, received } from '../facts';
import { reqTwice } from '../topologies/pitfalls';
import type { Lesson } from '../types';

export const reqStateMachineLesson: Lesson = {
  id: 'req-state-machine',
  title: 'Pitfall: REQ sends twice',
  summary:
    'A REQ that sends again before its reply came is refused with EFSM: send, receive, send, receive — no exceptions.',
  doc: 'docs/lessons/req-state-machine.md',
  runs: [
    {
      id: 'main',
      title: 'send twice',
      topology: { topology: reqTwice },
      // What a hasty program does: two requests in a row, without waiting for the (slow) reply.
      actions: [
        { type: 'inject', node: 'client', frames: ['Hello'] },
        { type: 'inject', node: 'client', frames: ['Hello again'] },
        { type: 'waitForLog', node: 'client', line: 'Received World', timeoutMs: 1500 },
      ],
      durationMs: 50,
    },
  ],
  watch: [
    'the first "Hello" goes out; the server takes 300 ms to answer',
    'the second send fails at once with EFSM, with the reason in words',
    'the reply to the first still arrives: the REQ was waiting for exactly that',
  ],
  prediction: {
    question: 'The client sends "Hello" and, before the answer came, tries to send "Hello again". What happens?',
    choices: [
      'both go out and the server answers both',
      'the second send is refused (EFSM): a REQ must receive the reply first',
      'the first request is cancelled and replaced by the second',
    ],
    answer: 1,
    why: 'A REQ socket is a small state machine: after a send it only accepts a receive. Sending in the wrong state fails with EFSM ("operation cannot be accomplished in current state").',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const [first, second] = obs.actions;
    f.expect(
      first?.ok === true,
      'the first "Hello" went out',
      `the first send failed: ${first?.error ?? 'it was not made'}`,
    );
    f.expect(
      second !== undefined && !second.ok,
      `the second send was refused: ${second?.error ?? ''}`,
      'the second send went out without complaint: no EFSM (is the client a REQ, without the relaxed option?)',
    );
    const efsm = errorsWith(obs, 'EFSM', 'client')[0];
    f.expect(
      efsm !== undefined,
      `the engine reported EFSM on the client — ${efsm?.hint ?? ''}`,
      'no EFSM error was reported on the client',
    );
    const got = received(obs, 'server');
    f.expect(
      got.length === 1 && got[0] === 'Hello',
      'the server only ever saw the first "Hello"',
      `the server received ${quoted(got)}; only the first "Hello" should reach it`,
    );
    const replies = received(obs, 'client');
    f.expect(
      replies.length === 1,
      'the reply to the first request still arrived: the REQ was waiting for it all along',
      `the client received ${quoted(replies)}; it should get exactly one reply`,
    );
    return f.result();
  },
};
