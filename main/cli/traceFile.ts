/**
 * `--trace out.jsonl`: a header line, then every trace record of the run as one JSON line.
 * Records stay columnar until they reach this file: objects and JSON appear only at the edge.
 * They are held back a little before being written (HOLD_MS of run time, at most HOLD_RECORDS):
 * the wait of a send that blocked is told only when it returns, in a later batch.
 */
import { open } from 'node:fs/promises';
import type { WriteStream } from 'node:fs';
import type { EngineEvent } from '../../shared/ipc';
import type { TraceBatch, TraceRecord, TraceTables } from '../../shared/trace';
import { amendRecords, batchRecords } from '../../shared/trace';
import type { TraceHeader } from '../../shared/traceFile';
import { TRACE_FORMAT, traceHeaderLine, traceRecordLine } from '../../shared/traceFile';
import { CliError, EXIT } from './errors';

/** How long (run time) and how many records the file holds back for late-told blocked waits. */
const HOLD_MS = 5000;
const HOLD_RECORDS = 20_000;

export class TraceFile {
  /** The first write error, if any; later writes are skipped. */
  failure: string | undefined;
  records = 0;
  private tables: TraceTables | undefined;
  /** Batches that came before their tables (not expected, but never lost). */
  private early: TraceBatch[] = [];
  /** Records not written yet, in seq order: a later batch may still amend them. */
  private held: TraceRecord[] = [];

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (err) => {
      this.failure ??= err.message;
    });
  }

  /** Opens (truncates) the file and writes the header; a CliError (exit 3) when it cannot. */
  static async open(path: string, header: Omit<TraceHeader, 'format'>): Promise<TraceFile> {
    let stream: WriteStream;
    try {
      stream = (await open(path, 'w')).createWriteStream();
    } catch (err) {
      throw new CliError(
        EXIT.input,
        `${path}: cannot write the trace file: ${(err as Error).message}`,
        'check that its folder exists and is writable',
      );
    }
    const file = new TraceFile(path, stream);
    file.write(`${traceHeaderLine({ format: TRACE_FORMAT, ...header })}\n`);
    return file;
  }

  add(event: EngineEvent): void {
    if (event.type === 'tables') {
      this.tables = event.tables;
      for (const batch of this.early.splice(0)) this.writeBatch(batch, event.tables);
    } else if (event.type === 'trace') {
      if (this.tables) this.writeBatch(event.batch, this.tables);
      else this.early.push(event.batch);
    }
  }

  /** Writes what is held, flushes and closes; resolves once the data is on disk (or the write failed). */
  close(): Promise<void> {
    this.writeHeld(this.held.length);
    return new Promise((resolve) => {
      if (this.stream.destroyed) return resolve();
      this.stream.once('close', () => resolve());
      this.stream.end();
    });
  }

  private writeBatch(batch: TraceBatch, tables: TraceTables): void {
    if (batch.count > 0) this.held.push(...batchRecords(batch, tables));
    amendRecords(this.held, batch);
    const newest = this.held.at(-1)?.t ?? 0;
    let ready = 0;
    while (ready < this.held.length && (this.held.length - ready > HOLD_RECORDS || this.held[ready].t < newest - HOLD_MS)) ready++;
    this.writeHeld(ready);
  }

  private writeHeld(count: number): void {
    if (count === 0) return;
    const out = this.held.splice(0, count);
    this.records += out.length;
    this.write(`${out.map(traceRecordLine).join('\n')}\n`);
  }

  private write(text: string): void {
    if (this.failure === undefined) this.stream.write(text);
  }
}
