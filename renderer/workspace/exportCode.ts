/**
 * "Export code" in the page: the same check and programs as `zmq-studio export` (shared/export),
 * handed over as one zip. Pure (no DOM): the dialog downloads what this returns.
 */
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { Diagnostic } from '../../shared/diagnostics';
import { checkExport, exportTopology } from '../../shared/export';
import type { ExportFile, ExportLanguage } from '../../shared/export';
import type { Topology } from '../../shared/topology';

export const LANGUAGE_LABELS: Readonly<Record<ExportLanguage, string>> = { python: 'Python', typescript: 'TypeScript' };

export type CodeExport =
  | { ok: true; name: string; files: ExportFile[]; notes: string[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** `Load-balanced request/reply` + python -> `load-balanced-request-reply-python.zip`. */
export function zipNameFor(topology: Pick<Topology, 'name'>, lang: ExportLanguage): string {
  const slug = topology.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'untitled';
  return `${slug}-${lang}.zip`;
}

/** Checks the document as the CLI does; refused with its diagnostics when it has errors. */
export function planCodeExport(doc: unknown, lang: ExportLanguage): CodeExport {
  const checked = checkExport(doc);
  if (!checked.topology) return { ok: false, diagnostics: checked.diagnostics };
  const { files, notes } = exportTopology(checked.topology, lang);
  return { ok: true, name: zipNameFor(checked.topology, lang), files, notes };
}

const UNIX = 3;
/** Unix mode bits live in the high 16 bits of a zip entry's external attributes. */
const mode = (bits: number): number => (0o100000 | bits) * 0x10000;

/** The files as one zip, the launcher executable as the CLI writes it; a fresh ArrayBuffer for a Blob. */
export function zipFiles(files: readonly ExportFile[]): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  const encoder = new TextEncoder();
  // A fixed time keeps the zip deterministic, like exportTopology's files.
  const mtime = new Date(2000, 0, 1);
  for (const f of files) entries[f.path] = [encoder.encode(f.text), { os: UNIX, attrs: mode(f.executable ? 0o755 : 0o644), mtime }];
  return new Uint8Array(zipSync(entries, { level: 6 }));
}
