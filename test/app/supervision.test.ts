/**
 * The desktop app's engine supervision (app/engine.ts, app/utilityFork.ts) with child_process.fork
 * standing in for utilityProcess, the child speaking over a parentPort as under Electron:
 *
 *   window (fake webContents.send + a real page store)
 *      ^ events                                   the built out/engineChild.cjs
 *   app/engine.ts --utilityForker--> fake utilityProcess --fork--> (real engine, real sockets)
 *
 * test/engine/supervisor.test.ts covers the supervisor's own rules (crash loop, startup timeout,
 * protocol); here: the same supervisor over the utilityProcess adapter and the bundled child.
 */
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/ipc';
import type { TopologyInput } from '../../shared/topology';
import { createAppStore } from '../../renderer/store/createAppStore';
import { appBuildOptions, ROOT } from '../../scripts/build-app';
import { startAppEngine } from '../../app/engine';
import type { UtilityChild } from '../../app/utilityFork';
import { utilityForker } from '../../app/utilityFork';
import type { SupervisedEngine } from '../../main/host/supervisor';
import { createSupervisedEngine } from '../../main/host/supervisor';
import { fakeUtilityProcess } from './fakeUtilityProcess';

const FAKE_ENGINE = new URL('../engine/fixtures/fakeEngineChild.ts', import.meta.url).pathname;
// The fake child is TypeScript: load tsx in it, resolved as the supervisor does.
const TSX = ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];

let outDir: string;
const engines: SupervisedEngine[] = [];

beforeAll(async () => {
  // Inside the repository, so the bundle finds node_modules/zeromq as out/ does.
  await mkdir(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  outDir = await mkdtemp(join(ROOT, 'node_modules', '.cache', 'zmq-studio-app-test-'));
  const engineChild = appBuildOptions(outDir).find((o) => JSON.stringify(o.entryPoints).includes('engineChild'));
  if (!engineChild) throw new Error('no engineChild bundle in appBuildOptions');
  await build({ ...engineChild, sourcemap: false });
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()));
});

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

const engineEvents = (events: EngineEvent[]) => events.filter((e): e is Extract<EngineEvent, { type: 'engine' }> => e.type === 'engine');

describe('utilityProcess adapter', () => {
  it('serves the engine child over process.parentPort (the fork channel is unusable there)', { timeout: 60_000 }, async () => {
    const utility = fakeUtilityProcess();
    const events: EngineEvent[] = [];
    const engine = createSupervisedEngine((e) => events.push(e), { fork: utilityForker(utility), entry: FAKE_ENGINE, execArgv: TSX });
    engines.push(engine);
    expect((await engine.status()).libzmq).toBe('fake');
    const { runId } = await engine.start({});
    await waitFor('the trace batch', () => events.some((e) => e.type === 'trace'));
    const trace = events.find((e) => e.type === 'trace') as Extract<EngineEvent, { type: 'trace' }>;
    // Structured clone over the pipe: typed arrays arrive as typed arrays.
    expect(trace.batch.t).toBeInstanceOf(Float64Array);
    await expect(engine.inject({ node: 'crash', frames: [] })).rejects.toThrow('engine process exited with code 7 before answering inject');
    await waitFor('the restart', () => engineEvents(events).some((e) => e.status === 'restarted'));
    expect(events).toContainEqual({ type: 'state', runId, state: 'failed', reason: 'engine process exited with code 7' });
    await engine.dispose();
    for (const pid of utility.pids) expect(isGone(pid)).toBe(true);
  });

  it('kills with SIGKILL by pid, terminates with utilityProcess.kill(), and reports a V8 fatal error as the reason', () => {
    const child = Object.assign(new EventEmitter(), { pid: 4242 as number | undefined, postMessage: () => undefined, kill: () => ((killed += 1), true) }) as unknown as UtilityChild & EventEmitter;
    let killed = 0;
    const signals: [number, string | number | undefined][] = [];
    const forkEngine = utilityForker({ fork: () => child }, ((pid: number, signal?: string | number) => signals.push([pid, signal]) > 0) as typeof process.kill);
    const proc = forkEngine({ entry: 'engine.cjs', execArgv: [] });
    const exits: unknown[] = [];
    proc.onExit((exit) => void exits.push(exit));
    proc.kill('SIGKILL');
    proc.kill('SIGTERM');
    expect(signals).toEqual([[4242, 'SIGKILL']]);
    expect(killed).toBe(1);
    child.emit('error', 'FatalError', 'engine.cjs:12');
    child.emit('exit', 133);
    child.emit('exit', 133);
    expect(exits).toEqual([{ code: 133, signal: null, failure: 'engine process FatalError at engine.cjs:12 (exit code 133)' }]);
    expect(proc.pid).toBeUndefined();
  });
});

