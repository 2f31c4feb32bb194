/**
 * Faults injected on edges (teaching and debugging): drop every Nth message, delay each one, or
 * suspend the edge. Applied where a message is received, because only then does the recorder
 * know which edge it took (a load-balanced send picks its peer inside libzmq).
 */
import type { EdgeFault } from '../shared/ipc';

/** What a receive on a faulted edge does with its message. */
export type FaultVerdict = 'deliver' | 'drop';

export class EdgeFaults {
  /** Indexed by edge index: undefined on every edge without a fault (the hot path's one lookup). */
  private readonly faults: (EdgeFault | undefined)[];
  /** Messages seen on each edge since its fault was set (drop every Nth counts these). */
  private readonly seen: number[];
  /** Messages each edge's fault dropped in this run. */
  readonly dropped: number[];
  private readonly waiters = new Set<() => void>();
  private readonly edgeIds: string[];
  private stopped = false;

  constructor(
    edgeIds: readonly string[],
    private readonly log: (node: string, line: string) => void,
  ) {
    this.edgeIds = [...edgeIds];
    this.faults = edgeIds.map(() => undefined);
    this.seen = edgeIds.map(() => 0);
    this.dropped = edgeIds.map(() => 0);
  }

  /** Edges attached to the running topology: appended, with no fault. */
  extend(edgeIds: readonly string[]): void {
    for (let i = this.edgeIds.length; i < edgeIds.length; i++) {
      this.edgeIds.push(edgeIds[i]);
      this.faults.push(undefined);
      this.seen.push(0);
      this.dropped.push(0);
    }
  }

  /** Sets (or with null clears) an edge's fault; throws for an edge this run does not have. */
  set(edgeId: string, fault: EdgeFault | null): void {
    const i = this.edgeIds.indexOf(edgeId);
    if (i < 0) throw new Error(`no edge "${edgeId}" in this run: faults go on the edges of the running topology`);
    const clean = fault && (fault.dropEvery || fault.delayMs || fault.suspended) ? fault : undefined;
    this.faults[i] = clean;
    this.seen[i] = 0;
    // Held receives wake: a suspended one re-reads its edge's fault, a delayed one goes now.
    this.wakeAll();
  }

  at(edge: number): EdgeFault | undefined {
    return this.faults[edge];
  }

  /**
   * Applies the edge's fault to one received message: holds it while the edge is suspended,
   * delays it, or drops it. Holding a message holds the whole socket's reader (one receive at a
   * time per socket): that is what a suspended or slow link does to the node that reads it.
   */
  async apply(edge: number, msg: number, node: string): Promise<FaultVerdict> {
    while (this.faults[edge]?.suspended && !this.stopped) await this.hold();
    const fault = this.faults[edge];
    if (!fault || this.stopped) return 'deliver';
    if (fault.dropEvery) {
      this.seen[edge]++;
      if (this.seen[edge] % fault.dropEvery === 0) {
        this.dropped[edge]++;
        this.log(node, `dropped msg ${msg} by the fault on edge ${this.edgeIds[edge]} (every ${ordinal(fault.dropEvery)}; ${this.dropped[edge]} dropped)`);
        return 'drop';
      }
    }
    if (fault.delayMs) await this.hold(fault.delayMs);
    return 'deliver';
  }

  /** Releases every held receive (the run stops). */
  stop(): void {
    this.stopped = true;
    this.wakeAll();
  }

  /** Waits until woken (a fault changed, the run stopped) or, given ms, until that long passed. */
  private hold(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = (): void => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      if (ms !== undefined) timer = setTimeout(wake, ms);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
