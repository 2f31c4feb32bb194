/** Checks on single nodes: behaviour vs socket type, draft types, workers, subscriptions, loose ends. */
import type { BehaviorType } from '../behaviors';
import { BEHAVIOR_SOCKETS } from '../behaviors';
import type { SocketType } from '../patterns';
import { SOCKET_INFO } from '../patterns';
import type { PortName, SocketNode, TopologyNode, WorkerNode } from '../topology';
import { displayName, portsOf } from '../topology';
import type { Ctx } from './context';
import { error, orList, warning } from './context';

const SENDING_BEHAVIORS: ReadonlySet<BehaviorType> = new Set(['request', 'publish', 'produce', 'dealer', 'pair']);
const BEHAVIOR_TYPES = Object.keys(BEHAVIOR_SOCKETS) as BehaviorType[];
const STANDARD_FOR_DRAFT: Partial<Record<SocketType, SocketType>> = {
  CLIENT: 'DEALER',
  SERVER: 'ROUTER',
  RADIO: 'PUB',
  DISH: 'SUB',
  SCATTER: 'PUSH',
  GATHER: 'PULL',
};

export function checkNodes(ctx: Ctx): void {
  const edgeCount = countEdges(ctx);
  ctx.topology.nodes.forEach((node, index) => {
    const base = `nodes[${index}]`;
    if (node.kind === 'socket') {
      checkBehavior(ctx, node, base);
      checkDraft(ctx, node, `${base}.socket`, node.socket);
      if (node.socket === 'SUB' || node.socket === 'XSUB') checkSocketSubscribes(ctx, node, base);
    }
    if (node.kind === 'worker') {
      checkWorker(ctx, node, base);
      checkDraft(ctx, node, `${base}.input`, node.input);
      checkDraft(ctx, node, `${base}.output`, node.output);
    }
    checkLooseEnds(ctx, node, base, edgeCount);
  });
}

function checkBehavior(ctx: Ctx, node: SocketNode, base: string): void {
  const b = node.behavior;
  if (!b) return;
  const drives = BEHAVIOR_SOCKETS[b.type];
  if (drives.includes(node.socket)) return;
  const fitting = BEHAVIOR_TYPES.filter((t) => BEHAVIOR_SOCKETS[t].includes(node.socket));
  const fits =
    fitting.length > 0
      ? `a ${node.socket} runs ${orList(fitting.map((t) => `"${t}"`))}`
      : `no behaviour drives a ${node.socket} yet: remove "behavior"`;
  error(
    ctx,
    'behavior-socket',
    { nodeId: node.id, field: `${base}.behavior.type` },
    drives.length === 0
      ? `a ${b.type} behaviour runs on a worker node (an input and an output socket), not on a single ${node.socket}`
      : `a ${b.type} behaviour drives a ${orList(drives)} socket, not ${node.socket}`,
    `${fits}, or change "socket" to ${orList(drives.length ? drives : ['a worker node'])}`,
  );
}

function checkDraft(ctx: Ctx, node: TopologyNode, field: string, type: SocketType): void {
  if (!SOCKET_INFO[type].draft) return;
  const standard = STANDARD_FOR_DRAFT[type];
  const message = `${displayName(node)} uses ${type}, a draft socket type`;
  const instead = standard ? `; ${standard} is the stable type closest to it` : '';
  if (ctx.capabilities.draft === false) {
    error(
      ctx,
      'draft-socket',
      { nodeId: node.id, field },
      `${message}, and this libzmq was built without draft APIs`,
      `use a standard type${instead}`,
    );
  } else {
    warning(
      ctx,
      'draft-socket',
      { nodeId: node.id, field },
      `${message}: it exists only where libzmq is built with draft APIs`,
      `runs only where capabilities.draft is true${instead}`,
    );
  }
}

