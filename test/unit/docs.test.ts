import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, validate } from '../../shared/validate';
import { BEHAVIOR_SOCKETS } from '../../shared/behaviors';
import { optionsFor } from '../../shared/socketOptions';
import { SOCKET_TYPES } from '../../shared/patterns';

/* docs/topology-format.md is the authoritative description: keep it in step with the code. */
const DOC = readFileSync(new URL('../../docs/topology-format.md', import.meta.url), 'utf8');
const JSON_BLOCKS = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/topology-format.md', () => {
  it('lists every diagnostic code in its table', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(DOC, code).toContain(`| \`${code}\` |`);
  });

  it('documents every behaviour and every socket option', () => {
    for (const type of Object.keys(BEHAVIOR_SOCKETS)) expect(DOC, type).toContain(`| \`${type}\` |`);
    const names = new Set(SOCKET_TYPES.flatMap((t) => optionsFor(t).map((o) => o.name)));
    for (const name of names) expect(DOC, name).toContain(`| \`${name}\` |`);
  });

  it('shows examples that validate with no findings', () => {
    expect(JSON_BLOCKS.length).toBeGreaterThanOrEqual(2);
    for (const block of JSON_BLOCKS) expect(validate(JSON.parse(block))).toEqual([]);
  });
});
