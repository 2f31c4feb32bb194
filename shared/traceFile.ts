/**
 * The trace file (`zmq-studio run --trace out.jsonl`, and the page's Export trace): JSON lines,
 * a header line carrying the topology, then one TraceRecord per line. One definition for the
 * writer (CLI, page) and the reader (the page's import), so the two can never drift apart.
 */
import { z } from 'zod';
import { formatDiagnostic, jsonPath } from './diagnostics';
import { loadTopology } from './load';
import type { Topology } from './topology';
import type { TraceRecord } from './trace';
import { BLOCKED_BY, FAULT_MARKS } from './trace';

export const TRACE_FORMAT = 'zmq-studio.trace/1';

/** The first line of a trace file. */
export interface TraceHeader {
  format: typeof TRACE_FORMAT;
  /** The topology the run was built from (as written: defaults may be left out). */
  topology: unknown;
  /** The file or `example:<id>` the topology came from. */
  source: string;
  createdAt: string;
  tool: string;
  /** Records a bound dropped before the file was written (the page's ring keeps the newest). */
  dropped?: number;
}

/** Lines read at most: ten times the page's ring, far beyond what a run exports. */
export const MAX_TRACE_LINES = 2_000_000;

const count = z.number().int().min(0).max(0xffff_ffff);

const HeaderSchema = z.object({
  format: z.literal(TRACE_FORMAT),
  topology: z.unknown(),
  source: z.string().max(4096),
  createdAt: z.string().max(100),
  tool: z.string().max(400),
  dropped: z.number().int().min(0).optional(),
});

const RecordSchema = z.strictObject({
  seq: z.number().int().min(0),
  t: z.number().min(0).finite(),
  node: z.string().max(1024),
  port: z.string().max(64),
  socket: z.string().max(64),
  dir: z.enum(['out', 'in']),
  edge: z.string().max(1024),
  frames: count,
  bytes: count,
  preview: z.string().max(65_536),
  msg: count,
  cause: count,
  // A send that waited in libzmq (written only for those: older files simply have none).
  blockedMs: z.number().min(0).finite().optional(),
  blockedBy: z.enum(BLOCKED_BY).optional(),
  // A receive an injected edge fault dropped or held (written only for those).
  faulted: z.enum(FAULT_MARKS).optional(),
  heldMs: z.number().min(0).finite().optional(),
});

/** The header as one line (no newline). */
export function traceHeaderLine(header: TraceHeader): string {
  return JSON.stringify(header);
}

/**
 * One record as one line (no newline); keys in TraceRecord order, the blocked pair only on a send
 * that waited, the faulted pair only on a receive a fault dropped or held.
 */
export function traceRecordLine(r: TraceRecord): string {
  const blocked = r.blockedMs === undefined ? {} : { blockedMs: r.blockedMs, blockedBy: r.blockedBy ?? 'unknown' };
  const faulted = r.faulted === undefined ? {} : { faulted: r.faulted, heldMs: r.heldMs ?? 0 };
  return JSON.stringify({
    seq: r.seq,
    t: r.t,
    node: r.node,
    port: r.port,
    socket: r.socket,
    dir: r.dir,
    edge: r.edge,
    frames: r.frames,
    bytes: r.bytes,
    preview: r.preview,
    msg: r.msg,
    cause: r.cause,
    ...blocked,
    ...faulted,
  });
}

/** A whole trace file's text: the header, then every record, each line ending in a newline. */
export function traceFileText(header: TraceHeader, records: Iterable<TraceRecord>): string {
  const lines = [traceHeaderLine(header)];
  for (const r of records) lines.push(traceRecordLine(r));
  return `${lines.join('\n')}\n`;
}

export interface ParsedTrace {
  header: TraceHeader;
  /** The embedded topology, checked against the schema (defaults filled in). */
  topology: Topology;
  records: TraceRecord[];
}

export type TraceParseResult = { ok: true; trace: ParsedTrace } | { ok: false; error: string };

const fail = (line: number, what: string): TraceParseResult => ({ ok: false, error: `line ${line}: ${what}` });

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.length > 0 ? `${jsonPath(issue.path)}: ` : '';
  return `${path}${issue.message}`;
}

/**
 * Reads a trace file's text; never throws. A bad file gets one error naming its line (1 = the
 * header). Records must come in increasing seq order, as every writer emits them.
 */
export function parseTraceFile(text: string): TraceParseResult {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) return { ok: false, error: 'the file is empty: a trace starts with a header line' };
  if (lines.length > MAX_TRACE_LINES + 1)
    return { ok: false, error: `more than ${MAX_TRACE_LINES.toLocaleString('en-US')} records: too big to replay` };

  let first: unknown;
  try {
    first = JSON.parse(lines[0]);
  } catch (err) {
    return fail(1, `not JSON (${(err as Error).message}); a trace file is JSON lines, first a header`);
  }
  const format = typeof first === 'object' && first !== null ? (first as Record<string, unknown>).format : undefined;
  if (format !== TRACE_FORMAT) {
    const said = format === undefined ? 'no "format" field' : `format ${JSON.stringify(format).slice(0, 60)}`;
    return fail(1, `not a zmq-studio trace (${said}; expected "${TRACE_FORMAT}")`);
  }
  const header = HeaderSchema.safeParse(first);
  if (!header.success) return fail(1, `bad header: ${issueText(header.error)}`);
  const loaded = loadTopology(header.data.topology);
  if (!loaded.topology) {
    return fail(
      1,
      `the embedded topology is not valid: ${loaded.diagnostics.slice(0, 2).map(formatDiagnostic).join('; ')}`,
    );
  }

  const records: TraceRecord[] = [];
  let lastSeq = -1;
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].trim();
    if (line === '') return fail(lineNo, 'empty line in the middle of the records');
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      return fail(lineNo, `not JSON (${(err as Error).message})`);
    }
    const rec = RecordSchema.safeParse(raw);
    if (!rec.success) return fail(lineNo, `not a trace record: ${issueText(rec.error)}`);
    if (rec.data.seq <= lastSeq)
      return fail(lineNo, `seq ${rec.data.seq} does not follow ${lastSeq} (records must be in seq order)`);
    lastSeq = rec.data.seq;
    records.push(rec.data);
  }
  return { ok: true, trace: { header: { ...header.data, format: TRACE_FORMAT }, topology: loaded.topology, records } };
}
