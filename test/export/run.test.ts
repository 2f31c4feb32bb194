/**
 * Every built-in example exported to Python and to TypeScript, its launcher run on free loopback
 * ports, and the programs' lines compared with the in-app run of the same topology. Runs one
 * launcher at a time (2 cores): each bounded by a timeout that kills its whole process group.
 *
 *   export --free-ports -> python3 launch.py | node launch.mjs -> [node] lines  ==  engine log lines
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, findExample, FOOTBALL_LINES } from '../../shared/examples';
import type { ExportLanguage } from '../../shared/export';
import { TestEngine } from '../engine/testEngine';
import type { Launched } from './launch';
import { exportTo, linesByNode, PYTHON, runLauncher } from './launch';
import { zoo, ZOO_LINES } from './zoo';

const LAUNCH_TIMEOUT_MS = 90_000; // generous: other test files share the 2 cores
const LANGS: ExportLanguage[] = ['python', 'typescript'];

let dir: string;
const timings: string[] = [];
const startedAt = Date.now();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zmq-studio-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  console.log(`export run tests: ${timings.join(', ')}; total ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
});

/** The in-app run of an example: each node's log lines, by label (run once, for both languages). */
const appRuns = new Map<string, Promise<Map<string, string[]>>>();
function appRun(id: string): Promise<Map<string, string[]>> {
  if (!appRuns.has(id)) appRuns.set(id, runInApp(id));
  return appRuns.get(id) as Promise<Map<string, string[]>>;
}

async function runInApp(id: string): Promise<Map<string, string[]>> {
  const t = new TestEngine();
  try {
    expect(await t.startExample(id)).toEqual([]);
    await t.runUntilFinished(30_000);
    const nodes = findExample(id)?.topology.nodes ?? [];
    // Devices log nothing: like the programs' output, only nodes that said something.
    return new Map(nodes.map((n) => [n.label ?? n.id, t.logs(n.id)] as const).filter(([, lines]) => lines.length > 0));
  } finally {
    await t.dispose();
  }
}

async function exportAndRun(id: string, lang: ExportLanguage, input = id): Promise<Launched> {
  const out = join(dir, `${id}-${lang}`);
  const exported = await exportTo(input, lang, out);
  expect(exported.err.filter((l) => !l.startsWith('warning '))).toEqual([]);
  expect(exported.code).toBe(0);
  const r = await runLauncher(out, lang, LAUNCH_TIMEOUT_MS);
  timings.push(`${id}/${lang} ${(r.ms / 1000).toFixed(1)} s`);
  expect(r.timedOut, `the launcher did not end within ${LAUNCH_TIMEOUT_MS} ms\n${r.stdout}\n${r.stderr}`).toBe(false);
  // zeromq.js warns once per process that its draft API is experimental: nothing else may appear.
  expect(
    r.stderr.split('\n').filter((l) => l && !/ZeroMQ draft features are experimental|--trace-warnings/.test(l)),
    r.stdout,
  ).toEqual([]);
  expect(r.code).toBe(0);
  return r;
}

/**
 * Which server or worker handles a message, and so the order of its lines, depends on timing
 * where several clients or workers race (as in the app): there, compare what each group of
 * nodes did (sorted, with "done by worker N" made anonymous) and how much each node did.
 */
const RACING = new Set(['broker', 'pipeline', 'pipeline-streamer']);

function comparable(id: string, lines: Map<string, string[]>): Record<string, unknown> {
  if (!RACING.has(id)) return Object.fromEntries(lines);
  const groups: Record<string, string[]> = {};
  const counts: Record<string, number> = {};
  for (const [node, ls] of lines) {
    const group = node.replace(/ \d+$/, '');
    groups[group] = [
      ...(groups[group] ?? []),
      ...ls.map((l) => l.replace(/ done by (server|worker) \d+$/, ' done by $1 N')),
    ].sort();
    counts[node] = ls.length;
  }
  return { groups, counts };
}

const pythonHasZmq = spawnSync(PYTHON, ['-c', 'import zmq'], { timeout: 20_000 }).status === 0;
/** Debian's pyzmq has no draft API (zmq.has("draft") is False): draft programs cannot run there. */
const pythonHasDraft =
  spawnSync(PYTHON, ['-c', 'import sys, zmq; sys.exit(0 if zmq.has("draft") else 1)'], { timeout: 20_000 }).status ===
  0;
const typescriptHasDraft = (await import('zeromq')).capability.draft === true;

