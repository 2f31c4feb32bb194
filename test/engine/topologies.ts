/** Small topologies for engine tests, built in code so each test shows what it wires. */
import { rmSync } from 'node:fs';
import type { TopologyInput } from '../../shared/topology';

type NodeInput = TopologyInput['nodes'][number];
type EdgeInput = TopologyInput['edges'][number];

export function topology(nodes: NodeInput[], edges: EdgeInput[]): TopologyInput {
  return { format: 'zmq-studio.topology/1', name: 'test', nodes, edges };
}

let counter = 0;
const ipcPaths: string[] = [];

/** libzmq unlinks an ipc file when its listener closes, but not always before the process ends. */
export function removeIpcFiles(): void {
  for (const path of ipcPaths.splice(0)) rmSync(path, { force: true });
}

/** A unique address per call: tcp on a free port, or a fresh ipc path / inproc name. */
export function address(transport: 'tcp' | 'ipc' | 'inproc'): string {
  counter++;
  if (transport === 'tcp') return 'tcp://127.0.0.1:5999'; // moved to a free port by freePorts
  const tag = `zmq-studio-test-${process.pid}-${counter}`;
  if (transport === 'inproc') return `inproc://${tag}`;
  ipcPaths.push(`/tmp/${tag}.ipc`);
  return `ipc:///tmp/${tag}.ipc`;
}

/** producer (PUSH) --e1--> consumer (PULL, binds): `count` tasks, one every `intervalMs`. */
export function pacedPipeline(count: number, intervalMs: number): TopologyInput {
  return topology(
    [
      { id: 'producer', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count, payload: 'task {i}', intervalMs } },
      { id: 'consumer', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' } },
    ],
    [{ id: 'e1', pattern: 'pipeline', source: 'producer', target: 'consumer', endpoint: address('tcp'), bind: 'target' }],
  );
}

/** client (REQ) -> server (REP) over one edge. */
export function reqRep(endpoint: string, count = 3): TopologyInput {
  return topology(
    [
      { id: 'client', kind: 'socket', socket: 'REQ', behavior: { type: 'request', count, payload: 'msg {i}' } },
      { id: 'server', kind: 'socket', socket: 'REP', behavior: { type: 'reply', payload: 'ok {msg}' } },
    ],
    [{ id: 'e1', pattern: 'reqrep', source: 'client', target: 'server', endpoint, bind: 'target' }],
  );
}
