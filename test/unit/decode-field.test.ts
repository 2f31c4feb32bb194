// The node field `decode`: schema, round trip, JSON Schema, and the edit lock's view-only rule.
import { describe, expect, it } from 'vitest';
import { loadTopology, loadTopologyText } from '../../shared/load';
import { PAYLOAD_DECODERS, Topology } from '../../shared/topology';
import type { TopologyInput } from '../../shared/topology';
import { findExample } from '../../shared/examples';
import { buildSchema } from '../../scripts/gen-schema';
import { createAppStore } from '../../renderer/store/createAppStore';
import { RUN_LOCK_REASON } from '../../renderer/store/topologySlice';
import { sameExceptViewFields } from '../../renderer/store/docOps';
import { decodePatch, decoderOf } from '../../renderer/panels/trace/decode';

const doc = (decode: unknown): unknown => ({
  format: 'zmq-studio.topology/1',
  nodes: [
    { id: 's', kind: 'socket', socket: 'PUSH', decode },
    { id: 'd', kind: 'device', device: 'streamer', decode },
    { id: 'w', kind: 'worker', decode },
    { id: 'x', kind: 'external', socket: 'PULL', decode },
  ],
  edges: [],
});

describe('node field "decode"', () => {
  it('accepts every decoder on every node kind', () => {
    for (const d of PAYLOAD_DECODERS) {
      const t = Topology.parse(doc(d));
      expect(t.nodes.map((n) => n.decode)).toEqual([d, d, d, d]);
    }
  });

  it('rejects other values, naming the field', () => {
    for (const bad of ['yaml', 'Hex', 1, null]) {
      const r = loadTopology(doc(bad));
      expect(r.topology, String(bad)).toBeUndefined();
      expect(r.diagnostics.some((d) => d.field?.includes('decode')), JSON.stringify(r.diagnostics)).toBe(true);
    }
  });

  it('is optional: absent means auto and stays absent', () => {
    const t = Topology.parse(findExample('hello-world')!.topology);
    expect(t.nodes.every((n) => !('decode' in n))).toBe(true);
    expect(decoderOf(t.nodes[0])).toBe('auto');
    expect(decoderOf(undefined)).toBe('auto');
  });

  it('survives a save and an open unchanged', () => {
    const input: TopologyInput = { ...findExample('hello-world')!.topology };
    input.nodes = input.nodes.map((n) => (n.id === 'hwserver' ? { ...n, decode: 'msgpack' as const } : n));
    const first = loadTopology(input).topology!;
    const text = JSON.stringify(first, null, 2);
    expect(text).toContain('"decode": "msgpack"');
    const again = loadTopologyText(text).topology!;
    expect(again).toEqual(first);
    expect(decoderOf(again.nodes.find((n) => n.id === 'hwserver'))).toBe('msgpack');
    expect(decoderOf(again.nodes.find((n) => n.id === 'hwclient'))).toBe('auto');
  });

  it('is in the generated JSON Schema of every node kind, with its five values', () => {
    const text = JSON.stringify(buildSchema());
    const enums = [...text.matchAll(/"decode":\{"type":"string","enum":(\[[^\]]*\])\}/g)].map((m) => JSON.parse(m[1]) as string[]);
    expect(enums).toHaveLength(4);
    for (const e of enums) expect(e).toEqual(['auto', 'text', 'json', 'hex', 'msgpack']);
  });
});

describe('choosing a decoder in the document', () => {
  it('auto leaves the file; the others are written', () => {
    expect(decodePatch('auto')).toEqual({ decode: undefined });
    expect(decodePatch('hex')).toEqual({ decode: 'hex' });
    const store = createAppStore();
    store.getState().loadTopology(findExample('hello-world')!.topology);
    store.getState().updateNode('hwserver', decodePatch('hex'));
    expect(store.getState().topology.nodes.find((n) => n.id === 'hwserver')?.decode).toBe('hex');
    store.getState().updateNode('hwserver', decodePatch('auto'));
    expect(store.getState().topology.nodes.find((n) => n.id === 'hwserver')).not.toHaveProperty('decode');
  });

  it('is allowed while a run is going and undoable, where other edits are refused', () => {
    const store = createAppStore();
    store.getState().loadTopology(findExample('hello-world')!.topology);
    const before = store.getState().topology;
    store.getState().setRunState(1, 'running');
    store.getState().updateNode('hwserver', decodePatch('hex'));
    const server = () => store.getState().topology.nodes.find((n) => n.id === 'hwserver');
    expect(server()?.decode).toBe('hex');
    expect(store.getState().notice).toBeUndefined();
    // Options are not view-only: refused, with the reason, and the decoder stays.
    store.getState().updateNode('hwserver', { options: { sendHighWaterMark: 5 } });
    expect(store.getState().notice?.text).toBe(RUN_LOCK_REASON);
    expect(server()?.decode).toBe('hex');
    expect(server()).not.toHaveProperty('options');
    store.getState().undo();
    expect(store.getState().topology).toEqual(before);
    store.getState().redo();
    expect(server()?.decode).toBe('hex');
  });

  it('counts position and decode as view-only, and nothing else', () => {
    const t = Topology.parse(findExample('hello-world')!.topology);
    const with_ = (patch: Record<string, unknown>): Topology => ({ ...t, nodes: t.nodes.map((n, i) => (i === 0 ? ({ ...n, ...patch } as typeof n) : n)) });
    expect(sameExceptViewFields(t, with_({ decode: 'json' }))).toBe(true);
    expect(sameExceptViewFields(t, with_({ position: { x: 1, y: 2 }, decode: 'hex' }))).toBe(true);
    expect(sameExceptViewFields(t, with_({ label: 'other' }))).toBe(false);
    expect(sameExceptViewFields(t, with_({ decode: 'hex', label: 'other' }))).toBe(false);
  });
});
