/**
 * React Flow's connection rule, at module scope so React Flow never sees a new function: it asks
 * the same wiring rules (shared/patterns underneath) that the store and the validator use.
 */
import type { Connection, Edge } from '@xyflow/react';
import { appStore } from '../store/appStore';
import { checkConnection } from '../store/wiring';
import type { ConnectCheck } from '../store/wiring';

import { PATTERN_TITLES } from '../../shared/patterns';

/** The store's wiring check, narrowed by the pattern tool when one is chosen. */
export function explainConnection(c: Connection | Edge): ConnectCheck {
  const { topology, patternTool } = appStore.getState();
  const check = checkConnection(topology, c);
  if (check.ok && patternTool && check.pattern !== patternTool) {
    return { ok: false, reason: `the pattern tool is set to ${PATTERN_TITLES[patternTool]}; this would be ${PATTERN_TITLES[check.pattern]}` };
  }
  return check;
}

export function isValidConnection(c: Connection | Edge): boolean {
  return explainConnection(c).ok;
}
