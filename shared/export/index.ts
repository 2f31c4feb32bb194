/**
 * Code export (issue 7): a topology as runnable programs, one per socket, device or worker node,
 * in Python (pyzmq) or TypeScript (zeromq 6), with a README and a launcher that runs them in the
 * engine's order. Pure: the CLI writes the files, the renderer can offer them as a download.
 */
import type { Diagnostic } from '../diagnostics';
import { hasErrors } from '../diagnostics';
import { loadTopology } from '../load';
import type { Topology } from '../topology';
import { validate } from '../validate';
import { exportDiagnostics } from './endpoints';
import type { ExportFile, ExportLanguage, ExportResult } from './files';
import { packageJson, TSCONFIG } from './files';
import { PYTHON_HELPERS, TYPESCRIPT_HELPERS } from './helpers';
import { nodeLauncher } from './launcherNode';
import { pythonLauncher } from './launcherPython';
import { exportNotes } from './notes';
import { planExport } from './plan';
import { pythonProgram } from './python';
import { readme } from './readme';
import { typescriptProgram } from './typescript';

export { EXPORT_LANGUAGES } from './files';
export type { ExportFile, ExportLanguage, ExportResult } from './files';
export { movableBinds, withEndpoints } from './endpoints';
export type { MovableBind } from './endpoints';

/**
 * Checks a document for export: the validator's findings (draft types and pgm count as available:
 * the programs may run on another machine), then what separate processes cannot do (inproc, `*`).
 */
export function checkExport(doc: unknown): { topology?: Topology; diagnostics: Diagnostic[] } {
  const diagnostics = validate(doc, { pgm: true, draft: true });
  if (hasErrors(diagnostics)) return { diagnostics };
  const topology = loadTopology(doc).topology;
  if (!topology) return { diagnostics };
  const all = [...diagnostics, ...exportDiagnostics(topology)];
  return hasErrors(all) ? { diagnostics: all } : { topology, diagnostics: all };
}

/** The files of an export of a topology that checkExport() accepted; deterministic. */
export function exportTopology(topology: Topology, lang: ExportLanguage): ExportResult {
  const plan = planExport(topology);
  const notes = exportNotes(plan, lang);
  const files: ExportFile[] = [];
  if (lang === 'python') {
    for (const p of plan.programs) files.push({ path: `${p.file}.py`, text: pythonProgram(plan, p) });
    files.push({ path: 'helpers.py', text: PYTHON_HELPERS });
    files.push({ path: 'launch.py', text: pythonLauncher(plan), executable: true });
  } else {
    for (const p of plan.programs) files.push({ path: `${p.file}.ts`, text: typescriptProgram(plan, p) });
    files.push({ path: 'helpers.ts', text: TYPESCRIPT_HELPERS });
    files.push({ path: 'launch.mjs', text: nodeLauncher(plan), executable: true });
    files.push({ path: 'package.json', text: packageJson(plan.name, plan.description) });
    files.push({ path: 'tsconfig.json', text: TSCONFIG });
  }
  files.push({ path: 'README.md', text: readme(plan, lang, notes) });
  return { files, notes };
}
