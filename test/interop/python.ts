/**
 * Python programs (pyzmq) as real outside peers of a run: spawn one, read its lines, stop it.
 * Every peer prints one first line (the endpoint it bound or connected to) before anything
 * else, so `start` also proves that Python and pyzmq came up.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Debian's python3-zmq lives here; the PATH python3 may be another interpreter without zmq. */
export const PYTHON = '/usr/bin/python3';
const SCRIPTS = join(fileURLToPath(new URL('.', import.meta.url)), 'py');

/** libzmq version behind pyzmq; throws a loud error when pyzmq is missing (CI installs python3-zmq). */
export function requirePyzmq(): string {
  const r = spawnSync(PYTHON, ['-c', 'import zmq; print(zmq.zmq_version())'], { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) {
    throw new Error(
      `interop tests need pyzmq at ${PYTHON} (apt-get install python3-zmq): ` +
        `${r.error?.message ?? ''} ${r.stderr ?? ''}`.trim(),
    );
  }
  return r.stdout.trim();
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class PythonPeer {
  /** Every stdout line, in order; lines[0] is the peer's first line. */
  readonly lines: string[] = [];
  stderr = '';
  readonly exited: Promise<Exit>;
  private exit: Exit | undefined;
  private listeners: (() => void)[] = [];

  private constructor(
    readonly script: string,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      this.lines.push(...parts);
      this.notify();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        this.notify();
        resolve(this.exit);
      });
    });
    // spawn failures (no such interpreter) arrive as 'error'; 'exit' may never come.
    child.on('error', (err) => {
      this.stderr += `spawn failed: ${err.message}`;
      this.exit ??= { code: -1, signal: null };
      this.notify();
    });
  }

  /** Starts `py/<script>` with its arguments and resolves with its first line. */
  static async start(script: string, args: string[], ms = 5000): Promise<PythonPeer> {
    // stdin stays open: the peer exits when it closes (peer.py), so it never outlives the runner.
    const child = spawn(PYTHON, ['-u', '-B', join(SCRIPTS, script), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const peer = new PythonPeer(script, child);
    running.add(peer);
    await peer.line(() => true, ms);
    return peer;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get first(): string {
    return this.lines[0];
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private waitUntil<T>(what: string, check: () => T | undefined, ms: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const listener = (): void => {
        const hit = check();
        if (hit !== undefined) done(() => resolve(hit));
        else if (this.exit) done(() => reject(this.failure(`exited (${JSON.stringify(this.exit)}) before ${what}`)));
      };
      const timer = setTimeout(() => done(() => reject(this.failure(`no ${what} within ${ms} ms`))), ms);
      const done = (settle: () => void): void => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        settle();
      };
      this.listeners.push(listener);
      listener();
    });
  }

  private failure(what: string): Error {
    return new Error(`${this.script}: ${what}; stdout: ${JSON.stringify(this.lines)}; stderr: ${this.stderr}`);
  }

  /** Resolves with the first stdout line matching `pred`. */
  line(pred: (line: string) => boolean, ms = 5000): Promise<string> {
    return this.waitUntil('matching line', () => this.lines.find(pred), ms);
  }

  /** Resolves once the peer exited on its own. */
  finished(ms = 5000): Promise<Exit> {
    return this.waitUntil('exit', () => this.exit, ms);
  }

  /** SIGTERM, then SIGKILL if it lingers; resolves once the process is gone. */
  async stop(): Promise<void> {
    if (this.exit) return;
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await this.exited;
    clearTimeout(killer);
  }
}

const running = new Set<PythonPeer>();

/** Stops every peer started since the last call (for afterEach); returns all their pids. */
export async function stopAllPeers(): Promise<number[]> {
  const peers = [...running];
  running.clear();
  await Promise.all(peers.map((p) => p.stop()));
  return peers.map((p) => p.pid);
}

/** Whether a process with this pid exists (a reaped child no longer does). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A loopback port free a moment ago. Edges to an external node keep their endpoint (the outside
 * program must know it), so the engine's freePorts cannot move them: the test picks the port.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
