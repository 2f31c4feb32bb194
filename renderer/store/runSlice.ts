/**
 * The engine connection, the run state and the run controls. The bridge writes the connection
 * and the state; Run / Stop / Pause / Resume are actions here so the toolbar, the keyboard and
 * the desktop menu all drive the same code.
 */
import type { Capabilities, EdgeFault, EngineCommands, EngineEvent, RunState, StatusReply } from '../../shared/ipc';
import { hasErrors } from '../../shared/diagnostics';
import { selectDiagnostics } from './selectors';
import type { SliceCreator } from './types';
import { engineCommand } from './engineCommand';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** What the engine said after Stop: sockets it closed, and sockets still open (status). */
export interface StopReport {
  runId: number;
  closedSockets: number;
  /** undefined when status could not be asked. */
  openSockets?: number;
}

/** The engine process ended under a run (and, once it is back, was restarted). */
export interface EngineNote {
  runId: number;
  exited?: string;
  restarted: boolean;
}

/** States in which sockets exist: the document they were built from must not change under them. */
export const ACTIVE_STATES: readonly RunState[] = ['building', 'running', 'paused', 'stopping'];
export const isRunActive = (state: RunState): boolean => ACTIVE_STATES.includes(state);

export interface RunSlice {
  connection: ConnectionState;
  /** Why the last connection attempt failed, for the toolbar's tooltip. */
  connectionDetail?: string;
  libzmq?: string;
  capabilities?: Capabilities;
  runState: RunState;
  /** Why the run is in its state (a failure's cause), when the engine said. */
  runStateReason?: string;
  runId: number;
  /** Move the tcp ports the app binds to free ones (a port of an example is taken on this machine). */
  freePorts: boolean;
  stopReport?: StopReport;
  engineNote?: EngineNote;
  /** The engine's commands (set once by the bridge); undefined until the page is wired. */
  engine?: EngineCommands;
  /** Every engine event, for code that follows a run outside the store (the lessons' observer). */
  engineEvents?: (listener: (event: EngineEvent) => void) => () => void;
  attachEngine(engine: EngineCommands, events?: (listener: (event: EngineEvent) => void) => () => void): void;
  setConnection(state: ConnectionState, detail?: string): void;
  setEngineStatus(status: StatusReply): void;
  setRunState(runId: number, state: RunState): void;
  setFreePorts(on: boolean): void;
  /** Validates, then starts the document on real sockets; refused (with the diagnostics shown) when it has errors. */
  runTopology(): Promise<void>;
  stopRun(): Promise<void>;
  pauseRun(): Promise<void>;
  resumeRun(): Promise<void>;
  /** Pause when running, resume when paused (one key for both). */
  togglePause(): Promise<void>;
  /** Runs start paused, to go through them hop by hop (teaching mode). */
  stepMode: boolean;
  setStepMode(on: boolean): void;
  /** While paused: lets exactly the next `count` held sends go out. */
  stepRun(count?: number): Promise<void>;
  /** Sets (null: clears) a fault on one edge of the running topology. */
  setFault(edge: string, fault: EdgeFault | null): Promise<void>;
  /** Steps by itself, one hop every `playDelayMs`, until paused again or the run ends. */
  playing: boolean;
  playDelayMs: number;
  setPlayDelay(ms: number): void;
  playRun(): Promise<void>;
  stopPlaying(): void;
}

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => {
  const command = <T>(what: string, call: (engine: EngineCommands) => Promise<T>): Promise<T | undefined> => engineCommand(get, what, call);

  return {
    connection: 'connecting',
    runState: 'idle',
    runId: 0,
    freePorts: false,
    attachEngine: (engine, engineEvents) => set({ engine, engineEvents }),
    setConnection: (connection, connectionDetail) => set({ connection, connectionDetail }),
    setEngineStatus: (s) => {
      // "idle" only means no session now: a run that ended (stopped, or failed with a dead engine) stays shown as such.
      const ended = s.state === 'idle' && (get().runState === 'failed' || get().runState === 'stopped');
      set({ libzmq: s.libzmq, capabilities: s.capabilities, runState: ended ? get().runState : s.state, runId: ended ? get().runId : s.runId });
    },
    setRunState: (runId, runState) => set({ runId, runState }),
    setFreePorts: (freePorts) => set({ freePorts }),

    runTopology: async () => {
      const state = get();
      const diagnostics = selectDiagnostics(state);
      if (hasErrors(diagnostics)) {
        const n = diagnostics.filter((d) => d.severity === 'error').length;
        state.notify(`Run refused: the topology has ${n} error${n === 1 ? '' : 's'} (see Diagnostics)`, 'error');
        state.setDockTab('diagnostics');
        return;
      }
      // A live run takes over from a replay (their events would mix in the same views).
      if (state.replay) state.closeReplay();
      if (state.topology.nodes.length === 0) {
        state.notify('Nothing to run: add sockets from the palette, or open an example', 'error');
        return;
      }
      const options = { ...(state.freePorts ? { freePorts: true } : {}), ...(state.stepMode ? { startPaused: true } : {}) };
      const reply = await command('run', (e) => e.start(state.topology, Object.keys(options).length > 0 ? options : undefined));
      if (!reply) return;
      if (hasErrors(reply.diagnostics)) {
        set({ runDiagnostics: reply.diagnostics });
        get().notify('the engine refused the run: see Diagnostics', 'error');
        get().setDockTab('diagnostics');
      } else if (get().dockTab === 'diagnostics') get().setDockTab('logs');
    },
    stopRun: async () => {
      const runId = get().runId;
      const stopped = await command('stop', (e) => e.stop());
      if (!stopped) return;
      const status = await command('status', (e) => e.status());
      set({ stopReport: { runId, closedSockets: stopped.closedSockets, openSockets: status?.openSockets } });
    },
    pauseRun: async () => {
      await command('pause', (e) => e.pause());
    },
    resumeRun: async () => {
      await command('resume', (e) => e.resume());
    },
    togglePause: async () => {
      const s = get().runState;
      if (get().playing) get().stopPlaying();
      else if (s === 'running') await get().pauseRun();
      else if (s === 'paused') await get().resumeRun();
    },
    stepMode: false,
    setStepMode: (stepMode) => set({ stepMode }),
    stepRun: async (count = 1) => {
      const reply = await command('step', (e) => e.step({ count }));
      if (reply && reply.released.length === 0 && get().runState === 'paused' && !get().finished) {
        get().notify('nothing is waiting to send right now: every node waits for a message');
      }
      if (reply && get().dockTab !== 'hops' && get().dockTab !== 'route') get().setDockTab('hops');
    },
    playing: false,
    playDelayMs: 600,
    setPlayDelay: (playDelayMs) => set({ playDelayMs }),
    playRun: async () => {
      if (get().playing || get().runState !== 'paused') return;
      set({ playing: true });
      while (get().playing && get().runState === 'paused' && !get().finished) {
        const reply = await command('step', (e) => e.step({ count: 1 }));
        if (!reply) break;
        await new Promise((r) => setTimeout(r, get().playDelayMs));
      }
      set({ playing: false });
    },
    stopPlaying: () => set({ playing: false }),
    setFault: async (edge, fault) => {
      await command('set a fault', (e) => e.fault({ edge, fault }));
    },
  };
};
