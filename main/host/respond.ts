/** Small answers of the browser-mode server (errors, JSON), never cached. */
import type { ServerResponse } from 'node:http';
import { COMMON_HEADERS } from './headers';

export function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res
    .writeHead(status, {
      ...COMMON_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...extra,
    })
    .end(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, {
      ...COMMON_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    .end(JSON.stringify(body));
}
