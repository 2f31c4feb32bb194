/**
 * RunSocket over a scripted stand-in for a zeromq socket: the send and receive paths the hot path
 * rewrite touched (one zeromq send at a time, failures, synchronous throws, the gate, faults,
 * blocked sends), each traced as before.
 *
 *   PUSH (0) --e0--> PULL (1)
 */
import { describe, expect, it } from 'vitest';
import type * as zmq from 'zeromq';
import { RunSocket } from '../../main/tracedSocket';
import { TraceRecorder } from '../../main/trace/recorder';
import type { TracedSocket } from '../../main/trace/recorder';
import { EdgeFaults } from '../../main/faults';
import { SendGate } from '../../main/gate';
import type { TraceBatch } from '../../shared/trace';
import { batchRecords } from '../../shared/trace';

/** What the socket does with the next send: go at once, wait for a call to `release`, fail, or throw at once. */
type SendStep = 'ok' | 'wait' | 'fail' | 'throw';

class ScriptedSocket {
  closed = false;
  sendHighWaterMark = 1000;
  /** Sends zeromq was asked for, in order, and how many were under way at once at most. */
  readonly sent: string[] = [];
  maxUnderWay = 0;
  private underWay = 0;
  readonly steps: SendStep[] = [];
  private release: (() => void) | undefined;
  readonly inbox: Buffer[][] = [];
  receiveThrows = false;

  send(frames: Uint8Array[]): Promise<void> {
    const step = this.steps.shift() ?? 'ok';
    if (step === 'throw') throw Object.assign(new Error('Socket is closed'), { code: 'EBADF' });
    this.sent.push(Buffer.from(frames[0]).toString());
    this.underWay++;
    this.maxUnderWay = Math.max(this.maxUnderWay, this.underWay);
    const done = (): void => {
      this.underWay--;
    };
    if (step === 'fail') {
      done();
      return Promise.reject(Object.assign(new Error('Operation cannot be accomplished in current state'), { code: 'EFSM' }));
    }
    if (step === 'wait') return new Promise((resolve) => (this.release = () => (done(), resolve())));
    done();
    return Promise.resolve();
  }

  finishWaitingSend(): void {
    this.release?.();
  }

  receive(): Promise<Buffer[]> {
    if (this.receiveThrows) throw Object.assign(new Error('Socket is busy reading'), { code: 'EBUSY' });
    const m = this.inbox.shift();
    return m ? Promise.resolve(m) : new Promise(() => undefined);
  }
}

const traced = (type: TracedSocket['type'], peers: number[]): TracedSocket => ({
  node: type.toLowerCase(), port: '', type, peers, peerEdges: peers.map(() => 0), edges: [0], hasExternalPeer: false, subscriptions: undefined,
});

function setup(gate?: (socket: number) => Promise<void> | undefined) {
  const batches: TraceBatch[] = [];
  const recorder = new TraceRecorder([traced('PUSH', [1]), traced('PULL', [0])], ['e0'], {
    capacity: 100, flushMs: 50, maxPendingAgeMs: 60_000, maxPending: 1000, onBatch: (b) => batches.push(b),
  });
  const logs: string[] = [];
  const faults = new EdgeFaults(['e0'], (node, line) => logs.push(`${node}: ${line}`));
  const tx = new ScriptedSocket();
  const rx = new ScriptedSocket();
  const push = new RunSocket(0, 'push', '', 'PUSH', tx as unknown as zmq.Socket, recorder, gate, faults, (line) => logs.push(`push: ${line}`));
  const pull = new RunSocket(1, 'pull', '', 'PULL', rx as unknown as zmq.Socket, recorder, gate, faults, (line) => logs.push(`pull: ${line}`));
  const records = (): ReturnType<typeof batchRecords> => {
    recorder.flush();
    return batches.flatMap((b) => batchRecords(b, recorder.tables()));
  };
  return { recorder, faults, tx, rx, push, pull, logs, records, batches };
}

