/**
 * The live-run benchmark (not a test): the page open in Chromium, the engine (a supervised child
 * of the browser-mode server) running a PUSH->PULL flood, the Trace tab open and the canvas
 * animating. Reports, side by side from one run: messages/s the engine sustains, trace records/s
 * that reach the page, the page's frame rate (requestAnimationFrame count per second) and its JS
 * heap after a forced GC at the start and at the end. Target (issue 4): >= 50 fps at 50,000
 * msgs/s, heap flat (bounded by the ring).
 *   BENCH_LIVE_S=60 npx tsx bench/live.ts   (npm run bench runs it too)
 */
import type { TopologyInput } from '../shared/topology';
import { startHarness } from '../test/e2e/harness';

export interface LiveBench {
  seconds: number;
  engineMsgsPerSec: number;
  pageRecordsPerSec: number;
  fpsMedian: number;
  fpsMin: number;
  heapStartMiB: number;
  heapEndMiB: number;
  ringHeld: number;
  dropped: number;
}

const flood: TopologyInput = {
  format: 'zmq-studio.topology/1',
  name: 'bench flood',
  nodes: [
    { id: 'producer', kind: 'socket', socket: 'PUSH', behavior: { type: 'produce', count: 10_000_000, payload: 'task {i}' }, position: { x: 80, y: 120 } },
    { id: 'sink', kind: 'socket', socket: 'PULL', behavior: { type: 'consume' }, position: { x: 420, y: 120 } },
  ],
  edges: [{ id: 'flood', pattern: 'pipeline', source: 'producer', target: 'sink', endpoint: 'tcp://127.0.0.1:5999', bind: 'target' }],
};

// Page scripts are strings: the bundler's helpers (e.g. __name) do not exist in the page.
const START = `(async (doc) => {
  const store = window.__zmqStudio.store;
  const loaded = store.getState().loadTopology(doc);
  if (!loaded.ok) throw new Error('the flood topology does not load: ' + JSON.stringify(loaded.diagnostics));
  store.getState().setFreePorts(true);
  store.getState().setDockTab('trace');
  window.__frames = 0;
  const tick = () => { window.__frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  await store.getState().runTopology();
})`;
const SAMPLE = `(() => {
  const s = window.__zmqStudio.store.getState();
  return { frames: window.__frames, total: s.trace.total, received: s.nodeStats.sink ? s.nodeStats.sink.received : 0,
    state: s.runState, held: s.trace.size, dropped: s.trace.dropped };
})()`;

interface Sample {
  frames: number;
  total: number;
  received: number;
  state: string;
  held: number;
  dropped: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchLive(seconds = Number(process.env.BENCH_LIVE_S ?? 60)): Promise<LiveBench> {
  const h = await startHarness();
  try {
    const page = await h.newPage({ width: 1280, height: 800 });
    // Polled with evaluate: waitForFunction evaluates strings, which the page's CSP forbids.
    const until = async (expr: string, ms = 15_000): Promise<void> => {
      const end = Date.now() + ms;
      while (!(await page.evaluate(expr))) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${expr}: ${JSON.stringify(await page.evaluate(`(() => { const s = window.__zmqStudio.store.getState(); return { state: s.runState, reason: s.runStateReason, notice: s.notice, errors: s.runErrors }; })()`))}`);
        await page.waitForTimeout(100);
      }
    };
    await until('window.__zmqStudio.store.getState().connection === "connected"');
    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 2 ** 20;
    };
    await page.evaluate(`${START}(${JSON.stringify(flood)})`);
    await until('window.__zmqStudio.store.getState().runState === "running"');
    await page.waitForTimeout(2000); // warm-up: the first stats and batches
    const heapStartMiB = await heap();
    const samples: (Sample & { at: number })[] = [];
    const sample = async () => samples.push({ ...((await page.evaluate(SAMPLE)) as Sample), at: performance.now() });
    await sample();
    for (let i = 0; i < seconds; i++) {
      await page.waitForTimeout(1000);
      await sample();
    }
    const heapEndMiB = await heap();
    await page.evaluate('window.__zmqStudio.store.getState().stopRun()');
    const first = samples[0];
    const last = samples[samples.length - 1];
    const secs = (last.at - first.at) / 1000;
    const fps = samples.slice(1).map((s, i) => (s.frames - samples[i].frames) / ((s.at - samples[i].at) / 1000));
    return {
      seconds: Math.round(secs),
      engineMsgsPerSec: Math.round((last.received - first.received) / secs),
      pageRecordsPerSec: Math.round((last.total - first.total) / secs),
      fpsMedian: Math.round(median(fps)),
      fpsMin: Math.round(Math.min(...fps)),
      heapStartMiB: Math.round(heapStartMiB * 10) / 10,
      heapEndMiB: Math.round(heapEndMiB * 10) / 10,
      ringHeld: last.held,
      dropped: last.dropped,
    };
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchLive().then(
    (r) => console.log(r),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
