/** The engine connection and run state, written only by the bridge. */
import type { Capabilities, RunState, StatusReply } from '../../shared/ipc';
import type { SliceCreator } from './types';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface RunSlice {
  connection: ConnectionState;
  /** Why the last connection attempt failed, for the toolbar's tooltip. */
  connectionDetail?: string;
  libzmq?: string;
  capabilities?: Capabilities;
  runState: RunState;
  runId: number;
  setConnection(state: ConnectionState, detail?: string): void;
  setEngineStatus(status: StatusReply): void;
  setRunState(runId: number, state: RunState): void;
}

export const createRunSlice: SliceCreator<RunSlice> = (set) => ({
  connection: 'connecting',
  runState: 'idle',
  runId: 0,
  setConnection: (connection, connectionDetail) => set({ connection, connectionDetail }),
  setEngineStatus: (s) => set({ libzmq: s.libzmq, capabilities: s.capabilities, runState: s.state, runId: s.runId }),
  setRunState: (runId, runState) => set({ runId, runState }),
});
