/**
 * The trace table's filter as a pure predicate over the ring's columns (no React, no objects per
 * record): node and edge are resolved once per run into flags indexed by the ring's socket and
 * edge tables, so testing a record is a few typed-array reads and, last, the payload text.
 */
import type { Pattern } from '../../../shared/patterns';
import type { Edge } from '../../../shared/topology';
import type { TraceTables } from '../../../shared/trace';
import type { TraceFilter } from '../../store/traceViewSlice';

/** The column reads a filter needs; the page's TraceRing has them. */
export interface TraceColumns {
  readonly size: number;
  readonly total: number;
  readonly tables: TraceTables;
  socketAt(i: number): number;
  edgeIndexAt(i: number): number;
  dirAt(i: number): 'out' | 'in';
  previewAt(i: number): string;
  seqAt(i: number): number;
}

/** True when the record at ring position `i` passes. */
export type RecordTest = (ring: TraceColumns, i: number) => boolean;

export interface CompiledFilter {
  /** Undefined when the filter lets every record through (the table then reads the ring directly). */
  test?: RecordTest;
  /** Why the payload pattern was ignored (an invalid regular expression). */
  error?: string;
}

/** Edge id -> pattern, from the topology the run was built from. */
export function edgePatterns(edges: readonly Edge[]): ReadonlyMap<string, Pattern> {
  return new Map(edges.map((e) => [e.id, e.pattern]));
}

/** Why `text` is not a valid regular expression ("Unterminated group"), or undefined when it compiles. */
export function regexError(text: string): string | undefined {
  try {
    new RegExp(text, 'i');
    return undefined;
  } catch (err) {
    // The engine's message repeats the pattern ("Invalid regular expression: /x(/i: ..."): keep the reason.
    return (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

/** A payload matcher, or an error for a regex that does not compile (the text part is then ignored). */
function textTest(filter: TraceFilter): { match?: (preview: string) => boolean; error?: string } {
  const text = filter.text ?? '';
  if (text === '') return {};
  if (filter.regex) {
    const error = regexError(text);
    if (error) return { error: `invalid regular expression: ${error}` };
    const re = new RegExp(text, 'i');
    return { match: (p) => re.test(p) };
  }
  // A case-insensitive regex of the escaped text: no lower-cased copy of every preview.
  const re = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return { match: (p) => re.test(p) };
}

/** Flags per socket and per edge index of one run's tables (index 0 of `edgeOk` is the unknown edge). */
interface Resolved {
  tables: TraceTables;
  socketOk?: Uint8Array;
  edgeOk?: Uint8Array;
}

function resolve(filter: TraceFilter, patterns: ReadonlyMap<string, Pattern>, tables: TraceTables): Resolved {
  const r: Resolved = { tables };
  if (filter.node) r.socketOk = Uint8Array.from(tables.sockets, (s) => (s.node === filter.node ? 1 : 0));
  if (filter.edge || filter.pattern) {
    const ok = (id: string): boolean => (!filter.edge || id === filter.edge) && (!filter.pattern || patterns.get(id) === filter.pattern);
    r.edgeOk = new Uint8Array(tables.edges.length + 1);
    tables.edges.forEach((id, k) => (r.edgeOk![k + 1] = ok(id) ? 1 : 0));
  }
  return r;
}

/**
 * Compiles a filter for the table. `patterns` maps edge ids to their pattern (the pattern filter
 * goes through the record's edge; a record on an unknown edge matches no edge or pattern filter).
 */
export function compileFilter(filter: TraceFilter, patterns: ReadonlyMap<string, Pattern>): CompiledFilter {
  const { match, error } = textTest(filter);
  const dir = filter.dir;
  const byTables = Boolean(filter.node || filter.edge || filter.pattern);
  if (!byTables && !dir && !match) return { error };
  let cached: Resolved | undefined;
  const test: RecordTest = (ring, i) => {
    if (byTables) {
      if (cached?.tables !== ring.tables) cached = resolve(filter, patterns, ring.tables);
      if (cached.socketOk && cached.socketOk[ring.socketAt(i)] !== 1) return false;
      if (cached.edgeOk && cached.edgeOk[ring.edgeIndexAt(i) + 1] !== 1) return false;
    }
    if (dir && ring.dirAt(i) !== dir) return false;
    return match ? match(ring.previewAt(i)) : true;
  };
  return { test, error };
}

/** True when any field of the filter narrows the table. */
export function isFiltering(filter: TraceFilter): boolean {
  return Boolean(filter.node || filter.edge || filter.pattern || filter.dir || filter.text);
}