/** SCATTER -> GATHER: no behaviour sends on a SCATTER, so this shows the draft sockets start, connect and end. */
const DRAFT = {
  format: 'zmq-studio.topology/1',
  name: 'draft',
  nodes: [
    { id: 'scatter', kind: 'socket', socket: 'SCATTER' },
    { id: 'gather', kind: 'socket', socket: 'GATHER', behavior: { type: 'consume', count: 0 } },
  ],
  edges: [
    { id: 'e', pattern: 'scattergather', source: 'scatter', target: 'gather', endpoint: 'tcp://127.0.0.1:26010' },
  ],
};

for (const lang of LANGS) {
  describe.skipIf(lang === 'python' && !pythonHasZmq)(`exported to ${lang}`, { timeout: 150_000 }, () => {
    for (const { id } of EXAMPLES) {
      it(`${id}: the launcher prints what the in-app run prints`, async () => {
        const expected = await appRun(id);
        const r = await exportAndRun(id, lang);
        const got = linesByNode(r.stdout);
        expect(comparable(id, got)).toEqual(comparable(id, expected));
        checkSeed(id, got);
      });
    }

    // Python starts fast: it also runs the zoo's silent nodes (manual, late joiner); TypeScript
    // (a tsx process per program) runs the six that print, to keep the file short on 2 cores.
    it('the behaviour zoo (dealer/router, XPUB/XSUB, SUB worker) prints what the engine logs', async () => {
      const file = join(dir, `zoo-${lang}.json`);
      await writeFile(file, JSON.stringify(zoo({ extras: lang === 'python' })));
      const got = linesByNode((await exportAndRun('zoo', lang, file)).stdout);
      // A DEALER sends without waiting for replies: its sends and receives each keep their order,
      // but how they interleave depends on timing, so each is compared on its own.
      const sends = (lines: string[]) => lines.filter((l) => l.startsWith('Sending'));
      const others = (lines: string[]) => lines.filter((l) => !l.startsWith('Sending'));
      for (const [node, lines] of Object.entries(ZOO_LINES)) {
        const printed = (got.get(node) ?? []).map((l) => l.replace(/ from [0-9a-f]{10}$/, ' from <id>'));
        expect(sends(printed), `${node} sends`).toEqual(sends(lines));
        expect(others(printed), node).toEqual(others(lines));
      }
    });
  });
}

/** The seed's figures, literally: whatever the engine does, these are what the programs must print. */
function checkSeed(id: string, got: Map<string, string[]>): void {
  const of = (node: string, re = /./): string[] => (got.get(node) ?? []).filter((l) => re.test(l));
  switch (id) {
    case 'load-balanced':
      expect(of('client')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `Sending msg ${i}`));
      expect(of('server 1')).toEqual([0, 2, 4, 6, 8].map((i) => `Got msg ${i}`));
      expect(of('server 2')).toEqual([1, 3, 5, 7, 9].map((i) => `Got msg ${i}`));
      return;
    case 'football':
    case 'football-forwarder':
      expect(of('listener')).toEqual(FOOTBALL_LINES.filter((l) => /^(netherlands|germany) /.test(l)));
      expect(of('radio')).toEqual(FOOTBALL_LINES.map((l) => `-> ${l}`));
      return;
    case 'pipeline':
    case 'pipeline-streamer': {
      expect(of('ventilator')).toHaveLength(30);
      for (const w of ['worker 1', 'worker 2', 'worker 3']) expect(of(w, /^Got task \d+$/)).toHaveLength(10);
      const results = of('sink', /^TASK \d+ done by worker [123]$/);
      expect(results.map((l) => Number(/\d+/.exec(l)?.[0])).sort((a, b) => a - b)).toEqual([...Array(30).keys()]);
      expect(of('sink').at(-1)).toBe('Received 30 messages');
      return;
    }
    case 'broker':
      for (const s of ['server 1', 'server 2', 'server 3']) expect(of(s, /^Got client [12] msg \d$/)).toHaveLength(4);
      expect(of('client 1', /^Received client 1 msg \d done by server [123]$/)).toHaveLength(6);
      return;
  }
}

describe('draft sockets (skipped where the library has no draft API)', { timeout: 150_000 }, () => {
  for (const lang of LANGS) {
    it.skipIf(lang === 'python' ? !pythonHasDraft : !typescriptHasDraft)(
      `${lang}: SCATTER and GATHER connect and end`,
      async () => {
        const file = join(dir, `draft-${lang}.json`);
        await writeFile(file, JSON.stringify(DRAFT));
        const got = linesByNode((await exportAndRun('draft', lang, file)).stdout);
        expect(got.get('gather')).toEqual(['Received 0 messages']);
      },
    );
  }
});
