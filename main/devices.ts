/**
 * The three devices as JS relay loops (zeromq's native Proxy has no capture and no statistics,
 * and holds a libuv pool thread per proxy — DESIGN.md). Each hop is traced: the forward's cause
 * is the message it forwards, so a route can be followed through the device. Multipart-safe:
 * zeromq.js receives and sends whole messages, every frame at once.
 *
 *   queue:     ROUTER frontend <-> DEALER backend   (requests in, replies back by identity)
 *   forwarder: XSUB frontend  <-> XPUB backend      (data down, subscriptions up)
 *   streamer:  PULL frontend   -> PUSH backend      (one way)
 */
import type { DeviceKind } from '../shared/topology';
import type { NodeContext } from './behaviors/context';
import { report, socketOf } from './behaviors/context';
import type { Received, RunSocket } from './tracedSocket';

/** Called with the raw subscription frame whenever a forwarder passes one upstream. */
export type SubscriptionObserver = (frontend: RunSocket, frame: Buffer) => void;

export async function runDevice(ctx: NodeContext, kind: DeviceKind, onSubscription?: SubscriptionObserver): Promise<void> {
  const frontend = socketOf(ctx, 'frontend');
  const backend = socketOf(ctx, 'backend');
  switch (kind) {
    case 'queue':
      await Promise.all([relay(ctx, frontend, backend, 'request'), relay(ctx, backend, frontend, 'reply')]);
      return;
    case 'forwarder':
      await Promise.all([
        relay(ctx, frontend, backend, 'message'),
        relay(ctx, backend, frontend, 'subscription', (frame) => onSubscription?.(frontend, frame)),
      ]);
      return;
    case 'streamer':
      await relay(ctx, frontend, backend, 'message');
      return;
  }
}

async function relay(
  ctx: NodeContext,
  from: RunSocket,
  to: RunSocket,
  what: string,
  inspect?: (first: Buffer) => void,
): Promise<void> {
  // Said once per relay, not per hop: every hop is a message, and this loop is on its path.
  const receiving = `receiving a ${what} on ${from.port}`;
  const forwarding = `forwarding a ${what} to ${to.port}`;
  const control = what === 'subscription';
  while (!ctx.stopped) {
    let m: Received;
    try {
      m = await from.receive();
    } catch (err) {
      report(ctx, receiving, err);
      return;
    }
    if (inspect && m.frames.length > 0) inspect(m.frames[0]);
    try {
      await to.send(m.frames, control ? { cause: m.msg, control, fanOut: true } : { cause: m.msg });
    } catch (err) {
      report(ctx, forwarding, err);
      return;
    }
  }
}
