import { useMemo } from 'react';
import { appStore, useAppStore } from '../../store/appStore';
import type { AppState } from '../../store/types';
import { useThrottledValue } from '../charts/useThrottledValue';
import type { Route } from './route';
import { computeRoute } from './route';

/** While records arrive (a reply still on its way), the route is recomputed at most this often. */
const ROUTE_REFRESH_MS = 250;
const selectVersion = (s: AppState) => s.traceVersion;

let cache: { msg: number; total: number; tables: unknown; route: Route | undefined } | undefined;

/**
 * The route of the store's `routeMsg` over the ring as it is now. The panel and the canvas
 * highlight both ask; the scan runs once per (message, ring content).
 */
export function currentRoute(state: AppState): Route | undefined {
  const { routeMsg, trace } = state;
  if (routeMsg === undefined) return undefined;
  if (cache && cache.msg === routeMsg && cache.total === trace.total && cache.tables === trace.tables) return cache.route;
  const route = computeRoute(trace, routeMsg);
  cache = { msg: routeMsg, total: trace.total, tables: trace.tables, route };
  return route;
}

/** The picked message's route, following new records a few times a second. */
export function useRoute(): { msg: number | undefined; route: Route | undefined } {
  const msg = useAppStore((s) => s.routeMsg);
  const version = useThrottledValue(selectVersion, ROUTE_REFRESH_MS);
  // `version` is the dependency that makes new records count; the ring itself is mutable.
  const route = useMemo(() => (version >= 0 ? currentRoute(appStore.getState()) : undefined), [msg, version]);
  return { msg, route };
}
