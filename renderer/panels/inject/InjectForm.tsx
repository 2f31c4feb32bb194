import { memo, useId, useState } from 'react';
import type { TopologyNode } from '../../../shared/topology';
import { appStore, useAppStore } from '../../store/appStore';
import type { PayloadKind } from './injectForm';
import { MAX_FRAMES, PAYLOAD_KINDS, buildInject, frameError, injectHint, injectTargets } from './injectForm';

const KIND_LABEL: Record<PayloadKind, string> = { text: 'text', json: 'JSON', hex: 'hex' };

/** `since`: run errors before the send, so only this send's error event gives the hint. */
type Outcome = { msg: number } | { error: string; since: number };

/** Send a message by hand from this node while a run is live; the engine traces it like any other. */
export const InjectForm = memo(function InjectForm({ node }: { node: TopologyNode }) {
  const live = useAppStore((s) => s.runState === 'running' || s.runState === 'paused');
  return live ? <InjectFields key={node.id} node={node} /> : null;
});

function InjectFields({ node }: { node: TopologyNode }) {
  const id = useId();
  const targets = injectTargets(node);
  const [port, setPort] = useState(targets.ports[0]?.port ?? '');
  const [kind, setKind] = useState<PayloadKind>('text');
  const [frames, setFrames] = useState<string[]>(['']);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const hint = useAppStore((s) =>
    outcome && 'error' in outcome ? injectHint(s.runErrors, node.id, outcome.since) : undefined,
  );

  if (targets.ports.length === 0) {
    return (
      <section className="zs-inject" data-testid="inject">
        <h2>Inject</h2>
        <p className="zs-muted" data-testid="inject-unavailable">
          {targets.reason}
        </p>
      </section>
    );
  }

  const errors = frames.map((f) => frameError(f, kind));
  const setFrame = (i: number, text: string) => setFrames(frames.map((f, k) => (k === i ? text : f)));
  const send = async () => {
    const built = buildInject(node.id, port, frames, kind);
    const { engine, connection, runErrors } = appStore.getState();
    const since = runErrors.length;
    if (!built.ok) return setOutcome({ error: built.error ?? 'fix the frames marked in red', since });
    if (!engine || connection !== 'connected') return setOutcome({ error: 'not connected to the engine', since });
    setBusy(true);
    try {
      setOutcome({ msg: (await engine.inject(built.request)).msg });
    } catch (err) {
      setOutcome({ error: (err as Error).message, since });
    } finally {
      setBusy(false);
    }
  };
  const showRoute = (msg: number) => {
    appStore.getState().setRouteMsg(msg);
    appStore.getState().setDockTab('route');
  };

  return (
    <section className="zs-inject" data-testid="inject">
      <h2>Inject a message</h2>
      {targets.ports.length > 1 || targets.ports[0].port !== '' ? (
        <div className="zs-field">
          <label htmlFor={`${id}-port`}>from port</label>
          <select
            id={`${id}-port`}
            className="zs-input"
            value={port}
            data-testid="inject-port"
            onChange={(e) => setPort(e.target.value)}
          >
            {targets.ports.map((p) => (
              <option key={p.port} value={p.port}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="zs-inject-kinds" role="radiogroup" aria-label="payload as">
        {PAYLOAD_KINDS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === k}
              data-testid={`inject-kind-${k}`}
              onChange={() => setKind(k)}
            />{' '}
            {KIND_LABEL[k]}
          </label>
        ))}
      </div>
      {frames.map((f, i) => (
        <div className="zs-field zs-inject-frame" key={i}>
          <label htmlFor={`${id}-f${i}`}>
            frame {i}
            {frames.length > 1 ? (
              <button
                type="button"
                className="zs-inject-remove"
                onClick={() => setFrames(frames.filter((_, k) => k !== i))}
                title="remove this frame"
                data-testid={`inject-remove-${i}`}
              >
                ✕
              </button>
            ) : null}
          </label>
          <textarea
            id={`${id}-f${i}`}
            rows={2}
            spellCheck={false}
            value={f}
            aria-invalid={errors[i] !== undefined}
            className={errors[i] ? 'zs-input zs-invalid' : 'zs-input'}
            data-testid={`inject-frame-${i}`}
            placeholder={kind === 'hex' ? 'de ad be ef' : kind === 'json' ? '{"hello": "world"}' : 'hello'}
            onChange={(e) => setFrame(i, e.target.value)}
          />
          {errors[i] ? (
            <div className="zs-field-error" role="alert" data-testid={`inject-error-${i}`}>
              {errors[i]}
            </div>
          ) : null}
        </div>
      ))}
      <div className="zs-inject-actions">
        <button
          type="button"
          onClick={() => setFrames([...frames, ''])}
          disabled={frames.length >= MAX_FRAMES}
          data-testid="inject-add-frame"
          title="a multipart message: one more frame"
        >
          + frame
        </button>
        <button
          type="button"
          className="zs-inject-send"
          onClick={() => void send()}
          disabled={busy || errors.some((e) => e !== undefined)}
          data-testid="inject-send"
        >
          Send
        </button>
      </div>
      {outcome && 'msg' in outcome ? (
        <div className="zs-inject-result" data-testid="inject-result">
          sent · msg {outcome.msg}{' '}
          <button type="button" className="zs-link" onClick={() => showRoute(outcome.msg)}>
            show route
          </button>
        </div>
      ) : outcome ? (
        <div className="zs-field-error" role="alert" data-testid="inject-refused">
          refused: {outcome.error}
          {hint ? (
            <div className="zs-inject-hint" data-testid="inject-hint">
              {hint}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
