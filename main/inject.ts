/** Sending a message by hand from a node, traced like any other. */
import type { InjectRequest } from '../shared/ipc';
import type { Topology, TopologyNode } from '../shared/topology';
import { SOCKET_INFO } from '../shared/patterns';
import type { NodeContext } from './behaviors/context';
import { text } from './behaviors/context';
import { receiveWithin } from './behaviors/timing';
import type { RunSocket } from './tracedSocket';

const REPLY_WAIT_MS = 5000;

export function decodeFrames(request: InjectRequest): Buffer[] {
  const encoding = request.encoding ?? 'text';
  return request.frames.map((f, i) => {
    if (encoding === 'text') return Buffer.from(f, 'utf8');
    if (encoding === 'hex') {
      const clean = f.replace(/^0x/i, '').replace(/\s+/g, '');
      if (!/^([0-9a-f]{2})*$/i.test(clean)) throw new Error(`frame ${i} is not hex: ${f.slice(0, 40)}`);
      return Buffer.from(clean, 'hex');
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(f)) throw new Error(`frame ${i} is not base64: ${f.slice(0, 40)}`);
    return Buffer.from(f, 'base64');
  });
}

export async function injectMessage(
  topology: Topology,
  sockets: readonly RunSocket[],
  request: InjectRequest,
  contextOf: (node: TopologyNode) => NodeContext,
): Promise<number> {
  const node = topology.nodes.find((n) => n.id === request.node);
  if (!node) throw new Error(`no node "${request.node}" in this run`);
  const port = request.port ?? '';
  const sock = sockets.find((s) => s.node === node.id && s.port === port);
  if (!sock) throw new Error(`node "${node.id}" has no socket on port "${port}" (an external node sends on its own)`);
  if (!SOCKET_INFO[sock.type].sends) throw new Error(`a ${sock.type} socket cannot send`);
  const frames = decodeFrames(request);
  if (frames.length === 0) throw new Error('a message needs at least one frame');
  const msg = await sock.send(frames, { passGate: true });
  const ctx = contextOf(node);
  ctx.log(`Injected ${text(frames)}`);
  // A manual REQ may only receive after a send: collect its reply here.
  const manual = node.kind === 'socket' && (node.behavior === undefined || node.behavior.type === 'manual');
  if (sock.type === 'REQ' && manual) {
    void receiveWithin(ctx, sock, REPLY_WAIT_MS).then((reply) => {
      if (reply) ctx.log(`Received ${text(reply.frames)}`);
      else if (!ctx.stopped) ctx.error('TIMEOUT', `no reply within ${REPLY_WAIT_MS} ms`, 'is a REP or ROUTER connected and answering?');
    });
  }
  return msg;
}