describe('the app engine (bundled child, real sockets)', { timeout: 90_000 }, () => {
  it('tells the window when the engine dies, restarts it, and the page keeps its topology and runs it again', async () => {
    const utility = fakeUtilityProcess();
    const window: EngineEvent[] = [];
    const page = createAppStore();
    const warnings: string[] = [];
    const engine = startAppEngine({
      utilityProcess: utility,
      entry: join(outDir, 'engineChild.cjs'),
      deliver: (event) => {
        window.push(event);
        page.getState().applyEngineEvent(event);
      },
      warn: (m) => void warnings.push(m),
    });
    engines.push(engine);
    expect((await engine.status()).libzmq).toBe('4.3.5');

    // The page's document: hello-world slowed down so the run is surely going when the engine dies.
    const slow: TopologyInput = {
      format: 'zmq-studio.topology/1',
      name: 'slow hello',
      nodes: [
        { id: 'hwclient', kind: 'socket', socket: 'REQ', behavior: { type: 'request', count: 1000, payload: 'Hello', intervalMs: 20 } },
        { id: 'hwserver', kind: 'socket', socket: 'REP', behavior: { type: 'reply', payload: 'World' } },
      ],
      edges: [{ id: 'hello', pattern: 'reqrep', source: 'hwclient', target: 'hwserver', endpoint: 'tcp://127.0.0.1:5555' }],
    };
    expect(page.getState().loadTopology(slow, 'slow.zmqtopo.json').ok).toBe(true);
    page.getState().markSaved('slow.zmqtopo.json');
    const topology = page.getState().topology;

    const first = await engine.start(topology, { freePorts: true });
    await waitFor('a log line of the run', () => window.some((e) => e.type === 'log' && e.runId === first.runId));
    const pid = engine.enginePid() as number;
    process.kill(pid, 'SIGKILL');
    await waitFor('the restarted engine', () => engineEvents(window).some((e) => e.status === 'restarted'));

    expect(engineEvents(window).map((e) => e.status)).toEqual(['exited', 'restarted']);
    expect(engineEvents(window)[0].reason).toBe('engine process exited with code 137');
    expect(window).toContainEqual({ type: 'state', runId: first.runId, state: 'failed', reason: 'engine process exited with code 137' });
    expect(warnings).toEqual(['zmq-studio: engine exited: engine process exited with code 137', 'zmq-studio: engine restarted: engine process exited with code 137']);
    expect(isGone(pid)).toBe(true);

    // The page: told, its run marked failed, its document untouched and still saved.
    expect(page.getState().runState).toBe('failed');
    expect(page.getState().topology).toBe(topology);
    expect(page.getState().topology).toBe(page.getState().saved);

    const second = await engine.start(page.getState().topology, { freePorts: true });
    expect(second.runId).toBe(first.runId + 1);
    await waitFor('the second run to log', () => window.some((e) => e.type === 'log' && e.runId === second.runId));
    expect(await engine.stop()).toMatchObject({ closedSockets: 2 });

    const current = engine.enginePid() as number;
    await engine.dispose();
    expect(isGone(current)).toBe(true);
    for (const p of utility.pids) expect(isGone(p)).toBe(true);
  });
});
