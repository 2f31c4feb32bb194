/** Which node-console lines a view shows: by node, lowest level, source and text. Pure. */
import type { LogLine } from '../../store/traceSlice';

export type LogLevel = LogLine['level'];
export type LogSource = LogLine['source'];

export const LEVEL_RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };
export const ALL_SOURCES: readonly LogSource[] = ['log', 'monitor', 'error'];

export interface LogFilter {
  /** '' = every node. */
  node: string;
  /** Lines at this level or above. */
  minLevel: LogLevel;
  sources: readonly LogSource[];
  /** Case-insensitive, matched against the line and the node's label. */
  text: string;
}

export const NO_FILTER: LogFilter = { node: '', minLevel: 'info', sources: ALL_SOURCES, text: '' };

/** The lines that pass, in order; the same array when nothing is filtered out (no copy of 5,000 lines). */
export function filterLogs(lines: readonly LogLine[], f: LogFilter, labels?: ReadonlyMap<string, string>): readonly LogLine[] {
  const text = f.text.trim().toLowerCase();
  const min = LEVEL_RANK[f.minLevel];
  const allSources = ALL_SOURCES.every((s) => f.sources.includes(s));
  if (f.node === '' && min === 0 && allSources && text === '') return lines;
  return lines.filter(
    (l) =>
      (f.node === '' || l.node === f.node) &&
      LEVEL_RANK[l.level] >= min &&
      (allSources || f.sources.includes(l.source)) &&
      (text === '' || l.line.toLowerCase().includes(text) || (labels?.get(l.node) ?? l.node).toLowerCase().includes(text)),
  );
}
