/**
 * `--trace out.jsonl`: a header line, then every trace record of the run as one JSON line.
 * Records stay columnar until they reach this file: objects and JSON appear only at the edge.
 */
import { open } from 'node:fs/promises';
import type { WriteStream } from 'node:fs';
import type { EngineEvent } from '../../shared/ipc';
import type { TraceBatch, TraceTables } from '../../shared/trace';
import { batchRecords } from '../../shared/trace';
import type { TraceHeader } from '../../shared/traceFile';
import { TRACE_FORMAT, traceHeaderLine, traceRecordLine } from '../../shared/traceFile';
import { CliError, EXIT } from './errors';

export class TraceFile {
  /** The first write error, if any; later writes are skipped. */
  failure: string | undefined;
  records = 0;
  private tables: TraceTables | undefined;
  /** Batches that came before their tables (not expected, but never lost). */
  private early: TraceBatch[] = [];

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

  /** Flushes and closes; resolves once the data is on disk (or the write failed). */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.stream.destroyed) return resolve();
      this.stream.once('close', () => resolve());
      this.stream.end();
    });
  }

  private writeBatch(batch: TraceBatch, tables: TraceTables): void {
    if (batch.count === 0) return;
    const records = batchRecords(batch, tables);
    this.records += records.length;
    this.write(`${records.map(traceRecordLine).join('\n')}\n`);
  }

  private write(text: string): void {
    if (this.failure === undefined) this.stream.write(text);
  }
}
