/**
 * The designer's canvas benchmark (not a test): a generated 500-node / 600-edge topology opened
 * in Chromium; time to first render and frames per second while panning (requestAnimationFrame
 * count). Targets (issue 3): first render < 1.5 s, panning >= 50 fps.
 *   npx tsx bench/canvas.ts   (npm run bench runs it too)
 */
import type { TopologyInput } from '../shared/topology';
import { startHarness } from '../test/e2e/harness';

/** 250 PUSH -> PULL pairs plus 350 cross edges: 500 nodes, 600 edges, no diagnostics errors. */
export function bigTopology(pairs = 250, cross = 350): TopologyInput {
  const nodes: TopologyInput['nodes'] = [];
  const edges: TopologyInput['edges'] = [];
  const port = (i: number) => `tcp://127.0.0.1:${20000 + i}`;
  for (let i = 0; i < pairs; i++) {
    const x = (i % 25) * 420;
    const y = Math.floor(i / 25) * 220;
    nodes.push({ id: `push${i}`, kind: 'socket', socket: 'PUSH', position: { x, y } });
    nodes.push({ id: `pull${i}`, kind: 'socket', socket: 'PULL', position: { x: x + 210, y: y + 60 } });
    edges.push({ id: `e${i}`, pattern: 'pipeline', source: `push${i}`, target: `pull${i}`, endpoint: port(i), bind: 'target' });
  }
  for (let i = 0; i < cross; i++) {
    const to = (i + 1 + Math.floor(i / pairs)) % pairs;
    edges.push({ id: `x${i}`, pattern: 'pipeline', source: `push${i % pairs}`, target: `pull${to}`, endpoint: port(to), bind: 'target' });
  }
  return { format: 'zmq-studio.topology/1', name: 'bench 500/600', nodes, edges };
}

export interface CanvasBench {
  firstRenderMs: number;
  panFps: number;
}

// Page scripts are strings: the bundler's helpers (e.g. __name) do not exist in the page.
const OPEN_AND_WAIT = `(async (doc) => {
  const t0 = performance.now();
  window.__zmqStudio.store.getState().loadTopology(doc);
  await new Promise((r) => { const f = () => (document.querySelectorAll('.react-flow__node').length >= doc.nodes.length ? r() : requestAnimationFrame(f)); f(); });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
})`;
const COUNT_FRAMES = `new Promise((r) => { let n = 0; const t0 = performance.now();
  const f = () => { n++; if (performance.now() - t0 < 2000) requestAnimationFrame(f); else r(n / ((performance.now() - t0) / 1000)); };
  requestAnimationFrame(f); })`;

export async function benchCanvas(): Promise<CanvasBench> {
  const h = await startHarness();
  try {
    const page = await h.newPage({ width: 1280, height: 800 });
    const firstRenderMs = (await page.evaluate(`${OPEN_AND_WAIT}(${JSON.stringify(bigTopology())})`)) as number;
    await page.waitForTimeout(500);
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas');
    const frames = page.evaluate(COUNT_FRAMES);
    await page.mouse.move(pane.x + 300, pane.y + 300);
    await page.mouse.down();
    for (let i = 0; i < 120; i++) await page.mouse.move(pane.x + 300 + (i % 30) * 8, pane.y + 300 + (i % 30) * 4);
    await page.mouse.up();
    return { firstRenderMs: Math.round(firstRenderMs), panFps: Math.round((await frames) as number) };
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchCanvas();
  console.log(`canvas 500 nodes / 600 edges: first render ${r.firstRenderMs} ms (target < 1500), panning ${r.panFps} fps (target >= 50)`);
}
