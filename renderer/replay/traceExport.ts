/**
 * Export trace: the page's trace ring and the document as a trace file, in the format the CLI
 * writes with `run --trace` (shared/traceFile.ts), so either tool reads the other's files.
 */
import type { TraceRecord } from '../../shared/trace';
import { TRACE_FORMAT, traceFileText } from '../../shared/traceFile';
import type { AppState } from '../store/types';
import { FILE_SUFFIX, fileNameFor } from '../workspace/fileActions';

export const TRACE_SUFFIX = '.trace.jsonl';

function* heldRecords(s: Pick<AppState, 'trace'>): Generator<TraceRecord> {
  for (let i = 0; i < s.trace.size; i++) yield s.trace.recordAt(i);
}

/** "load-balanced-request-reply.trace.jsonl", from the document's file name or its name. */
export function traceFileName(s: Pick<AppState, 'topology' | 'fileName'>): string {
  return (
    fileNameFor(s.topology, s.fileName)
      .replace(FILE_SUFFIX, '')
      .replace(/\.json$/, '') + TRACE_SUFFIX
  );
}

/** The file's name and text; every record the page holds, oldest first, and what its bounds dropped. */
export function traceExport(
  s: Pick<AppState, 'topology' | 'fileName' | 'trace' | 'libzmq'>,
  now: Date = new Date(),
): { name: string; text: string; records: number } {
  const dropped = s.trace.dropped;
  const text = traceFileText(
    {
      format: TRACE_FORMAT,
      topology: s.topology,
      source: s.fileName ?? `page:${s.topology.name}`,
      createdAt: now.toISOString(),
      tool: `zmq-studio page${s.libzmq ? ` (libzmq ${s.libzmq})` : ''}`,
      ...(dropped > 0 ? { dropped } : {}),
    },
    heldRecords(s),
  );
  return { name: traceFileName(s), text, records: s.trace.size };
}
