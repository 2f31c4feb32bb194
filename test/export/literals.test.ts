/**
 * Payload templates written as code mean what fillTemplate means: each generated Python f-string
 * is evaluated by /usr/bin/python3 and each TypeScript template literal by this process, and both
 * must equal fillTemplate's text, whatever quotes, braces, backslashes or line breaks they hold.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../shared/behaviors';
import { oneLine, pyDoc, pyTemplate, tsDoc, tsTemplate } from '../../shared/export/literals';
import type { Slot } from '../../shared/export/literals';
import { PYTHON } from './launch';

const TEMPLATES = [
  'msg {i}',
  'World',
  '{msg}',
  '',
  '{msg} done by {node}',
  'quotes " \' ` and ${not a placeholder} $ {',
  'braces {{i}} } { {unknown} {i}{i}',
  'back\\slash \\n \\{i} and a tab\there',
  'lines\nand\r\nseparators \u2028 \u2029 \u0001 \u007f',
  'unicode é ✓ 𝄞 {node}',
];
const NODE = 'n "1" \\ {i} `x` ${y}';
const VALUES = { i: 7, msg: 'm {i} "q" \\', node: NODE };
const slots = (): Record<string, Slot> => ({ i: { expr: 'i' }, msg: { expr: 'msg' }, node: { text: NODE } });

describe('templates as code', () => {
  it("TypeScript template literals evaluate to fillTemplate's text", () => {
    for (const t of TEMPLATES) {
      const code = tsTemplate(t, slots());
      const value = new Function('i', 'msg', `return ${code};`)(VALUES.i, VALUES.msg) as unknown;
      expect(String(value), `${t} -> ${code}`).toBe(fillTemplate(t, VALUES));
    }
  });

  it("Python f-strings evaluate to fillTemplate's text", () => {
    const lines = [
      'import json',
      `i = ${VALUES.i}`,
      `msg = ${JSON.stringify(VALUES.msg)}`,
      `print(json.dumps([str(x) for x in [${TEMPLATES.map((t) => pyTemplate(t, slots())).join(', ')}]]))`,
    ];
    const out = execFileSync(PYTHON, ['-c', lines.join('\n')], { encoding: 'utf8', timeout: 20_000 });
    expect(JSON.parse(out)).toEqual(TEMPLATES.map((t) => fillTemplate(t, VALUES)));
  });

  it('keeps comments and docstrings closed and on one line', () => {
    expect(oneLine('a\nb\u2028c')).toBe('a b c');
    expect(tsDoc('ends */ here')).toBe('ends *\\/ here');
    expect(pyDoc('say """hi""" \\ there')).toBe('say ""\\"hi""\\" \\\\ there');
  });
});
