/**
 * Writes docs/topology.schema.json from the zod schema in shared/topology.ts, so editors can
 * complete and check topology files (`"$schema": "./topology.schema.json"`).
 * Run: npx tsx scripts/gen-schema.ts. test/unit/schema-file.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Topology, TOPOLOGY_FORMAT } from '../shared/topology';

export const SCHEMA_PATH = fileURLToPath(new URL('../docs/topology.schema.json', import.meta.url));

/** The schema document; `io: 'input'` because files may leave out fields that have defaults. */
export function buildSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(Topology, { io: 'input' });
  return {
    $schema,
    $id: 'urn:zmq-studio:topology:1',
    title: `zmq-studio topology (${TOPOLOGY_FORMAT})`,
    description:
      'A ZeroMQ topology for zmq-studio: socket, device, worker and external nodes wired by pattern-typed edges. See docs/topology-format.md.',
    ...rest,
  };
}

/** The file's exact text: stable key order and a final newline, so regenerating is a no-op. */
export function renderSchema(): string {
  return `${JSON.stringify(buildSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, renderSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
