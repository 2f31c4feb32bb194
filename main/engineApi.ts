/** The engine as every host sees it: the shared command contract plus disposal. */
import type { EngineCommands, EventSink, Capabilities } from '../shared/ipc';

export interface Engine extends EngineCommands {
  /** Stops any run and releases everything; the engine cannot be used afterwards. */
  dispose(): Promise<void>;
}

export interface EngineOptions {
  /** Override libzmq's capabilities (tests use it to pretend pgm exists or not). */
  capabilities?: Partial<Capabilities>;
}

export type EngineFactory = (sink: EventSink, options?: EngineOptions) => Engine;
