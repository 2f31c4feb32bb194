/**
 * Node logs are for people: past a few hundred lines a second they are unreadable and would
 * cost one event per message. Each node gets a budget per second; what is over it is counted and
 * reported as one line (the trace still holds every message).
 */
export const LOG_LINES_PER_SECOND = 500;

export class LogThrottle {
  private readonly windows = new Map<string, { start: number; lines: number; suppressed: number }>();

  constructor(
    private readonly emit: (node: string, line: string, level: 'info' | 'warn' | 'error') => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `line` may be a function: at high rates most lines are never built. */
  log(node: string, line: string | (() => string), level: 'info' | 'warn' | 'error'): void {
    const t = this.now();
    let w = this.windows.get(node);
    if (!w) this.windows.set(node, (w = { start: t, lines: 0, suppressed: 0 }));
    if (t - w.start >= 1000) {
      this.report(node, w);
      w.start = t;
      w.lines = 0;
    }
    // Errors always get through: they are rare and they matter.
    if (w.lines < LOG_LINES_PER_SECOND || level === 'error') {
      w.lines++;
      this.emit(node, typeof line === 'string' ? line : line(), level);
    } else {
      w.suppressed++;
    }
  }

  /** Reports what was held back (also called at the end of a run). */
  flush(): void {
    for (const [node, w] of this.windows) this.report(node, w);
  }

  private report(node: string, w: { suppressed: number }): void {
    if (w.suppressed === 0) return;
    this.emit(node, `… ${w.suppressed} more lines not shown (over ${LOG_LINES_PER_SECOND} lines/s; the trace has every message)`, 'warn');
    w.suppressed = 0;
  }
}
