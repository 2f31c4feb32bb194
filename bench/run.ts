/**
 * `npm run bench`: raw zeromq vs the engine with tracing on, side by side in one run, as ratios.
 * Each case runs ROUNDS times alternating raw and traced; the median of each is reported.
 * Writes docs/benchmarks.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { rawPushPull, rawReqRep } from './raw';
import { tracedPushPull, tracedReqRep } from './traced';
import { libzmqVersion } from '../main/sockets';
import { benchCanvas } from './canvas';
import type { CanvasBench } from './canvas';
import { benchLive } from './live';
import type { LiveBench } from './live';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

interface Row {
  name: string;
  raw: number;
  traced: number;
  baseline: string;
}

async function pair(name: string, baseline: string, raw: () => Promise<number>, traced: () => Promise<number>): Promise<Row> {
  const r: number[] = [];
  const t: number[] = [];
  await raw(); // warm-up
  await traced();
  for (let i = 0; i < ROUNDS; i++) {
    r.push(await raw());
    t.push(await traced());
  }
  const row = { name, raw: median(r), traced: median(t), baseline };
  console.log(`${name.padEnd(44)} ${baseline.padEnd(22)} ${fmt(row.raw).padStart(9)} ${fmt(row.traced).padStart(9)}   ${(row.traced / row.raw).toFixed(2)}x`);
  return row;
}

async function main(): Promise<void> {
  const N64 = Number(process.env.BENCH_N ?? 100_000);
  console.log(`zmq-studio bench — libzmq ${libzmqVersion}, node ${process.version}, ${cpus().length} cores, ${ROUNDS} rounds, medians`);
  console.log(`${'case'.padEnd(44)} ${'baseline'.padEnd(22)} ${'base/s'.padStart(9)} ${'traced/s'.padStart(9)}   ratio`);
  const rows: Row[] = [];
  rows.push(await pair('PUSH->PULL tcp, 64 B, traced engine', 'raw zeromq', () => rawPushPull(N64, 64), async () => (await tracedPushPull(N64, 64)).rate));
  rows.push(await pair('PUSH->PULL tcp, 1 KiB, traced engine', 'raw zeromq', () => rawPushPull(N64 / 2, 1024), async () => (await tracedPushPull(N64 / 2, 1024)).rate));
  rows.push(await pair('REQ/REP round trips tcp, traced engine', 'raw zeromq', () => rawReqRep(N64 / 10), async () => (await tracedReqRep(N64 / 10, false)).rate));
  rows.push(await pair('REQ/REP through the queue device, traced', 'traced, direct', async () => (await tracedReqRep(N64 / 10, false)).rate, async () => (await tracedReqRep(N64 / 10, true)).rate));

  let canvas: CanvasBench | undefined;
  if (process.env.BENCH_CANVAS !== '0') {
    canvas = await benchCanvas();
    console.log(`designer canvas, 500 nodes / 600 edges in Chromium: first render ${canvas.firstRenderMs} ms (target < 1500), panning ${canvas.panFps} fps (target >= 50)`);
  }

  let live: LiveBench | undefined;
  if (process.env.BENCH_LIVE !== '0') {
    live = await benchLive();
    console.log(
      `live run in Chromium, PUSH->PULL flood, ${live.seconds} s: engine ${fmt(live.engineMsgsPerSec)} msgs/s, page ${fmt(live.pageRecordsPerSec)} records/s, ` +
        `${live.fpsMedian} fps median (min ${live.fpsMin}), heap ${live.heapStartMiB} -> ${live.heapEndMiB} MiB`,
    );
  }

  const table = rows.map((r) => `| ${r.name} | ${r.baseline} | ${fmt(r.raw)} | ${fmt(r.traced)} | ${(r.traced / r.raw).toFixed(2)}x |`).join('\n');
  writeFileSync(
    new URL('../docs/benchmarks.md', import.meta.url),
    `# Benchmarks

Written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}; libzmq ${libzmqVersion}, node ${process.version},
${cpus().length} cores). Each case runs the baseline and the traced engine alternately, ${ROUNDS} rounds,
in one process, and reports the medians: only the ratio is meant to be compared across machines.
Messages/s for pipelines; round trips/s for request/reply. Target: traced >= 0.8x raw for pipelines.

| case | baseline | baseline msgs/s | measured msgs/s | ratio |
| --- | --- | --- | --- | --- |
${table}

What "traced" includes: the node's behaviour (payload template, log lines throttled to
500/s per node), a trace record per send and per receive in the columnar ring, route matching
of every receive to its send, and batched trace events to the host every 50 ms.
${
  canvas
    ? `
## The designer canvas

A generated topology of 500 nodes and 600 edges opened in headless Chromium (software rendering,
1280x800) through the browser-mode server: time from loading the document to every node drawn,
and requestAnimationFrame frames per second while the pane is dragged for about two seconds.

| measure | result | target |
| --- | --- | --- |
| first render | ${canvas.firstRenderMs} ms | < 1500 ms |
| panning | ${canvas.panFps} fps | >= 50 fps |
`
    : ''
}${
  live
    ? `
## A live run in the page

The app in headless Chromium (1280x800, software rendering) with the Trace tab open, running a
PUSH->PULL flood on the engine (a supervised child process of the browser-mode server) for
${live.seconds} s. Frame rate = requestAnimationFrame callbacks per second, sampled every second;
heap = the page's JS heap after a forced GC, 2 s into the run and at its end.

| measure | result | target |
| --- | --- | --- |
| messages/s the engine sustained (received by the PULL) | ${fmt(live.engineMsgsPerSec)} | 50,000 |
| trace records/s that reached the page (a send and a receive per message) | ${fmt(live.pageRecordsPerSec)} | |
| frame rate, median (min) | ${live.fpsMedian} fps (${live.fpsMin}) | >= 50 fps |
| JS heap, start -> end | ${live.heapStartMiB} -> ${live.heapEndMiB} MiB | flat |
| records held by the page's ring / dropped by the bounds | ${fmt(live.ringHeld)} / ${fmt(live.dropped)} | |
`
    : ''
}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
