/**
 * `zmq-studio export`: what it writes, what it prints, its exit codes. The first and last cases
 * go through the real bin; the others call the same main() in this process (faster on 2 cores).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../main/cli';
import type { CliResult } from '../cli/cli';
import { cli, STACK_FRAME } from '../cli/cli';

/** The real bin, with room for a loaded machine (every case is its own node process). */
const zs = (args: string[]): Promise<CliResult> => cli(args, 90_000);

/** The CLI's main() in this process, its output collected as the bin would print it. */
async function here(args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  const text = (lines: string[]): string => lines.map((l) => `${l}\n`).join('');
  return { code, stdout: text(out), stderr: text(err) };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zmq-studio-export-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const doc = (edges: unknown[], nodes?: unknown[]): string =>
  JSON.stringify({
    format: 'zmq-studio.topology/1',
    nodes: nodes ?? [
      { id: 'a', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce' } },
      { id: 'b', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' } },
    ],
    edges,
  });

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('zmq-studio export', { timeout: 120_000 }, () => {
  it('writes the programs, says how to run them, and moves ports with --free-ports', async () => {
    const out = join(dir, 'lb');
    const [py, ts] = await Promise.all([
      zs(['export', 'load-balanced', '--lang', 'python', '--out', out, '--free-ports']),
      zs(['export', 'pair', '--lang', 'typescript', '--out', join(dir, 'pair')]),
    ]);
    expect(py.stderr).toBe('');
    expect(py.code).toBe(0);
    expect(py.stdout).toContain(
      `wrote 6 files to ${out} (python): server1.py, server2.py, client.py, helpers.py, launch.py, README.md`,
    );
    expect(py.stdout).toContain(`run them: python3 ${join(out, 'launch.py')}`);
    const moved = [...py.stdout.matchAll(/^moved tcp:\/\/127\.0\.0\.1:(\d+) -> tcp:\/\/127\.0\.0\.1:(\d+)$/gm)];
    expect(moved.map((m) => m[1])).toEqual(['5000', '6000']);
    for (const m of moved) expect(Number(m[2])).toBeGreaterThanOrEqual(20_000);
    expect(await readFile(join(out, 'client.py'), 'utf8')).toContain(
      `requester.connect("tcp://127.0.0.1:${moved[0][2]}")`,
    );
    expect((await stat(join(out, 'launch.py'))).mode & 0o111).not.toBe(0);

    expect(ts.code).toBe(0);
    expect(ts.stdout).toContain(`run them: cd ${join(dir, 'pair')} && npm install && node launch.mjs`);
    expect(await readdir(join(dir, 'pair'))).toContain('package.json');
  });

  it('refuses a topology with errors (exit 1) with its diagnostics, and writes nothing', async () => {
    const bad = await file(
      'bad.json',
      doc([{ id: 'e1', pattern: 'reqrep', source: 'a', target: 'b', endpoint: 'tcp://127.0.0.1:5999' }]),
    );
    const inproc = await file(
      'inproc.json',
      doc([{ id: 'e2', pattern: 'pipeline', source: 'a', target: 'b', endpoint: 'inproc://tasks' }]),
    );
    const [r1, r2] = await Promise.all([
      here(['export', bad, '--lang', 'python', '--out', join(dir, 'bad')]),
      here(['export', inproc, '--lang', 'typescript', '--out', join(dir, 'inproc')]),
    ]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/^error \[edge e1\]/m);
    expect(r1.stderr).toMatch(/: 1 error: nothing exported$/m);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/^error \[edge e2\] edges\[0\]\.endpoint: a and b talk over inproc:\/\/tasks/m);
    await expect(stat(join(dir, 'bad'))).rejects.toThrow();
    await expect(stat(join(dir, 'inproc'))).rejects.toThrow();
  });

  it('does not write into a non-empty folder without --force (exit 3); with it, replaces only its files', async () => {
    const out = join(dir, 'full');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'mine');
    await writeFile(join(out, 'client.py'), 'old');
    const refused = await here(['export', 'hello-world', '--lang', 'python', '--out', out]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/the folder is not empty .*--force/);
    expect(refused.stderr).not.toMatch(STACK_FRAME);
    const forced = await here(['export', 'load-balanced', '--lang', 'python', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(out, 'client.py'), 'utf8')).toContain('import zmq');
  });

  it('says when draft sockets need a draft build, and what an external program must do', async () => {
    const nodes = [
      { id: 'ext', kind: 'external', socket: 'SCATTER', label: 'their scatter', command: './scatter --bind' },
      { id: 'g', kind: 'socket', socket: 'GATHER', behavior: { type: 'consume', count: 1 } },
    ];
    const draft = await file(
      'draft.json',
      doc(
        [
          {
            id: 'e',
            pattern: 'scattergather',
            source: 'ext',
            target: 'g',
            endpoint: 'tcp://127.0.0.1:5999',
            bind: 'source',
          },
        ],
        nodes,
      ),
    );
    const r = await here(['export', draft, '--lang', 'python', '--out', join(dir, 'draft')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning \[node g\].*draft socket type/m);
    expect(r.stdout).toMatch(
      /^note: draft socket types in g \(GATHER\): they need libzmq and pyzmq built with draft APIs/m,
    );
    expect(r.stdout).toMatch(
      /^note: their scatter is an external program: .*bind tcp:\/\/127\.0\.0\.1:5999 \(for g\): \.\/scatter --bind$/m,
    );
  });

  it('answers bad arguments with a usage error (exit 2) or an input error (exit 3), in one line', async () => {
    const cases: [string[], number, RegExp][] = [
      [['export', 'pair', '--out', join(dir, 'x')], 2, /export: --lang is required/],
      [['export', 'pair', '--lang', 'go', '--out', join(dir, 'x')], 2, /--lang takes python or typescript, not "go"/],
      [['export', 'pair', '--lang', 'python'], 2, /export: --out <dir> is required/],
      [['export', '--lang', 'python', '--out', join(dir, 'x')], 2, /export: missing <file \| example-id>/],
      [
        ['export', 'no-such-example', '--lang', 'python', '--out', join(dir, 'x')],
        3,
        /no file or example named "no-such-example"/,
      ],
    ];
    const results = await Promise.all(cases.map(([args]) => here(args)));
    results.forEach((r, k) => {
      expect(r.code, cases[k][0].join(' ')).toBe(cases[k][1]);
      expect(r.stderr).toMatch(cases[k][2]);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  });

  it('is in the usage text', async () => {
    const [all, one] = await Promise.all([zs(['--help']), zs(['export', '--help'])]);
    expect(all.stdout).toContain('zmq-studio export <file | example-id> --lang python|typescript --out <dir>');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('--free-ports');
    expect(one.stdout).toContain('export folder not empty (without --force)');
  });
});
