import { memo, useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../../store/appStore';
import { displayName } from '../../../shared/topology';
import type { Topology } from '../../../shared/topology';
import type { TraceRecord } from '../../../shared/trace';
import { recentHops } from './hops';
import type { Hop } from './hops';

function label(t: Topology, r: TraceRecord): string {
  const node = t.nodes.find((n) => n.id === r.node);
  const name = node ? displayName(node) : r.node;
  return r.port ? `${name} (${r.port})` : name;
}

const HopRow = memo(function HopRow({ hop, n, topology, selected }: { hop: Hop; n: number; topology: Topology; selected: boolean }) {
  const to = hop.receives.length > 0 ? hop.receives.map((r) => label(topology, r)).join(', ') : '…';
  return (
    <li>
      <button type="button" className={`zs-hop${selected ? ' selected' : ''}`} data-testid="hop" data-seq={hop.send.seq}
        onClick={() => appStore.getState().selectRecord(hop.send.seq, hop.send.msg)}>
        <span className="zs-hop-n">{n}</span>
        <span className="zs-hop-path">
          {label(topology, hop.send)} → {to} <span className="zs-hop-payload">“{hop.send.preview}”</span>
        </span>
        <span className="zs-hop-why">{hop.explanation}</span>
      </button>
    </li>
  );
});

/**
 * Every hop of the run, newest last, each with why it went where it went. While stepping, each
 * step adds one; Back/Next walk through earlier hops (the route view and canvas follow).
 */
export const HopsPanel = memo(function HopsPanel() {
  const { version, topology, selectedSeq, state, playing, playDelayMs } = useAppStore(
    useShallow((s) => ({ version: s.traceVersion, topology: s.topology, selectedSeq: s.selectedSeq, state: s.runState, playing: s.playing, playDelayMs: s.playDelayMs })),
  );
  const hops = useMemo(() => (version >= 0 ? recentHops(appStore.getState().trace, topology) : []), [version, topology]);
  const list = useRef<HTMLOListElement>(null);
  const at = hops.findIndex((h) => h.send.seq === selectedSeq);
  useEffect(() => {
    // Follow the newest hop unless the user went back to an earlier one.
    if (at === -1) list.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [hops, at]);
  const go = (i: number) => {
    const h = hops[i];
    if (h) appStore.getState().selectRecord(h.send.seq, h.send.msg);
  };
  const s = () => appStore.getState();
  return (
    <section className="zs-panel zs-hops" aria-label="Hops" data-testid="hops">
      <div className="zs-hops-bar">
        <button type="button" onClick={() => go(at === -1 ? hops.length - 2 : at - 1)} disabled={hops.length === 0 || at === 0} data-testid="hop-back" title="show the previous hop">◀ Back</button>
        <button type="button" onClick={() => go(at + 1)} disabled={at === -1 || at >= hops.length - 1} data-testid="hop-next" title="show the next hop">Next ▶</button>
        <span className="zs-sep" />
        <button type="button" onClick={() => void s().stepRun()} disabled={state !== 'paused' || playing} data-testid="hop-step" title="let exactly the next hop go (F7)">Step</button>
        <button type="button" onClick={() => (playing ? s().stopPlaying() : void s().playRun())} disabled={state !== 'paused'} data-testid="hop-play">
          {playing ? '‖ Stop playing' : '▶ Play'}
        </button>
        <label className="zs-run-option">
          pace
          <select value={playDelayMs} onChange={(e) => s().setPlayDelay(Number(e.target.value))} data-testid="hop-pace">
            <option value={1500}>slow (1.5 s)</option>
            <option value={600}>normal (0.6 s)</option>
            <option value={150}>fast (0.15 s)</option>
          </select>
        </label>
        <span className="zs-muted">
          {state === 'paused' ? 'paused: each Step lets one message go' : state === 'running' ? 'running: Pause (F6), then Step hop by hop' : 'tick "step" beside Run to start a run paused'}
        </span>
      </div>
      {hops.length === 0 ? (
        <p className="zs-muted">No hop yet. A hop is one message leaving one socket; each is explained here.</p>
      ) : (
        <ol className="zs-hop-list" ref={list}>
          {hops.map((h, i) => (
            <HopRow key={h.send.seq} hop={h} n={i + 1} topology={topology} selected={h.send.seq === selectedSeq} />
          ))}
        </ol>
      )}
    </section>
  );
});
