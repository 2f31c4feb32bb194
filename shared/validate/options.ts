/**
 * Socket options per socket type. zeromq.js throws on a constructor option the type lacks and
 * the process later crashes at exit (DESIGN.md), so nothing unchecked may reach the engine.
 */
import type { SocketType } from '../patterns';
import { SOCKET_TYPES } from '../patterns';
import { findOption, optionsFor } from '../socketOptions';
import type { TopologyNode } from '../topology';
import { DEVICE_PORTS, displayName } from '../topology';
import type { Ctx } from './context';
import { error, orList } from './context';

type Options = Record<string, string | number | boolean>;

/** libzmq stores most options in a C int; these few are 64-bit. */
const INT_MAX = 2_147_483_647;
const INT64_OPTIONS = new Set(['maxMessageSize']);

export function checkOptions(ctx: Ctx): void {
  ctx.topology.nodes.forEach((node, index) => {
    for (const [key, type, options, owner] of optionSets(node)) {
      if (options) checkSet(ctx, node, `nodes[${index}].${key}`, type, options, owner);
    }
  });
}

/** [field, socket type, options, "client" / "queue frontend"] for each socket the node owns. */
function optionSets(node: TopologyNode): [string, SocketType, Options | undefined, string][] {
  const name = displayName(node);
  switch (node.kind) {
    case 'socket':
      return [['options', node.socket, node.options, name]];
    case 'device': {
      const ports = DEVICE_PORTS[node.device];
      return [
        ['frontendOptions', ports.frontend, node.frontendOptions, `${name} frontend`],
        ['backendOptions', ports.backend, node.backendOptions, `${name} backend`],
      ];
    }
    case 'worker':
      return [
        ['inputOptions', node.input, node.inputOptions, `${name} in`],
        ['outputOptions', node.output, node.outputOptions, `${name} out`],
      ];
    case 'external':
      return [];
  }
}

function checkSet(ctx: Ctx, node: TopologyNode, base: string, type: SocketType, options: Options, owner: string): void {
  for (const [name, value] of Object.entries(options)) {
    const where = {
      nodeId: node.id,
      field: /^[A-Za-z_$][\w$]*$/.test(name) ? `${base}.${name}` : `${base}[${JSON.stringify(name)}]`,
    };
    const info = findOption(type, name);
    if (!info) {
      const takers = SOCKET_TYPES.filter((t) => findOption(t, name) !== undefined);
      error(
        ctx,
        'bad-option',
        where,
        takers.length > 0
          ? `${owner} is a ${type}, and ${name} is an option of ${orList(takers)} only`
          : `"${clip(name)}" is not a socket option zmq-studio knows`,
        takers.length > 0
          ? `remove ${name}: zeromq.js throws on an option the socket type lacks`
          : `options of a ${type}: ${optionsFor(type)
              .map((o) => o.name)
              .join(', ')}`,
      );
      continue;
    }
    if (typeof value !== info.type) {
      error(
        ctx,
        'bad-option',
        where,
        `${name} (${info.zmq}) takes a ${info.type}, not ${typeof value} ${clip(JSON.stringify(value))}`,
        `${name}: ${info.summary}`,
      );
      continue;
    }
    if (typeof value !== 'number') continue;
    if (!Number.isInteger(value)) {
      error(
        ctx,
        'bad-option',
        where,
        `${name} (${info.zmq}) takes a whole number, not ${value}`,
        `${name}: ${info.summary}`,
      );
    } else if (info.min !== undefined && value < info.min) {
      error(
        ctx,
        'bad-option',
        where,
        `${name} (${info.zmq}) is at least ${info.min}, not ${value}`,
        `${name}: ${info.summary}`,
      );
    } else if (value > INT_MAX && !INT64_OPTIONS.has(name)) {
      error(
        ctx,
        'bad-option',
        where,
        `${name} (${info.zmq}) is a C int: at most ${INT_MAX}, not ${value}`,
        `${name}: ${info.summary}`,
      );
    }
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
