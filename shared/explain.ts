/**
 * One line per hop saying which decision ZeroMQ made there and why — the teaching mode's
 * commentary ("REQ round-robins: this peer was next", "SUB dropped it: no matching subscription").
 * Pure: it reads the topology and the trace records of one message, so the CLI, the page and the
 * lesson checks say the same thing.
 */
import type { BlockedBy, TraceRecord } from './trace';
import type { Topology, TopologyNode } from './topology';
import { displayName } from './topology';
import type { SocketType } from './patterns';
import { SOCKET_INFO, isSocketType } from './patterns';

/** libzmq's ZMQ_SNDHWM when a socket does not set one. */
export const DEFAULT_SNDHWM = 1000;

export interface HopFacts {
  topology: Topology;
  /** The send (an `out` record). */
  send: TraceRecord;
  /** The receives of the same message id (none yet, one, or one per subscriber for fan-out). */
  receives: readonly TraceRecord[];
}

const nodeOf = (t: Topology, id: string): TopologyNode | undefined => t.nodes.find((n) => n.id === id);

function nameOf(t: Topology, id: string, port = ''): string {
  const node = nodeOf(t, id);
  const name = node ? displayName(node) : id;
  return port ? `${name} (${port})` : name;
}

/** The other ends of the edges at `node`'s `port` (the peers its socket is wired to). */
function peersOf(t: Topology, node: string, port: string): { node: string; port: string }[] {
  const out: { node: string; port: string }[] = [];
  for (const e of t.edges) {
    if (e.source === node && (e.sourcePort ?? '') === port) out.push({ node: e.target, port: e.targetPort ?? '' });
    else if (e.target === node && (e.targetPort ?? '') === port) out.push({ node: e.source, port: e.sourcePort ?? '' });
  }
  return out;
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "the queue (a device) passes it on:" — or nothing for a plain socket. */
function deviceLead(node: TopologyNode | undefined, port: string): string {
  if (node?.kind === 'device') {
    if (node.device === 'queue') return port === 'backend' ? `${displayName(node)} passes the request on: ` : `${displayName(node)} routes the reply back by the client's identity frame: `;
    if (node.device === 'forwarder') return port === 'backend' ? `${displayName(node)} forwards the publication: ` : `${displayName(node)} passes the subscription upstream: `;
    return `${displayName(node)} passes the task on: `;
  }
  if (node?.kind === 'worker') return `${displayName(node)} sends its result: `;
  return '';
}

/** Why a subscriber did not get a publication: its filter, or (when the filter matches) timing. */
function whyMissed(node: TopologyNode | undefined, preview: string): string {
  const topics = node?.kind === 'socket' && node.behavior?.type === 'subscribe' ? node.behavior.topics : undefined;
  if (topics === undefined) return 'did not get it (no matching subscription, or not connected yet)';
  if (topics.length === 0) return 'got nothing: it has no subscription, and a SUB without one receives nothing';
  if (!topics.some((topic) => preview.startsWith(topic)))
    return `filtered it out: its subscriptions (${topics.map((s) => JSON.stringify(s)).join(', ')}) do not match`;
  return 'was owed it but did not get it (not connected yet: the slow joiner, or its queue was full)';
}

/** 240 -> "240 ms", 1234 -> "1.2 s". */
export function formatWait(ms: number): string {
  const whole = Math.round(ms);
  return whole < 1000 ? `${whole} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Why a send waited, by the socket type's mute rule (shared/patterns.ts): "PUSH blocks: high water
 * mark reached — this send waited 240 ms for room (sndhwm 10)". `hwm` is the socket's send
 * high-water mark when known; `hwmIsDefault` says it was not set (libzmq's 1000).
 */
export function blockedSentence(type: string, by: BlockedBy, ms: number, hwm?: number, what = 'this send', hwmIsDefault = false): string {
  const waited = `${what} waited ${formatWait(ms)}`;
  if (!isSocketType(type) || SOCKET_INFO[type].mute !== 'block') {
    // A type whose mute rule drops (an XPUB with noDrop, a mandatory ROUTER) can still be made to wait.
    return `${type} could not send at once — ${waited} in libzmq before it went out`;
  }
  if (by === 'no-peer') return `${type} blocks: no peer connected yet — ${waited} for one`;
  const mark = hwm === undefined ? '' : ` (sndhwm ${hwm}${hwmIsDefault ? ", libzmq's default" : ''})`;
  if (by === 'high-water-mark') return `${type} blocks: high water mark reached — ${waited} for room${mark}`;
  return `${type} blocks: no peer could take it (every queue full at the high water mark, or no peer connected) — ${waited}${mark}`;
}

/** The send high-water mark a node's socket at `port` was given in the topology, if any. */
function sendHwmOf(node: TopologyNode | undefined, port: string): number | undefined {
  if (!node) return undefined;
  const options =
    node.kind === 'socket'
      ? node.options
      : node.kind === 'device'
        ? port === 'backend' ? node.backendOptions : node.frontendOptions
        : node.kind === 'worker'
          ? port === 'in' ? node.inputOptions : node.outputOptions
          : undefined;
  const hwm = options?.sendHighWaterMark;
  return typeof hwm === 'number' ? hwm : undefined;
}

/** The sentence for one hop; `receives` may be empty while the message is still on its way. */
export function explainHop(facts: HopFacts): string {
  const { topology: t, send } = facts;
  const node = nodeOf(t, send.node);
  const lead = deviceLead(node, send.port);
  const faults = faultSentences(facts);
  if (send.blockedMs === undefined) return lead + decision(facts, false) + faults;
  const hwm = sendHwmOf(node, send.port);
  const blocked = blockedSentence(send.socket, send.blockedBy ?? 'unknown', send.blockedMs, hwm ?? DEFAULT_SNDHWM, 'this send', hwm === undefined);
  return `${lead}${blocked}; then ${decision(facts, true)}${faults}`;
}

/** What injected edge faults did to the hop's receives: "; the fault on edge e1 dropped it at worker 2 ...". */
function faultSentences({ topology: t, receives }: HopFacts): string {
  const said = receives.flatMap((r) => {
    const at = nameOf(t, r.node, r.port);
    if (r.faulted === 'dropped') return [`the fault on edge ${r.edge} dropped it at ${at}: its socket received it, its reader never got it`];
    if (r.faulted === 'held') return [`the fault on edge ${r.edge} held it ${formatWait(r.heldMs ?? 0)} before ${at} got it`];
    return [];
  });
  return said.map((sentence) => `; ${sentence}`).join('');
}

/** Where the message went and why, without the device's lead; `blocked`: the wait was said already. */
function decision({ topology: t, send, receives }: HopFacts, blocked: boolean): string {
  const type = send.socket as SocketType;
  const peers = peersOf(t, send.node, send.port);
  const to = receives.map((r) => nameOf(t, r.node, r.port));
  const first = to[0] ?? 'its peer';
  const n = peers.length;
  const rr = (what: string, peersWord: string) =>
    n > 1 ? `${type} round-robins ${what} over its ${n} ${peersWord}: ${first} was next` : `${type} has one ${peersWord.replace(/s$/, '')}: the ${what.replace(/s$/, '')} goes to ${first}`;

  if (receives.length === 0 && type !== 'PUB' && type !== 'XPUB' && type !== 'RADIO') {
    return `${type} sent "${send.preview}"; no receive matched it yet (still on its way, or lost: a peer that was not connected, or a full queue)`;
  }
  switch (type) {
    case 'REQ':
      return `${rr('requests', 'peers')}; REQ now waits for the reply before it may send again (strict send/receive lock-step)`;
    case 'REP':
      return `REP answers on the pipe the request came from: the reply goes back to ${first}`;
    case 'DEALER':
      return `${rr('messages', 'peers')} (DEALER load-balances without REQ's lock-step)`;
    case 'ROUTER':
      return `ROUTER sends to the peer named by the message's first frame (its identity): ${first}`;
    case 'PUSH':
      return `${rr('tasks', 'pullers')}${blocked ? '' : '; PUSH blocks (never drops) when no puller can take more'}`;
    case 'PAIR':
      return `PAIR has exactly one peer: ${first}`;
    case 'PUB':
    case 'XPUB':
    case 'RADIO': {
      const got = new Set(receives.map((r) => `${r.node}\u0000${r.port}`));
      const missed = peers.filter((p) => !got.has(`${p.node}\u0000${p.port}`));
      const sent = to.length > 0 ? `${list(to)} got it` : 'no subscriber got it';
      const why = missed.map((p) => `${nameOf(t, p.node, p.port)} ${whyMissed(nodeOf(t, p.node), send.preview)}`);
      return `${type} sends a copy to every subscriber whose subscription matches its first frame: ${sent}${why.length > 0 ? `; ${why.join('; ')}` : ''}`;
    }
    case 'XSUB':
    case 'SUB':
      return `the subscription travels upstream to ${first}, which now sends it matching messages`;
    default:
      return `${type} sent it to ${list(to)}`;
  }
}
