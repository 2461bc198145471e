import { randomBytes, timingSafeEqual } from 'node:crypto';
import { badRequest, problem, type Reply } from './problem';

export interface TokenSettings {
  clientKey: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  expiresAtUnit: 'seconds' | 'milliseconds';
  tenantId: string;
  now: () => Date;
}

export type TokenCheck = 'ok' | 'missing' | 'unknown' | 'expired';

export interface TokenStore {
  /** POST /v1/token */
  exchange(body: unknown): Reply;
  /** Checks an `Authorization` header value: `bearer <token>`, scheme in any case. */
  check(authorization: string | undefined): TokenCheck;
  /** Every issued token becomes invalid. */
  expireAll(): void;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function unauthorized(detail: string): Reply {
  return problem(401, detail, { 'www-authenticate': 'Bearer' });
}

export function createTokenStore(settings: TokenSettings): TokenStore {
  // token -> expiry (ms since epoch)
  const issued = new Map<string, number>();

  const issue = () => {
    const nowMs = settings.now().getTime();
    const expiresAtMs = nowMs + settings.tokenTtlSeconds * 1000;
    // JWT-looking, like the real API's, but signed with nothing: the sandbox only looks it up.
    const token = [
      base64url({ alg: 'HS256', typ: 'JWT' }),
      base64url({
        iss: 'meet-sandbox',
        sub: settings.tenantId,
        iat: Math.floor(nowMs / 1000),
        exp: Math.floor(expiresAtMs / 1000),
        jti: randomBytes(8).toString('hex'),
      }),
      randomBytes(32).toString('base64url'),
    ].join('.');
    issued.set(token, expiresAtMs);
    const expiresAt = settings.expiresAtUnit === 'milliseconds' ? expiresAtMs : Math.floor(expiresAtMs / 1000);
    return { access_token: token, expires_at: expiresAt };
  };

  return {
    exchange(body) {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return badRequest('the body must be a JSON object { grant_type, client_key, client_secret }');
      }
      const { grant_type, client_key, client_secret } = body as Record<string, unknown>;
      if (grant_type !== 'client_credentials') return badRequest("grant_type must be 'client_credentials'");
      if (typeof client_key !== 'string' || client_key === '') return badRequest('client_key is required');
      if (typeof client_secret !== 'string' || client_secret === '') return badRequest('client_secret is required');
      if (client_key !== settings.clientKey || !sameSecret(client_secret, settings.clientSecret)) {
        return unauthorized('invalid client_key or client_secret');
      }
      return { status: 200, body: issue() };
    },
    check(authorization) {
      const match = /^bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!match) return 'missing';
      const expiresAtMs = issued.get(match[1]!);
      if (expiresAtMs === undefined) return 'unknown';
      return settings.now().getTime() < expiresAtMs ? 'ok' : 'expired';
    },
    expireAll() {
      issued.clear();
    },
  };
}
