import { memo } from 'react';
import type { SocketType } from '../../shared/patterns';
import { DRAFT_SOCKET_TYPES, SOCKET_INFO, STANDARD_SOCKET_TYPES } from '../../shared/patterns';
import { BEHAVIOR_SOCKETS } from '../../shared/behaviors';
import { findOption } from '../../shared/socketOptions';
import type { PortName, SocketNode, TopologyNode } from '../../shared/topology';
import { DEVICE_PORTS } from '../../shared/topology';
import { appStore, useAppStore } from '../store/appStore';
import type { NodePatch } from '../store/docOps';
import { defaultBehavior } from '../store/nodeFactory';
import { compatibleTypes } from '../store/wiring';
import { BehaviorEditor } from './BehaviorEditor';
import { Field, SelectField } from './Field';
import { OptionsEditor } from './OptionsEditor';
import { InjectForm } from './inject/InjectForm';
import { NodeRunControls } from './NodeRunControls';
import { DECODER_LABELS, DECODERS, decodePatch, decoderOf } from './trace/decode';

const DECODE_CHOICES = DECODERS.map((d) => ({ value: d, label: DECODER_LABELS[d] }));

type Options = SocketNode['options'];

/** Options the new type still accepts; the others would crash zeromq.js (DESIGN.md), so they go. */
function keepOptions(options: Options, type: SocketType): Options {
  if (!options) return undefined;
  const kept = Object.fromEntries(Object.entries(options).filter(([name]) => findOption(type, name)));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function retype(node: SocketNode, type: SocketType): NodePatch {
  const fits = node.behavior !== undefined && BEHAVIOR_SOCKETS[node.behavior.type].includes(type);
  return { socket: type, behavior: fits ? node.behavior : defaultBehavior(type), options: keepOptions(node.options, type) };
}

/** The socket types the user may switch to: compatible with every edge at that port. */
function useTypeChoices(node: TopologyNode, port: PortName | undefined, current: SocketType) {
  const topology = useAppStore((s) => s.topology);
  const showDrafts = useAppStore((s) => s.showDrafts);
  const candidates = showDrafts || SOCKET_INFO[current].draft ? [...STANDARD_SOCKET_TYPES, ...DRAFT_SOCKET_TYPES] : STANDARD_SOCKET_TYPES;
  const types = compatibleTypes(topology, node.id, port, candidates);
  return (types.includes(current) ? types : [current, ...types]).map((t) => ({ value: t, label: `${t} (${SOCKET_INFO[t].pattern})` }));
}

export const NodeInspector = memo(function NodeInspector({ node }: { node: TopologyNode }) {
  const update = (patch: NodePatch) => appStore.getState().updateNode(node.id, patch);
  return (
    <div className="zs-inspector-body" data-testid="node-inspector">
      <div className="zs-inspector-title">
        <span className="zs-cap">{node.kind}</span> <code>{node.id}</code>
      </div>
      <InjectForm node={node} />
      <NodeRunControls node={node} />
      <Field label="label" value={node.label ?? ''} placeholder={node.id} testId="node-label"
        validate={(t) => (t.length > 200 ? 'at most 200 characters' : undefined)}
        onCommit={(t) => update({ label: t === '' ? undefined : t })} />
      <SelectField label="decode payloads as" value={decoderOf(node)} options={DECODE_CHOICES} testId="node-decode"
        help="how the Trace and the inspector show its frames; can change during a run"
        onChange={(d) => update(decodePatch(d))} />
      {node.kind === 'socket' && <SocketFields node={node} />}
      {node.kind === 'external' && <ExternalFields node={node} />}
      {node.kind === 'device' && (
        <>
          <SelectField label="device" value={node.device} onChange={(device) => update({ device })}
            options={(['queue', 'forwarder', 'streamer'] as const).map((d) => ({ value: d, label: `${d} (${DEVICE_PORTS[d].frontend} / ${DEVICE_PORTS[d].backend})` }))} />
          <OptionsEditor title="frontend options" type={DEVICE_PORTS[node.device].frontend} options={node.frontendOptions} onChange={(o) => update({ frontendOptions: o })} />
          <OptionsEditor title="backend options" type={DEVICE_PORTS[node.device].backend} options={node.backendOptions} onChange={(o) => update({ backendOptions: o })} />
        </>
      )}
      {node.kind === 'worker' && <WorkerFields node={node} />}
      <Field label="description" multiline value={node.description ?? ''}
        validate={(t) => (t.length > 4000 ? 'at most 4000 characters' : undefined)}
        onCommit={(t) => update({ description: t === '' ? undefined : t })} />
    </div>
  );
});

function SocketFields({ node }: { node: SocketNode }) {
  const choices = useTypeChoices(node, undefined, node.socket);
  const update = (patch: NodePatch) => appStore.getState().updateNode(node.id, patch);
  return (
    <>
      <SelectField label="socket type" value={node.socket} options={choices} testId="socket-type" help={SOCKET_INFO[node.socket].summary}
        onChange={(t) => update(retype(node, t))} />
      <BehaviorEditor socket={node.socket} behavior={node.behavior} onChange={(behavior) => update({ behavior })} />
      <OptionsEditor title="socket options" type={node.socket} options={node.options} onChange={(options) => update({ options })} />
    </>
  );
}

function ExternalFields({ node }: { node: Extract<TopologyNode, { kind: 'external' }> }) {
  const choices = useTypeChoices(node, undefined, node.socket);
  const update = (patch: NodePatch) => appStore.getState().updateNode(node.id, patch);
  return (
    <>
      <SelectField label="socket type" value={node.socket} options={choices} onChange={(socket) => update({ socket })} help="the socket the outside program uses" />
      <Field label="command" value={node.command ?? ''} placeholder="python weather_server.py" help="how to start it (a note; the app never runs it)"
        onCommit={(t) => update({ command: t === '' ? undefined : t })} />
    </>
  );
}

function WorkerFields({ node }: { node: Extract<TopologyNode, { kind: 'worker' }> }) {
  const inputs = useTypeChoices(node, 'in', node.input).filter((o) => SOCKET_INFO[o.value].receives);
  const outputs = useTypeChoices(node, 'out', node.output).filter((o) => SOCKET_INFO[o.value].sends);
  const update = (patch: NodePatch) => appStore.getState().updateNode(node.id, patch);
  const subscribes = node.input === 'SUB' || node.input === 'XSUB';
  return (
    <>
      <SelectField label="input (in)" value={node.input} options={inputs} onChange={(input) => update({ input, inputOptions: keepOptions(node.inputOptions, input) })} />
      <SelectField label="output (out)" value={node.output} options={outputs} onChange={(output) => update({ output, outputOptions: keepOptions(node.outputOptions, output) })} />
      {subscribes && (
        <Field label="subscribe" value={JSON.stringify(node.subscribe ?? [])} help='prefixes, a JSON list; [""] is everything'
          validate={(t) => (isStringList(t) ? undefined : 'a JSON list of strings, e.g. ["weather"]')}
          onCommit={(t) => update({ subscribe: JSON.parse(t) as string[] })} />
      )}
      <BehaviorEditor behavior={node.behavior} onChange={(b) => b?.type === 'work' && update({ behavior: b })} />
      <OptionsEditor title="input options" type={node.input} options={node.inputOptions} onChange={(o) => update({ inputOptions: o })} />
      <OptionsEditor title="output options" type={node.output} options={node.outputOptions} onChange={(o) => update({ outputOptions: o })} />
    </>
  );
}

function isStringList(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}
