/**
 * The supervised engine process (DESIGN.md, crash isolation), over child_process.fork.
 *
 *   test ──commands──> supervisor ──fork/IPC──> engine child (real engine, or a fake one)
 *        <──events───            <──events───
 *
 * The real-engine test kills the child with SIGKILL in the middle of a run; the fake-engine
 * tests (test/engine/fixtures/fakeEngineChild.ts) cover what needs a scripted child.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pair } from '../../shared/examples/pair';
import type { EngineEvent } from '../../shared/ipc';
import type { TopologyInput } from '../../shared/topology';
import type { SupervisedEngine, SupervisorOptions } from '../../main/host/supervisor';
import { createSupervisedEngine } from '../../main/host/supervisor';
import { parseChildMessage, parseParentMessage } from '../../main/host/protocol';

const FAKE_ENTRY = new URL('./fixtures/fakeEngineChild.ts', import.meta.url);
const engines: SupervisedEngine[] = [];

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()));
});

function supervise(options: SupervisorOptions = {}): { engine: SupervisedEngine; events: EngineEvent[] } {
  const events: EngineEvent[] = [];
  const engine = createSupervisedEngine((e) => events.push(e), options);
  engines.push(engine);
  return { engine, events };
}

function fake(mode: string, options: SupervisorOptions = {}): { engine: SupervisedEngine; events: EngineEvent[] } {
  return supervise({ entry: FAKE_ENTRY, env: { ...process.env, FAKE_ENGINE_MODE: mode }, ...options });
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 25_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const engineEvents = (events: EngineEvent[]): Extract<EngineEvent, { type: 'engine' }>[] =>
  events.filter((e): e is Extract<EngineEvent, { type: 'engine' }> => e.type === 'engine');

describe('supervised engine, real engine', { timeout: 90_000 }, () => {
  it('survives SIGKILL mid-run: reports it, restarts, and runs again; dispose leaves no process', async () => {
    const { engine, events } = supervise();
    // hello-world slowed down so the run is surely in progress when the child is killed.
    const slow: TopologyInput = {
      format: 'zmq-studio.topology/1',
      nodes: [
        {
          id: 'hwclient',
          kind: 'socket',
          socket: 'REQ',
          behavior: { type: 'request', count: 1000, payload: 'Hello', intervalMs: 20 },
        },
        { id: 'hwserver', kind: 'socket', socket: 'REP', behavior: { type: 'reply', payload: 'World' } },
      ],
      edges: [
        { id: 'hello', pattern: 'reqrep', source: 'hwclient', target: 'hwserver', endpoint: 'tcp://127.0.0.1:5555' },
      ],
    };
    const first = await engine.start(slow, { freePorts: true });
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await waitFor('a behaviour log line', () => events.some((e) => e.type === 'log' && e.runId === first.runId));

    const pid = engine.enginePid() as number;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    await waitFor('the restarted engine', () => engineEvents(events).some((e) => e.status === 'restarted'));

    expect(engineEvents(events)).toEqual([
      { type: 'engine', status: 'exited', reason: 'engine process killed by SIGKILL' },
      { type: 'engine', status: 'restarted', reason: 'engine process killed by SIGKILL' },
    ]);
    expect(events).toContainEqual({
      type: 'state',
      runId: first.runId,
      state: 'failed',
      reason: 'engine process killed by SIGKILL',
    });
    expect(isGone(pid)).toBe(true);

    const status = await engine.status();
    expect(status.state).toBe('idle');
    // Run ids keep growing across restarts: hosts key runs by id.
    expect(status.runId).toBe(first.runId);
    const second = engine.enginePid() as number;
    expect(second).not.toBe(pid);

    const run = await engine.start(pair, { freePorts: true });
    expect(run.runId).toBe(first.runId + 1);
    await waitFor('the pair run to finish', () => events.some((e) => e.type === 'finished' && e.runId === run.runId));
    const lines = events
      .filter((e) => e.type === 'log' && e.runId === run.runId && e.node === 'server')
      .map((e) => (e as { line: string }).line);
    expect(lines).toContain('Got ping 4');
    await engine.stop();

    await engine.dispose();
    expect(isGone(second)).toBe(true);
    expect(engine.enginePid()).toBeUndefined();
  });
});

describe('supervised engine, fake engine', { timeout: 60_000 }, () => {
  it('rejects the command in flight with why the process ended, then restarts', async () => {
    const { engine, events } = fake('normal');
    const { runId } = await engine.start({});
    await expect(engine.inject({ node: 'crash', frames: [] })).rejects.toMatchObject({
      code: 'ENGINE_EXITED',
      message: 'engine process exited with code 7 before answering inject',
    });
    await waitFor('restarted', () => engineEvents(events).some((e) => e.status === 'restarted'));
    expect(engineEvents(events)[0]).toEqual({
      type: 'engine',
      status: 'exited',
      reason: 'engine process exited with code 7',
    });
    expect(events).toContainEqual({
      type: 'state',
      runId,
      state: 'failed',
      reason: 'engine process exited with code 7',
    });
    expect((await engine.status()).libzmq).toBe('fake');
    const again = await engine.start({});
    expect(again.runId).toBe(runId + 1);
    expect(events.at(-1)).toMatchObject({ type: 'trace', runId: runId + 1 });
  });

  it('rejects a hung command when the process is killed', async () => {
    const { engine } = fake('normal');
    await engine.status();
    const hung = engine.inject({ node: 'hang', frames: [] });
    process.kill(engine.enginePid() as number, 'SIGKILL');
    await expect(hung).rejects.toThrow('engine process killed by SIGKILL before answering inject');
  });

  it("passes the engine's own errors through with their code", async () => {
    const { engine } = fake('normal');
    await expect(engine.inject({ node: 'nowhere', frames: [] })).rejects.toMatchObject({
      code: 'unknown-node',
      message: 'no node nowhere',
    });
  });

  it('carries trace batches across the process boundary with their typed arrays', async () => {
    const { engine, events } = fake('normal');
    await engine.start({});
    await waitFor('a trace batch', () => events.some((e) => e.type === 'trace'));
    const trace = events.find((e) => e.type === 'trace') as Extract<EngineEvent, { type: 'trace' }>;
    expect(trace.batch.t).toBeInstanceOf(Float64Array);
    expect(trace.batch.msg).toBeInstanceOf(Uint32Array);
    expect(Array.from(trace.batch.t)).toEqual([1.5]);
  });

  it('ignores malformed messages from the child', async () => {
    const { engine, events } = fake('garbage');
    expect((await engine.status()).state).toBe('idle');
    await engine.start({});
    expect(events.map((e) => e.type)).toEqual(['state', 'state', 'trace']);
  });

  it('reports a crash loop and stops restarting', async () => {
    const { engine, events } = fake('exit-at-load', { maxRestarts: 2, restartWindowMs: 60_000 });
    await waitFor('the crash loop report', () => engineEvents(events).some((e) => e.reason.includes('crash loop')));
    await new Promise((r) => setTimeout(r, 300));
    const exits = engineEvents(events);
    expect(exits.map((e) => e.status)).toEqual(['exited', 'exited', 'exited']);
    expect(exits[2].reason).toBe('engine process exited with code 3; not restarted: 3 exits within 60 s (crash loop)');
    expect(engine.enginePid()).toBeUndefined();
    await expect(engine.status()).rejects.toMatchObject({ code: 'ENGINE_DOWN' });
  });

  it('kills a child that never gets ready and says so', async () => {
    const { engine, events } = fake('hang-at-load', { startupTimeoutMs: 1500, restart: false });
    await expect(engine.status()).rejects.toThrow(
      'engine process did not start within 1500 ms before answering status',
    );
    expect(engineEvents(events)).toEqual([
      { type: 'engine', status: 'exited', reason: 'engine process did not start within 1500 ms' },
    ]);
  });

  it('with restart: false stays down until restart() is called', async () => {
    const { engine, events } = fake('normal', { restart: false });
    await engine.status();
    process.kill(engine.enginePid() as number, 'SIGKILL');
    await waitFor('exited', () => engineEvents(events).length > 0);
    await expect(engine.status()).rejects.toMatchObject({ code: 'ENGINE_DOWN' });
    await engine.restart();
    expect((await engine.status()).state).toBe('idle');
    expect(engineEvents(events).at(-1)).toEqual({
      type: 'engine',
      status: 'restarted',
      reason: 'restarted on request after: engine process killed by SIGKILL',
    });
  });

  it('dispose stops the child without a restart and refuses later commands', async () => {
    const { engine, events } = fake('normal');
    await engine.status();
    const pid = engine.enginePid() as number;
    await engine.dispose();
    expect(isGone(pid)).toBe(true);
    expect(engineEvents(events)).toEqual([]);
    await expect(engine.status()).rejects.toMatchObject({ code: 'ENGINE_DISPOSED' });
  });
});

describe('engine process protocol', () => {
  it('accepts only well-formed commands from the host', () => {
    expect(parseParentMessage({ kind: 'command', id: 1, name: 'status', args: [] })).toEqual({
      kind: 'command',
      id: 1,
      name: 'status',
      args: [],
    });
    expect(parseParentMessage({ kind: 'shutdown' })).toEqual({ kind: 'shutdown' });
    for (const bad of [
      null,
      [],
      'status',
      { kind: 'command', id: 1, name: 'dispose', args: [] },
      { kind: 'command', id: 1, name: 'toString', args: [] },
      { kind: 'command', id: 0, name: 'status', args: [] },
      { kind: 'command', id: 1.5, name: 'status', args: [] },
      { kind: 'command', id: 1, name: 'status' },
      { kind: 'command', id: 1, name: 'status', args: [1, 2, 3, 4, 5] },
    ]) {
      expect(parseParentMessage(bad)).toBeUndefined();
    }
  });

  it('accepts only well-formed replies and events from the child, never engine events', () => {
    expect(parseChildMessage({ kind: 'ready', pid: 42 })).toEqual({ kind: 'ready', pid: 42 });
    expect(parseChildMessage({ kind: 'reply', id: 3, ok: false, error: { message: 'no', code: 7 } })).toEqual({
      kind: 'reply',
      id: 3,
      ok: false,
      error: { message: 'no' },
    });
    const log = { type: 'log', runId: 1, t: 0, node: 'a', line: 'hi', level: 'info' };
    expect(parseChildMessage({ kind: 'event', event: log })).toEqual({ kind: 'event', event: log });
    for (const bad of [
      { kind: 'ready' },
      { kind: 'reply', id: 3, ok: false },
      { kind: 'reply', id: 3, ok: 'yes', value: 1 },
      { kind: 'event', event: { type: 'engine', status: 'exited', reason: 'x' } },
      { kind: 'event', event: { type: 'log', line: 'no run id' } },
      { kind: 'event', event: { type: 'state', runId: 1, state: 'exploded' } },
    ]) {
      expect(parseChildMessage(bad)).toBeUndefined();
    }
  });
});
