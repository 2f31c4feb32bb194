import { describe, expect, it } from 'vitest';
import {
  bindsCollide,
  formatEndpoint,
  isLoopbackHost,
  isWildcardHost,
  parseEndpoint,
} from '../../shared/validate/endpoints';
import type { ParsedEndpoint } from '../../shared/validate/endpoints';

function parsed(s: string, mode: 'bind' | 'connect' = 'bind'): ParsedEndpoint {
  const p = parseEndpoint(s, mode);
  if (typeof p === 'string') throw new Error(`expected ${s} to parse, got: ${p}`);
  return p;
}

describe('parseEndpoint: what parses', () => {
  it.each<[string, ParsedEndpoint]>([
    ['tcp://127.0.0.1:5555', { transport: 'tcp', host: '127.0.0.1', port: 5555 }],
    ['tcp://localhost:1', { transport: 'tcp', host: 'localhost', port: 1 }],
    ['tcp://example.com:65535', { transport: 'tcp', host: 'example.com', port: 65535 }],
    ['tcp://eth0:5000', { transport: 'tcp', host: 'eth0', port: 5000 }],
    ['tcp://*:5555', { transport: 'tcp', host: '*', port: 5555 }],
    ['tcp://127.0.0.1:*', { transport: 'tcp', host: '127.0.0.1', port: '*' }],
    ['tcp://[::1]:5555', { transport: 'tcp', host: '::1', port: 5555 }],
    ['tcp://[fe80::1:2]:80', { transport: 'tcp', host: 'fe80::1:2', port: 80 }],
    ['ipc:///tmp/zmq-studio.ipc', { transport: 'ipc', path: '/tmp/zmq-studio.ipc' }],
    ['ipc://relative.sock', { transport: 'ipc', path: 'relative.sock' }],
    ['ipc://*', { transport: 'ipc', path: '*' }],
    ['inproc://workers', { transport: 'inproc', path: 'workers' }],
    ['tipc://{5560,0,0}', { transport: 'tipc', path: '{5560,0,0}' }],
    ['pgm://eth0;239.192.1.1:5555', { transport: 'pgm', path: 'eth0', host: '239.192.1.1', port: 5555 }],
    ['epgm://192.168.1.2;224.0.0.1:7000', { transport: 'epgm', path: '192.168.1.2', host: '224.0.0.1', port: 7000 }],
  ])('%s', (s, expected) => {
    expect(parseEndpoint(s)).toEqual(expected);
  });

  it('accepts a concrete tcp address for connect', () => {
    expect(parseEndpoint('tcp://127.0.0.1:5555', 'connect')).toEqual({
      transport: 'tcp',
      host: '127.0.0.1',
      port: 5555,
    });
  });
});

