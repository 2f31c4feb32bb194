/**
 * Entry of the supervised engine process (DESIGN.md, crash isolation). libzmq is native code and
 * can abort its process; running the engine here keeps the host alive when it does. Started by
 * `createSupervisedEngine` (child_process.fork) or by Electron's utilityProcess.
 */
import { createEngine } from '../engine';
import { serveEngine } from './childServer';

serveEngine(createEngine);
