/** The same traffic through the engine, tracing on: behaviours, trace recorder, route matching. */
import { createEngine } from '../main/engine';
import type { EngineEvent } from '../shared/ipc';
import type { TopologyInput } from '../shared/topology';

async function timeRun(topology: TopologyInput, count: number): Promise<{ rate: number; records: number }> {
  let records = 0;
  let resolveFinished: () => void = () => undefined;
  const finished = new Promise<void>((r) => (resolveFinished = r));
  let started = 0;
  let lastIn = 0;
  const engine = createEngine((e: EngineEvent) => {
    if (e.type === 'state' && e.state === 'running') started = performance.now();
    if (e.type === 'trace') {
      records += e.batch.count;
      for (let i = 0; i < e.batch.count; i++) if (e.batch.dir[i] === 1) lastIn = performance.now();
    }
    if (e.type === 'finished') resolveFinished();
  });
  const t0 = performance.now();
  const { diagnostics } = await engine.start(topology, { freePorts: true });
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error(JSON.stringify(diagnostics));
  await finished;
  await engine.dispose();
  // Time from behaviours starting to the last receive recorded (the quiet wait is not traffic).
  const seconds = ((lastIn || performance.now()) - (started || t0)) / 1000;
  return { rate: count / seconds, records };
}

export function tracedPushPull(count: number, size: number): Promise<{ rate: number; records: number }> {
  const payload = 'x'.repeat(Math.max(size - 8, 1)) + '{i}';
  return timeRun(
    {
      format: 'zmq-studio.topology/1',
      nodes: [
        { id: 'push', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count, payload } },
        { id: 'pull', kind: 'socket', socket: 'PULL', behavior: { type: 'consume', count } },
      ],
      edges: [{ id: 'e', pattern: 'pipeline', source: 'push', target: 'pull', endpoint: 'tcp://127.0.0.1:5999', bind: 'target' }],
    },
    count,
  );
}

export function tracedReqRep(count: number, throughQueue: boolean): Promise<{ rate: number; records: number }> {
  const nodes: TopologyInput['nodes'] = [
    { id: 'client', kind: 'socket', socket: 'REQ', behavior: { type: 'request', count, printReplies: false } },
    { id: 'server', kind: 'socket', socket: 'REP', behavior: { type: 'reply' } },
  ];
  const edges: TopologyInput['edges'] = throughQueue
    ? [
        { id: 'front', pattern: 'reqrep', source: 'client', target: 'queue', targetPort: 'frontend', endpoint: 'tcp://127.0.0.1:5998', bind: 'target' },
        { id: 'back', pattern: 'reqrep', source: 'queue', sourcePort: 'backend', target: 'server', endpoint: 'tcp://127.0.0.1:5997', bind: 'source' },
      ]
    : [{ id: 'e', pattern: 'reqrep', source: 'client', target: 'server', endpoint: 'tcp://127.0.0.1:5998', bind: 'target' }];
  if (throughQueue) nodes.push({ id: 'queue', kind: 'device', device: 'queue' });
  return timeRun({ format: 'zmq-studio.topology/1', nodes, edges }, count);
}
