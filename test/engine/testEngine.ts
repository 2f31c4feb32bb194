/**
 * A small driver for engine tests (in the spirit of tldraw's TestEditor): start a topology on
 * real sockets, wait for an event, and read back logs, trace records and stats.
 */
import { createEngine } from '../../main/engine';
import type { Engine, EngineOptions } from '../../main/engineApi';
import type { EngineEvent, StartOptions, EdgeStats, NodeStats } from '../../shared/ipc';
import type { TraceRecord, TraceTables, LostMessage } from '../../shared/trace';
import { amendRecords, batchRecords } from '../../shared/trace';
import type { Diagnostic } from '../../shared/diagnostics';
import { findExample } from '../../shared/examples';

type Of<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

export class TestEngine {
  readonly engine: Engine;
  readonly events: EngineEvent[] = [];
  private tables: TraceTables | undefined;
  readonly records: TraceRecord[] = [];
  private listeners: (() => void)[] = [];

  constructor(options?: EngineOptions) {
    this.engine = createEngine((e) => this.onEvent(e), options);
  }

  private onEvent(e: EngineEvent): void {
    this.events.push(e);
    if (e.type === 'tables') this.tables = e.tables;
    if (e.type === 'trace' && this.tables) {
      this.records.push(...batchRecords(e.batch, this.tables));
      // Amendments (blocked sends, faulted receives) may be about records of earlier batches.
      amendRecords(this.records, e.batch);
    }
    for (const l of [...this.listeners]) l();
  }

  async start(doc: unknown, options: StartOptions = { freePorts: true }): Promise<Diagnostic[]> {
    return (await this.engine.start(doc, options)).diagnostics;
  }

  async startExample(id: string, options: StartOptions = { freePorts: true }): Promise<Diagnostic[]> {
    const ex = findExample(id);
    if (!ex) throw new Error(`no example ${id}`);
    return this.start(ex.topology, options);
  }

  /** Resolves when an event matching `pred` has arrived (or already had), rejects after `ms`. */
  waitFor<T extends EngineEvent['type']>(type: T, pred: (e: Of<T>) => boolean = () => true, ms = 10_000): Promise<Of<T>> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.events.find((e): e is Of<T> => e.type === type && pred(e as Of<T>));
        if (hit) {
          this.listeners = this.listeners.filter((l) => l !== listener);
          clearTimeout(timer);
          resolve(hit);
        }
        return hit !== undefined;
      };
      const listener = (): void => void check();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`no ${type} event within ${ms} ms; got: ${this.events.map((e) => e.type).join(',')}`));
      }, ms);
      this.listeners.push(listener);
      check();
    });
  }

  async runUntilFinished(ms = 10_000): Promise<void> {
    await this.waitFor('finished', () => true, ms);
    await this.engine.stop();
  }

  /** Log lines of one node, in order. */
  logs(node: string): string[] {
    return this.events.filter((e): e is Of<'log'> => e.type === 'log' && e.node === node).map((e) => e.line);
  }

  errors(): Of<'error'>[] {
    return this.events.filter((e): e is Of<'error'> => e.type === 'error');
  }

  lastStats(): { nodes: NodeStats[]; edges: EdgeStats[] } {
    const s = this.events.filter((e): e is Of<'stats'> => e.type === 'stats').pop();
    if (!s) throw new Error('no stats event');
    return { nodes: s.nodes, edges: s.edges };
  }

  edgeCount(edge: string): number {
    return this.lastStats().edges.find((e) => e.edge === edge)?.messages ?? -1;
  }

  lost(): { messages: LostMessage[]; total: number } {
    const l = this.events.filter((e): e is Of<'lost'> => e.type === 'lost').pop();
    return l ? { messages: l.messages, total: l.total } : { messages: [], total: 0 };
  }

  async dispose(): Promise<void> {
    await this.engine.dispose();
  }
}
