/** Turning text or parsed JSON into a checked Topology, with diagnostics instead of exceptions. */
import type { Diagnostic } from './diagnostics';
import { jsonPath } from './diagnostics';
import { Topology, TOPOLOGY_FORMAT } from './topology';

export interface LoadResult {
  topology?: Topology;
  diagnostics: Diagnostic[];
}

/** Parses a topology document from JSON text; never throws. */
export function loadTopologyText(text: string): LoadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'invalid-json',
          field: '(document)',
          message: `not valid JSON: ${(err as Error).message}`,
          hint: 'a topology file is one JSON object; check for trailing commas and unquoted keys',
        },
      ],
    };
  }
  return loadTopology(doc);
}

/** Checks a parsed document against the schema; never throws. */
export function loadTopology(doc: unknown): LoadResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'not-an-object',
          field: '(document)',
          message: 'a topology document must be a JSON object',
          hint: `start from {"format": "${TOPOLOGY_FORMAT}", "nodes": [], "edges": []}`,
        },
      ],
    };
  }
  const format = (doc as Record<string, unknown>).format;
  if (format !== TOPOLOGY_FORMAT) {
    return {
      diagnostics: [
        {
          severity: 'error',
          code: 'unknown-format',
          field: 'format',
          message:
            format === undefined
              ? 'the document has no "format" field'
              : `unsupported format ${JSON.stringify(format).slice(0, 80)}`,
          hint: `this version reads "${TOPOLOGY_FORMAT}"`,
        },
      ],
    };
  }
  const parsed = Topology.safeParse(doc);
  if (parsed.success) return { topology: parsed.data, diagnostics: [] };
  return { diagnostics: parsed.error.issues.slice(0, 50).map((issue) => schemaDiagnostic(doc, issue)) };
}

interface Issue {
  path: PropertyKey[];
  message: string;
  code: string;
}

function schemaDiagnostic(doc: unknown, issue: Issue): Diagnostic {
  const d: Diagnostic = {
    severity: 'error',
    code: 'schema',
    field: jsonPath(issue.path),
    message: issue.message,
    hint: schemaHint(issue),
  };
  // Name the node or edge the path points into, when it has a usable id.
  const [list, index] = issue.path;
  if ((list === 'nodes' || list === 'edges') && typeof index === 'number') {
    const item = (doc as Record<string, unknown[]>)[list]?.[index];
    const itemId = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).id : undefined;
    if (typeof itemId === 'string') {
      if (list === 'nodes') d.nodeId = itemId;
      else d.edgeId = itemId;
    }
  }
  return d;
}

function schemaHint(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_union':
      return 'check the "kind" of the node or the "type" of the behaviour against docs/topology-format.md';
    case 'unrecognized_keys':
      return 'remove the unknown field, or check its spelling in docs/topology-format.md';
    case 'invalid_value':
      return 'use one of the listed values';
    default:
      return 'see docs/topology-format.md for this field';
  }
}
