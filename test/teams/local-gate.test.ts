import type { IncomingMessage } from 'node:http';
import { isLoopbackAddress, localRequestProblem, serviceUrlProblem } from '../../src/teams/local-gate';

function request(remoteAddress: string, headers: Record<string, string>): IncomingMessage {
  return { socket: { remoteAddress }, headers } as unknown as IncomingMessage;
}

describe('the Emulator mode gate', () => {
  test('loopback socket addresses', () => {
    for (const address of ['127.0.0.1', '127.255.0.9', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address)).toBe(true);
    }
    for (const address of [undefined, '', '10.0.0.1', '::ffff:10.0.0.1', '127.0.0.1.evil', '2001:db8::1', '0.0.0.0']) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });

  test('the serviceUrls the bot may answer: loopback http(s) only', () => {
    for (const url of [
      'http://127.0.0.1:4555',
      'http://localhost:53000/',
      'https://LOCALHOST/x',
      'http://[::1]:9000/',
      'http://127.9.9.9/',
      // Numeric spellings of 127.0.0.1, which URL normalizes.
      'http://2130706433/',
      'http://0x7f.1/',
    ]) {
      expect([url, serviceUrlProblem(url)]).toEqual([url, undefined]);
    }
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'http://10.0.0.5/',
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.1.nip.io/',
      'http://localhost.evil.example/',
      'ftp://127.0.0.1/',
      'file:///etc/passwd',
      'not a url',
      '',
      undefined,
      42,
    ]) {
      expect([url, serviceUrlProblem(url)]).toEqual([url, expect.any(String)]);
    }
  });

  test('a request from this machine, straight to the port, passes', () => {
    expect(localRequestProblem(request('127.0.0.1', { host: 'localhost:3978' }))).toBeUndefined();
    expect(localRequestProblem(request('::1', { host: '[::1]:3978' }))).toBeUndefined();
    expect(localRequestProblem(request('127.0.0.1', { host: '127.0.0.1' }))).toBeUndefined();
  });

  test('each trace of a proxy, a tunnel or a browser is named', () => {
    const local = { host: 'localhost:3978' };
    expect(localRequestProblem(request('192.168.1.7', local))).toBe('the caller is not on this machine');
    for (const name of ['forwarded', 'x-forwarded-for', 'x-real-ip', 'cf-connecting-ip', 'x-forwarded-host']) {
      expect(localRequestProblem(request('127.0.0.1', { ...local, [name]: 'x' }))).toContain(`(${name} header)`);
    }
    expect(localRequestProblem(request('127.0.0.1', { host: 'meetbot.example.com' }))).toContain('Host');
    expect(localRequestProblem(request('127.0.0.1', {}))).toContain('Host');
    expect(localRequestProblem(request('127.0.0.1', { ...local, origin: 'null' }))).toContain('Origin');
  });
});
