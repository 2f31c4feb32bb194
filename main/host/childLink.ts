/**
 * One forked engine process seen from the host: sends commands, matches replies, forwards events,
 * and tells how the process ended. The supervisor decides what an ending means; a link is used
 * for one process only and never restarts anything itself.
 */
import type { CommandName, EngineEvent } from '../../shared/ipc';
import type { EngineProcess, ForkEngine } from './engineProcess';
import { forkNodeProcess } from './engineProcess';
import type { ParentMessage } from './protocol';
import { parseChildMessage } from './protocol';

/** An engine command that failed: the engine's own error, or the process ending under it. */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the host asked for it (shutdown); false for a crash or a kill from outside. */
  expected: boolean;
  /** Why it ended, in words: `engine process killed by SIGKILL`. */
  reason: string;
}

export interface ChildLinkOptions {
  entry: string;
  execArgv: string[];
  env?: NodeJS.ProcessEnv;
  /** Starts the process (default: child_process.fork; the desktop app passes utilityProcess's). */
  fork?: ForkEngine;
  /** A child not ready by then is killed and reported as such (a hung load is a crash too). */
  startupTimeoutMs: number;
  onReady(): void;
  onEvent(event: EngineEvent): void;
  onExit(exit: ChildExit): void;
}

interface Pending {
  name: CommandName;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `engine process killed by ${signal}` : `engine process exited with code ${code ?? 'unknown'}`;
}

export class ChildLink {
  /** Messages the child sent that were not well-formed; ignored, counted for tests and logs. */
  ignoredMessages = 0;
  private readonly proc: EngineProcess;
  private ready = false;
  private exited = false;
  private stopping = false;
  private readonly outbox: ParentMessage[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly exitedPromise: Promise<void>;
  private readonly startupTimer: NodeJS.Timeout;
  private startupFailure: string | undefined;

  constructor(private readonly options: ChildLinkOptions) {
    this.proc = (options.fork ?? forkNodeProcess)({ entry: options.entry, execArgv: options.execArgv, env: options.env });
    this.exitedPromise = new Promise((resolve) => {
      this.proc.onExit((exit) => {
        this.ended(exit.code, exit.signal, exit.failure);
        resolve();
      });
    });
    this.proc.onMessage((data) => this.receive(data));
    this.startupTimer = setTimeout(() => {
      this.startupFailure = `engine process did not start within ${options.startupTimeoutMs} ms`;
      this.proc.kill('SIGKILL');
    }, options.startupTimeoutMs);
    this.startupTimer.unref();
  }

  /** Pid of the process; undefined before it spawned (utilityProcess) and after it ended. */
  get pid(): number | undefined {
    return this.exited ? undefined : this.proc.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Sends a command; resolves with the engine's reply, rejects when it fails or the process ends. */
  call(name: CommandName, args: unknown[]): Promise<unknown> {
    if (this.exited || this.stopping) {
      return Promise.reject(new EngineError(`the engine process is not running (${name} not sent)`, 'ENGINE_DOWN'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { name, resolve, reject });
      this.post({ kind: 'command', id, name, args });
    });
  }

  /** Asks the engine to dispose and exit; kills it when it does not within `timeoutMs`. */
  async shutdown(timeoutMs: number): Promise<void> {
    if (this.exited) return;
    this.stopping = true;
    // Before 'ready' the child may not listen yet: a signal is the only message it surely gets.
    if (this.ready) this.post({ kind: 'shutdown' });
    else this.proc.kill('SIGTERM');
    if (await this.exitWithin(timeoutMs)) return;
    this.proc.kill('SIGKILL');
    await this.exitedPromise;
  }

  private exitWithin(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      void this.exitedPromise.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private post(message: ParentMessage): void {
    if (!this.ready) {
      this.outbox.push(message);
      return;
    }
    const fail = (err: Error | null): void => {
      if (err && message.kind === 'command')
        this.settle(
          message.id,
          new EngineError(`could not send ${message.name} to the engine: ${err.message}`, 'ENGINE_SEND'),
        );
    };
    this.proc.send(message, fail);
  }

  private receive(data: unknown): void {
    const message = parseChildMessage(data);
    if (!message) {
      this.ignoredMessages++;
      return;
    }
    switch (message.kind) {
      case 'ready':
        if (this.ready) return;
        this.ready = true;
        clearTimeout(this.startupTimer);
        for (const queued of this.outbox.splice(0)) this.post(queued);
        this.options.onReady();
        return;
      case 'event':
        this.options.onEvent(message.event);
        return;
      case 'reply':
        if (message.ok) this.settle(message.id, undefined, message.value);
        else this.settle(message.id, new EngineError(message.error.message, message.error.code));
        return;
    }
  }

  private settle(id: number, error: Error | undefined, value?: unknown): void {
    const pending = this.pending.get(id);
    if (!pending) return; // a reply to nothing we asked: ignore
    this.pending.delete(id);
    if (error) pending.reject(error);
    else pending.resolve(value);
  }

  private ended(code: number | null, signal: NodeJS.Signals | null, why?: string): void {
    if (this.exited) return;
    this.exited = true;
    clearTimeout(this.startupTimer);
    const reason = why ?? this.startupFailure ?? describeExit(code, signal);
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(new EngineError(`${reason} before answering ${pending.name}`, 'ENGINE_EXITED'));
    }
    this.outbox.length = 0;
    this.options.onExit({ code, signal, expected: this.stopping, reason });
  }
}
