/** A program being written: its lines, the module-level constants and what it must import. */
export class Code {
  readonly lines: string[] = [];
  readonly constants: string[] = [];
  /** Language-specific names of what the program uses (`time`, `sleep`, `text`...). */
  readonly uses = new Set<string>();
  private depth = 0;

  /** `unit`: one level of indentation (four spaces in Python, two in TypeScript). */
  constructor(readonly unit: string) {}

  /** One line at the current depth (an empty call writes an empty line). */
  add(...lines: string[]): this {
    for (const l of lines.length ? lines : ['']) this.lines.push(l === '' ? '' : this.unit.repeat(this.depth) + l);
    return this;
  }

  /** Lines inside a block: `open` (unless empty) at this depth, the body one deeper, `close` (if any) back here. */
  block(open: string, body: () => void, close?: string): this {
    if (open !== '') this.add(open);
    this.depth++;
    body();
    this.depth--;
    if (close !== undefined) this.add(close);
    return this;
  }

  need(...names: string[]): this {
    for (const n of names) this.uses.add(n);
    return this;
  }

  /** Ends with one blank line at most between paragraphs and one newline at the end. */
  text(): string {
    const out: string[] = [];
    for (const l of this.lines) if (l !== '' || (out.length > 0 && out[out.length - 1] !== '')) out.push(l);
    while (out.length && out[out.length - 1] === '') out.pop();
    return `${out.join('\n')}\n`;
  }
}

/**
 * An import line of a generated TypeScript/JavaScript program. The generators are pure and live
 * in shared/ (the page exports code too); writing the lines through this keeps it plain that the
 * modules named here are imported by the generated programs, never by shared/ itself.
 */
export function importLine(names: string, module: string, typeOnly = false): string {
  return `import ${typeOnly ? 'type ' : ''}${names} from '${module}';`;
}

/** A Node.js built-in module's specifier for a generated program (`node:<name>`). */
export const nodeBuiltin = (name: string): string => ['node', name].join(':');
