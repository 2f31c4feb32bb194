/**
 * Which Host and Origin headers the browser-mode server answers. The server drives real sockets
 * on this machine, so a page from another site must never reach it: a cross-site page can open a
 * WebSocket to 127.0.0.1 (browsers send its own Origin, which we refuse), and DNS rebinding can
 * point a hostile name at 127.0.0.1 (the Host header then carries that name, which we refuse).
 */
import { isIP } from 'node:net';

const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS: readonly string[] = ['', '0.0.0.0', '::', '[::]'];

export interface HostPolicy {
  /** True for a Host header naming this server: loopback, an IP literal, or the host it was bound to. */
  allowsHost(host: string | undefined): boolean;
  /** True when a page from `origin` may drive the engine through a request sent with `host`. */
  allowsOrigin(origin: string | undefined, host: string | undefined): boolean;
}

interface HostPort {
  name: string;
  port: number;
}

/** `name:port` with a bracketed IPv6 name; undefined for anything else (paths, users, no port). */
export function parseHostHeader(header: string | undefined): HostPort | undefined {
  if (header === undefined) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i.exec(header.trim());
  if (!match) return undefined;
  return { name: match[1].toLowerCase(), port: Number(match[2]) };
}

/** The form a host takes inside a URL: IPv6 literals in brackets. */
export function urlHostName(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host.toLowerCase();
}

function isIpLiteral(name: string): boolean {
  return isIP(name.replace(/^\[(.*)\]$/, '$1')) !== 0;
}

/**
 * `boundHost` is what the server listens on. DNS rebinding needs a DNS name, so IP literals and
 * `localhost` are always safe as Host; any other name only when it is the one asked for explicitly.
 */
export function hostPolicy(port: number, boundHost: string): HostPolicy {
  const bound = urlHostName(boundHost);
  const namedHost = !WILDCARDS.includes(bound) && !isIpLiteral(bound) ? bound : undefined;

  const allowsHost = (host: string | undefined): boolean => {
    const parsed = parseHostHeader(host);
    if (!parsed || parsed.port !== port) return false;
    return parsed.name === 'localhost' || isIpLiteral(parsed.name) || parsed.name === namedHost;
  };

  const allowsOrigin = (origin: string | undefined, host: string | undefined): boolean => {
    if (origin === undefined || !allowsHost(host)) return false;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // includes the opaque origin "null" (sandboxed frames, file: pages)
    }
    if (url.protocol !== 'http:' || url.origin !== origin.toLowerCase().replace(/\/$/, '')) return false;
    // The page's own address, or another loopback name for this very server.
    if (url.host === host?.toLowerCase()) return true;
    return LOOPBACK_NAMES.includes(url.hostname) && Number(url.port) === port;
  };

  return { allowsHost, allowsOrigin };
}
