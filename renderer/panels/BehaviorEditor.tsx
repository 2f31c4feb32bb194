import { memo } from 'react';
import type { Behavior, BehaviorType } from '../../shared/behaviors';
import { BEHAVIOR_SOCKETS } from '../../shared/behaviors';
import type { SocketType } from '../../shared/patterns';
import { behaviorWithDefaults } from '../store/nodeFactory';
import { Field, SelectField } from './Field';
import type { BehaviorField } from './behaviorFields';
import { fieldsOf, toText, withField } from './behaviorFields';

const NONE = 'none';

/** The behaviour type (only those that fit the socket) and its parameters, each with inline errors. */
export const BehaviorEditor = memo(function BehaviorEditor(props: {
  socket?: SocketType;
  behavior: Behavior | undefined;
  onChange(b: Behavior | undefined): void;
}) {
  const { socket, behavior, onChange } = props;
  const types = (Object.keys(BEHAVIOR_SOCKETS) as BehaviorType[]).filter(
    (t) => t !== 'work' && t !== 'manual' && socket !== undefined && BEHAVIOR_SOCKETS[t].includes(socket),
  );
  return (
    <div className="zs-group">
      {socket !== undefined && (
        <SelectField<string>
          label="behaviour"
          value={behavior?.type ?? NONE}
          testId="behavior-type"
          options={[{ value: NONE, label: 'manual (inject only)' }, ...types.map((t) => ({ value: t, label: t }))]}
          onChange={(v) => onChange(v === NONE ? undefined : behaviorWithDefaults(v as BehaviorType))}
        />
      )}
      {behavior && fieldsOf(behavior.type).map((f) => <BehaviorParam key={`${behavior.type}.${f.key}`} field={f} behavior={behavior} onChange={onChange} />)}
    </div>
  );
});

function BehaviorParam({ field, behavior, onChange }: { field: BehaviorField; behavior: Behavior; onChange(b: Behavior): void }) {
  const value = (behavior as Record<string, unknown>)[field.key];
  if (field.kind === 'boolean' || field.kind === 'enum') {
    const options = field.kind === 'boolean' ? ['true', 'false'] : (field.options ?? []);
    return (
      <SelectField<string>
        label={field.key}
        value={String(value)}
        options={options.map((o) => ({ value: o, label: o }))}
        help={field.description}
        onChange={(text) => {
          const r = withField(behavior, field, text);
          if (r.ok) onChange(r.behavior);
        }}
      />
    );
  }
  return (
    <Field
      label={field.key}
      value={toText(field, value)}
      help={field.description ?? (field.optional ? 'empty: unset' : undefined)}
      testId={`behavior-${field.key}`}
      placeholder={field.optional ? 'unset' : undefined}
      validate={(text) => {
        const r = withField(behavior, field, text);
        return r.ok ? undefined : r.error;
      }}
      onCommit={(text) => {
        const r = withField(behavior, field, text);
        if (r.ok) onChange(r.behavior);
      }}
    />
  );
}
