/**
 * The page judging a student's own run of an open lesson (renderer/store/lessonObserver.ts): it
 * performs the lesson run's scripted kill by itself once the run goes, not in step mode and not
 * after the run ended, and judges the run when it stops. A fake engine, the real store.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../renderer/store/createAppStore';
import { observeLessonRuns } from '../../renderer/store/lessonObserver';
import type { EngineCommands, EngineEvent } from '../../shared/ipc';

function setup(lessonId = 'worker-crash') {
  const store = createAppStore();
  const listeners = new Set<(e: EngineEvent) => void>();
  const calls: string[] = [];
  const no = async (): Promise<never> => {
    throw new Error('not in this test');
  };
  const engine: EngineCommands = {
    start: no,
    inject: no,
    pause: no,
    resume: no,
    step: no,
    frames: no,
    fault: no,
    attach: no,
    detach: no,
    stop: async () => (calls.push('stop'), { closedSockets: 8 }),
    status: async () => ({
      state: 'stopped',
      runId: 1,
      openSockets: 0,
      libzmq: '4.3.5',
      capabilities: { ipc: true, pgm: false, tipc: false, norm: false, curve: false, gssapi: false, draft: false },
    }),
    nodeFault: async (r) => (
      calls.push(`nodeFault ${JSON.stringify(r)}`),
      { node: r.node, state: 'killed', sockets: 2 }
    ),
  };
  store.getState().attachEngine(engine, (listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  });
  store.getState().setConnection('connected');
  expect(store.getState().openLesson(lessonId)).toBe(true);
  const dispose = observeLessonRuns(store);
  const emit = (...events: EngineEvent[]) => {
    for (const e of events) for (const l of [...listeners]) l(e);
  };
  const state = (s: 'building' | 'running' | 'paused' | 'stopped'): EngineEvent => ({
    type: 'state',
    runId: 1,
    state: s,
  });
  return { store, calls, dispose, emit, state };
}

const KILL = 'nodeFault {"node":"worker2","action":"kill","restartAfterMs":400}';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a student run of the worker-crash lesson', () => {
  it('kills worker 2 by itself 300 ms after the run goes, and judges the run when it stops', async () => {
    const { store, calls, dispose, emit, state } = setup();
    emit(state('building'), state('running'));
    await vi.advanceTimersByTimeAsync(299);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([KILL]);
    emit(
      { type: 'nodeFault', runId: 1, t: 300, node: 'worker2', state: 'killed', restartAfterMs: 400 },
      { type: 'nodeFault', runId: 1, t: 700, node: 'worker2', state: 'running' },
      { type: 'finished', runId: 1 },
    );
    // The run is stopped once its behaviours are done; the verdict comes with the stop.
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual([KILL, 'stop']);
    expect(store.getState().lessonVerdict).toBeUndefined();
    emit(state('stopped'));
    const verdict = store.getState().lessonVerdict;
    expect(verdict).toMatchObject({ source: 'your run', passed: false });
    // No trace in this fake run: the check reads the kill from the events and says what is missing.
    expect(verdict?.findings[0]).toBe('worker 2 got no task before it was killed at 300 ms: kill it once tasks flow');
    dispose();
  });

  it('leaves the kill to the student in a run that starts paused (step mode)', async () => {
    const { calls, dispose, emit, state } = setup();
    emit(state('building'), state('paused'), state('running'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual([]);
    dispose();
  });

  it('sends nothing once the run has ended, and says no worker was killed', async () => {
    const { store, calls, dispose, emit, state } = setup();
    emit(state('building'), state('running'));
    await vi.advanceTimersByTimeAsync(100);
    emit(state('stopped'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual([]);
    expect(store.getState().lessonVerdict?.findings).toEqual([
      'no worker was killed during the run: kill one from its inspector (Run: kill & restart after N ms)',
    ]);
    dispose();
  });

  it('performs nothing for a lesson without scripted steps', async () => {
    const { calls, dispose, emit, state } = setup('streamer');
    emit(state('building'), state('running'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual([]);
    dispose();
  });
});
