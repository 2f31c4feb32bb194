/**
 * The per-launch secret of browser mode (as notebook servers do): `serve` prints and opens
 * `http://127.0.0.1:PORT/?token=…`; the first request carrying it gets a cookie, and every later
 * request and the WebSocket must carry the token or the cookie. Another local user, or a web page
 * guessing the port, cannot drive the engine without it. Origin and Host checks stay as well.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type TokenSource = 'query' | 'cookie';

export class LaunchToken {
  readonly value: string;
  /** Cookies are not port-specific: name ours by port so two servers on one host do not clash. */
  readonly cookieName: string;

  constructor(port: number, value = randomBytes(24).toString('base64url')) {
    this.value = value;
    this.cookieName = `zmq-studio-${port}`;
  }

  /** Where a request carries a valid token, or undefined when it does not. */
  check(req: IncomingMessage): TokenSource | undefined {
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
    if (query !== null && this.matches(query)) return 'query';
    const cookie = readCookie(req.headers.cookie, this.cookieName);
    if (cookie !== undefined && this.matches(cookie)) return 'cookie';
    return undefined;
  }

  /** Set-Cookie for a page that arrived with the token in its URL (its assets come without it). */
  cookie(): string {
    return `${this.cookieName}=${this.value}; Path=/; HttpOnly; SameSite=Strict`;
  }

  private matches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.value);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export const TOKEN_REFUSAL =
  'zmq-studio needs its launch token: open the address that `zmq-studio serve` printed (it ends in ?token=…)\n';
