/** `zmq-studio lessons` and `zmq-studio lesson <id>` through the real bin: output and every exit code. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COURSE } from '../../shared/lessons';
import { cli, STACK_FRAME } from '../cli/cli';
import { loadBalancedThreeServers } from './wrong';

/** Each call starts node, tsx and (for a check) real sockets: on a busy two-core machine that takes a while. */
const run = (args: string[]) => cli(args, 100_000);
const SLOW = { timeout: 240_000 };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zmq-studio-lessons-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('zmq-studio lessons', SLOW, () => {
  it('lists the course in order, one lesson per line, id first', async () => {
    const r = await run(['lessons']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(COURSE.map((l) => l.id));
    expect(lines[1]).toMatch(
      /^load-balancing +2\. Load balancing: one client, two servers — A REQ connected to two REPs/,
    );
  });

  it('--json gives one object per lesson', async () => {
    const r = await run(['lessons', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; number: number; runs: unknown[]; exercise: boolean }[];
    expect(rows.map((row) => row.number)).toEqual(COURSE.map((_, i) => i + 1));
    expect(rows.find((row) => row.id === 'pipeline')).toMatchObject({
      runs: [
        { id: 'one-worker', title: '1 worker' },
        { id: 'three-workers', title: '3 workers' },
      ],
      exercise: false,
    });
  });
});

describe('zmq-studio lesson <id>', SLOW, () => {
  it('prints the text up to the run, what to watch and the question, without the answer', async () => {
    const r = await run(['lesson', 'hello-world']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Lesson 1 of 14 \(hello-world\)\n\n# Hello world: request and reply\n/);
    expect(r.stdout).toContain("What to watch:\n  - the client's log");
    expect(r.stdout).toContain('Predict first: hwclient sends "Hello" ten times.');
    expect(r.stdout).toContain('  b) it must receive "World" before it may send the next "Hello"');
    expect(r.stdout).not.toContain('After the run');
    expect(r.stdout).not.toContain('Answer:');
  });

  it('--check runs it headless: exit 0, the answer, the explanation and what was confirmed', async () => {
    const r = await run(['lesson', 'load-balancing', '--check']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Answer: b) msg 0, 2, 4, 6, 8: every other one');
    expect(r.stdout).toContain('## After the run');
    expect(r.stdout).toMatch(
      /run "load-balanced": finished after \d+ ms\ncheck passed:\n {2}- server 1 got msg 0, 2, 4, 6, 8, as the seed prints\n/,
    );
  });

  it('exits 1 with the findings in words when the check fails on your topology', async () => {
    const mine = join(dir, 'three-servers.json');
    await writeFile(mine, JSON.stringify(loadBalancedThreeServers()));
    const r = await run(['lesson', 'load-balancing', '--topology', mine]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "check failed:\n  - server 1 got msg 0, 3, 6, 9; the seed's server 1 gets msg 0, 2, 4, 6, 8\n",
    );
    expect(r.stderr).toBe('zmq-studio: lesson load-balancing: the check failed (3 findings above)\n');
  });

  it('--exercise checks a solution (exit 0) and --json carries the verdict', async () => {
    const r = await run(['lesson', 'queue-device', '--exercise', 'broker', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      id: string;
      exercise: { starter: { nodes: unknown[] } };
      check: { kind: string; passed: boolean; findings: string[] };
    };
    expect(out.id).toBe('queue-device');
    expect(out.exercise.starter.nodes).toHaveLength(5);
    expect(out.check).toMatchObject({ kind: 'exercise', passed: true });
    expect(out.check.findings).toContain('3 servers sit behind the queue');
  });

  it('refuses bad input with the documented codes and no stack trace', async () => {
    const [unknown, missing, noExercise] = await Promise.all([
      run(['lesson', 'nope']),
      run(['lesson']),
      run(['lesson', 'hello-world', '--exercise', 'broker']),
    ]);
    expect(unknown).toMatchObject({
      code: 3,
      stderr: 'zmq-studio: no lesson named "nope" (hint: zmq-studio lessons lists the lesson ids)\n',
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^zmq-studio: lesson: missing <lesson-id>/);
    expect(noExercise.code).toBe(2);
    expect(noExercise.stderr).toMatch(
      /lesson hello-world has no exercise \(hint: the lessons with one: queue-device, pubsub-radio, streamer\)/,
    );
    for (const r of [unknown, missing, noExercise]) expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});
