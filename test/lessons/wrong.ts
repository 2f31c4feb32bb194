/**
 * Deliberately wrong topologies: each one breaks exactly what its lesson's check asserts, so the
 * tests see the check fail — and say why in words — and not merely pass on everything.
 */
import { findExample } from '../../shared/examples';
import type { TopologyInput } from '../../shared/topology';
import { slowJoiner } from '../../shared/lessons/topologies/slowJoiner';
import { highWaterMark, noSubscription, reqTwice, transports } from '../../shared/lessons/topologies/pitfalls';
import { crashPipeline } from '../../shared/lessons/topologies/workerCrash';

type Doc = TopologyInput;
type NodeInput = Doc['nodes'][number];

function example(id: string): Doc {
  const ex = findExample(id);
  if (!ex) throw new Error(`no example ${id}`);
  return structuredClone(ex.topology);
}

function withNode(doc: Doc, id: string, change: (n: NodeInput) => NodeInput): Doc {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? change(structuredClone(n)) : n)) };
}

/** hwclient as a DEALER: it sends all ten Hellos without waiting. */
export function helloWorldDealer(): Doc {
  return withNode(
    example('hello-world'),
    'hwclient',
    (n) =>
      ({
        ...n,
        kind: 'socket',
        socket: 'DEALER',
        behavior: { type: 'dealer', count: 10, payload: 'Hello' },
      }) as NodeInput,
  );
}

/** A third server on the client: requests now go one in three. */
export function loadBalancedThreeServers(): Doc {
  const doc = example('load-balanced');
  doc.nodes.push({
    id: 'server3',
    kind: 'socket',
    socket: 'REP',
    label: 'server 3',
    behavior: { type: 'reply', payload: 'World from 7000' },
  });
  doc.edges.push({
    id: 'to-server3',
    pattern: 'reqrep',
    source: 'client',
    target: 'server3',
    endpoint: 'tcp://127.0.0.1:7000',
    bind: 'target',
  });
  return doc;
}

/** The third server added the way the lesson says not to: wired straight to client 1. */
export function brokerClientOnServer(): Doc {
  const doc = example('broker');
  doc.edges.push({
    id: 'c1-s3',
    pattern: 'reqrep',
    source: 'client1',
    target: 'server3',
    endpoint: 'tcp://127.0.0.1:5571',
    bind: 'target',
  });
  return doc;
}

/** The football listener subscribed to nothing. */
export function footballDeafListener(): Doc {
  return withNode(
    example('football'),
    'listener',
    (n) => ({ ...n, behavior: { type: 'subscribe', topics: [] } }) as NodeInput,
  );
}

/** The slow joiner without the delay: the listener is there from the start. */
export function slowJoinerOnTime(): Doc {
  const doc = structuredClone(slowJoiner);
  doc.edges = doc.edges.map(({ connectDelayMs: _delay, ...e }) => e);
  return doc;
}

/** A PAIR server with a second peer: refused before anything runs. */
export function pairWithIntruder(): Doc {
  const doc = example('pair');
  doc.nodes.push({
    id: 'intruder',
    kind: 'socket',
    socket: 'PAIR',
    behavior: { type: 'pair', role: 'ping', count: 5 },
  });
  doc.edges.push({
    id: 'link2',
    pattern: 'pair',
    source: 'intruder',
    target: 'server',
    endpoint: 'tcp://127.0.0.1:5562',
    bind: 'target',
  });
  return doc;
}

/** A REQ with ZMQ_REQ_RELAXED (and correlate): it may send again, so there is no EFSM to see. */
export function relaxedReq(): Doc {
  return withNode(
    structuredClone(reqTwice),
    'client',
    (n) => ({ ...n, options: { sendTimeout: 100, relaxed: true, correlate: true } }) as NodeInput,
  );
}

/** The high-water-mark topology at the default marks (1000): 50 messages fit, nobody drops or waits. */
export function defaultHighWaterMarks(): Doc {
  const doc = structuredClone(highWaterMark);
  doc.nodes = doc.nodes.map((n) => {
    const { options: _o, inputOptions: _i, ...rest } = n as NodeInput & { options?: unknown; inputOptions?: unknown };
    return rest as NodeInput;
  });
  return doc;
}

/** The deaf SUB given a subscription to everything. */
export function noSubscriptionFixed(): Doc {
  return withNode(
    structuredClone(noSubscription),
    'deaf',
    (n) => ({ ...n, behavior: { type: 'subscribe', topics: [''] } }) as NodeInput,
  );
}

/** The ipc pair moved to tcp: nothing runs over ipc any more. */
export function transportsWithoutIpc(): Doc {
  const doc = structuredClone(transports);
  doc.edges = doc.edges.map((e) => (e.endpoint.startsWith('ipc://') ? { ...e, endpoint: 'tcp://127.0.0.1:5572' } : e));
  return doc;
}

/**
 * The crash pipeline wired the other way round: each worker binds its own address and the
 * ventilator connects to all three, so it keeps a pipe to a dead worker and tasks wait there.
 */
export function crashWorkersBind(): Doc {
  const doc = crashPipeline();
  let port = 5573;
  doc.edges = doc.edges.map((e) =>
    e.source === 'ventilator' ? { ...e, bind: 'target' as const, endpoint: `tcp://127.0.0.1:${port++}` } : e,
  );
  return doc;
}

export { example };
