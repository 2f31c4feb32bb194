/** `examples`, `validate`, `help`, `--version`, and every documented exit code for bad input. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { cli, STACK_FRAME } from './cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zmq-studio-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('zmq-studio examples / help / --version', { timeout: 60_000 }, () => {
  it('lists every built-in example, one per line, id first', async () => {
    const r = await cli(['examples']);
    expect(r.code).toBe(0);
    const ids = r.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/)[0]);
    expect(ids).toEqual(EXAMPLES.map((e) => e.id));
    expect(ids).toHaveLength(8);
  });

  it('prints usage with the exit codes for no arguments, help and --help', async () => {
    const runs = await Promise.all([[], ['help'], ['--help'], ['run', '--help']].map((args) => cli(args)));
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('zmq-studio run <file | example-id>');
      expect(r.stdout).toContain('Exit codes:');
    }
  });

  it('prints its version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^zmq-studio \d+\.\d+\.\d+/);
  });
});

describe('zmq-studio validate', { timeout: 60_000 }, () => {
  it('accepts a good example: exit 0 and a one-line count', async () => {
    const r = await cli(['validate', 'load-balanced']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe('ok: 3 nodes, 2 edges');
  });

  it('reports a topology with errors: exit 1, one diagnostic per line naming the edge', async () => {
    const bad = {
      format: 'zmq-studio.topology/1',
      nodes: [
        { id: 'a', kind: 'socket', socket: 'REQ' },
        { id: 'b', kind: 'socket', socket: 'PUB' },
      ],
      edges: [{ id: 'e1', pattern: 'reqrep', source: 'a', target: 'b', endpoint: 'tcp://127.0.0.1:5999' }],
    };
    const r = await cli(['validate', await file('mismatch.json', JSON.stringify(bad))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[edge e1\]/m);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

// Each case is its own process: run them side by side.
describe.concurrent('bad input: one clean line and the documented exit code', { timeout: 60_000 }, () => {
  const cases: [string, () => Promise<string[]>, number, RegExp][] = [
    ['a missing file', async () => ['run', join(dir, 'missing.json')], 3, /missing\.json: file not found \(hint: /],
    [
      'invalid JSON',
      async () => ['validate', await file('broken.json', '{"format": "zmq-studio.topology/1", nodes: []}')],
      3,
      /broken\.json: not valid JSON/,
    ],
    [
      'a wrong format version',
      async () => ['validate', await file('v9.json', '{"format": "zmq-studio.topology/9", "nodes": [], "edges": []}')],
      1,
      /unsupported format "zmq-studio.topology\/9"/,
    ],
    [
      'an unknown example id',
      async () => ['run', 'no-such-example'],
      3,
      /no file or example named "no-such-example" \(hint: zmq-studio examples/,
    ],
    ['an unknown command', async () => ['frobnicate'], 2, /unknown command "frobnicate"/],
    ['an unknown flag', async () => ['run', 'pair', '--frob'], 2, /run: Unknown option '--frob'/],
    [
      'a malformed number',
      async () => ['run', 'pair', '--duration', 'soon'],
      2,
      /--duration takes a whole number of milliseconds/,
    ],
    ['a missing input', async () => ['validate'], 2, /validate: missing <file \| example-id>/],
  ];
  for (const [what, args, code, message] of cases) {
    it(`${what} -> exit ${code}`, async ({ expect }) => {
      const r = await cli(await args());
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stdout).toBe('');
    });
  }

  it('does not run a topology with errors: exit 1, no summary', async ({ expect }) => {
    const r = await cli([
      'run',
      await file('v9-run.json', '{"format": "zmq-studio.topology/9", "nodes": [], "edges": []}'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unsupported format');
    expect(r.stdout).not.toContain('summary');
  });
});
