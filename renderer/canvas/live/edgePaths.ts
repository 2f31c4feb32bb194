/**
 * The path of every edge React Flow currently draws, published by PatternEdge so the flow
 * overlay reads geometry without querying the DOM each frame. Edges React Flow does not render
 * (off screen: onlyRenderVisibleElements) are absent, and get no dots: nobody would see them.
 */
import { useLayoutEffect } from 'react';
import type { Pattern } from '../../../shared/patterns';

export interface EdgePath {
  /** The SVG path data, in flow coordinates. */
  d: string;
  pattern: Pattern;
  /** Messages go both ways (req/rep, pair): each direction gets its own side. */
  twoWay: boolean;
}

const paths = new Map<string, EdgePath>();

export const edgePaths: ReadonlyMap<string, EdgePath> = paths;

/** Keeps this edge's entry current; a layout effect, so the overlay's next frame sees a drag. */
export function useEdgePath(id: string, d: string, pattern: Pattern, twoWay: boolean): void {
  useLayoutEffect(() => {
    paths.set(id, { d, pattern, twoWay });
    return () => {
      paths.delete(id);
    };
  }, [id, d, pattern, twoWay]);
}