describe('RunSocket sends', () => {
  it('hands zeromq one send at a time, in call order, each with its own message id', async () => {
    const { tx, push, records } = setup();
    tx.steps.push('wait');
    const ids = Promise.all([push.send(['a']), push.send(['b']), push.send(['c'])]);
    await Promise.resolve();
    expect(tx.sent).toEqual(['a']); // b and c wait for a
    tx.finishWaitingSend();
    expect(await ids).toEqual([1, 2, 3]);
    expect(tx.sent).toEqual(['a', 'b', 'c']);
    expect(tx.maxUnderWay).toBe(1);
    expect(records().map((r) => [r.dir, r.msg, r.preview])).toEqual([
      ['out', 1, 'a'],
      ['out', 2, 'b'],
      ['out', 3, 'c'],
    ]);
  });

  it('a send zeromq refuses rejects with its error, is taken back, and the next send still goes', async () => {
    const { tx, push, recorder } = setup();
    tx.steps.push('fail');
    const failed = push.send(['refused']);
    const next = push.send(['next']);
    await expect(failed).rejects.toMatchObject({ code: 'EFSM' });
    expect(await next).toBe(2);
    expect(recorder.sent[0]).toBe(1);
    expect(recorder.lost()).toMatchObject({ total: 1, messages: [{ preview: 'next' }] }); // never received; the refused one is not lost
  });

  it('a synchronous throw of zeromq (a closed socket) is a rejection, and the socket stays usable', async () => {
    const { tx, rx, push, pull } = setup();
    tx.steps.push('throw');
    const sending = push.send(['x']);
    await expect(sending).rejects.toMatchObject({ code: 'EBADF' });
    expect(await push.send(['y'])).toBe(2);
    rx.receiveThrows = true;
    await expect(pull.receive()).rejects.toMatchObject({ code: 'EBUSY' });
  });

  it('sends held by the paused run go out only when it resumes, in the order they were made', async () => {
    const gate = new SendGate();
    gate.close();
    const { tx, push } = setup((socket) => gate.wait(socket));
    const first = push.send(['first']);
    const second = push.send(['second']);
    await new Promise((r) => setTimeout(r, 5));
    expect(tx.sent).toEqual([]);
    expect(gate.waiting).toBe(2);
    gate.open();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(tx.sent).toEqual(['first', 'second']);
  });

  it('a send that waited 20 ms or more is marked blocked in the trace and logged once', async () => {
    const { tx, push, logs, batches, recorder } = setup();
    tx.steps.push('wait');
    const sending = push.send(['slow']);
    await new Promise((r) => setTimeout(r, 30));
    tx.finishWaitingSend();
    await sending;
    recorder.flush();
    expect(batches.flatMap((b) => b.blocked ?? [])).toMatchObject([{ seq: 1, by: 'no-peer' }]);
    expect(logs.filter((l) => l.startsWith('push: blocked:'))).toHaveLength(1);
  });
});

describe('RunSocket blocked-send check', () => {
  it('a send zeromq took at once is not blocked, however long other code ran before it settled', async () => {
    const { push, logs, batches, recorder } = setup();
    const sending = push.send(['quick']);
    const until = performance.now() + 30;
    while (performance.now() < until); // the engine's thread busy with something else
    await sending;
    recorder.flush();
    expect(batches.flatMap((b) => b.blocked ?? [])).toEqual([]);
    expect(logs).toEqual([]);
  });
});

describe('RunSocket receives', () => {
  it('returns the frames with the id of the send they matched', async () => {
    const { rx, push, pull } = setup();
    const id = await push.send(['hello']);
    rx.inbox.push([Buffer.from('hello')]);
    const m = await pull.receive();
    expect(m.msg).toBe(id);
    expect(m.frames[0].toString()).toBe('hello');
  });

  it('skips a message its edge fault drops and returns the next; the trace marks the dropped one', async () => {
    const { rx, push, pull, faults, records } = setup();
    faults.set('e0', { dropEvery: 2 });
    for (const body of ['m1', 'm2', 'm3']) {
      await push.send([body]);
      rx.inbox.push([Buffer.from(body)]);
    }
    expect((await pull.receive()).frames[0].toString()).toBe('m1');
    expect((await pull.receive()).frames[0].toString()).toBe('m3'); // m2 was the 2nd: dropped
    const received = records().filter((r) => r.dir === 'in');
    expect(received.map((r) => [r.preview, r.faulted ?? null])).toEqual([
      ['m1', null],
      ['m2', 'dropped'],
      ['m3', null],
    ]);
  });
});
