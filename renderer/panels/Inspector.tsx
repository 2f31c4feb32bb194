import { memo } from 'react';
import { appStore, useAppStore } from '../store/appStore';
import { selectEdge, selectNode } from '../store/selectors';
import { Field } from './Field';
import { NodeInspector } from './NodeInspector';
import { EdgeInspector } from './EdgeInspector';

/** Edits the one selected node or edge; with nothing selected, the document's name and notes. */
export const Inspector = memo(function Inspector() {
  const count = useAppStore((s) => s.selection.nodes.length + s.selection.edges.length);
  const node = useAppStore((s) => (s.selection.nodes.length === 1 && s.selection.edges.length === 0 ? selectNode(s, s.selection.nodes[0]) : undefined));
  const edge = useAppStore((s) => (s.selection.edges.length === 1 && s.selection.nodes.length === 0 ? selectEdge(s, s.selection.edges[0]) : undefined));
  const name = useAppStore((s) => s.topology.name);
  const description = useAppStore((s) => s.topology.description ?? '');
  return (
    <aside className="zs-panel zs-inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      {node ? (
        <NodeInspector key={node.id} node={node} />
      ) : edge ? (
        <EdgeInspector key={edge.id} edge={edge} />
      ) : (
        <div className="zs-inspector-body">
          {count > 1 && <p className="zs-muted">{count} items selected</p>}
          <Field label="topology name" value={name} testId="topology-name"
            validate={(t) => (t.length > 200 ? 'at most 200 characters' : undefined)}
            onCommit={(t) => appStore.getState().setDocumentInfo({ name: t })} />
          <Field label="description" multiline value={description}
            onCommit={(t) => appStore.getState().setDocumentInfo({ description: t === '' ? undefined : t })} />
          <p className="zs-muted">Select a node or an edge to edit it.</p>
        </div>
      )}
    </aside>
  );
});
