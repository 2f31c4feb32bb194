// The run status line: what the engine reported after Stop, and a dead engine process under a run.
import { describe, expect, it } from 'vitest';
import type { EngineCommands } from '../../shared/ipc';
import { createAppStore } from '../../renderer/store/createAppStore';
import { replayText, runStatusText } from '../../renderer/workspace/runStatus';

function engine(closedSockets: number, openSockets: number): EngineCommands {
  return {
    start: async () => ({ runId: 1, diagnostics: [] }),
    stop: async () => ({ closedSockets }),
    inject: async () => ({ msg: 1 }),
    pause: async () => ({ state: 'paused' }),
    resume: async () => ({ state: 'running' }),
    status: async () => ({
      state: 'idle',
      runId: 1,
      openSockets,
      libzmq: '4.3.5',
      capabilities: { ipc: true, pgm: false, tipc: false, norm: false, curve: true, gssapi: false, draft: true },
    }),
    frames: async ({ seq }) => ({ available: false, seq, reason: 'fake' }),
    step: async () => ({ released: [], waiting: 0 }),
    fault: async (request) => request,
    nodeFault: async ({ node, action }) => ({ node, state: action === 'kill' ? ('killed' as const) : ('running' as const), sockets: 1 }),
    attach: async () => ({ diagnostics: [], nodes: [], edges: [] }),
    detach: async ({ nodes }) => ({ nodes, edges: [], closedSockets: 0 }),
  };
}

function running(e: EngineCommands) {
  const store = createAppStore();
  store.getState().attachEngine(e);
  store.getState().setConnection('connected');
  store.getState().applyEngineEvents([{ type: 'state', runId: 5, state: 'running' }]);
  return store;
}

describe('run status line', () => {
  it('after Stop: the sockets stop closed and the sockets status says are still open', async () => {
    const store = running(engine(3, 0));
    await store.getState().stopRun();
    expect(store.getState().stopReport).toEqual({ runId: 5, closedSockets: 3, openSockets: 0 });
    expect(runStatusText(store.getState())).toBe(''); // the engine has not said "stopped" yet
    store.getState().applyEngineEvents([{ type: 'state', runId: 5, state: 'stopped' }]);
    expect(runStatusText(store.getState())).toBe('closed 3 sockets · 0 open');
    // a new run forgets it
    store.getState().applyEngineEvents([{ type: 'state', runId: 6, state: 'stopped' }]);
    expect(runStatusText(store.getState())).toBe('');
  });

  it('one socket, and sockets left open, read as such', async () => {
    const store = running(engine(1, 2));
    await store.getState().stopRun();
    store.getState().applyEngineEvents([{ type: 'state', runId: 5, state: 'stopped' }]);
    expect(runStatusText(store.getState())).toBe('closed 1 socket · 2 open');
  });

  it('a dead engine process: its reason, then that the engine is back', () => {
    const store = running(engine(0, 0));
    store.getState().applyEngineEvents([
      { type: 'engine', status: 'exited', reason: 'engine process killed by SIGKILL' },
      { type: 'state', runId: 5, state: 'failed', reason: 'engine process killed by SIGKILL' },
    ]);
    expect(store.getState().runState).toBe('failed');
    expect(runStatusText(store.getState())).toBe('engine process killed by SIGKILL · restarting the engine…');
    store
      .getState()
      .applyEngineEvents([{ type: 'engine', status: 'restarted', reason: 'engine process killed by SIGKILL' }]);
    expect(runStatusText(store.getState())).toBe('engine process killed by SIGKILL · engine restarted');
    expect(store.getState().notice?.text).toBe('engine restarted: engine process killed by SIGKILL');
    // The restarted engine is idle; the page keeps showing the run that failed.
    store
      .getState()
      .setEngineStatus({
        state: 'idle',
        runId: 5,
        openSockets: 0,
        libzmq: '4.3.5',
        capabilities: { ipc: true, pgm: false, tipc: false, norm: false, curve: true, gssapi: false, draft: true },
      });
    expect(store.getState().runState).toBe('failed');
    expect(runStatusText(store.getState())).toBe('engine process killed by SIGKILL · engine restarted');
  });

  it('a replay shows its speed and progress instead of the run state', () => {
    const r = { name: 'x.jsonl', phase: 'playing', speed: 4, played: 1200, total: 45000, t: 0, duration: 1 } as const;
    expect(replayText(r)).toBe('replaying 4× · 1,200 / 45,000');
    expect(replayText({ ...r, phase: 'paused', speed: 'max' })).toBe('replay paused · 1,200 / 45,000');
    expect(replayText({ ...r, phase: 'ended' })).toBe('replay done · 1,200 / 45,000');
  });
});