/** A worker receives on `in` and sends on `out`; REQ and REP allow only strict send/receive turns on one socket. */
function checkWorker(ctx: Ctx, node: WorkerNode, base: string): void {
  const ports: [PortName, 'input' | 'output', SocketType][] = [
    ['in', 'input', node.input],
    ['out', 'output', node.output],
  ];
  for (const [port, field, type] of ports) {
    const info = SOCKET_INFO[type];
    const can = port === 'in' ? info.receives : info.sends;
    let why: string | undefined;
    if (!can) why = `a ${type} cannot ${port === 'in' ? 'receive' : 'send'}`;
    else if (type === 'REQ' || type === 'REP') {
      why = `a ${type} must ${type === 'REQ' ? 'send before it receives' : 'answer each request on itself'}, which a worker's receive-on-in, send-on-out loop never does`;
    }
    if (!why) continue;
    error(
      ctx,
      'worker-socket',
      { nodeId: node.id, field: `${base}.${field}` },
      `worker ${displayName(node)} has ${type} as its ${field}: ${why}`,
      port === 'in'
        ? 'use PULL, SUB, DEALER, ROUTER or PAIR for the input'
        : 'use PUSH, PUB, DEALER or PAIR for the output',
    );
  }
  const name = `worker ${displayName(node)} input`;
  if (node.input === 'SUB' && !node.subscribe?.length) {
    noSubscription(
      ctx,
      node.id,
      `${base}.subscribe`,
      name,
      'SUB',
      'add "subscribe": [""] to receive everything, or the prefixes you want',
    );
  } else if (node.input === 'XSUB') {
    // "subscribe" applies to a SUB input only (topology.ts); nothing sends an XSUB input's subscriptions.
    noSubscription(
      ctx,
      node.id,
      `${base}.input`,
      name,
      'XSUB',
      'make the input a SUB and list its prefixes in "subscribe"',
    );
  }
}

function checkSocketSubscribes(ctx: Ctx, node: SocketNode, base: string): void {
  const b = node.behavior;
  if (b?.type === 'subscribe' && b.topics.length > 0) return;
  // An XSUB driven by hand (manual, or no behaviour, which is the same) subscribes by injecting "\x01topic".
  if (node.socket === 'XSUB' && (b === undefined || b.type === 'manual')) return;
  const field = b?.type === 'subscribe' ? `${base}.behavior.topics` : `${base}.behavior`;
  noSubscription(
    ctx,
    node.id,
    field,
    displayName(node),
    node.socket,
    b?.type === 'subscribe'
      ? 'add "topics": [""] to receive everything, or ["weather"] for the messages starting with "weather"'
      : 'give it {"type": "subscribe", "topics": [""]} to receive everything, or the prefixes you want',
  );
}

function noSubscription(ctx: Ctx, nodeId: string, field: string, name: string, type: SocketType, hint: string): void {
  warning(
    ctx,
    'no-subscription',
    { nodeId, field },
    `${name} is a ${type} with no subscription: it receives nothing`,
    hint,
  );
}

/** Edges per node id and per "id port", counted on the raw edges so a malformed edge still counts as wiring. */
function countEdges(ctx: Ctx): Map<string, number> {
  const count = new Map<string, number>();
  const bump = (key: string): void => void count.set(key, (count.get(key) ?? 0) + 1);
  for (const e of ctx.topology.edges) {
    bump(e.source);
    if (e.target !== e.source) bump(e.target);
    if (e.sourcePort) bump(`${e.source} ${e.sourcePort}`);
    if (e.targetPort && !(e.target === e.source && e.targetPort === e.sourcePort)) bump(`${e.target} ${e.targetPort}`);
  }
  return count;
}

function checkLooseEnds(ctx: Ctx, node: TopologyNode, base: string, edgeCount: Map<string, number>): void {
  if (node.kind === 'external') return; // documentation of a program outside: nothing of ours is idle
  const name = displayName(node);
  if (!edgeCount.get(node.id)) {
    if (node.kind === 'socket' && node.behavior && SENDING_BEHAVIORS.has(node.behavior.type)) {
      warning(
        ctx,
        'no-peer',
        { nodeId: node.id, field: `${base}.behavior` },
        `${name} sends (${node.behavior.type}) but has no edge: its ${node.socket} has no peer to send to`,
        `draw an edge to a ${orList(SOCKET_INFO[node.socket].peers)}`,
      );
    } else {
      warning(
        ctx,
        'unconnected',
        { nodeId: node.id, field: base },
        `${name} has no edges: it takes no part in the run`,
        'wire it to another node, or delete it',
      );
    }
    return;
  }
  for (const port of portsOf(node)) {
    if (edgeCount.get(`${node.id} ${port}`)) continue;
    const inward = port === 'frontend' || port === 'in';
    warning(
      ctx,
      'unconnected',
      { nodeId: node.id, field: base },
      `${node.kind} ${name} has no edge on its ${port} port: ${inward ? 'nothing ever reaches it' : 'what it receives has nowhere to go'}`,
      `draw an edge to ${name} ${port}`,
    );
  }
}