describe('parseEndpoint: what does not', () => {
  it.each<[string, string]>([
    ['127.0.0.1:5555', '"127.0.0.1:5555" is not transport://address, e.g. tcp://127.0.0.1:5555'],
    ['TCP://127.0.0.1:5555', 'libzmq reads transport names in lower case: write tcp://'],
    ['ws://127.0.0.1:5555', 'unknown transport "ws"; ZeroMQ speaks tcp, ipc, inproc, pgm, epgm, tipc'],
    ['tcp://', 'tcp:// needs an address after it'],
    ['tcp://127.0.0.1', '"127.0.0.1" has no port: write host:port, e.g. 127.0.0.1:5555'],
    ['tcp://127.0.0.1:', 'the port is missing after the colon'],
    ['tcp://:5555', 'the host is missing before :port (use 127.0.0.1, or * to bind every interface)'],
    ['tcp://127.0.0.1:0', 'port 0 is outside 1-65535 (write * to let the system choose when binding)'],
    ['tcp://127.0.0.1:65536', 'port 65536 is outside 1-65535 (write * to let the system choose when binding)'],
    ['tcp://127.0.0.1:http', 'port "http" is not a number from 1 to 65535'],
    ['tcp://127.0.0.1:-1', 'port "-1" is not a number from 1 to 65535'],
    ['tcp://256.0.0.1:5555', '256.0.0.1 is not an IPv4 address'],
    ['tcp://1.2.3:5555', '1.2.3 is not an IPv4 address'],
    ['tcp://::1:5555', 'write an IPv6 address in brackets: tcp://[::1]:5555'],
    ['tcp://[::1:5555', 'an IPv6 address opened with [ needs its closing ]'],
    ['tcp://[::1]5555', 'a port follows the address: [::1]:5555'],
    ['tcp://[zz::1]:5555', '[zz::1] is not an IPv6 address'],
    ['tcp://bad_host!:5555', '"bad_host!" is not a host name, an IP address or *'],
    ['tcp://-lead.example:5555', '"-lead.example" is not a host name, an IP address or *'],
    ['tcp://10.0.0.1;127.0.0.1:5555', 'the source-address form tcp://source;host:port is not supported here'],
    ['tcp://127.0.0.1: 5555', 'an endpoint contains no spaces'],
    ['inproc://*', 'inproc has no wildcard: give the endpoint a name, e.g. inproc://workers'],
    [`ipc:///${'x'.repeat(107)}`, 'an ipc path is at most 107 characters (a Unix socket address)'],
    ['epgm://239.192.1.1:5555', 'epgm names an interface and a multicast group: epgm://eth0;239.192.1.1:5555'],
    ['pgm://eth0;10.0.0.1:5555', '10.0.0.1 is not an IPv4 multicast group (224.0.0.0 to 239.255.255.255)'],
    ['pgm://eth0;239.1.1.1:*', 'port "*" is not a number from 1 to 65535'],
  ])('%s', (s, message) => {
    expect(parseEndpoint(s)).toBe(message);
  });

  it('refuses wildcards for connect: a connect needs one concrete peer', () => {
    expect(parseEndpoint('tcp://127.0.0.1:*', 'connect')).toBe(
      'port * means "any free port" and works only for bind: a connect needs the real port',
    );
    expect(parseEndpoint('tcp://*:5555', 'connect')).toBe(
      'cannot connect to the wildcard host *: name the machine, e.g. tcp://127.0.0.1:5555',
    );
    expect(parseEndpoint('tcp://0.0.0.0:5555', 'connect')).toBe(
      'cannot connect to the wildcard host 0.0.0.0: name the machine, e.g. tcp://127.0.0.1:5555',
    );
    expect(parseEndpoint('ipc://*', 'connect')).toBe('ipc://* only works for bind: a connect needs the real path');
  });
});

describe('host classes', () => {
  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '*', '0.0.0.0', 'example.com', '::'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('knows wildcard hosts', () => {
    expect(['*', '0.0.0.0', '::'].map(isWildcardHost)).toEqual([true, true, true]);
    expect(['127.0.0.1', 'localhost'].map(isWildcardHost)).toEqual([false, false]);
  });
});

describe('formatEndpoint', () => {
  it.each([
    'tcp://127.0.0.1:5555',
    'tcp://[::1]:5555',
    'tcp://*:*',
    'ipc:///tmp/a.ipc',
    'inproc://x',
    'epgm://eth0;239.1.1.1:5555',
  ])('round-trips %s', (s) => {
    expect(formatEndpoint(parsed(s))).toBe(s);
  });
});

describe('bindsCollide', () => {
  const collide = (a: string, b: string): boolean => bindsCollide(parsed(a), parsed(b));

  it('treats localhost, 127.0.0.1 and the wildcard as the same port', () => {
    expect(collide('tcp://127.0.0.1:5000', 'tcp://localhost:5000')).toBe(true);
    expect(collide('tcp://*:5000', 'tcp://127.0.0.1:5000')).toBe(true);
    expect(collide('tcp://10.0.0.1:5000', 'tcp://0.0.0.0:5000')).toBe(true);
  });

  it('keeps different ports, interfaces and transports apart', () => {
    expect(collide('tcp://127.0.0.1:5000', 'tcp://127.0.0.1:5001')).toBe(false);
    expect(collide('tcp://127.0.0.1:5000', 'tcp://10.0.0.1:5000')).toBe(false);
    expect(collide('tcp://127.0.0.1:5000', 'ipc://127.0.0.1:5000')).toBe(false);
  });

  it('never collides on * (each bind gets a fresh port or file)', () => {
    expect(collide('tcp://127.0.0.1:*', 'tcp://127.0.0.1:*')).toBe(false);
    expect(collide('ipc://*', 'ipc://*')).toBe(false);
  });

  it('collides on one ipc path or inproc name', () => {
    expect(collide('ipc:///tmp/a', 'ipc:///tmp/a')).toBe(true);
    expect(collide('inproc://a', 'inproc://a')).toBe(true);
    expect(collide('inproc://a', 'inproc://b')).toBe(false);
  });
});
