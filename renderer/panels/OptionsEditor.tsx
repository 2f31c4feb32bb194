import { memo } from 'react';
import type { SocketType } from '../../shared/patterns';
import type { OptionInfo } from '../../shared/socketOptions';
import { optionsFor } from '../../shared/socketOptions';
import { Field, SelectField } from './Field';

type Options = Record<string, number | boolean | string>;

function check(o: OptionInfo, text: string): { ok: true; value: number | string | undefined } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  if (o.type === 'string') return { ok: true, value: text };
  if (!/^[-+]?\d+$/.test(text.trim())) return { ok: false, error: `${o.name} is a whole number` };
  const n = Number(text);
  if (o.min !== undefined && n < o.min) return { ok: false, error: `${o.name} is at least ${o.min}` };
  return { ok: true, value: n };
}

/** The options this socket type accepts (and only those), with the ZMQ option name as help. */
export const OptionsEditor = memo(function OptionsEditor(props: { title: string; type: SocketType; options: Options | undefined; onChange(o: Options | undefined): void }) {
  const { type, options = {}, onChange } = props;
  const set = (name: string, value: number | boolean | string | undefined) => {
    const next: Options = { ...options };
    if (value === undefined) delete next[name];
    else next[name] = value;
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  const infos = optionsFor(type);
  const count = infos.filter((o) => options[o.name] !== undefined).length;
  return (
    <details className="zs-group zs-options">
      <summary>
        {props.title} ({type}){count > 0 ? ` · ${count} set` : ''}
      </summary>
      {infos.map((o) =>
        o.type === 'boolean' ? (
          <SelectField<string>
            key={o.name}
            label={o.name}
            value={options[o.name] === undefined ? '' : String(options[o.name])}
            options={[{ value: '', label: 'default' }, { value: 'true', label: 'true' }, { value: 'false', label: 'false' }]}
            help={<OptionHelp o={o} />}
            onChange={(v) => set(o.name, v === '' ? undefined : v === 'true')}
          />
        ) : (
          <Field
            key={o.name}
            label={o.name}
            value={options[o.name] === undefined ? '' : String(options[o.name])}
            placeholder="default"
            help={<OptionHelp o={o} />}
            validate={(text) => {
              const r = check(o, text);
              return r.ok ? undefined : r.error;
            }}
            onCommit={(text) => {
              const r = check(o, text);
              if (r.ok) set(o.name, r.value);
            }}
          />
        ),
      )}
    </details>
  );
});

function OptionHelp({ o }: { o: OptionInfo }) {
  return (
    <>
      <code>{o.zmq}</code> {o.summary}
    </>
  );
}
