// Teaching mode in real Chromium: lesson 2 opened, predicted, stepped hop by hop, played to the end, checked.
import { expect, it } from 'vitest';
import { documentOf } from './driver';
import { findExample } from '../../shared/examples';
import { e2eSession, runStepwise, slow, stepHops } from './session';

interface PageGlobals {
  __zmqStudio: { store: { getState(): { loadTopology(doc: unknown): unknown } } };
}

const session = e2eSession();

it('lesson 2: predict the split, step four hops with their explanations, play to the end, the check passes', async () => {
  const p = await session.page();
  await p.getByTestId('tab-lessons').click();
  await p.getByTestId('lesson-load-balancing').click();
  await expect.poll(() => p.getByTestId('lesson-title').textContent(), slow).toContain('2. Load balancing');
  expect((await documentOf(p)).nodes.map((n) => n.id)).toEqual(['client', 'server1', 'server2']);
  // The explanation of the run stays hidden until the student predicted and ran.
  expect(await p.getByTestId('lessons').textContent()).not.toContain('After the run');

  await p.getByTestId('prediction').getByLabel('msg 0, 2, 4, 6, 8: every other one').check();
  await p.getByTestId('commit-prediction').click();

  await runStepwise(p);
  const hops = await stepHops(p, 4);
  await expect.poll(() => hops.nth(0).textContent(), slow).toContain('server 1 was next');
  await expect.poll(() => hops.nth(3).textContent(), slow).toContain('REP answers on the pipe the request came from');

  await p.getByTestId('hop-pace').selectOption('150');
  await p.getByTestId('hop-play').click();
  await p.getByTestId('tab-lessons').click();
  const verdict = p.getByTestId('lesson-verdict');
  await expect.poll(() => verdict.getAttribute('data-passed'), { timeout: 30_000 }).toBe('true');
  expect(await verdict.textContent()).toContain('server 1 got msg 0, 2, 4, 6, 8');
  expect(await p.getByTestId('prediction-result').textContent()).toContain('You predicted it.');
  expect(await p.getByTestId('lessons').textContent()).toContain('round-robins');
}, 90_000);

it('lesson 3 exercise: the starter is not there yet, in words; a third server behind the queue reaches the goal', async () => {
  const p = await session.page();
  await p.getByTestId('tab-lessons').click();
  await p.getByTestId('lesson-queue-device').click();
  await p.getByTestId('exercise-start').click();
  await p.getByTestId('exercise-check').click();
  const verdict = p.getByTestId('exercise-verdict');
  await expect.poll(() => verdict.getAttribute('data-passed'), { timeout: 30_000 }).toBe('false');
  expect(await verdict.textContent()).toMatch(/server/);
  // The student's drawing, as the designer tests draw it: here the finished topology is loaded.
  const broker = findExample('broker')!.topology;
  await p.evaluate((doc) => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().loadTopology(doc), broker);
  await p.getByTestId('exercise-check').click();
  await expect.poll(() => verdict.getAttribute('data-passed'), { timeout: 30_000 }).toBe('true');
}, 90_000);
