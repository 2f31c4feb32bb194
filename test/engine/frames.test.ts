/**
 * The message inspector's source: every frame of a recent record, envelopes included.
 *
 *   client (REQ) --> queue (ROUTER frontend | DEALER backend) --> server (REP)
 */
import { afterEach, expect, it } from 'vitest';
import { TestEngine } from './testEngine';

let t: TestEngine;
afterEach(() => t.dispose());

const text = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');

it('gives every frame of a record, with the ROUTER envelope on the queue frontend', async () => {
  t = new TestEngine();
  await t.startExample('broker');
  await t.runUntilFinished();
  // The frontend (ROUTER) receives [identity, empty delimiter, body]; the client sent only the body.
  const atFrontend = t.records.find((r) => r.node === 'queue' && r.port === 'frontend' && r.dir === 'in');
  expect(atFrontend).toBeDefined();
  const reply = await t.engine.frames({ seq: atFrontend!.seq });
  if (!reply.available) throw new Error(reply.reason);
  expect(reply.frames).toHaveLength(3);
  expect(Buffer.from(reply.frames[0], 'base64').length).toBeGreaterThan(0); // the identity libzmq made up
  expect(reply.frames[1]).toBe('');
  expect(text(reply.frames[2])).toBe(atFrontend!.preview);
  expect(reply.truncated).toBe(false);

  const sent = t.records.find((r) => r.msg === atFrontend!.msg && r.dir === 'out')!;
  const body = await t.engine.frames({ seq: sent.seq });
  expect(body.available && body.frames.map(text)).toEqual([atFrontend!.preview]);
});

it('says when a record is no longer kept, and after the run is replaced', async () => {
  t = new TestEngine();
  await t.startExample('hello-world');
  await t.runUntilFinished();
  const gone = await t.engine.frames({ seq: 1_000_000 });
  expect(gone).toMatchObject({ available: false, seq: 1_000_000 });
  expect(gone.available === false && gone.reason).toMatch(/no longer kept/);
  // The stopped run stays inspectable until the next start.
  expect((await t.engine.frames({ seq: 1 })).available).toBe(true);
});
