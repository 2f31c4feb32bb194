/** Checks on endpoints: syntax, transports this libzmq lacks, and what binds where. */
import type { ParsedEndpoint } from './endpoints';
import { bindsCollide, isLoopbackHost, parseEndpoint } from './endpoints';
import type { Ctx, End, ResolvedEdge } from './context';
import { endName, error, socketKey, warning } from './context';

const PUBSUB_TYPES = new Set(['PUB', 'SUB', 'XPUB', 'XSUB']);

interface Bind {
  r: ResolvedEdge;
  parsed: ParsedEndpoint;
}

export function checkEndpoints(ctx: Ctx): void {
  const binds: BindIndex = { seen: new Set(), byAddress: new Map() };
  const warnedPublic = new Set<string>();
  for (const r of ctx.resolved) {
    const parsed = checkSyntax(ctx, r);
    if (parsed === undefined) continue;
    checkTransport(ctx, r, parsed);
    if (r.binder.node.kind !== 'external' && parsed.transport === 'tcp' && !isLoopbackHost(parsed.host ?? '')) {
      const key = `${socketKey(r.binder)}\u0001${r.edge.endpoint}`;
      if (!warnedPublic.has(key)) {
        warnedPublic.add(key);
        warning(
          ctx,
          'public-bind',
          where(r, r.binder),
          `${endName(r.binder)} binds ${r.edge.endpoint}, which is not a loopback address`,
          'other machines can reach this socket; bind 127.0.0.1 unless that is what you want',
        );
      }
    }
    checkConflict(ctx, binds, r, parsed);
  }
}

function where(r: ResolvedEdge, end?: End): { edgeId: string; nodeId?: string; field: string } {
  const w = { edgeId: r.edge.id, field: `edges[${r.index}].endpoint` };
  return end ? { ...w, nodeId: end.node.id } : w;
}

/** Parses the edge's endpoint for both of its uses; undefined when it cannot be used at all. */
function checkSyntax(ctx: Ctx, r: ResolvedEdge): ParsedEndpoint | undefined {
  const { binder, connector, edge } = r;
  const parsed = parseEndpoint(edge.endpoint, 'bind');
  if (typeof parsed === 'string') {
    error(ctx, 'bad-endpoint', where(r), `edge ${edge.id}: ${parsed}`, endpointHint(edge.endpoint));
    return undefined;
  }
  if (binder.node.kind === 'external' && connector.node.kind === 'external') {
    warning(
      ctx,
      'external-only',
      where(r),
      `edge ${edge.id} joins two external programs: no socket of the app is on it, so nothing on it is traced`,
      'that is fine as documentation; to watch the traffic, put a device of the app between them',
    );
    return parsed;
  }
  if (binder.node.kind === 'external') {
    // The app itself connects here, to an address another program chose: it must be concrete.
    const asConnect = parseEndpoint(edge.endpoint, 'connect');
    if (typeof asConnect === 'string') {
      error(
        ctx,
        'bad-endpoint',
        where(r, connector),
        `${endName(connector)} connects to ${edge.endpoint}: ${asConnect}`,
        `write the address ${endName(binder)} really listens on`,
      );
      return undefined;
    }
  } else if (connector.node.kind === 'external' && (parsed.port === '*' || parsed.path === '*')) {
    error(
      ctx,
      'bad-endpoint',
      where(r, binder),
      `${endName(binder)} binds ${edge.endpoint}, a port chosen at run time: ${endName(connector)} outside the app cannot know it`,
      `give ${edge.endpoint.startsWith('ipc') ? 'a path' : 'a fixed port'} that ${endName(connector)} is told to connect to`,
    );
    return undefined;
  }
  return parsed;
}

function endpointHint(endpoint: string): string {
  if (endpoint.startsWith('ipc:')) return 'ipc endpoints are a file path: ipc:///tmp/zmq-studio.ipc';
  if (endpoint.startsWith('inproc:')) return 'inproc endpoints are a name: inproc://workers';
  if (/^e?pgm:/.test(endpoint))
    return 'multicast endpoints name an interface and a group: epgm://eth0;239.192.1.1:5555';
  return 'tcp endpoints are host:port: tcp://127.0.0.1:5555 (bind may use * for the port)';
}

