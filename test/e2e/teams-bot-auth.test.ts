import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { type FakeOpenIdIssuer, outboundToken, startFakeOpenIdIssuer } from '../fixtures/fake-openid-issuer';
import { activity, botAccount, mention, startTeamsHarness, type TeamsHarness, tenantId } from './teams-harness';

/**
 * The production path (MICROSOFT_APP_ID set) end to end: botbuilder's own Bot Framework token check,
 * pointed at a loopback OpenID issuer with its own signing key, in front of the real bot, the Meet
 * sandbox and the fake Bot Connector. Only the bot's outbound credentials are injected (MSAL will
 * not talk to an http token authority).
 */

const appId = '3f1c2a6e-8b9d-4e0f-a1b2-c3d4e5f60718';
const channelId = '19:general@thread.tacv2';

let issuer: FakeOpenIdIssuer;
let h: TeamsHarness;
let logs: string[];
let consoleError: jest.SpyInstance;

beforeEach(async () => {
  logs = [];
  // botbuilder prints each rejected token's error with console.error; the test reads our log instead.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  issuer = await startFakeOpenIdIssuer();
  h = await startTeamsHarness({
    config: { appId, appPassword: 'client-secret', tenantId },
    authentication: issuer.authentication(),
    logger: createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk, _encoding, done) {
          logs.push(chunk.toString());
          done();
        },
      }),
    }),
  });
});

afterEach(async () => {
  // The harness's close fails on a leak: the rest is closed either way, or jest would wait for it.
  try {
    await h.close();
  } finally {
    await issuer.close();
    consoleError.mockRestore();
  }
});

/** `@Meet "Coffee chat"`: creates a quick Meet, the command an intruder would want most. */
function createMeet(fields: Record<string, unknown> = {}) {
  const me = mention(botAccount);
  return activity(h.connector, { text: `${me.text} "Coffee chat"`, entities: [me.entity], ...fields });
}

const now = () => Math.floor(Date.now() / 1000);

test('a valid channel token: the Meet is created and the card posted, with the bot’s own credentials', async () => {
  const token = issuer.token({ aud: appId, serviceurl: h.connector.url });
  const res = await h.post(createMeet(), { authorization: `Bearer ${token}` });

  expect(res.status).toBe(200);
  expect(h.sandbox.meetings).toHaveLength(1);
  const [posted] = await h.connector.waitForSent(1);
  expect(JSON.stringify(posted.activity)).toContain(h.sandbox.meetings[0].joinUrl);
  expect(new Set(h.connector.requests.map((r) => r.authorization))).toEqual(new Set([`Bearer ${outboundToken}`]));
  // The key came from the loopback issuer's metadata and JWKS, not from a built-in list.
  expect(issuer.requests.map((r) => r.path)).toEqual(['/.well-known/openidconfiguration', '/keys']);
  expect(await h.store.findTeamsConversation(channelId)).toBeDefined();
});

type Forgery = { claims?: Record<string, unknown>; options?: Parameters<FakeOpenIdIssuer['token']>[1] };

/** What is wrong with the token, how to make it, and botbuilder's reason (in our log line). */
const refusals: Array<[string, () => Forgery, string]> = [
  ['a token for another bot (wrong audience)', () => ({ claims: { aud: 'another-bot-app-id' } }), 'Invalid AppId'],
  ['a token without an audience', () => ({ claims: { aud: undefined } }), 'Invalid AppId'],
  ['a token from another issuer', () => ({ claims: { iss: 'https://login.evil.example' } }), 'No valid identity'],
  [
    'an expired token (beyond the 5-minute clock tolerance)',
    () => ({ claims: { nbf: now() - 7200, iat: now() - 7200, exp: now() - 600 } }),
    'The token has expired',
  ],
  ['an unsigned token (alg: none)', () => ({ options: { alg: 'none' } }), 'jwt signature is required'],
  [
    'an HS256 token keyed with the public key (algorithm confusion)',
    () => ({ options: { alg: 'HS256' } }),
    'invalid algorithm',
  ],
  [
    'a token signed with a key that is not in the JWKS',
    () => ({ options: { key: issuer.foreignKey, kid: 'kid-not-in-jwks' } }),
    'Signing Key could not be retrieved',
  ],
  ['a forged signature under the JWKS key id', () => ({ options: { key: issuer.foreignKey } }), 'invalid signature'],
  [
    'a serviceurl claim that differs from the activity’s serviceUrl',
    () => ({ claims: { serviceurl: 'https://smba.trafficmanager.net/emea/' } }),
    'ServiceUrl claim do not match',
  ],
  [
    'a token without a serviceurl claim',
    () => ({ claims: { serviceurl: undefined } }),
    'ServiceUrl claim do not match',
  ],
];

test.each(refusals)('%s gets 401: no Meet, no Bot Connector call, nothing stored', async (_name, make, reason) => {
  const { claims, options } = make();
  const token = issuer.token({ aud: appId, serviceurl: h.connector.url, ...claims }, options);

  const res = await h.post(createMeet(), { authorization: `Bearer ${token}` });

  expect(res).toEqual({ status: 401, body: { error: 'unauthorized' } });
  expect(h.sandbox.requests).toEqual([]);
  expect(h.connector.requests).toEqual([]);
  expect(await h.store.findTeamsConversation(channelId)).toBeUndefined();
  const refused = logs.map((line) => JSON.parse(line)).filter((line) => line.msg.startsWith('teams: refused'));
  expect(refused).toEqual([expect.objectContaining({ level: 40, reason: expect.stringContaining(reason) })]);
  expect(logs.join('')).not.toContain(token);
});

test('a valid token for one serviceUrl cannot send the bot to an internal address (SSRF)', async () => {
  const token = issuer.token({ aud: appId, serviceurl: h.connector.url });
  const res = await h.post(createMeet({ serviceUrl: 'http://127.0.0.1:9/internal/' }), {
    authorization: `Bearer ${token}`,
  });
  expect(res.status).toBe(401);
  expect(h.sandbox.requests).toEqual([]);
  expect(await h.store.findTeamsConversation(channelId)).toBeUndefined();
});

test('without a Bearer token nothing is read, checked or fetched', async () => {
  for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer ']) {
    const res = await h.post(createMeet(), authorization ? { authorization } : {});
    expect(res).toEqual({ status: 401, body: { error: 'unauthorized' } });
  }
  expect(issuer.requests).toEqual([]);
  expect(h.sandbox.requests).toEqual([]);
  expect(h.connector.requests).toEqual([]);
});
