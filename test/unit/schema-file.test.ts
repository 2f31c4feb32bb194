import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, buildSchema, renderSchema } from '../../scripts/gen-schema';

describe('docs/topology.schema.json', () => {
  it('matches the zod schema (run `npx tsx scripts/gen-schema.ts` after changing shared/topology.ts)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(renderSchema());
  });

  it('names itself and the format it describes', () => {
    const schema = buildSchema();
    expect(schema.$id).toBe('urn:zmq-studio:topology:1');
    expect(schema.title).toBe('zmq-studio topology (zmq-studio.topology/1)');
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
  });

  it('lets a file point at it with "$schema" and omit defaulted fields', () => {
    const schema = buildSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toContain('$schema');
    expect(schema.required).toEqual(['format', 'nodes', 'edges']);
  });
});
