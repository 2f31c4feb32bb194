/**
 * The engine in its own supervised process (DESIGN.md, crash isolation): the same Engine
 * interface as `createEngine`, but every command crosses to a forked child. When the child dies
 * the host hears why, any run in progress is reported failed, and a fresh child takes over;
 * a crash loop is reported and left alone instead of being spun.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandName, EngineEvent, EventSink, RunState } from '../../shared/ipc';
import type { Engine } from '../engineApi';
import type { ChildExit } from './childLink';
import { ChildLink, EngineError } from './childLink';
import type { ForkEngine } from './engineProcess';

export { EngineError } from './childLink';

export interface SupervisorOptions {
  /** Fork a fresh engine when the child dies unexpectedly (default true). */
  restart?: boolean;
  /** Restarts allowed within `restartWindowMs`; one more crash is a crash loop (default 5). */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Node flags of the child; the default loads tsx so the child runs from TypeScript source. */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** Module the child runs (default: engineChild.ts beside this file); tests serve fake engines. */
  entry?: string | URL;
  /** Starts the child (default child_process.fork); the desktop app passes utilityProcess's. */
  fork?: ForkEngine;
  /** How long dispose waits for a clean exit before it kills the child (default 5000 ms). */
  shutdownTimeoutMs?: number;
  /** How long a child may take to load before it counts as crashed (default 30 s). */
  startupTimeoutMs?: number;
}

export interface SupervisedEngine extends Engine {
  /** Pid of the current engine process, undefined while none runs (tests kill it with this). */
  enginePid(): number | undefined;
  /** Forks a fresh engine after a crash loop or with `restart: false`; the restart budget starts over. */
  restart(): Promise<void>;
}

const ACTIVE_STATES: readonly RunState[] = ['building', 'running', 'stopping'];

function defaultExecArgv(): string[] {
  // Resolved from this file, not the cwd: `--import tsx` alone fails when run from elsewhere.
  const loader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}

function entryPath(entry: string | URL | undefined): string {
  if (entry === undefined) return fileURLToPath(new URL('./engineChild.ts', import.meta.url));
  return entry instanceof URL ? fileURLToPath(entry) : entry;
}

export function createSupervisedEngine(sink: EventSink, options: SupervisorOptions = {}): SupervisedEngine {
  return new Supervisor(sink, options);
}

class Supervisor implements SupervisedEngine {
  private link: ChildLink | undefined;
  private disposed = false;
  /** Why the engine is down and not coming back by itself; undefined while one runs or starts. */
  private down: string | undefined;
  private crashes: number[] = [];
  private run: { runId: number; state: RunState } | undefined;
  /**
   * Added to the run ids of the current child. A fresh child counts runs from 1 again; hosts key
   * runs by id, so the ids they see keep growing across restarts.
   */
  private runIdBase = 0;
  private maxRunId = 0;
  private readonly entry: string;
  private readonly execArgv: string[];

  constructor(
    private readonly sink: EventSink,
    private readonly options: SupervisorOptions,
  ) {
    this.entry = entryPath(options.entry);
    this.execArgv = options.execArgv ?? defaultExecArgv();
    // Start at once: loading the engine takes a moment the first command should not pay.
    this.link = this.spawn(undefined);
  }

  async start(topology: unknown, options?: Parameters<Engine['start']>[1]): ReturnType<Engine['start']> {
    const reply = (await this.call('start', [topology, options])) as Awaited<ReturnType<Engine['start']>>;
    return { ...reply, runId: this.seen(reply.runId + this.runIdBase) };
  }
  stop(): ReturnType<Engine['stop']> {
    return this.call('stop', []) as ReturnType<Engine['stop']>;
  }
  inject(request: Parameters<Engine['inject']>[0]): ReturnType<Engine['inject']> {
    return this.call('inject', [request]) as ReturnType<Engine['inject']>;
  }
  pause(): ReturnType<Engine['pause']> {
    return this.call('pause', []) as ReturnType<Engine['pause']>;
  }
  resume(): ReturnType<Engine['resume']> {
    return this.call('resume', []) as ReturnType<Engine['resume']>;
  }
  step(request?: Parameters<Engine['step']>[0]): ReturnType<Engine['step']> {
    return this.call('step', request === undefined ? [] : [request]) as ReturnType<Engine['step']>;
  }
  frames(request: Parameters<Engine['frames']>[0]): ReturnType<Engine['frames']> {
    return this.call('frames', [request]) as ReturnType<Engine['frames']>;
  }
  fault(request: Parameters<Engine['fault']>[0]): ReturnType<Engine['fault']> {
    return this.call('fault', [request]) as ReturnType<Engine['fault']>;
  }
  nodeFault(request: Parameters<Engine['nodeFault']>[0]): ReturnType<Engine['nodeFault']> {
    return this.call('nodeFault', [request]) as ReturnType<Engine['nodeFault']>;
  }
  attach(request: Parameters<Engine['attach']>[0]): ReturnType<Engine['attach']> {
    return this.call('attach', [request]) as ReturnType<Engine['attach']>;
  }
  detach(request: Parameters<Engine['detach']>[0]): ReturnType<Engine['detach']> {
    return this.call('detach', [request]) as ReturnType<Engine['detach']>;
  }
  async status(): ReturnType<Engine['status']> {
    const reply = (await this.call('status', [])) as Awaited<ReturnType<Engine['status']>>;
    return { ...reply, runId: reply.runId + this.runIdBase };
  }

