/**
 * ZeroMQ endpoint strings: `transport://address`. The validator and the engine both parse them
 * here, so a topology that validates is one the engine can bind and connect without surprises.
 */

export const TRANSPORTS = ['tcp', 'ipc', 'inproc', 'pgm', 'epgm', 'tipc'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** Binding may use wildcards (`*` port, `*` host); a connect must name one concrete peer. */
export type EndpointMode = 'bind' | 'connect';

export interface ParsedEndpoint {
  transport: Transport;
  /** tcp: host, IPv4, IPv6 without its brackets, or `*`; pgm/epgm: the multicast group. */
  host?: string;
  /** tcp, pgm, epgm: the port; `*` asks the system for a free one (bind only). */
  port?: number | '*';
  /** ipc: the socket file (`*` = a fresh temporary one); inproc: the name; tipc: the address; pgm/epgm: the interface. */
  path?: string;
}

/** A Unix socket address holds 108 bytes including the final NUL; libzmq fails longer ipc paths. */
const IPC_PATH_MAX = 107;

/**
 * Parses an endpoint, or returns why it is not one (a sentence for a diagnostic).
 * `mode` says which side uses it: wildcards are refused for `connect`.
 */
export function parseEndpoint(s: string, mode: EndpointMode = 'bind'): ParsedEndpoint | string {
  if (/\s/.test(s)) return 'an endpoint contains no spaces';
  const sep = s.indexOf('://');
  if (sep < 0) return `"${clip(s)}" is not transport://address, e.g. tcp://127.0.0.1:5555`;
  const scheme = s.slice(0, sep);
  const rest = s.slice(sep + 3);
  const transport = TRANSPORTS.find((t) => t === scheme);
  if (transport === undefined) {
    const lower = TRANSPORTS.find((t) => t === scheme.toLowerCase());
    if (lower) return `libzmq reads transport names in lower case: write ${lower}://`;
    return `unknown transport "${clip(scheme)}"; ZeroMQ speaks ${TRANSPORTS.join(', ')}`;
  }
  if (rest === '') return `${transport}:// needs an address after it`;
  switch (transport) {
    case 'tcp':
      return parseTcp(rest, mode);
    case 'ipc':
      if (rest === '*')
        return mode === 'bind'
          ? { transport, path: rest }
          : 'ipc://* only works for bind: a connect needs the real path';
      if (rest.length > IPC_PATH_MAX)
        return `an ipc path is at most ${IPC_PATH_MAX} characters (a Unix socket address)`;
      return { transport, path: rest };
    case 'inproc':
      if (rest.includes('*')) return 'inproc has no wildcard: give the endpoint a name, e.g. inproc://workers';
      return { transport, path: rest };
    case 'tipc':
      return { transport, path: rest };
    case 'pgm':
    case 'epgm':
      return parsePgm(transport, rest);
  }
}

function parseTcp(rest: string, mode: EndpointMode): ParsedEndpoint | string {
  if (rest.includes(';')) return 'the source-address form tcp://source;host:port is not supported here';
  const split = splitHostPort(rest);
  if (typeof split === 'string') return split;
  const { host, port } = split;
  const hostProblem = checkHost(host);
  if (hostProblem) return hostProblem;
  if (mode === 'connect' && isWildcardHost(host)) {
    return `cannot connect to the wildcard host ${host}: name the machine, e.g. tcp://127.0.0.1:${port}`;
  }
  if (port === '*') {
    if (mode === 'connect')
      return 'port * means "any free port" and works only for bind: a connect needs the real port';
    return { transport: 'tcp', host, port };
  }
  const n = parsePort(port);
  return typeof n === 'string' ? n : { transport: 'tcp', host, port: n };
}

function parsePgm(transport: 'pgm' | 'epgm', rest: string): ParsedEndpoint | string {
  const example = `${transport}://eth0;239.192.1.1:5555`;
  const semi = rest.indexOf(';');
  if (semi <= 0) return `${transport} names an interface and a multicast group: ${example}`;
  const iface = rest.slice(0, semi);
  const split = splitHostPort(rest.slice(semi + 1));
  if (typeof split === 'string') return `${split} (${example})`;
  const octets = ipv4Octets(split.host);
  if (!octets || octets[0] < 224 || octets[0] > 239) {
    return `${split.host} is not an IPv4 multicast group (224.0.0.0 to 239.255.255.255)`;
  }
  const port = parsePort(split.port);
  if (typeof port === 'string') return port;
  return { transport, path: iface, host: split.host, port };
}

function splitHostPort(rest: string): { host: string; port: string } | string {
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return 'an IPv6 address opened with [ needs its closing ]';
    if (rest[close + 1] !== ':') return 'a port follows the address: [::1]:5555';
    return { host: rest.slice(1, close), port: rest.slice(close + 2) };
  }
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return `"${clip(rest)}" has no port: write host:port, e.g. 127.0.0.1:5555`;
  const host = rest.slice(0, colon);
  if (host.includes(':')) return 'write an IPv6 address in brackets: tcp://[::1]:5555';
  if (host === '') return 'the host is missing before :port (use 127.0.0.1, or * to bind every interface)';
  return { host, port: rest.slice(colon + 1) };
}

