import { lessonTopology } from './build';

/** How long after the start the listener connects; the radio starts about 100 ms in (after the subscriptions settle). */
export const LATE_BY_MS = 300;
export const NEWS_COUNT = 40;

/**
 * The slow joiner: the radio publishes `news 0`..`news 39`, one every 10 ms; the listener
 * connects 300 ms after the start, so the first publications go to nobody.
 */
export const slowJoiner = lessonTopology(
  'The slow joiner',
  'A PUB publishes news every 10 ms; a SUB connects 300 ms late and misses what was published before it joined.',
  [
    {
      id: 'radio', kind: 'socket', socket: 'PUB', label: 'radio',
      behavior: { type: 'publish', payload: 'news {i}', count: NEWS_COUNT, intervalMs: 10 }, position: { x: 80, y: 140 },
    },
    {
      id: 'listener', kind: 'socket', socket: 'SUB', label: 'late listener',
      behavior: { type: 'subscribe', topics: [''] }, position: { x: 460, y: 140 },
    },
  ],
  [
    {
      id: 'late', pattern: 'pubsub', source: 'radio', target: 'listener', endpoint: 'tcp://127.0.0.1:5563', bind: 'source',
      connectDelayMs: LATE_BY_MS, label: `connects ${LATE_BY_MS} ms late`,
    },
  ],
);
