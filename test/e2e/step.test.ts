// Step mode in real Chromium: a run that starts paused, moved hop by hop, each hop explained.
import { expect, it } from 'vitest';
import { openExample } from './driver';
import { e2eSession, runStepwise, slow, stepHops } from './session';

const session = e2eSession();

it('steps through load-balanced one hop at a time, explains each, then plays to the end', async () => {
  const p = await session.page();
  await openExample(p, 'load-balanced');
  await runStepwise(p);
  const hops = await stepHops(p, 4);
  // The first hop names the choice REQ made, the second the way REP answers.
  await expect.poll(() => hops.nth(0).textContent(), slow).toContain('REQ round-robins requests over its 2 peers: server 1 was next');
  await expect.poll(() => hops.nth(1).textContent(), slow).toContain('REP answers on the pipe the request came from');
  await expect.poll(() => hops.nth(2).textContent(), slow).toContain('server 2 was next');

  // Back re-shows an earlier hop (selected, so the route view and canvas follow it).
  await p.getByTestId('hop-back').click();
  await expect.poll(() => p.locator('.zs-hop.selected').getAttribute('data-seq'), slow).toBe(await hops.nth(2).getAttribute('data-seq'));

  await p.getByTestId('hop-pace').selectOption('150');
  await p.getByTestId('hop-play').click();
  await expect.poll(() => hops.count(), { timeout: 20_000 }).toBe(20);
  await expect.poll(() => p.getByTestId('run-state').textContent(), slow).toContain('behaviours done');
}, 60_000);
