import { memo, useMemo } from 'react';
import { Panel } from '@xyflow/react';
import { appStore } from '../store/appStore';
import { useRoute } from '../panels/route/useRoute';
import { routeElements } from '../panels/route/route';

const attr = (id: string): string => `"${CSS.escape(id)}"`;

/** The stylesheet that lights up a route's nodes and edges and dims every other edge. */
function routeCss(nodes: readonly string[], edges: readonly string[]): string {
  if (nodes.length === 0 && edges.length === 0) return '';
  const edge = edges.map((e) => `.zs-canvas .react-flow__edge[data-id=${attr(e)}]`).join(',\n');
  const path = edges.map((e) => `.zs-canvas .react-flow__edge[data-id=${attr(e)}] .react-flow__edge-path`).join(',\n');
  const label = edges.map((e) => `.zs-canvas .zs-edge-label[data-edge=${attr(e)}]`).join(',\n');
  const node = nodes.map((n) => `.zs-canvas .react-flow__node[data-id=${attr(n)}] .zs-node`).join(',\n');
  const rules = ['.zs-canvas .react-flow__edge, .zs-canvas .zs-edge-label { opacity: 0.25; }'];
  if (edges.length > 0) {
    rules.push(`${edge}, ${label} { opacity: 1; }`);
    rules.push(`${path} { stroke-width: 5px !important; filter: drop-shadow(0 0 3px var(--route)); }`);
  }
  if (nodes.length > 0) rules.push(`${node} { box-shadow: 0 0 0 3px var(--route), var(--shadow); }`);
  return rules.join('\n');
}

/**
 * The route view's message, highlighted on the canvas: one <style> element of attribute
 * selectors, so no node or edge component re-renders when the route changes.
 */
export const RouteHighlight = memo(function RouteHighlight() {
  const { msg, route } = useRoute();
  const css = useMemo(() => {
    if (!route) return '';
    const { nodes, edges } = routeElements(route);
    return routeCss(nodes, edges);
  }, [route]);
  if (msg === undefined || !route) return null;
  return (
    <>
      <style data-testid="route-highlight">{css}</style>
      <Panel position="top-right" className="zs-route-badge" data-testid="route-badge">
        route of #{msg}
        <button type="button" onClick={() => appStore.getState().setRouteMsg(undefined)} title="clear the route highlight" aria-label="clear the route highlight">
          ✕
        </button>
      </Panel>
    </>
  );
});
