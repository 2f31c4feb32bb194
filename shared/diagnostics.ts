/** A finding about a topology: what is wrong, where, and what to do about it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine-readable kind, e.g. `pattern-mismatch`. */
  code: string;
  message: string;
  hint: string;
  nodeId?: string;
  edgeId?: string;
  /** JSON path into the topology document, e.g. `nodes[2].behavior.count`. */
  field?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** One line for a terminal: `error [edge e1] nodes[0].socket: message (hint)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.edgeId ? ` [edge ${d.edgeId}]` : d.nodeId ? ` [node ${d.nodeId}]` : '';
  const field = d.field ? ` ${d.field}:` : '';
  return `${d.severity}${where}${field} ${d.message}${d.hint ? ` — hint: ${d.hint}` : ''}`;
}

/** `['nodes', 2, 'socket']` -> `nodes[2].socket` */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(document)' : out;
}
