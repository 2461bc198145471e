import { request } from 'node:http';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { activity, botAccount, mention, startTeamsHarness, type TeamsHarness } from './teams-harness';

/**
 * The Emulator mode (TEAMS_EMULATOR=1) end to end: no tokens, so only requests from this machine
 * that came through no proxy, tunnel or browser, and only replies to loopback serviceUrls.
 */

const channelId = '19:general@thread.tacv2';

let h: TeamsHarness;
let logs: Array<{ msg: string; reason?: string; level: number }>;

beforeEach(async () => {
  logs = [];
  h = await startTeamsHarness({
    logger: createLogger({
      level: 'debug',
      destination: new Writable({
        write(chunk, _encoding, done) {
          logs.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    }),
  });
});

afterEach(async () => {
  await h.close();
});

function createMeet(fields: Record<string, unknown> = {}) {
  const me = mention(botAccount);
  return activity(h.connector, { text: `${me.text} "Coffee chat"`, entities: [me.entity], ...fields });
}

/** POST /api/messages over node:http, which lets a test set Host like a tunnel or a rebinding page would. */
function post(body: unknown, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = request(
      `${h.url}/api/messages`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

async function expectNothingDone(): Promise<void> {
  expect(h.sandbox.requests).toEqual([]);
  expect(h.connector.requests).toEqual([]);
  expect(await h.store.findTeamsConversation(channelId)).toBeUndefined();
}

test('a local request is served: the Meet is created and its card posted to the loopback serviceUrl', async () => {
  const res = await h.post(createMeet());
  expect(res.status).toBe(200);
  expect(h.sandbox.meetings).toHaveLength(1);
  const [posted] = await h.connector.waitForSent(1);
  expect(JSON.stringify(posted.activity)).toContain(h.sandbox.meetings[0].joinUrl);
});

test.each<[string, Record<string, string>]>([
  ['Forwarded (RFC 7239 proxy)', { forwarded: 'for=203.0.113.5;proto=https' }],
  ['X-Forwarded-For (devtunnel, ngrok, nginx)', { 'x-forwarded-for': '203.0.113.5' }],
  ['X-Real-IP (nginx)', { 'x-real-ip': '203.0.113.5' }],
  ['CF-Connecting-IP (cloudflared)', { 'cf-connecting-ip': '203.0.113.5' }],
  ['X-Forwarded-Host', { 'x-forwarded-host': 'meetbot.example.com' }],
  ['a public Host (a tunnel keeping it, DNS rebinding)', { host: 'abc-123.trycloudflare.com' }],
  ['Origin (a web page posting to localhost)', { origin: 'https://evil.example' }],
])('a request with %s gets 401 and nothing happens', async (_name, headers) => {
  const res = await post(createMeet(), headers);
  expect(res).toEqual({ status: 401, body: { error: 'unauthorized' } });
  await expectNothingDone();
  expect(logs.filter((l) => l.msg.startsWith('teams: refused'))).toEqual([
    expect.objectContaining({
      level: 40,
      reason: expect.stringContaining('TEAMS_EMULATOR=1 serves this machine only'),
    }),
  ]);
});

test.each([
  'https://smba.trafficmanager.net/emea/',
  'http://10.0.0.5:8080/',
  'http://169.254.169.254/latest/meta-data/',
  'http://127.0.0.1.nip.io/',
  'file:///etc/passwd',
  '',
])('an activity whose serviceUrl is %j gets 401: no Meet, no reply, nothing stored', async (serviceUrl) => {
  const res = await h.post(createMeet({ serviceUrl }));
  expect(res).toEqual({ status: 401, body: { error: 'unauthorized' } });
  await expectNothingDone();
});

test('usage and configs, the reports an intruder would read, are refused the same way', async () => {
  for (const text of ['usage last week', 'configs']) {
    const res = await h.post(
      activity(h.connector, { text, conversationType: 'personal', serviceUrl: 'http://10.9.9.9/' }),
    );
    expect(res.status).toBe(401);
  }
  await expectNothingDone();
});

test('a reference stored with a non-loopback serviceUrl (by an older version) gets no proactive post', async () => {
  await h.store.saveTeamsConversation({
    conversationId: channelId,
    reference: {
      serviceUrl: 'http://10.0.0.5:8080/internal/',
      channelId: 'msteams',
      conversation: { id: channelId },
      bot: botAccount,
    },
  });
  await expect(h.bot.sendToConversation(channelId, { text: 'Weekly digest' })).rejects.toMatchObject({
    name: 'AppError',
    code: 'forbidden',
    message: expect.stringContaining('TEAMS_EMULATOR=1'),
  });
  // Refused, not "bot removed": the reference stays for an operator to look at.
  expect(await h.store.findTeamsConversation(channelId)).toBeDefined();
});
