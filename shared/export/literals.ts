/**
 * Payload templates written out as code: `msg {i}` becomes f"msg {i}" in Python and `msg ${i}`
 * in TypeScript; values known at export time (`{node}`, a single topic) are written in place,
 * unknown names stay as written, exactly as fillTemplate (shared/behaviors.ts) treats them.
 */

/** A placeholder's value: text known now, or an expression evaluated per message. */
export type Slot = { text: string } | { expr: string };

type Piece = { text: string } | { expr: string };

/** Splits a template like fillTemplate does and resolves its placeholders. */
export function pieces(template: string, slots: Record<string, Slot>): Piece[] {
  const parts = template.split(/\{(\w+)\}/);
  const out: Piece[] = [];
  const text = (t: string): void => {
    if (t === '') return;
    const last = out[out.length - 1];
    if (last && 'text' in last) last.text += t;
    else out.push({ text: t });
  };
  parts.forEach((part, k) => {
    if (k % 2 === 0) return text(part);
    const slot = Object.prototype.hasOwnProperty.call(slots, part) ? slots[part] : undefined;
    if (slot === undefined) text(`{${part}}`);
    else if ('text' in slot) text(slot.text);
    else out.push({ expr: slot.expr });
  });
  return out;
}

/** A template as a Python expression: a plain string, a lone variable, or an f-string. */
export function pyTemplate(template: string, slots: Record<string, Slot>): string {
  const ps = pieces(template, slots);
  if (ps.length === 0) return '""';
  if (ps.length === 1 && 'expr' in ps[0]) return ps[0].expr;
  if (ps.every((p) => 'text' in p)) return pyString(ps.map((p) => ('text' in p ? p.text : '')).join(''));
  const body = ps.map((p) => ('text' in p ? pyEscape(p.text).replace(/[{}]/g, (c) => c + c) : `{${p.expr}}`)).join('');
  return `f"${body}"`;
}

/** A template as a TypeScript expression: a plain string, a lone variable, or a template literal. */
export function tsTemplate(template: string, slots: Record<string, Slot>): string {
  const ps = pieces(template, slots);
  if (ps.length === 0) return "''";
  if (ps.length === 1 && 'expr' in ps[0]) return ps[0].expr;
  if (ps.every((p) => 'text' in p)) return tsString(ps.map((p) => ('text' in p ? p.text : '')).join(''));
  const body = ps.map((p) => ('text' in p ? tsTemplateEscape(p.text) : `\${${p.expr}}`)).join('');
  return `\`${body}\``;
}

/** Whether a template uses a placeholder (to declare only the variables it needs). */
export function uses(template: string, name: string): boolean {
  return template.split(/\{(\w+)\}/).some((part, k) => k % 2 === 1 && part === name);
}

/** Control characters and the two line separators JavaScript strings may not hold raw. */
const CONTROL = /[^\x20-\x7e\x80-\u2027\u202a-\uffff]/g;

function hex(c: string, width: number): string {
  return c.charCodeAt(0).toString(16).padStart(width, '0');
}

function pyEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(CONTROL, (c) => NAMED[c] ?? (c.charCodeAt(0) > 0xff ? `\\u${hex(c, 4)}` : `\\x${hex(c, 2)}`));
}

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A Python string literal (double quotes, as black writes them). */
export function pyString(s: string): string {
  return `"${pyEscape(s)}"`;
}

function tsEscapeControls(s: string): string {
  return s.replace(CONTROL, (c) => NAMED[c] ?? (c.charCodeAt(0) > 0xff ? `\\u${hex(c, 4)}` : `\\x${hex(c, 2)}`));
}

/** A TypeScript string literal (single quotes, as the project's prettier writes them). */
export function tsString(s: string): string {
  return `'${tsEscapeControls(s.replace(/\\/g, '\\\\').replace(/'/g, "\\'"))}'`;
}

function tsTemplateEscape(s: string): string {
  return tsEscapeControls(s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${'));
}

/** `name = [...]` with the items one per line when they would not fit on one line. */
export function listLines(
  head: string,
  items: readonly string[],
  quote: (s: string) => string,
  unit: string,
  tail = '',
): string[] {
  const quoted = items.map(quote);
  const flat = `${head}[${quoted.join(', ')}]${tail}`;
  if (flat.length <= 100) return [flat];
  return [`${head}[`, ...quoted.map((q) => `${unit}${q},`), `]${tail}`];
}

/** Milliseconds as seconds for Python's time.sleep (5 -> 0.005). */
export function seconds(ms: number): string {
  return String(ms / 1000);
}

/** Text for a `#` or `//` comment: line breaks and control characters become spaces. */
export function oneLine(s: string): string {
  return s.replace(CONTROL, ' ');
}

/** Text inside a Python docstring: one line, backslashes doubled, never three quotes in a row. */
export function pyDoc(s: string): string {
  return oneLine(s).replace(/\\/g, '\\\\').replace(/"""/g, '""\\"');
}

/** Text inside a `/** ... *\/` comment: one line that cannot close it. */
export function tsDoc(s: string): string {
  return oneLine(s).replace(/\*\//g, '*\\/');
}
