/** The words and numbers the live badges and counters show. Pure, so the wording is tested. */
import type { MonitorKind } from '../../../shared/ipc';
import type { SocketStatus } from '../../store/traceSlice';
import type { EdgeFigures, GaugeFigure, NodeFigures } from './liveFigures';
import { formatWait } from '../../../shared/explain';

export type BadgeTone = 'ok' | 'busy' | 'warn' | 'error' | 'muted';

/** What a socket's latest monitor event means to someone watching the run. */
export const BADGES: Record<MonitorKind, { text: string; tone: BadgeTone }> = {
  listening: { text: 'listening', tone: 'ok' },
  accepted: { text: 'connected', tone: 'ok' },
  connected: { text: 'connected', tone: 'ok' },
  'handshake-ok': { text: 'connected', tone: 'ok' },
  'connect-delayed': { text: 'retrying', tone: 'busy' },
  'connect-retried': { text: 'retrying', tone: 'busy' },
  disconnected: { text: 'disconnected', tone: 'warn' },
  'bind-failed': { text: 'bind failed', tone: 'error' },
  'accept-failed': { text: 'accept failed', tone: 'error' },
  'handshake-failed': { text: 'handshake failed', tone: 'error' },
  closed: { text: 'closed', tone: 'muted' },
  'close-failed': { text: 'close failed', tone: 'error' },
};

/** 1234 -> "1,234"; 123456 -> "123k"; 2500000 -> "2.5M": short enough for a badge. */
export function formatCount(n: number): string {
  if (n < 10_000) return n.toLocaleString('en-US');
  if (n < 1_000_000) return `${n < 100_000 ? (n / 1000).toFixed(1) : Math.round(n / 1000)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

export function formatRate(rate: number): string {
  return `${rate < 10 ? (Math.round(rate * 10) / 10).toString() : formatCount(Math.round(rate))}/s`;
}

/** ms since the run started, as a person reads it. */
export function formatRunTime(t: number): string {
  return t < 1000 ? `${t.toFixed(1)} ms` : `${(t / 1000).toFixed(2)} s`;
}

/** The edge label's live line: both directions for a two-way edge, the total otherwise. */
export function edgeLine(f: EdgeFigures, twoWay: boolean): string {
  const count = twoWay ? `→ ${formatCount(f.forward)} · ← ${formatCount(f.back)}` : `${formatCount(f.messages)} msg${f.messages === 1 ? '' : 's'}`;
  const dropped = f.dropped ? ` · ${formatCount(f.dropped)} dropped` : '';
  return `${f.rate > 0 ? `${count} · ${formatRate(f.rate)}` : count}${dropped}`;
}

export function edgeTitle(f: EdgeFigures, source: string, target: string): string {
  const rate = f.rate > 0 ? `, ${formatRate(f.rate)} now` : '';
  const dropped = f.dropped ? `; ${f.dropped} dropped by the edge's fault (received, never handed to the reader)` : '';
  return `${f.forward} delivered ${source} → ${target}, ${f.back} ${target} → ${source}; ${f.messages} in all${rate}${dropped}`;
}

/** The parts of a socket's gauge, each kept on one line: ["in flight 1,000 (sndhwm 1,000)", "blocked 240 ms"]. */
export function gaugeParts(g: GaugeFigure, showPort: boolean): string[] {
  const parts: string[] = [];
  if (g.inFlight > 0) parts.push(`in flight ${formatCount(g.inFlight)} (sndhwm ${formatCount(g.sndhwm)})`);
  if (g.blockedMs > 0) parts.push(`blocked ${formatWait(g.blockedMs)}`);
  if (showPort && g.port && parts.length > 0) parts[0] = `${g.port}: ${parts[0]}`;
  return parts;
}

/** A socket's gauge as one line: "in flight 1,000 (sndhwm 1,000) · blocked 240 ms"; `port` names it on a two-socket node. */
export function gaugeLine(g: GaugeFigure, showPort: boolean): string {
  return gaugeParts(g, showPort).join(' · ');
}

export function gaugeTitle(g: GaugeFigure): string {
  const who = g.port ? `${g.port}: ` : '';
  const flight = `${g.inFlight} message${g.inFlight === 1 ? '' : 's'} sent and not yet received by the app's own peers (the send high-water mark is ${g.sndhwm} per peer; a receiver's own mark adds to it)`;
  const blocked = g.blockedMs > 0 || g.blockedTotalMs > 0 ? `; sends waited ${formatWait(g.blockedMs)} in the last stats period, ${formatWait(g.blockedTotalMs)} in all (blocked: the queue was full or no peer was there)` : '';
  return `${who}${flight}${blocked}`;
}

export function badgeTitle(port: string, s: SocketStatus): string {
  const what = port ? `${port}: ` : '';
  return `${what}${s.kind} ${s.endpoint || '(no endpoint)'} at ${formatRunTime(s.t)}${s.detail ? ` — ${s.detail}` : ''}`;
}

export function nodeTitle(f: NodeFigures): string {
  const bytes = (n: number | undefined): string => (n === undefined ? '' : ` (${n} bytes)`);
  return `sent ${f.sent} message${f.sent === 1 ? '' : 's'}${bytes(f.bytesOut)}, received ${f.received}${bytes(f.bytesIn)}`;
}
