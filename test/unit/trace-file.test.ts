// The trace file format shared by the CLI's `run --trace` and the page's Export / Replay trace.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_FORMAT, parseTraceFile, traceFileText, traceHeaderLine, traceRecordLine } from '../../shared/traceFile';
import type { TraceHeader } from '../../shared/traceFile';
import type { TraceBatch, TraceRecord } from '../../shared/trace';
import { findExample } from '../../shared/examples';
import { TraceFile } from '../../main/cli/traceFile';

const doc = structuredClone(findExample('load-balanced')!.topology);
const header: TraceHeader = {
  format: TRACE_FORMAT,
  topology: doc,
  source: 'example:load-balanced',
  createdAt: '2025-01-01T00:00:00.000Z',
  tool: 'test',
};

const rec = (seq: number, over: Partial<TraceRecord> = {}): TraceRecord => ({
  seq,
  t: seq * 1.5,
  node: 'client',
  port: '',
  socket: 'REQ',
  dir: 'out',
  edge: 'to-server1',
  frames: 1,
  bytes: 5,
  preview: `msg ${seq}`,
  msg: seq,
  cause: 0,
  ...over,
});
const records = [
  rec(1),
  rec(2, { node: 'server1', socket: 'REP', dir: 'in', msg: 1 }),
  rec(3, { preview: 'a "quoted"\nline' }),
];
const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const error = (text: string): string => {
  const r = parseTraceFile(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('trace file', () => {
  it('round-trips a header and its records; the embedded topology comes back checked', () => {
    const r = parseTraceFile(traceFileText(header, records));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.trace.records).toEqual(records);
    expect(r.trace.header).toMatchObject({ format: TRACE_FORMAT, source: 'example:load-balanced', tool: 'test' });
    expect(r.trace.topology.nodes.map((n) => n.id)).toEqual(['client', 'server1', 'server2']);
  });

  it('writes one line per record, keys in TraceRecord order', () => {
    const text = traceFileText(header, records);
    expect(text.split('\n')).toHaveLength(5); // header, 3 records, the final newline
    expect(Object.keys(JSON.parse(traceRecordLine(records[0])) as object)).toEqual([
      'seq',
      't',
      'node',
      'port',
      'socket',
      'dir',
      'edge',
      'frames',
      'bytes',
      'preview',
      'msg',
      'cause',
    ]);
  });

  it('reads what the CLI writes with run --trace (one format, two writers)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'zs-trace-'));
    const path = join(dir, 'cli.jsonl');
    const file = await TraceFile.open(path, {
      topology: doc,
      source: 'example:load-balanced',
      createdAt: header.createdAt,
      tool: 'zmq-studio test',
    });
    const batch: TraceBatch = {
      batch: 1,
      firstSeq: 1,
      count: 2,
      dropped: 0,
      t: Float64Array.from([0.5, 0.75]),
      socket: Uint16Array.from([0, 1]),
      dir: Uint8Array.from([0, 1]),
      edge: Int32Array.from([0, 0]),
      frames: Uint32Array.from([1, 1]),
      bytes: Uint32Array.from([5, 5]),
      msg: Uint32Array.from([1, 1]),
      cause: Uint32Array.from([0, 0]),
      preview: ['msg 0', 'msg 0'],
    };
    file.add({ type: 'trace', runId: 1, batch }); // before its tables: kept, not lost
    file.add({
      type: 'tables',
      runId: 1,
      tables: {
        sockets: [
          { node: 'client', port: '', socket: 'REQ' },
          { node: 'server1', port: '', socket: 'REP' },
        ],
        edges: ['to-server1', 'to-server2'],
      },
    });
    await file.close();
    const r = parseTraceFile(await readFile(path, 'utf8'));
    if (!r.ok) throw new Error(r.error);
    expect(r.trace.header.source).toBe('example:load-balanced');
    expect(r.trace.records).toEqual([
      {
        seq: 1,
        t: 0.5,
        node: 'client',
        port: '',
        socket: 'REQ',
        dir: 'out',
        edge: 'to-server1',
        frames: 1,
        bytes: 5,
        preview: 'msg 0',
        msg: 1,
        cause: 0,
      },
      {
        seq: 2,
        t: 0.75,
        node: 'server1',
        port: '',
        socket: 'REP',
        dir: 'in',
        edge: 'to-server1',
        frames: 1,
        bytes: 5,
        preview: 'msg 0',
        msg: 1,
        cause: 0,
      },
    ]);
  });

  it('takes Windows line ends and a header with no records', () => {
    const r = parseTraceFile(`${traceHeaderLine(header)}\r\n${traceRecordLine(records[0])}\r\n`);
    expect(r.ok && r.trace.records).toEqual([records[0]]);
    const empty = parseTraceFile(`${traceHeaderLine(header)}\n`);
    expect(empty.ok && empty.trace.records).toEqual([]);
  });

  it('refuses a bad file with one error naming the line', () => {
    const h = traceHeaderLine(header);
    expect(error('')).toBe('the file is empty: a trace starts with a header line');
    expect(error('{nope')).toMatch(/^line 1: not JSON \(/);
    expect(error(lines(JSON.stringify({ format: 'zmq-studio.topology/1', nodes: [], edges: [] })))).toBe(
      'line 1: not a zmq-studio trace (format "zmq-studio.topology/1"; expected "zmq-studio.trace/1")',
    );
    expect(error(lines(JSON.stringify({ ...header, source: 7 })))).toMatch(/^line 1: bad header: source: /);
    expect(
      error(
        lines(
          JSON.stringify({ ...header, topology: { format: 'zmq-studio.topology/1', nodes: [{ id: 'x' }], edges: [] } }),
        ),
      ),
    ).toMatch(/^line 1: the embedded topology is not valid: error/);
    expect(error(lines(h, traceRecordLine(records[0]), '{"seq": 2,'))).toMatch(/^line 3: not JSON \(/);
    expect(error(lines(h, traceRecordLine(records[0]), JSON.stringify({ ...records[1], dir: 'sideways' })))).toMatch(
      /^line 3: not a trace record: dir: /,
    );
    expect(error(lines(h, JSON.stringify({ ...records[0], extra: 1 })))).toMatch(/^line 2: not a trace record: /);
    expect(error(lines(h, JSON.stringify({ ...records[0], bytes: -1 })))).toMatch(
      /^line 2: not a trace record: bytes: /,
    );
    expect(error(lines(h, traceRecordLine(records[1]), traceRecordLine(records[0])))).toBe(
      'line 3: seq 1 does not follow 2 (records must be in seq order)',
    );
    expect(error(lines(h, traceRecordLine(records[0]), '', traceRecordLine(records[1])))).toBe(
      'line 3: empty line in the middle of the records',
    );
  });
});
