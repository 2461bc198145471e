import type { IncomingMessage } from 'node:http';

/**
 * The Emulator mode's gate (TEAMS_EMULATOR=1): activities carry no token, so the only thing that
 * vouches for a caller is that it runs on this machine. A tunnel (cloudflared, devtunnel, ngrok) or
 * a local reverse proxy also connects from 127.0.0.1, so the socket address alone proves nothing:
 * requests that show any trace of a proxy, or that a browser sent, are refused too. A plain TCP
 * forwarder leaves no trace at all; that is why this mode is opt-in and never the default.
 */

/** Headers that proxies and tunnels add; the Emulator and local tests never send them. */
export const proxyHeaders = [
  'forwarded',
  'via',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'cf-connecting-ip',
] as const;

/** Why this request may not be served without a token, or undefined when it came from this machine. */
export function localRequestProblem(req: IncomingMessage): string | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return 'the caller is not on this machine';
  const proxied = proxyHeaders.find((name) => req.headers[name] !== undefined);
  if (proxied) return `the request came through a proxy or tunnel (${proxied} header)`;
  // A public Host is a tunnel that kept the original one, or DNS rebinding from a web page.
  if (!isLoopbackHost(req.headers.host)) return 'the Host header is not a loopback name';
  // Browsers send Origin on every cross-site POST; the Emulator and curl do not.
  if (req.headers.origin !== undefined) return 'the request came from a web page (Origin header)';
  return undefined;
}

/** Why the bot may not answer at this serviceUrl in the Emulator mode, or undefined for a loopback http(s) URL. */
export function serviceUrlProblem(serviceUrl: unknown): string | undefined {
  if (typeof serviceUrl !== 'string' || serviceUrl === '') return 'the activity has no serviceUrl';
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return 'the serviceUrl is not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'the serviceUrl is not http(s)';
  // URL has already normalized the host: 2130706433, 0x7f.1 and 127.1 all read 127.0.0.1 here.
  return isLoopbackName(url.hostname) ? undefined : 'the serviceUrl is not a loopback address';
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** `localhost`, `127.x.y.z` or `[::1]`, as a URL hostname. */
function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return name === 'localhost' || name === '[::1]' || isLoopbackAddress(name);
}

/** A Host header (`name[:port]`) naming this machine; anything fancier (userinfo, paths) is not. */
function isLoopbackHost(host: string | undefined): boolean {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.exec(host ?? '');
  return match !== null && isLoopbackName(match[1]);
}
