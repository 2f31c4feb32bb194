import { expect, it } from 'vitest';
import { LogThrottle, LOG_LINES_PER_SECOND } from '../../main/logThrottle';

it('passes a node budget of lines per second and reports the rest as one line', () => {
  let now = 0;
  const out: string[] = [];
  const throttle = new LogThrottle((node, line) => out.push(`${node}: ${line}`), () => now);
  for (let i = 0; i < LOG_LINES_PER_SECOND + 20; i++) throttle.log('a', `line ${i}`, 'info');
  throttle.log('a', 'boom', 'error');
  expect(out).toHaveLength(LOG_LINES_PER_SECOND + 1);
  expect(out.at(-1)).toBe('a: boom');
  now = 1500;
  throttle.log('a', 'later', 'info');
  expect(out.slice(-2)).toEqual([`a: … 20 more lines not shown (over ${LOG_LINES_PER_SECOND} lines/s; the trace has every message)`, 'a: later']);
});
