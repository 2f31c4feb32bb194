/**
 * Prints engine events for a terminal: `[node] line` for logs and socket events on stdout,
 * errors and diagnostics on stderr; or every event as one JSON line with --json.
 * Behaviour lines are printed exactly as the engine wrote them: scripts compare them.
 */
import type { Diagnostic } from '../../shared/diagnostics';
import { formatDiagnostic } from '../../shared/diagnostics';
import type { EngineEvent, MonitorKind } from '../../shared/ipc';
import type { CliIo } from './io';

const MONITOR_TEXT: Record<MonitorKind, string> = {
  listening: 'listening on',
  'bind-failed': 'bind failed on',
  accepted: 'accepted a connection on',
  'accept-failed': 'accept failed on',
  connected: 'connected to',
  'connect-delayed': 'connect delayed to',
  'connect-retried': 'retrying connect to',
  disconnected: 'disconnected from',
  'handshake-ok': 'handshake ok on',
  'handshake-failed': 'handshake failed on',
  closed: 'closed',
  'close-failed': 'close failed on',
};

/** Typed arrays of trace batches as plain arrays; JSON would turn them into index-keyed objects. */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v,
  );
}

export class EventPrinter {
  private readonly printed = new Set<string>();

  constructor(
    private readonly io: CliIo,
    /** node id -> label, as the topology names them. */
    private readonly labels: ReadonlyMap<string, string>,
    private readonly json: boolean,
  ) {}

  print(event: EngineEvent): void {
    if (this.json) {
      this.io.out(jsonLine(event));
      return;
    }
    switch (event.type) {
      case 'log':
        // An engine error is also logged as "error CODE: message"; its `error` event prints it with the hint.
        if (event.level === 'error') return;
        (event.level === 'warn' ? this.io.err : this.io.out)(`[${this.label(event.node)}] ${event.line}`);
        return;
      case 'monitor': {
        const port = event.port ? `${event.port} ` : '';
        const endpoint = event.endpoint ? ` ${event.endpoint}` : '';
        const detail = event.detail ? ` (${event.detail})` : '';
        this.io.out(`[${this.label(event.node)}] ${port}${MONITOR_TEXT[event.kind]}${endpoint}${detail}`);
        return;
      }
      case 'error': {
        const where = event.node ? `[${this.label(event.node)}] ` : event.edge ? `[edge ${event.edge}] ` : '';
        this.io.err(`${where}error ${event.code}: ${event.message}${event.hint ? ` (${event.hint})` : ''}`);
        return;
      }
      case 'diagnostics':
        this.diagnostics(event.diagnostics);
        return;
      case 'state':
        if (event.state === 'failed') this.io.err(`zmq-studio: run failed${event.reason ? `: ${event.reason}` : ''}`);
        return;
      case 'engine':
        this.io.err(`zmq-studio: engine ${event.status}: ${event.reason}`);
        return;
      default:
        // trace, tables, stats, lost, finished: they feed the summary and the trace file.
        return;
    }
  }

  /** Prints diagnostics once each: start's reply repeats those its events already carried. */
  diagnostics(list: readonly Diagnostic[]): void {
    if (this.json) return; // the diagnostics events were printed as they came
    for (const d of list) {
      const line = formatDiagnostic(d);
      if (this.printed.has(line)) continue;
      this.printed.add(line);
      this.io.err(line);
    }
  }

  private label(node: string): string {
    return this.labels.get(node) ?? node;
  }
}
