import { memo, useCallback } from 'react';
import type { DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Pattern, SocketType } from '../../shared/patterns';
import { PATTERN_TITLES, SOCKET_INFO, SOCKET_TYPES } from '../../shared/patterns';
import { DEVICE_KINDS, DEVICE_PORTS } from '../../shared/topology';
import { appStore, useAppStore } from '../store/appStore';
import type { NodeSpec } from '../store/nodeFactory';
import { writeDraggedSpec } from '../canvas/dragData';

const STANDARD: readonly Pattern[] = ['reqrep', 'pubsub', 'pipeline', 'pair'];
const DRAFT: readonly Pattern[] = ['clientserver', 'radiodish', 'scattergather'];
const typesOf = (p: Pattern): SocketType[] => SOCKET_TYPES.filter((t) => SOCKET_INFO[t].pattern === p);

let placed = 0;

/** Adds a node in the middle of the visible canvas (a little apart from the previous one). */
function useAddAtCentre(): (spec: NodeSpec) => void {
  const flow = useReactFlow();
  return useCallback(
    (spec: NodeSpec) => {
      const rect = document.querySelector('.zs-canvas')?.getBoundingClientRect();
      const centre = rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      const step = (placed++ % 6) * 30;
      const s = appStore.getState();
      const id = s.addNode(spec, { x: centre.x - 90 + step, y: centre.y - 40 + step });
      s.select({ nodes: [id] });
    },
    [flow],
  );
}

const Item = memo(function Item(props: { spec: NodeSpec; label: string; title: string; pattern: string; testId: string; add(spec: NodeSpec): void }) {
  const onDragStart = (e: DragEvent) => writeDraggedSpec(e.dataTransfer, props.spec);
  return (
    <button type="button" className={`zs-palette-item pattern-${props.pattern}`} draggable onDragStart={onDragStart} onClick={() => props.add(props.spec)} title={props.title} data-testid={props.testId}>
      {props.label}
    </button>
  );
});

/** Every socket type grouped by pattern, the devices, the worker and the external program node. */
export const Palette = memo(function Palette() {
  const showDrafts = useAppStore((s) => s.showDrafts);
  const add = useAddAtCentre();
  const groups = showDrafts ? [...STANDARD, ...DRAFT] : STANDARD;
  return (
    <aside className="zs-panel zs-palette" aria-label="Palette">
      <h2>Palette</h2>
      <p className="zs-muted">Click to add, or drag onto the canvas.</p>
      {groups.map((p) => (
        <section key={p} className="zs-palette-group">
          <h3 className={`pattern-${p}`}>{PATTERN_TITLES[p]}</h3>
          <div className="zs-palette-items">
            {typesOf(p).map((t) => (
              <Item key={t} spec={{ kind: 'socket', socket: t }} label={t} title={SOCKET_INFO[t].summary} pattern={p} testId={`palette-${t}`} add={add} />
            ))}
          </div>
        </section>
      ))}
      <section className="zs-palette-group">
        <h3>devices &amp; more</h3>
        <div className="zs-palette-items zs-palette-wide">
          {DEVICE_KINDS.map((d) => (
            <Item key={d} spec={{ kind: 'device', device: d }} label={d} pattern="device" testId={`palette-${d}`} add={add}
              title={`${d}: ${DEVICE_PORTS[d].frontend} frontend, ${DEVICE_PORTS[d].backend} backend`} />
          ))}
          <Item spec={{ kind: 'worker' }} label="worker" pattern="pipeline" testId="palette-worker" add={add} title="a pipeline worker: PULL in, process, PUSH out" />
          <Item spec={{ kind: 'external', socket: 'PUB' }} label="external" pattern="external" testId="palette-external" add={add} title="a program outside the app (e.g. a Python script)" />
        </div>
      </section>
      <label className="zs-toggle">
        <input type="checkbox" checked={showDrafts} onChange={() => appStore.getState().toggleDrafts()} data-testid="toggle-drafts" /> show draft socket types
      </label>
    </aside>
  );
});
