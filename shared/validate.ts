/**
 * validate(topology) -> diagnostics. The only guard between a drawing and libzmq: over inproc an
 * invalid socket pair silently works and a bad option crashes the process later (DESIGN.md), so
 * everything that can be known before building is checked here, each finding with a hint.
 */
import type { Capabilities } from './ipc';
import type { Diagnostic } from './diagnostics';
import { loadTopology } from './load';
import type { Topology } from './topology';
import type { Ctx } from './validate/context';
import { checkStructure } from './validate/structure';
import { checkEndpoints } from './validate/transport';
import { checkNodes } from './validate/nodes';
import { checkOptions } from './validate/options';

export {
  parseEndpoint,
  formatEndpoint,
  bindsCollide,
  isLoopbackHost,
  isWildcardHost,
  TRANSPORTS,
} from './validate/endpoints';
export type { ParsedEndpoint, Transport, EndpointMode } from './validate/endpoints';

/** Every diagnostic code validate() may return, with its severity (draft-socket is an error without draft APIs). */
export const DIAGNOSTIC_CODES = {
  'invalid-json': 'error',
  'not-an-object': 'error',
  'unknown-format': 'error',
  schema: 'error',
  'duplicate-id': 'error',
  'dangling-edge': 'error',
  'bad-port': 'error',
  'self-loop': 'error',
  'incompatible-sockets': 'error',
  'pattern-mismatch': 'error',
  'pair-peers': 'error',
  'duplicate-edge': 'warning',
  'bad-endpoint': 'error',
  'unsupported-transport': 'error',
  'inproc-external': 'error',
  'endpoint-conflict': 'error',
  'public-bind': 'warning',
  'external-only': 'warning',
  'behavior-socket': 'error',
  'draft-socket': 'warning',
  'worker-socket': 'error',
  'bad-option': 'error',
  'no-subscription': 'warning',
  'no-peer': 'warning',
  unconnected: 'warning',
} as const satisfies Record<string, Diagnostic['severity']>;
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/**
 * Checks a document as read from a file or the wire: schema errors first (and only those when
 * the schema fails), then the semantic checks. Never throws.
 * Missing capabilities count as available, except pgm/epgm, which need `pgm: true`.
 */
export function validate(doc: unknown, capabilities: Partial<Capabilities> = {}): Diagnostic[] {
  const loaded = loadTopology(doc);
  if (!loaded.topology) return loaded.diagnostics;
  return validateTopology(loaded.topology, capabilities);
}

/** The semantic checks on an already parsed topology. */
export function validateTopology(topology: Topology, capabilities: Partial<Capabilities> = {}): Diagnostic[] {
  const ctx: Ctx = { topology, capabilities, nodes: new Map(), resolved: [], out: [] };
  checkStructure(ctx);
  checkEndpoints(ctx);
  checkNodes(ctx);
  checkOptions(ctx);
  return ctx.out;
}
