/**
 * The lives of a run's nodes. Each start of what a node does is one life; a kill ends it (its
 * loops see `stopped`, its sleeps return) and a restart begins another, so a behaviour still
 * unwinding from the old life never takes itself for the new one. Also: which nodes are down,
 * and how many finite behaviours and scheduled restarts the run's "finished" still waits for.
 */

export interface Life {
  stopped: boolean;
  readonly sleepers: Set<() => void>;
}

export class NodeLives {
  private readonly current = new Map<string, Life>();
  /** Killed nodes, with the timer of their restart when one is scheduled. */
  private readonly down = new Map<string, NodeJS.Timeout | undefined>();
  /** Finite behaviours still going plus restarts scheduled: "finished" waits until none is left. */
  pending = 0;

  begin(nodeId: string): Life {
    const life: Life = { stopped: false, sleepers: new Set() };
    this.current.set(nodeId, life);
    return life;
  }

  /** Ends the node's current life: its loops stop, its sleeps return now. */
  end(nodeId: string): void {
    const life = this.current.get(nodeId);
    if (!life) return;
    life.stopped = true;
    for (const wake of [...life.sleepers]) wake();
  }

  isDown(nodeId: string): boolean {
    return this.down.has(nodeId);
  }

  /** Marks the node killed; a scheduled restart counts as pending until it happens or is cancelled. */
  markDown(nodeId: string, restart?: NodeJS.Timeout): void {
    if (restart) this.pending++;
    this.down.set(nodeId, restart);
  }

  /** Takes the node off the killed list; returns its scheduled restart (to cancel), if any. */
  markUp(nodeId: string): NodeJS.Timeout | undefined {
    const restart = this.down.get(nodeId);
    this.down.delete(nodeId);
    if (restart) this.pending--;
    return restart;
  }

  /** The node leaves the run: its life ends and nothing of it is kept; returns a restart to cancel. */
  forget(nodeId: string): NodeJS.Timeout | undefined {
    this.end(nodeId);
    this.current.delete(nodeId);
    return this.markUp(nodeId);
  }
}