function parsePort(port: string): number | string {
  if (port === '') return 'the port is missing after the colon';
  if (!/^\d{1,5}$/.test(port)) return `port "${clip(port)}" is not a number from 1 to 65535`;
  const n = Number(port);
  if (n < 1 || n > 65535) return `port ${n} is outside 1-65535 (write * to let the system choose when binding)`;
  return n;
}

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$/;

/** Why a tcp host is unusable, or undefined when it is fine. `host` is without IPv6 brackets. */
function checkHost(host: string): string | undefined {
  if (host === '*') return undefined;
  if (host.includes(':')) {
    return /^[0-9A-Fa-f:.]+$/.test(host) && host.length <= 45 && !host.includes(':::')
      ? undefined
      : `[${clip(host)}] is not an IPv6 address`;
  }
  if (/^[\d.]+$/.test(host)) return ipv4Octets(host) ? undefined : `${clip(host)} is not an IPv4 address`;
  return HOSTNAME.test(host) ? undefined : `"${clip(host)}" is not a host name, an IP address or *`;
}

function ipv4Octets(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** `*`, 0.0.0.0 and :: all mean "every interface". */
export function isWildcardHost(host: string): boolean {
  return host === '*' || host === '0.0.0.0' || host === '::';
}

/** Only this machine can reach a socket bound here. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The endpoint back as text (IPv6 hosts in brackets), e.g. for a connect after a `*` bind. */
export function formatEndpoint(p: ParsedEndpoint): string {
  switch (p.transport) {
    case 'tcp': {
      const host = p.host?.includes(':') ? `[${p.host}]` : p.host;
      return `tcp://${host}:${p.port}`;
    }
    case 'pgm':
    case 'epgm':
      return `${p.transport}://${p.path};${p.host}:${p.port}`;
    default:
      return `${p.transport}://${p.path}`;
  }
}

/**
 * True when binding both would collide: one tcp port on the same interface (localhost is
 * 127.0.0.1, and a wildcard host takes the port on every interface), or one ipc path or
 * inproc name. A `*` port or path never collides: each bind gets a fresh one.
 */
export function bindsCollide(a: ParsedEndpoint, b: ParsedEndpoint): boolean {
  if (a.transport !== b.transport) return false;
  if (a.transport === 'tcp') {
    if (a.port === '*' || a.port !== b.port) return false;
    const ha = normalHost(a.host ?? '');
    const hb = normalHost(b.host ?? '');
    return ha === hb || isWildcardHost(ha) || isWildcardHost(hb);
  }
  if (a.transport === 'pgm' || a.transport === 'epgm') return false; // multicast: many members share a group
  return a.path !== '*' && a.path === b.path;
}

function normalHost(host: string): string {
  const h = host.toLowerCase();
  return h === 'localhost' ? '127.0.0.1' : h;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
