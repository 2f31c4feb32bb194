// Sampling an edge's path for the live-flow overlay: what getBezierPath makes, read by length.
import { describe, expect, it } from 'vitest';
import { getBezierPath, Position } from '@xyflow/react';
import { parsePath, pointAt, samplePath } from '../../renderer/canvas/live/pathGeometry';

const at = (d: string, f: number, offset = 0) => {
  const s = samplePath(d);
  if (!s) throw new Error(`not sampled: ${d}`);
  return pointAt(s, f, offset, { x: 0, y: 0 });
};

describe('edge path sampling', () => {
  it("reads React Flow's own bezier: the ends at 0 and 1", () => {
    const [d] = getBezierPath({ sourceX: 10, sourceY: 20, sourcePosition: Position.Right, targetX: 310, targetY: 220, targetPosition: Position.Left });
    expect(parsePath(d)).toHaveLength(8);
    const start = at(d, 0);
    const end = at(d, 1);
    expect(start.x).toBeCloseTo(10, 6);
    expect(start.y).toBeCloseTo(20, 6);
    expect(end.x).toBeCloseTo(310, 6);
    expect(end.y).toBeCloseTo(220, 6);
  });

  it('goes by length, not by curve parameter: a dot keeps its speed where the controls bunch up', () => {
    // x(t) = 100 t³: the curve parameter's middle is at x = 12.5, the length's middle at 50.
    const d = 'M0,0 C0,0 0,0 100,0';
    expect(at(d, 0.5).x).toBeCloseTo(50, 0);
    expect(at(d, 0.25).x).toBeCloseTo(25, 0);
  });

  it('measures a straight line exactly and puts the middle in the middle', () => {
    const s = samplePath('M0,0 L300,400')!;
    expect(s.length).toBeCloseTo(500, 6);
    const mid = at('M0,0 L300,400', 0.5);
    expect(mid.x).toBeCloseTo(150, 6);
    expect(mid.y).toBeCloseTo(200, 6);
  });

  it('moves an offset point to the left of the source -> target direction (y down)', () => {
    // Left to right: left of the direction of travel is up the screen (smaller y).
    const p = at('M0,100 L200,100', 0.5, 5);
    expect(p.x).toBeCloseTo(100, 6);
    expect(p.y).toBeCloseTo(95, 6);
    expect(at('M0,100 L200,100', 0.5, -5).y).toBeCloseTo(105, 6);
  });

  it('clamps fractions outside 0..1 to the ends', () => {
    expect(at('M0,0 L100,0', -0.2).x).toBeCloseTo(0, 6);
    expect(at('M0,0 L100,0', 1.7).x).toBeCloseTo(100, 6);
  });

  it('reads exponents and negative numbers', () => {
    expect(parsePath('M-1e-7,2.5 C-10,.5 3e2,4 5,-6')).toEqual([-1e-7, 2.5, -10, 0.5, 300, 4, 5, -6]);
  });

  it('refuses a path it cannot read (no dots rather than dots in the wrong place)', () => {
    expect(samplePath('M0,0 Q10,10 20,0')).toBeUndefined();
    expect(samplePath('')).toBeUndefined();
    expect(samplePath('M0,0 C1,1 2,2')).toBeUndefined();
  });
});
