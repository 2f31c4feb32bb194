/**
 * Who may drive the engine: only a page this server served. A page on another site can open a
 * WebSocket to 127.0.0.1 (its browser sends its Origin), and DNS rebinding can aim a hostile
 * name at 127.0.0.1 (the Host header then names it): both are refused before the upgrade.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPolicy, parseHostHeader } from '../../main/host/hostPolicy';
import type { RunningServer } from '../../main/host/server';
import { startServer } from '../../main/host/server';
import { PageClient, httpGet, makeSite, removeSite } from './helpers';
import { TOKEN_REFUSAL } from '../../main/host/launchToken';

describe('hostPolicy', () => {
  const policy = hostPolicy(5317, '127.0.0.1');

  it('reads name:port Host headers, IPv6 in brackets, and nothing else', () => {
    expect(parseHostHeader('127.0.0.1:5317')).toEqual({ name: '127.0.0.1', port: 5317 });
    expect(parseHostHeader('[::1]:5317')).toEqual({ name: '[::1]', port: 5317 });
    expect(parseHostHeader('LocalHost:80')).toEqual({ name: 'localhost', port: 80 });
    for (const bad of ['localhost', 'a@b:1', 'x:1/path', '', 'x:123456']) expect(parseHostHeader(bad)).toBeUndefined();
  });

  it('allows loopback names and IP literals on our port, not other names or ports', () => {
    expect(policy.allowsHost('127.0.0.1:5317')).toBe(true);
    expect(policy.allowsHost('localhost:5317')).toBe(true);
    expect(policy.allowsHost('[::1]:5317')).toBe(true);
    expect(policy.allowsHost('evil.example:5317')).toBe(false);
    expect(policy.allowsHost('127.0.0.1:5318')).toBe(false);
    expect(policy.allowsHost(undefined)).toBe(false);
  });

  it('allows our own origin (any loopback name), refuses other sites, null, https and missing ones', () => {
    expect(policy.allowsOrigin('http://127.0.0.1:5317', '127.0.0.1:5317')).toBe(true);
    expect(policy.allowsOrigin('http://localhost:5317', '127.0.0.1:5317')).toBe(true);
    expect(policy.allowsOrigin('http://evil.example', '127.0.0.1:5317')).toBe(false);
    expect(policy.allowsOrigin('http://evil.example:5317', 'evil.example:5317')).toBe(false);
    expect(policy.allowsOrigin('http://192.168.1.9:5317', '127.0.0.1:5317')).toBe(false);
    expect(policy.allowsOrigin('http://127.0.0.1:8080', '127.0.0.1:5317')).toBe(false);
    expect(policy.allowsOrigin('https://127.0.0.1:5317', '127.0.0.1:5317')).toBe(false);
    expect(policy.allowsOrigin('null', '127.0.0.1:5317')).toBe(false);
    expect(policy.allowsOrigin(undefined, '127.0.0.1:5317')).toBe(false);
  });

  it('allows a name only when the server was bound to it explicitly', () => {
    const named = hostPolicy(80, 'studio.lan');
    expect(named.allowsHost('studio.lan:80')).toBe(true);
    expect(named.allowsOrigin('http://studio.lan:80', 'studio.lan:80')).toBe(false); // default port: origin has none
    expect(named.allowsOrigin('http://studio.lan', 'studio.lan:80')).toBe(false);
    expect(hostPolicy(9000, 'studio.lan').allowsOrigin('http://studio.lan:9000', 'studio.lan:9000')).toBe(true);
    expect(hostPolicy(9000, '0.0.0.0').allowsHost('studio.lan:9000')).toBe(false);
    expect(hostPolicy(9000, '0.0.0.0').allowsOrigin('http://10.1.2.3:9000', '10.1.2.3:9000')).toBe(true);
  });
});

describe('WebSocket upgrades', { timeout: 30_000 }, () => {
  let site: string;
  let server: RunningServer;
  beforeAll(async () => {
    site = await makeSite();
    server = await startServer({ staticDir: site, engine: 'in-process' });
  });
  afterAll(async () => {
    await server?.close();
    await removeSite(site);
  });

  it('accepts the page from http://127.0.0.1:PORT and http://localhost:PORT', async () => {
    for (const origin of [server.origin, `http://localhost:${server.port}`]) {
      const page = await PageClient.open(server.url, origin);
      expect((await page.call('status')).ok).toBe(true);
      await page.close();
    }
  });

  it('refuses a page from another site with 403', async () => {
    await expect(PageClient.open(server.url, 'http://evil.example')).rejects.toThrow('refused: 403');
    await expect(PageClient.open(server.url, `http://evil.example:${server.port}`)).rejects.toThrow('refused: 403');
    await expect(PageClient.open(server.url, 'null')).rejects.toThrow('refused: 403');
  });

  it('refuses an upgrade without an Origin (not a browser page) with 403', async () => {
    await expect(PageClient.open(server.url, null)).rejects.toThrow('refused: 403');
  });

  it('refuses a rebound name in Host even with a matching Origin', async () => {
    const host = `evil.example:${server.port}`;
    await expect(PageClient.open(server.url, `http://${host}`, { Host: host })).rejects.toThrow('refused: 403');
  });

  it('refuses every request without the launch token, and sets the cookie for the page that has it', async () => {
    for (const path of ['/', '/assets/app-1a2b3c.js', '/api/health']) {
      const bare = await httpGet(server, path, { Cookie: '' });
      expect(bare.status).toBe(403);
      expect(bare.body).toBe(TOKEN_REFUSAL);
    }
    expect((await httpGet(server, '/', { Cookie: `zmq-studio-${server.port}=wrong` })).status).toBe(403);
    expect((await httpGet(server, '/?token=wrong', { Cookie: '' })).status).toBe(403);
    const page = await httpGet(server, `/?token=${server.token}`, { Cookie: '' });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toEqual([`zmq-studio-${server.port}=${server.token}; Path=/; HttpOnly; SameSite=Strict`]);
    // The page's assets then come with the cookie alone.
    expect((await httpGet(server, '/assets/app-1a2b3c.js')).status).toBe(200);
  });

  it('refuses a WebSocket without the launch token or with a wrong one, even from the right origin', async () => {
    await expect(PageClient.open(server.origin, server.origin)).rejects.toThrow('refused: 403');
    await expect(PageClient.open(`${server.origin}/?token=nope`, server.origin)).rejects.toThrow('refused: 403');
    const withCookie = await PageClient.open(server.origin, server.origin, { Cookie: `zmq-studio-${server.port}=${server.token}` });
    expect((await withCookie.call('status')).ok).toBe(true);
    await withCookie.close();
  });

  it('has no WebSocket elsewhere than /ws', async () => {
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/socket`, { origin: server.origin });
    const status = await new Promise<number>((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => reject(new Error('opened')));
      ws.once('error', reject);
    });
    ws.terminate();
    expect(status).toBe(404);
    expect(server.stats().clients).toBe(0);
  });
});
