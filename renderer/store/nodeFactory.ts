/** New nodes as the palette creates them: a fresh id and a behaviour that fits the socket type. */
import type { DeviceKind, TopologyNode } from '../../shared/topology';
import type { SocketType } from '../../shared/patterns';
import type { Behavior, BehaviorType } from '../../shared/behaviors';
import { Behavior as BehaviorSchema, WorkBehavior } from '../../shared/behaviors';
import { nextId } from './wiring';

export type NodeSpec =
  | { kind: 'socket'; socket: SocketType }
  | { kind: 'device'; device: DeviceKind }
  | { kind: 'worker' }
  | { kind: 'external'; socket: SocketType };

export interface Position {
  x: number;
  y: number;
}

const DEFAULT_BEHAVIOR: Partial<Record<SocketType, BehaviorType>> = {
  REQ: 'request',
  REP: 'reply',
  DEALER: 'dealer',
  ROUTER: 'router',
  PUB: 'publish',
  XPUB: 'publish',
  SUB: 'subscribe',
  XSUB: 'subscribe',
  PUSH: 'produce',
  PULL: 'consume',
  PAIR: 'pair',
};

/** A behaviour of the given type with every default filled in (what the inspector edits). */
export function behaviorWithDefaults(type: BehaviorType): Behavior {
  if (type === 'pair') return BehaviorSchema.parse({ type, role: 'ping' });
  // Subscribing to nothing receives nothing: start with "everything" so a new SUB just works.
  if (type === 'subscribe') return BehaviorSchema.parse({ type, topics: [''] });
  return BehaviorSchema.parse({ type });
}

/** The behaviour a new socket of this type starts with; draft types start manual. */
export function defaultBehavior(type: SocketType): Behavior | undefined {
  const b = DEFAULT_BEHAVIOR[type];
  return b ? behaviorWithDefaults(b) : undefined;
}

function idBase(spec: NodeSpec): string {
  switch (spec.kind) {
    case 'socket':
      return spec.socket.toLowerCase();
    case 'device':
      return spec.device;
    case 'worker':
      return 'worker';
    case 'external':
      return 'external';
  }
}

/** A node for the spec at the position, with an id unique in `takenIds`. */
export function createNode(spec: NodeSpec, position: Position, takenIds: Iterable<string>): TopologyNode {
  const id = nextId(idBase(spec), takenIds);
  const pos = { x: Math.round(position.x), y: Math.round(position.y) };
  switch (spec.kind) {
    case 'socket': {
      const behavior = defaultBehavior(spec.socket);
      return behavior
        ? { id, kind: 'socket', socket: spec.socket, behavior, position: pos }
        : { id, kind: 'socket', socket: spec.socket, position: pos };
    }
    case 'device':
      return { id, kind: 'device', device: spec.device, position: pos };
    case 'worker':
      return { id, kind: 'worker', input: 'PULL', output: 'PUSH', behavior: WorkBehavior.parse({ type: 'work' }), position: pos };
    case 'external':
      return { id, kind: 'external', socket: spec.socket, position: pos };
  }
}
