import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Diagnostic } from '../../shared/diagnostics';
import { loadTopology, loadTopologyText } from '../../shared/load';
import { DIAGNOSTIC_CODES, validate } from '../../shared/validate';
import type { Json } from './topologyArbitraries';
import { CAPS, GENERATED, MUTATED } from './topologyArbitraries';

/*
 * Whatever a file, a paste or the wire brings, loading and validating never throws and every
 * finding says where it is and what to do. Fixed seed: a failure reproduces on every run.
 */
const SEED = 20_240_611;

const KNOWN_CODES = new Set(Object.keys(DIAGNOSTIC_CODES));

/** What is wrong with a diagnostic, or '' when it is well formed (one expect per call keeps 1,600 runs fast). */
function problem(d: Diagnostic): string {
  if (d.severity !== 'error' && d.severity !== 'warning') return 'severity';
  if (!KNOWN_CODES.has(d.code)) return `undocumented code ${d.code}`;
  if (!d.message) return 'empty message';
  if (!d.hint) return 'empty hint';
  if (!d.field && !d.nodeId && !d.edgeId) return 'names no field, node or edge';
  if (d.code === 'schema' && !d.field) return 'schema diagnostic without field';
  return '';
}

function expectWellFormed(diagnostics: Diagnostic[]): void {
  const bad = diagnostics.filter((d) => problem(d) !== '');
  expect(bad.map((d) => `${problem(d)}: ${JSON.stringify(d)}`)).toEqual([]);
}

function checkDocument(doc: Json, caps: Record<string, boolean>): void {
  const text = JSON.stringify(doc);
  const fromText = loadTopologyText(text);
  const fromValue = loadTopology(doc);
  expectWellFormed(fromText.diagnostics);
  expectWellFormed(fromValue.diagnostics);
  expectWellFormed(validate(doc, caps));
  expect(fromText.topology === undefined).toBe(fromValue.topology === undefined);
}

describe('fuzz: load + validate never throw and always say where', () => {
  it('mutated built-in examples (800)', () => {
    fc.assert(
      fc.property(MUTATED, CAPS, (doc, caps) => checkDocument(doc, caps)),
      { seed: SEED, numRuns: 800 },
    );
  });

  it('generated graphs that mostly pass the schema (600)', () => {
    let parsed = 0;
    fc.assert(
      fc.property(GENERATED, CAPS, (doc, caps) => {
        checkDocument(doc, caps);
        if (loadTopology(doc).topology) parsed++;
      }),
      { seed: SEED, numRuns: 600 },
    );
    // Without this the property would test little beyond the schema.
    expect(parsed).toBeGreaterThan(300);
  });

  it('random JSON and random text (400)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => checkDocument(doc as Json, {})),
      { seed: SEED, numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expectWellFormed(loadTopologyText(text).diagnostics);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
