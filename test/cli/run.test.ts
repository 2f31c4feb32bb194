/**
 * `zmq-studio run`: the seed's programs through the real bin, on real sockets (free ports, so
 * runs in parallel never collide). The behaviour lines must be exactly the seed's.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOOTBALL_LINES } from '../../shared/examples';
import type { EngineEvent } from '../../shared/ipc';
import { cli, ROOT, STACK_FRAME } from './cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zmq-studio-run-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The lines `[label] text` of one node whose text matches, in order. */
function linesOf(stdout: string, label: string, text: RegExp): string[] {
  const prefix = `[${label}] `;
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(prefix) && text.test(line.slice(prefix.length)))
    .map((line) => line.slice(prefix.length));
}

describe('zmq-studio run', { timeout: 60_000 }, () => {
  it('load-balanced prints the seed output: msg 0..9 sent, even ones on server 1, odd on server 2', async () => {
    const r = await cli(['run', 'load-balanced', '--free-ports']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const behaviour = /^(Sending|Got|Received) /;
    expect(linesOf(r.stdout, 'client', behaviour)).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `Sending msg ${i}`),
    );
    expect(linesOf(r.stdout, 'server 1', behaviour)).toEqual([
      'Got msg 0',
      'Got msg 2',
      'Got msg 4',
      'Got msg 6',
      'Got msg 8',
    ]);
    expect(linesOf(r.stdout, 'server 2', behaviour)).toEqual([
      'Got msg 1',
      'Got msg 3',
      'Got msg 5',
      'Got msg 7',
      'Got msg 9',
    ]);
    expect(r.stdout).toMatch(/^\[server 1\] listening on tcp:\/\/127\.0\.0\.1:\d+$/m);
    expect(r.stdout).toMatch(/^ {2}client +10 +10 +50 +150 +0$/m);
    expect(r.stdout).toContain('lost messages: 0');
  });

  it('football: the listener prints only the netherlands and germany lines, in order', async () => {
    const r = await cli(['run', 'football', '--free-ports']);
    expect(r.code).toBe(0);
    const match = new Set(FOOTBALL_LINES);
    const heard = linesOf(r.stdout, 'listener', /./).filter((line) => match.has(line));
    expect(heard).toEqual(FOOTBALL_LINES.filter((line) => /^(netherlands|germany) /.test(line)));
    expect(linesOf(r.stdout, 'radio', /^-> /)).toEqual(FOOTBALL_LINES.map((line) => `-> ${line}`));
  });

  it('--trace writes a header line and one JSON line per trace record', async () => {
    const out = join(dir, 'pair.jsonl');
    const r = await cli(['run', 'pair', '--free-ports', '--trace', out]);
    expect(r.code).toBe(0);
    const [header, ...records] = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(header).toMatchObject({
      format: 'zmq-studio.trace/1',
      source: 'example:pair',
      topology: { name: 'Exclusive pair' },
    });
    // 5 pings and 5 pongs, each one send and one receive.
    expect(records).toHaveLength(20);
    expect(r.stdout).toContain(`(${records.length} records)`);
    expect(records[0]).toMatchObject({ seq: 1, node: 'client', dir: 'out', edge: 'link', preview: 'ping 0' });
    expect(records[1]).toMatchObject({
      node: 'server',
      dir: 'in',
      edge: 'link',
      preview: 'ping 0',
      msg: records[0].msg,
    });
  });

  it('--json prints every event as a JSON line, ending with the summary', async () => {
    const r = await cli(['run', 'hello-world', '--free-ports', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as EngineEvent | { type: 'summary'; ending: string });
    expect(lines.some((e) => e.type === 'finished')).toBe(true);
    const logs = lines.filter(
      (e): e is Extract<EngineEvent, { type: 'log' }> => e.type === 'log' && e.node === 'hwserver',
    );
    expect(logs.map((e) => e.line)).toEqual(Array(10).fill('Got Hello'));
    expect(lines.at(-1)).toMatchObject({ type: 'summary', ending: 'finished', lost: { total: 0 } });
  });

  it('--duration stops a run that would not end by itself', async () => {
    const path = await foreverTopology('forever.json');
    const r = await cli(['run', path, '--free-ports', '--duration', '300']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('summary: stopped at --duration');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('--kill kills a node at a time and restarts it later: its log and its peer say so', async () => {
    const doc = {
      format: 'zmq-studio.topology/1',
      nodes: [
        { id: 'producer', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: 1000, payload: 'task {i}', intervalMs: 20 } },
        { id: 'consumer', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' } },
      ],
      edges: [{ id: 'e1', pattern: 'pipeline', source: 'producer', target: 'consumer', endpoint: 'tcp://127.0.0.1:5991', bind: 'target' }],
    };
    const path = join(dir, 'kill.json');
    await writeFile(path, JSON.stringify(doc));
    const r = await cli(['run', path, '--free-ports', '--kill', 'consumer@300+300', '--kill', 'nobody@100', '--duration', '1500']);
    expect(r.code).toBe(0);
    // A kill is a warning: on stderr, with the other warnings.
    expect(r.stderr).toMatch(/^\[consumer\] killed: closed 1 socket .*it restarts in 300 ms$/m);
    expect(r.stdout).toMatch(/^\[consumer\] restarted: 1 socket bound and connected again$/m);
    expect(`${r.stdout}${r.stderr}`).toMatch(/^\[producer\] disconnected from tcp:/m);
    // Tasks reach the consumer again after its restart.
    const lines = r.stdout.split('\n');
    const back = lines.findIndex((l) => l.startsWith('[consumer] restarted'));
    expect(lines.slice(back).some((l) => /^\[consumer\] task \d+$/.test(l))).toBe(true);
    expect(r.stderr).toContain('zmq-studio: --kill nobody: no node "nobody" in this run');
  });

  it('--trace: a send that blocked at the high-water mark carries its wait in the file', async () => {
    const doc = {
      format: 'zmq-studio.topology/1',
      nodes: [
        { id: 'producer', kind: 'socket', socket: 'PUSH', options: { sendHighWaterMark: 5 }, behavior: { type: 'produce', count: 60, payload: 'task {i}' } },
        { id: 'worker', kind: 'worker', input: 'PULL', output: 'PUSH', inputOptions: { receiveHighWaterMark: 5 }, behavior: { type: 'work', delayMs: 10 } },
        { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume', count: 60 } },
      ],
      edges: [
        { id: 'tasks', pattern: 'pipeline', source: 'producer', target: 'worker', targetPort: 'in', endpoint: `inproc://held-${process.pid}`, bind: 'source' },
        { id: 'done', pattern: 'pipeline', source: 'worker', sourcePort: 'out', target: 'sink', endpoint: 'tcp://127.0.0.1:5993', bind: 'target' },
      ],
    };
    const path = join(dir, 'held.json');
    const out = join(dir, 'held.jsonl');
    await writeFile(path, JSON.stringify(doc));
    const r = await cli(['run', path, '--free-ports', '--trace', out]);
    expect(r.code).toBe(0);
    const records = (await readFile(out, 'utf8')).trim().split('\n').slice(1).map((l) => JSON.parse(l) as { node: string; dir: string; blockedMs?: number; blockedBy?: string });
    expect(records).toHaveLength(240);
    const blocked = records.filter((rec) => rec.blockedMs !== undefined);
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.every((rec) => rec.node === 'producer' && rec.dir === 'out' && rec.blockedBy === 'high-water-mark' && (rec.blockedMs ?? 0) >= 20)).toBe(true);
  });

  it('--kill refuses a malformed plan with a usage error', async () => {
    const r = await cli(['run', 'load-balanced', '--kill', 'server1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--kill takes NODE@MS or NODE@MS+RESTART_MS, not "server1"');
  });

  it('Ctrl-C stops the run, prints the summary and exits 130', async () => {
    const path = await foreverTopology('forever-sigint.json');
    const child = spawn(process.execPath, ['bin/zmq-studio.mjs', 'run', path, '--free-ports'], { cwd: ROOT });
    let stdout = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Once only: a second Ctrl-C is the user insisting, and kills the process outright.
      if (!interrupted && stdout.includes('handshake ok')) interrupted = child.kill('SIGINT');
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    const guard = setTimeout(() => child.kill('SIGKILL'), 40_000);
    const code = await exited.finally(() => clearTimeout(guard));
    expect(code).toBe(130);
    expect(stdout).toContain('summary: interrupted');
  });
});

/** A PUB and a SUB that never finish: only --duration or Ctrl-C end the run. */
async function foreverTopology(name: string): Promise<string> {
  const sub = {
    format: 'zmq-studio.topology/1',
    nodes: [
      { id: 'pub', kind: 'socket', socket: 'PUB' },
      { id: 'sub', kind: 'socket', socket: 'SUB', behavior: { type: 'subscribe', topics: [''] } },
    ],
    edges: [
      { id: 'e', pattern: 'pubsub', source: 'pub', target: 'sub', endpoint: 'tcp://127.0.0.1:5990', bind: 'source' },
    ],
  };
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(sub));
  return path;
}
