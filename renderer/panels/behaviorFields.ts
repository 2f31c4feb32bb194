/**
 * The editable fields of each behaviour, read from the shared zod schemas (so the inspector can
 * never drift from the file format), and the text <-> value conversions of the inspector.
 */
import type { z } from 'zod';
import type { Behavior, BehaviorType } from '../../shared/behaviors';
import { Behavior as BehaviorSchema } from '../../shared/behaviors';

export type FieldKind = 'number' | 'string' | 'boolean' | 'enum' | 'list';

export interface BehaviorField {
  key: string;
  kind: FieldKind;
  optional: boolean;
  description?: string;
  options?: readonly string[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
}

function describeField(key: string, schema: z.ZodType): BehaviorField {
  const description = schema.description;
  let t = schema;
  let optional = false;
  for (;;) {
    const def = t.def as unknown as Def;
    if ((def.type === 'default' || def.type === 'optional') && def.innerType) {
      optional ||= def.type === 'optional';
      t = def.innerType;
    } else break;
  }
  const type = (t.def as unknown as Def).type;
  const kind: FieldKind = type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : type === 'enum' ? 'enum' : type === 'array' ? 'list' : 'string';
  const options = kind === 'enum' ? ((t as unknown as { options: string[] }).options ?? []) : undefined;
  return { key, kind, optional, description, options };
}

const SCHEMAS = new Map<string, z.ZodObject>(
  BehaviorSchema.options.map((o) => [String((o.shape.type as unknown as { value: string }).value), o as unknown as z.ZodObject]),
);

/** The fields of a behaviour type, in schema order, without `type`. */
export function fieldsOf(type: BehaviorType): BehaviorField[] {
  const schema = SCHEMAS.get(type);
  if (!schema) return [];
  return Object.entries(schema.shape)
    .filter(([key]) => key !== 'type')
    .map(([key, s]) => describeField(key, s as z.ZodType));
}

/** A field's value as the text shown in its input. Lists are JSON arrays, so "" stays visible. */
export function toText(field: BehaviorField, value: unknown): string {
  if (value === undefined) return '';
  if (field.kind === 'list') return JSON.stringify(value);
  return String(value);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** Text -> value for a field; '' unsets an optional field. */
export function fromText(field: BehaviorField, text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '' && field.optional) return { ok: true, value: undefined };
  switch (field.kind) {
    case 'number': {
      if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return { ok: false, error: 'enter a number' };
      return { ok: true, value: Number(trimmed) };
    }
    case 'list': {
      try {
        const v: unknown = JSON.parse(trimmed === '' ? '[]' : trimmed);
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { ok: true, value: v };
      } catch {
        // fall through to the message
      }
      return { ok: false, error: 'a JSON list of strings, e.g. ["weather", ""]' };
    }
    case 'boolean':
      return { ok: true, value: trimmed === 'true' };
    default:
      return { ok: true, value: text };
  }
}

/**
 * The behaviour with one field set, checked against the schema: the new behaviour, or the error
 * message that field would get (e.g. count -3: "Too small: expected number to be >=0").
 */
export function withField(b: Behavior, field: BehaviorField, text: string): { ok: true; behavior: Behavior } | { ok: false; error: string } {
  const parsed = fromText(field, text);
  if (!parsed.ok) return parsed;
  const candidate: Record<string, unknown> = { ...b, [field.key]: parsed.value };
  if (parsed.value === undefined) delete candidate[field.key];
  const result = BehaviorSchema.safeParse(candidate);
  if (result.success) return { ok: true, behavior: result.data };
  const issue = result.error.issues.find((i) => i.path[0] === field.key) ?? result.error.issues[0];
  return { ok: false, error: issue.message };
}
