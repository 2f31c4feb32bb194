/** Node-console filtering: by node, level, source and text (the seed's load-balanced lines). */
import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../renderer/store/traceSlice';
import { NO_FILTER, filterLogs } from '../../renderer/panels/logs/filterLogs';

const line = (node: string, text: string, level: LogLine['level'] = 'info', source: LogLine['source'] = 'log'): LogLine => ({
  runId: 1, t: 0, node, port: '', line: text, level, source,
});

const LINES: LogLine[] = [
  line('server1', 'listening tcp://127.0.0.1:5000', 'info', 'monitor'),
  line('client', 'connect-retried tcp://127.0.0.1:6000', 'warn', 'monitor'),
  line('client', 'Sending msg 0'),
  line('server1', 'Got msg 0'),
  line('client', 'Sending msg 3'),
  line('server2', 'Got msg 3'),
  line('server2', 'EFSM: REP sent twice', 'error', 'error'),
];
const labels = new Map([['client', 'client'], ['server1', 'server 1'], ['server2', 'server 2']]);
const texts = (ls: readonly LogLine[]): string[] => ls.map((l) => `${l.node}: ${l.line}`);

describe('filterLogs', () => {
  it('no filter: the very same array, nothing copied', () => {
    expect(filterLogs(LINES, NO_FILTER)).toBe(LINES);
  });

  it('one node', () => {
    expect(texts(filterLogs(LINES, { ...NO_FILTER, node: 'server2' }))).toEqual(['server2: Got msg 3', 'server2: EFSM: REP sent twice']);
  });

  it('a lowest level: warnings and errors', () => {
    expect(texts(filterLogs(LINES, { ...NO_FILTER, minLevel: 'warn' }))).toEqual(['client: connect-retried tcp://127.0.0.1:6000', 'server2: EFSM: REP sent twice']);
  });

  it('by source: behaviour lines only, socket events only', () => {
    expect(filterLogs(LINES, { ...NO_FILTER, sources: ['log'] })).toHaveLength(4);
    expect(texts(filterLogs(LINES, { ...NO_FILTER, sources: ['monitor'] }))).toEqual(['server1: listening tcp://127.0.0.1:5000', 'client: connect-retried tcp://127.0.0.1:6000']);
  });

  it('text, case-insensitive, in the line or the node label', () => {
    expect(texts(filterLogs(LINES, { ...NO_FILTER, text: 'MSG 3' }))).toEqual(['client: Sending msg 3', 'server2: Got msg 3']);
    expect(filterLogs(LINES, { ...NO_FILTER, text: 'server 1' }, labels)).toHaveLength(2);
  });

  it('filters combine', () => {
    expect(texts(filterLogs(LINES, { node: 'client', minLevel: 'info', sources: ['log'], text: 'msg' }))).toEqual(['client: Sending msg 0', 'client: Sending msg 3']);
  });
});
