/**
 * The generated programs compile: every Python file with /usr/bin/python3 -m py_compile, every
 * TypeScript file with the project's tsc under the export's own strict tsconfig (NodeNext ESM).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../shared/examples';
import { checkExport, exportTopology } from '../../shared/export';
import type { ExportLanguage } from '../../shared/export';
import type { TopologyInput } from '../../shared/topology';
import { PYTHON, ROOT } from './launch';
import { zoo } from './zoo';

const run = promisify(execFile);
/** Labels and texts that would break a naive generator: quotes, comment ends, line breaks. */
const NASTY: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'nasty """ */ \\ "name"\nsecond line',
  nodes: [
    {
      id: 'c',
      kind: 'socket',
      socket: 'REQ',
      label: 'cli"""ent */ \\ \n x',
      behavior: { type: 'request', count: 1, payload: '{node} "}" `${i}` \\ {i}' },
    },
    {
      id: 's',
      kind: 'socket',
      socket: 'REP',
      label: "ser'ver \u2028 //",
      behavior: { type: 'reply', payload: '{msg} \'"""\' {node}' },
    },
  ],
  edges: [{ id: 'e', pattern: 'reqrep', source: 'c', target: 's', endpoint: 'tcp://127.0.0.1:26020' }],
};

const DOCS: [string, TopologyInput][] = [
  ...EXAMPLES.map((e): [string, TopologyInput] => [e.id, e.topology]),
  ['zoo', zoo()],
  ['nasty', NASTY],
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zmq-studio-compile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes every export of one language under `<dir>/<lang>/<id>/`; returns the folder. */
async function writeAll(lang: ExportLanguage): Promise<string> {
  const base = join(dir, lang);
  for (const [id, doc] of DOCS) {
    const { topology, diagnostics } = checkExport(structuredClone(doc));
    if (!topology) throw new Error(`${id}: ${diagnostics.map((d) => d.message).join('; ')}`);
    await mkdir(join(base, id), { recursive: true });
    for (const f of exportTopology(topology, lang).files) await writeFile(join(base, id, f.path), f.text);
  }
  return base;
}

describe('generated code compiles', { timeout: 120_000 }, () => {
  it('Python: py_compile accepts every program, helper and launcher', async () => {
    const base = await writeAll('python');
    const files = DOCS.flatMap(([id]) => [join(base, id, 'launch.py')]);
    for (const [id] of DOCS)
      for (const f of await readdir(join(base, id))) if (f.endsWith('.py')) files.push(join(base, id, f));
    await expect(run(PYTHON, ['-m', 'py_compile', ...new Set(files)])).resolves.toBeDefined();
  });

  it('TypeScript: tsc --strict finds no error in any program or helper', async () => {
    const base = await writeAll('typescript');
    await symlink(join(ROOT, 'node_modules'), join(base, 'node_modules'), 'dir');
    // One tsc run for all exports: each folder keeps its package.json ("type": "module").
    const config = { extends: `./${DOCS[0][0]}/tsconfig.json`, include: ['*/*.ts'] };
    await writeFile(join(base, 'tsconfig.json'), JSON.stringify(config));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', join(base, 'tsconfig.json')]).catch(
      (err: { stdout?: string }) => err,
    );
    expect('stdout' in result ? result.stdout : '').toBe('');
  });
});
