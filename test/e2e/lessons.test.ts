// Teaching mode in real Chromium: lesson 2 opened, predicted, stepped hop by hop, played to the end, checked.
import { expect, it } from 'vitest';
import { documentOf } from './driver';
import { findExample } from '../../shared/examples';
import { e2eSession, runStepwise, slow, stepHops } from './session';

/** What the crash test reads in the page (the e2e tests are compiled without the DOM's types). */
interface BadgeNotes {
  /** Every text worker 2's killed badge showed, and every text the ventilator's socket badge showed, in order. */
  __badges: string[];
  __ventilator: string[];
  document: { body: unknown; querySelector(selector: string): { textContent: string | null } | null };
  MutationObserver: new (onChange: () => void) => { observe(target: unknown, options: object): void };
}

interface PageGlobals {
  __zmqStudio: { store: { getState(): { loadTopology(doc: unknown): unknown; setTheme(theme: 'light' | 'dark'): void } } };
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

it('worker crash: the student presses Run, worker 2 is killed and comes back by itself, and the run passes the check', async () => {
  const p = await session.page();
  await p.getByTestId('tab-lessons').click();
  await p.getByTestId('lesson-worker-crash').click();
  await expect.poll(() => p.getByTestId('lesson-title').textContent(), slow).toContain('9. A worker crashes');
  expect(await p.getByTestId('lesson-steps').textContent()).toContain('wait 300 ms, then kill worker 2; it restarts 400 ms later');
  await p.getByTestId('prediction').getByLabel('the ventilator sends them to worker 1 and worker 3, the workers still connected').check();
  await p.getByTestId('commit-prediction').click();

  // The badges change within 400 ms: too fast for polling from here, so the page notes every text they showed.
  await p.evaluate(() => {
    const g = globalThis as unknown as BadgeNotes;
    g.__badges = [];
    g.__ventilator = [];
    const note = (list: string[], selector: string) => {
      const text = g.document.querySelector(selector)?.textContent;
      if (text && list.at(-1) !== text) list.push(text);
    };
    new g.MutationObserver(() => {
      note(g.__badges, '[data-testid="killed-badge-worker2"]');
      note(g.__ventilator, '[data-testid="socket-badge"][data-node="ventilator"]');
    }).observe(g.document.body, { subtree: true, childList: true, characterData: true });
  });
  await p.getByLabel('free ports').check();
  await p.getByTestId('run').click();
  const notes = () => p.evaluate(() => (globalThis as unknown as BadgeNotes).__badges);
  await expect.poll(async () => (await notes()).length, { timeout: 10_000, interval: 20 }).toBe(1);
  // The canvas's live badges publish at most every 250 ms: the disconnect shows a moment after the kill.
  await new Promise((r) => setTimeout(r, 250));
  await p.screenshot({ path: '/tmp/worker-crash-killed.png' });

  const verdict = p.getByTestId('lesson-verdict');
  await expect.poll(() => verdict.getAttribute('data-passed'), { timeout: 30_000 }).toBe('true');
  expect(await p.getByTestId('killed-badge-worker2').count()).toBe(0);
  expect(await notes()).toEqual(['✖ killed · back in 400 ms']);
  // What the lesson tells the student to watch: the ventilator binds, so it shows the loss and the return, and never retries.
  const ventilator = await p.evaluate(() => (globalThis as unknown as BadgeNotes).__ventilator);
  expect(ventilator.filter((t) => t !== 'listening')).toEqual(['connected', 'disconnected', 'connected', 'closed']);
  const text = (await verdict.textContent()) ?? '';
  expect(text).toContain('(your run)');
  expect(text).toMatch(/sent while worker 2 was down all went to the workers still connected: worker 1 \d+, worker 3 \d+/);
  expect(text).toMatch(/worker 2 connected again after its restart/);
  expect(await p.getByTestId('prediction-result').textContent()).toContain('You predicted it.');
  expect(await p.getByTestId('lessons').textContent()).toContain('Who binds matters.');
  await verdict.scrollIntoViewIfNeeded();
  await p.screenshot({ path: '/tmp/worker-crash-light.png' });
  await p.evaluate(() => (globalThis as unknown as PageGlobals).__zmqStudio.store.getState().setTheme('dark'));
  await p.screenshot({ path: '/tmp/worker-crash-dark.png' });
}, 90_000);
