import { useEffect, useRef, useState } from 'react';
import { appStore } from '../../store/appStore';
import type { AppState } from '../../store/types';

/**
 * A store value that re-renders its reader at most once per `ms` (the first change after a quiet
 * spell shows at once): panels that summarise hot data (logs, charts, routes) follow a flood
 * without rendering per event group. `select` must be cheap and return the same value for no change.
 */
export function useThrottledValue<T>(select: (s: AppState) => T, ms: number): T {
  const [value, setValue] = useState(() => select(appStore.getState()));
  const selectRef = useRef(select);
  useEffect(() => {
    selectRef.current = select;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    let shown = selectRef.current(appStore.getState());
    const flush = () => {
      timer = undefined;
      last = performance.now();
      shown = selectRef.current(appStore.getState());
      setValue(() => shown);
    };
    flush();
    const unsubscribe = appStore.subscribe((s) => {
      if (timer !== undefined || Object.is(selectRef.current(s), shown)) return;
      timer = setTimeout(flush, Math.max(0, last + ms - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ms]);
  return value;
}