  enginePid(): number | undefined {
    return this.link?.alive ? this.link.pid : undefined;
  }

  async restart(): Promise<void> {
    if (this.disposed) throw new EngineError('the engine was disposed', 'ENGINE_DISPOSED');
    if (this.link?.alive) return;
    const reason = `restarted on request after: ${this.down ?? 'the engine stopped'}`;
    this.crashes = [];
    this.down = undefined;
    this.link = this.spawn(reason);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const link = this.link;
    this.down = 'the engine was disposed';
    await link?.shutdown(this.options.shutdownTimeoutMs ?? 5000);
    this.link = undefined;
  }

  private call(name: CommandName, args: unknown[]): Promise<unknown> {
    if (this.disposed) return Promise.reject(new EngineError('the engine was disposed', 'ENGINE_DISPOSED'));
    if (!this.link)
      return Promise.reject(
        new EngineError(`the engine process is not running: ${this.down ?? 'unknown reason'}`, 'ENGINE_DOWN'),
      );
    return this.link.call(name, args);
  }

  private seen(runId: number): number {
    this.maxRunId = Math.max(this.maxRunId, runId);
    return runId;
  }

  /** `restartReason` set: this child replaces a dead one, and says so once it is ready. */
  private spawn(restartReason: string | undefined): ChildLink {
    this.runIdBase = this.maxRunId;
    const link: ChildLink = new ChildLink({
      entry: this.entry,
      execArgv: this.execArgv,
      env: this.options.env,
      fork: this.options.fork,
      startupTimeoutMs: this.options.startupTimeoutMs ?? 30_000,
      onReady: () => {
        if (restartReason !== undefined && link === this.link)
          this.emit({ type: 'engine', status: 'restarted', reason: restartReason });
      },
      onEvent: (raw) => {
        if (link !== this.link) return; // a late word from a replaced child
        const event = raw.type === 'engine' ? raw : { ...raw, runId: this.seen(raw.runId + this.runIdBase) };
        if (event.type === 'state') this.run = { runId: event.runId, state: event.state };
        this.emit(event);
      },
      onExit: (exit) => this.exited(link, exit),
    });
    return link;
  }

  private exited(link: ChildLink, exit: ChildExit): void {
    if (link !== this.link || exit.expected || this.disposed) return;
    this.link = undefined;
    const loop = this.countCrash();
    const restart = this.options.restart !== false && !loop;
    const reason = loop
      ? `${exit.reason}; not restarted: ${this.crashes.length} exits within ${this.window() / 1000} s (crash loop)`
      : exit.reason;
    this.emit({ type: 'engine', status: 'exited', reason });
    if (this.run && ACTIVE_STATES.includes(this.run.state)) {
      this.emit({ type: 'state', runId: this.run.runId, state: 'failed', reason: exit.reason });
    }
    this.run = undefined;
    if (restart) this.link = this.spawn(exit.reason);
    else this.down = reason;
  }

  /** Records a crash; true when there were more than maxRestarts within the window. */
  private countCrash(): boolean {
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < this.window());
    this.crashes.push(now);
    return this.crashes.length > (this.options.maxRestarts ?? 5);
  }

  private window(): number {
    return this.options.restartWindowMs ?? 10_000;
  }

  private emit(event: EngineEvent): void {
    try {
      this.sink(event);
    } catch (err) {
      // The host's sink failing must not take the supervisor down with it.
      process.emitWarning(
        `engine event sink threw on ${event.type}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