function checkTransport(ctx: Ctx, r: ResolvedEdge, parsed: ParsedEndpoint): void {
  const caps = ctx.capabilities;
  const t = parsed.transport;
  const missing =
    ((t === 'pgm' || t === 'epgm') && caps.pgm !== true) ||
    (t === 'ipc' && caps.ipc === false) ||
    (t === 'tipc' && caps.tipc === false);
  if (missing) {
    error(
      ctx,
      'unsupported-transport',
      where(r),
      `${t}:// is not available: this libzmq was built without ${t === 'epgm' ? 'pgm' : t}`,
      t === 'ipc' ? 'use tcp://127.0.0.1:<port> (ipc needs Unix domain sockets)' : 'use tcp:// or ipc:// instead',
    );
    return;
  }
  if ((t === 'pgm' || t === 'epgm') && !(PUBSUB_TYPES.has(r.source.type) && PUBSUB_TYPES.has(r.target.type))) {
    error(
      ctx,
      'unsupported-transport',
      where(r),
      `${t}:// is multicast and carries only publish/subscribe, not ${r.source.type} to ${r.target.type}`,
      'use tcp:// or ipc:// for this edge',
    );
    return;
  }
  if (t === 'inproc') {
    const outside = [r.source, r.target].find((e) => e.node.kind === 'external');
    if (outside) {
      error(
        ctx,
        'inproc-external',
        where(r, outside),
        `edge ${r.edge.id} uses inproc://, but ${endName(outside)} is another program: inproc cannot cross processes`,
        'use tcp://127.0.0.1:<port> or ipc:// to reach a program outside the app',
      );
    }
  }
}

/** Binds seen so far, indexed so that 20,000 edges stay linear: by socket+endpoint and by address. */
interface BindIndex {
  seen: Set<string>;
  /** tcp by port, others by path: only binds in one bucket can collide (see bindsCollide). */
  byAddress: Map<string, Bind[]>;
}

function addressKey(p: ParsedEndpoint): string | undefined {
  if (p.transport === 'pgm' || p.transport === 'epgm' || p.port === '*' || p.path === '*') return undefined;
  return p.transport === 'tcp' ? `tcp:${p.port}` : `${p.transport}:${p.path}`;
}

/** Two sockets binding one address: the second bind fails with EADDRINUSE. */
function checkConflict(ctx: Ctx, index: BindIndex, r: ResolvedEdge, parsed: ParsedEndpoint): void {
  const mine = socketKey(r.binder);
  // One socket may bind one endpoint for many edges (it binds once); only a second spelling binds twice.
  const once = `${mine}\u0001${r.edge.endpoint}`;
  if (index.seen.has(once)) return;
  index.seen.add(once);
  const key = addressKey(parsed);
  if (key === undefined) return;
  const bucket = index.byAddress.get(key) ?? [];
  index.byAddress.set(key, bucket);
  const b = bucket.find((other) => bindsCollide(other.parsed, parsed));
  bucket.push({ r, parsed });
  if (!b) return;
  const same = socketKey(b.r.binder) === mine;
  const who = same ? `${endName(r.binder)} itself` : endName(b.r.binder);
  error(
    ctx,
    'endpoint-conflict',
    where(r, r.binder),
    `${endName(r.binder)} binds ${r.edge.endpoint}, but ${who} already binds ${b.r.edge.endpoint} (edge ${b.r.edge.id}): the second bind fails with EADDRINUSE`,
    same
      ? `spell the endpoint the same way on every edge of ${endName(r.binder)}`
      : `let one socket bind and the other connect, or give ${endName(r.binder)} another ${parsed.transport === 'tcp' ? 'port' : 'endpoint'}`,
  );
}
