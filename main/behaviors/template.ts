/**
 * A behaviour's payload template, split once per run instead of once per message. It makes the
 * same text as fillTemplate (shared/behaviors.ts): `{node}` is filled at once (it never changes
 * during a run), the names the behaviour passes per message are filled per message, and any other
 * name stays as written.
 */

/** What a behaviour can fill in per message. */
export interface MessageValues {
  i: number;
  msg?: string;
  topic?: string;
}

export type MessageName = keyof MessageValues;

/**
 * Splits `template` for a behaviour that fills `names` per message. The result renders one
 * message with string concatenation only: no lookups by name, no object per message.
 */
export function compileTemplate(template: string, node: string, names: readonly MessageName[]): (values: MessageValues) => string {
  // Even indexes are literal text, odd ones placeholder names (the split fillTemplate does).
  const parts = template.split(/\{(\w+)\}/);
  const literals = [parts[0]];
  const slots: MessageName[] = [];
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k];
    const slot = names.find((n) => n === name);
    if (slot) {
      slots.push(slot);
      literals.push(parts[k + 1]);
    } else {
      literals[literals.length - 1] += (name === 'node' ? node : `{${name}}`) + parts[k + 1];
    }
  }
  if (slots.length === 0) return () => literals[0];
  if (slots.length === 1) {
    const [before, after] = literals;
    const slot = slots[0];
    return (values) => before + valueOf(values, slot) + after;
  }
  return (values) => {
    let out = literals[0];
    for (let k = 0; k < slots.length; k++) out += valueOf(values, slots[k]) + literals[k + 1];
    return out;
  };
}

function valueOf(values: MessageValues, name: MessageName): string {
  switch (name) {
    case 'i':
      return String(values.i);
    case 'msg':
      return String(values.msg);
    case 'topic':
      return String(values.topic);
  }
}
