/** From a lesson's topology reference to the document a host opens or runs. Pure. */
import { findExample } from '../examples';
import type { TopologyInput } from '../topology';
import type { Lesson, TopologyRef } from './types';

/** A fresh copy of the referenced topology (callers may change it). Throws on an unknown example id: a bug in the course. */
export function resolveTopology(ref: TopologyRef): TopologyInput {
  if ('topology' in ref) return structuredClone(ref.topology);
  const example = findExample(ref.example);
  if (!example) throw new Error(`the course names an example that does not exist: ${ref.example}`);
  return structuredClone(example.topology);
}

/** The topology a lesson opens on the canvas: its first run's. */
export function lessonTopology(lesson: Lesson): TopologyInput {
  return resolveTopology(lesson.runs[0].topology);
}

/**
 * Makes every ipc path and inproc name of a document unique to one run (`-<tag>` appended), so
 * lessons run side by side (tests, two terminals) never bind the same file. Tcp is left alone:
 * the engine's free ports take care of it. Anything that is not a topology passes unchanged.
 */
export function uniqueLocalEndpoints<T>(doc: T, tag: string): T {
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { edges?: unknown }).edges)) return doc;
  const copy = structuredClone(doc) as T & { edges: { endpoint?: unknown }[] };
  for (const edge of copy.edges) {
    if (typeof edge !== 'object' || edge === null || typeof edge.endpoint !== 'string') continue;
    edge.endpoint = tagged(edge.endpoint, tag);
  }
  return copy;
}

function tagged(endpoint: string, tag: string): string {
  if (endpoint.startsWith('inproc://')) return `${endpoint}-${tag}`;
  if (!endpoint.startsWith('ipc://')) return endpoint;
  const m = /^(.*?)(\.ipc)?$/.exec(endpoint) as RegExpExecArray;
  return `${m[1]}-${tag}${m[2] ?? ''}`;
}
