/** Lesson 1: hwclient / hwserver, the seed's hello world: REQ and REP move in lock-step. */
import { Findings } from '../findings';
import { findNode, quoted, recordsOf } from '../facts';
import type { Lesson } from '../types';

const CLIENT = 'hwclient';
const SERVER = 'hwserver';
const REQUESTS = 10;

export const helloWorldLesson: Lesson = {
  id: 'hello-world',
  title: 'Hello world: request and reply',
  summary: 'hwclient (REQ) asks "Hello", hwserver (REP) answers "World": strictly one question, one answer.',
  doc: 'docs/lessons/hello-world.md',
  runs: [{ id: 'main', title: 'hello world', topology: { example: 'hello-world' } }],
  watch: [
    'the client\'s log: every "Sending Hello" is followed by "Received World" before the next one',
    'the trace: request, reply, request, reply — never two requests in a row',
    'the server only ever answers; it never speaks first',
  ],
  prediction: {
    question: 'hwclient sends "Hello" ten times. What happens between two Hellos?',
    choices: [
      'nothing: it sends all ten at once and collects the replies afterwards',
      'it must receive "World" before it may send the next "Hello"',
      'the server tells the client when it may send again',
    ],
    answer: 1,
    why: 'A REQ socket alternates strictly: send, receive, send, receive. It cannot send a second request until the reply to the first has arrived.',
  },
  check(observed) {
    const obs = observed.main;
    const f = new Findings();
    const client = findNode(obs.topology, CLIENT);
    if (!client) return { passed: false, findings: [`there is no node "${CLIENT}" in this topology`] };
    const type = client.kind === 'socket' ? client.socket : client.kind;
    f.expect(
      type === 'REQ',
      'hwclient is a REQ socket',
      `hwclient is a ${type}, not a REQ: only a REQ enforces the lock-step`,
    );
    const mine = obs.records.filter((r) => r.node === CLIENT && r.port === '');
    const requests = mine.filter((r) => r.dir === 'out');
    const replies = mine.filter((r) => r.dir === 'in');
    f.expect(
      requests.length === REQUESTS,
      `hwclient sent "Hello" ${REQUESTS} times`,
      `hwclient sent ${requests.length} requests, not ${REQUESTS}`,
    );
    f.expect(
      replies.length === REQUESTS && replies.every((r) => r.preview === 'World'),
      `it got "World" back ${REQUESTS} times`,
      `hwclient received ${quoted(replies.map((r) => r.preview))}, not "World" ${REQUESTS} times`,
    );
    const broken = mine.findIndex((r, i) => r.dir !== (i % 2 === 0 ? 'out' : 'in'));
    f.expect(
      broken < 0,
      'lock-step: every "Hello" waited for its "World" before the next one went out',
      broken >= 0 && mine[broken].dir === 'out'
        ? `not lock-step: hwclient sent "${mine[broken].preview}" before the reply to its previous request had come`
        : 'not lock-step: hwclient received a message it had not asked for',
    );
    const got = recordsOf(obs, SERVER, 'in');
    const answered = recordsOf(obs, SERVER, 'out');
    f.expect(
      got.length === REQUESTS && answered.length === REQUESTS,
      `hwserver received every request and answered each one`,
      `hwserver received ${got.length} requests and answered ${answered.length}; expected ${REQUESTS} of each`,
    );
    return f.result();
  },
};
