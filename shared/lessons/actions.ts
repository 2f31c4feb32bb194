/**
 * A lesson run's scripted actions (inject, wait, waitForLog, kill), performed the same way by
 * every host: the headless driver (drive.ts) and the page's observer of a student's own run.
 * What an action did goes into the run's observation; a refusal is observed, never thrown.
 */
import type { EngineCommands } from '../ipc';
import { displayName } from '../topology';
import type { Topology } from '../topology';
import type { ObservationCollector } from './observation';
import type { LessonAction } from './types';

/** The engine commands actions use. */
export type ActionEngine = Pick<EngineCommands, 'inject' | 'nodeFault'>;

/**
 * Waiting on a run's events: `wake()` at every event, `until(ready, ms)` resolves true as soon as
 * `ready()` holds, false after `ms`. `cancel()` ends every wait at once (false): the run is over.
 */
export class Waiters {
  private readonly checks = new Set<() => void>();
  private readonly cancels = new Set<() => void>();

  wake(): void {
    for (const check of [...this.checks]) check();
  }

  cancel(): void {
    for (const cancel of [...this.cancels]) cancel();
  }

  until(ready: () => boolean, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (hit: boolean): void => {
        clearTimeout(timer);
        this.checks.delete(check);
        this.cancels.delete(cancel);
        resolve(hit);
      };
      const check = (): void => {
        if (ready()) done(true);
      };
      const cancel = (): void => done(false);
      const timer = setTimeout(cancel, Math.max(0, ms));
      this.checks.add(check);
      this.cancels.add(cancel);
      check();
    });
  }
}

/** Performs one action; waits as the action says (the clock, a log line), never longer. */
export async function performAction(
  engine: ActionEngine,
  action: LessonAction,
  collector: ObservationCollector,
  waiters: Waiters,
): Promise<void> {
  switch (action.type) {
    case 'wait':
      await waiters.until(() => false, action.ms);
      return;
    case 'waitForLog': {
      const ms = action.timeoutMs ?? 5000;
      const ok = await waiters.until(() => collector.logged(action.node, action.line), ms);
      collector.actions.push(
        ok ? { action, ok } : { action, ok, error: `${action.node} did not log "${action.line}" within ${ms} ms` },
      );
      return;
    }
    case 'inject':
      await observed(collector, action, () => {
        const { type: _type, ...request } = action;
        return engine.inject(request);
      });
      return;
    case 'kill':
      await observed(collector, action, () =>
        engine.nodeFault(
          action.restartAfterMs === undefined
            ? { node: action.node, action: 'kill' }
            : { node: action.node, action: 'kill', restartAfterMs: action.restartAfterMs },
        ),
      );
  }
}

/** Performs a command for an action and records how it went: a refusal is part of what the run showed. */
async function observed(
  collector: ObservationCollector,
  action: LessonAction,
  command: () => Promise<unknown>,
): Promise<void> {
  try {
    await command();
    collector.actions.push({ action, ok: true });
  } catch (err) {
    collector.actions.push({ action, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

/** The action in words, with the names the student sees on the canvas ("kill worker 2; it restarts 400 ms later"). */
export function describeAction(action: LessonAction, topology?: Topology): string {
  const name = (id: string): string => {
    const node = topology?.nodes.find((n) => n.id === id);
    return node ? displayName(node) : id;
  };
  switch (action.type) {
    case 'wait':
      return `wait ${action.ms} ms`;
    case 'waitForLog':
      return `wait until ${name(action.node)} logs "${action.line}"`;
    case 'inject':
      return `send ${action.frames.map((f) => `"${f}"`).join(' + ')} by hand from ${name(action.node)}`;
    case 'kill':
      return action.restartAfterMs === undefined
        ? `kill ${name(action.node)}`
        : `kill ${name(action.node)}; it restarts ${action.restartAfterMs} ms later`;
  }
}
