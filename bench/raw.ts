/**
 * Plain zeromq, no engine: the baseline every traced figure is divided by. It sends the same
 * messages the engine's behaviour sends (the same text, a fresh buffer per message, as any real
 * program does), so the ratio is the cost of the engine and its tracing, not of payload making.
 */
import * as zmq from 'zeromq';

export async function rawPushPull(count: number, size: number): Promise<number> {
  const push = new zmq.Push({ linger: 0 });
  const pull = new zmq.Pull({ linger: 0 });
  await pull.bind('tcp://127.0.0.1:*');
  push.connect(pull.lastEndpoint as string);
  const prefix = 'x'.repeat(Math.max(size - 8, 1));
  const t0 = performance.now();
  const receiving = (async () => {
    for (let i = 0; i < count; i++) await pull.receive();
  })();
  for (let i = 0; i < count; i++) await push.send(Buffer.from(prefix + i));
  await receiving;
  const seconds = (performance.now() - t0) / 1000;
  push.close();
  pull.close();
  return count / seconds;
}

export async function rawReqRep(count: number): Promise<number> {
  const rep = new zmq.Reply({ linger: 0 });
  const req = new zmq.Request({ linger: 0 });
  await rep.bind('tcp://127.0.0.1:*');
  req.connect(rep.lastEndpoint as string);
  const serving = (async () => {
    for (let i = 0; i < count; i++) {
      const [m] = await rep.receive();
      await rep.send(m);
    }
  })();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    await req.send(`msg ${i}`);
    await req.receive();
  }
  const seconds = (performance.now() - t0) / 1000;
  await serving;
  req.close();
  rep.close();
  return count / seconds;
}
