// The CLI's end-of-run summary: time blocked per node and drops per edge appear only when there are some.
import { describe, expect, it } from 'vitest';
import { formatSummary, RunTally } from '../../main/cli/summary';
import { topologyFacts } from '../../main/cli/facts';
import { findExample } from '../../shared/examples';

const facts = topologyFacts(findExample('hello-world')!.topology);
const edge = [...facts.edges.keys()][0];

function summary(blockedTotalMs: number, dropped: number | undefined): string[] {
  const tally = new RunTally();
  tally.add({
    type: 'stats',
    runId: 1,
    nodes: [{ node: 'client', sent: 10, received: 10, bytesOut: 50, bytesIn: 50, sockets: [{ port: '', inFlight: 0, blockedMs: 0, blockedTotalMs, sndhwm: 1000 }] }],
    edges: [{ edge, messages: 20, bytes: 100, rate: 0, ...(dropped === undefined ? {} : { dropped }) }],
  });
  return formatSummary(tally.summary(), facts, 'summary');
}

describe('formatSummary', () => {
  it('adds "blocked ms" and "dropped" columns when a send blocked or a fault dropped', () => {
    const lines = summary(240, 3);
    expect(lines[1]).toMatch(/^ {2}node +sent +received +bytes out +bytes in +lost +blocked ms$/);
    expect(lines[2]).toMatch(/ 0 +240$/);
    const head = lines.findIndex((l) => l.trim().startsWith('edge'));
    expect(lines[head]).toMatch(/ messages +bytes +dropped$/);
    expect(lines[head + 1]).toMatch(/ 20 +100 +3$/);
  });

  it('leaves them out when nothing blocked and nothing was dropped', () => {
    const lines = summary(0, 0);
    expect(lines[1]).toMatch(/ lost$/);
    expect(lines.find((l) => l.trim().startsWith('edge'))).toMatch(/ bytes$/);
    expect(summary(0, undefined).join('\n')).not.toContain('dropped');
  });
});
