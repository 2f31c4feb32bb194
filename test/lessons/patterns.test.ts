/**
 * The patterns' lessons, headless on real sockets: each check passes on its own topology and
 * fails, saying why, on a deliberately wrong one.
 *
 *   hwclient (REQ) -> hwserver (REP)                 client (REQ) -+-> server 1, server 2 (REP)
 *   radio (PUB) -> listener (SUB netherlands, germany)   radio (PUB) ~300 ms~> late listener (SUB)
 *   client (PAIR) <-> server (PAIR)
 */
import { describe, expect, it } from 'vitest';
import { runLesson } from '../../main/lessons/run';
import { lesson } from './lesson';
import {
  footballDeafListener,
  helloWorldDealer,
  loadBalancedThreeServers,
  pairWithIntruder,
  slowJoinerOnTime,
} from './wrong';

describe.each(['hello-world', 'load-balancing', 'pubsub-radio', 'slow-joiner', 'exclusive-pair'])('lesson %s', (id) => {
  it('passes on its own topology', async () => {
    const report = await runLesson(lesson(id));
    expect(report.findings.join('\n')).not.toBe('');
    expect(report, report.findings.join('\n')).toMatchObject({ passed: true });
  });
});

describe('checks fail on a wrong topology, in words', () => {
  it('hello world with a DEALER client is not lock-step', async () => {
    const r = await runLesson(lesson('hello-world'), { topologies: { main: helloWorldDealer() } });
    expect(r.passed).toBe(false);
    expect(r.findings).toContain('hwclient is a DEALER, not a REQ: only a REQ enforces the lock-step');
    expect(r.findings.join('\n')).toMatch(
      /not lock-step: hwclient sent "Hello" before the reply to its previous request had come/,
    );
  });

  it("load balancing with a third server breaks the seed's split", async () => {
    const r = await runLesson(lesson('load-balancing'), { topologies: { main: loadBalancedThreeServers() } });
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([
      "server 1 got msg 0, 3, 6, 9; the seed's server 1 gets msg 0, 2, 4, 6, 8",
      "server 2 got msg 1, 4, 7; the seed's server 2 gets msg 1, 3, 5, 7, 9",
      'server 3 also got requests (msg 2, 5, 8): with three servers each gets one request in three',
    ]);
  });

  it('a listener subscribed to nothing hears nothing', async () => {
    const r = await runLesson(lesson('pubsub-radio'), { topologies: { main: footballDeafListener() } });
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([
      'listener heard nothing (it has no subscription at all); it should hear the 10 lines starting with "netherlands", "germany"',
    ]);
  });

  it('a subscriber connected from the start loses nothing: no slow joiner to see', async () => {
    const r = await runLesson(lesson('slow-joiner'), { topologies: { main: slowJoinerOnTime() } });
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([
      'no subscriber joins late: give its edge a connect delay (connectDelayMs) to see the slow joiner',
      'nothing was lost: every subscriber was connected before the first publication',
    ]);
  });

  it('a second PAIR peer is refused before the run', async () => {
    const r = await runLesson(lesson('exclusive-pair'), { topologies: { main: pairWithIntruder() } });
    expect(r.passed).toBe(false);
    expect(r.runs).toEqual([expect.objectContaining({ id: 'main', ending: 'failed' })]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatch(
      /^run "pair" did not start: server is a PAIR and already has its one peer over edge link \(hint: /,
    );
  });
});
