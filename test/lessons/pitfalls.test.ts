/**
 * The pitfalls, headless on real sockets: REQ sending twice (EFSM), the high-water mark (PUB
 * drops, PUSH blocks), a SUB with no subscription, and the transports side by side. Each check
 * passes on its topology and fails, in words, on a wrong one.
 *
 *   client (REQ, inject x2) -> slow server (REP)
 *   radio (PUB, hwm 5) -> slow listener;  ventilator (PUSH, hwm 5) -> slow worker   (inproc)
 *   radio (PUB) -> all-ears (SUB "") + deaf (SUB, none)
 *   REQ -> REP over inproc, ipc, tcp
 */
import { describe, expect, it } from 'vitest';
import { runLesson } from '../../main/lessons/run';
import { lesson } from './lesson';
import { defaultHighWaterMarks, noSubscriptionFixed, relaxedReq, transportsWithoutIpc } from './wrong';

describe.each(['req-state-machine', 'high-water-mark', 'no-subscription', 'transports'])('lesson %s', (id) => {
  it('passes on its own topology', async () => {
    const report = await runLesson(lesson(id));
    expect(report, report.findings.join('\n')).toMatchObject({ passed: true });
  });
});

describe('checks fail on a wrong topology, in words', () => {
  it('a relaxed REQ may send twice: no EFSM to show', async () => {
    const r = await runLesson(lesson('req-state-machine'), { topologies: { main: relaxedReq() } });
    expect(r.passed).toBe(false);
    expect(r.findings).toContain(
      'the second send went out without complaint: no EFSM (is the client a REQ, without the relaxed option?)',
    );
    expect(r.findings).toContain('no EFSM error was reported on the client');
  });

  it('at the default high-water mark nobody drops and nobody waits', async () => {
    const r = await runLesson(lesson('high-water-mark'), { topologies: { main: defaultHighWaterMarks() } });
    expect(r.passed).toBe(false);
    expect(r.findings).toHaveLength(3);
    expect(r.findings[0]).toBe(
      'the PUB dropped nothing: the slow listener got 50 of 50 (is the high-water mark still 5?)',
    );
    expect(r.findings[1]).toMatch(
      /^the ventilator's last task went out when the slow worker had taken only \d+ of 50: it was not held back/,
    );
    expect(r.findings[2]).toBe(
      'no send of the ventilator waited for room at the high-water mark (0 ms blocked in all): at a mark of 5 a PUSH flooding a slow worker blocks (is the mark still 5?)',
    );
  });

  it('a SUB given a subscription is not the pitfall', async () => {
    const r = await runLesson(lesson('no-subscription'), { topologies: { main: noSubscriptionFixed() } });
    expect(r).toMatchObject({
      passed: false,
      findings: ['every SUB here has a subscription: the lesson needs one without any'],
    });
  });

  it('without an ipc edge there is nothing to compare', async () => {
    const r = await runLesson(lesson('transports'), { topologies: { main: transportsWithoutIpc() } });
    expect(r).toMatchObject({
      passed: false,
      findings: ['no REQ client talks over ipc here: the lesson compares inproc, ipc and tcp'],
    });
  });
});
