/** The canvas as a PNG or SVG file: the whole diagram, framed, in the current theme's colours. */
import { toPng, toSvg } from 'html-to-image';
import { getNodesBounds, getViewportForBounds } from '@xyflow/react';
import type { Node } from '@xyflow/react';

const MARGIN = 40;

export async function exportImage(kind: 'png' | 'svg', nodes: Node[], baseName: string): Promise<void> {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport || nodes.length === 0) return;
  const bounds = getNodesBounds(nodes);
  const width = Math.ceil(bounds.width + 2 * MARGIN);
  const height = Math.ceil(bounds.height + 2 * MARGIN);
  const v = getViewportForBounds(bounds, width, height, 1, 1, 0);
  const options = {
    backgroundColor: getComputedStyle(document.documentElement).getPropertyValue('--canvas').trim() || '#ffffff',
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})` },
  };
  const url = kind === 'png' ? await toPng(viewport, { ...options, pixelRatio: 2 }) : await toSvg(viewport, options);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${baseName}.${kind}`;
  document.body.append(a);
  a.click();
  a.remove();
}
