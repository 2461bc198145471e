import { type FakeOpenIdIssuer, outboundToken, startFakeOpenIdIssuer } from '../fixtures/fake-openid-issuer';
import { passcodesSentTo } from '../fixtures/log-capture';
import {
  activity,
  alice,
  bob,
  botAccount,
  mention,
  startTeamsHarness,
  type TeamsHarness,
  tenantId,
} from './teams-harness';

/**
 * The Teams bot as production runs it: MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD set, every
 * activity with a Bot Framework token checked by botbuilder (against the loopback OpenID issuer),
 * the bot's own calls with its token. The harness captures every line at debug level, including
 * what botbuilder prints with console.error (routed to the logger as startApp routes it). No app
 * password, Bot Framework token, Meet client secret or passcode may appear in any of them. (The
 * harness checks its whole list again as it closes.)
 */

const appId = '7d0e4b1a-3c2f-4e5d-9a8b-1c2d3e4f5a6b';
const appPassword = 'ms-app-password~teams.4Kq';
const meetClientSecret = 'meet-client-secret-teams-8d3e';
// Letters and digits, as guests:PASSCODE takes them; the harness generates 40000001, 40000002, …
const typedPasscode = 'Gu3stTeams42';
const generatedPasscode = '40000001';
const channelId = '19:general@thread.tacv2';

let issuer: FakeOpenIdIssuer;
let h: TeamsHarness;

beforeEach(async () => {
  issuer = await startFakeOpenIdIssuer();
  h = await startTeamsHarness({
    config: { appId, appPassword, tenantId },
    authentication: issuer.authentication(),
    sandbox: { clientKey: 'meet-key-teams', clientSecret: meetClientSecret },
  });
});

afterEach(async () => {
  // The harness's close fails on a leak: the issuer is closed either way, or jest would wait for it.
  try {
    await h.close();
  } finally {
    await issuer.close();
  }
});

/** `@Meet interview @Alice candidate@x.com guests:Gu3stTeams42 "Backend L2"`, with a valid channel token. */
async function createInterview() {
  const me = mention(botAccount);
  const al = mention(alice);
  const token = issuer.token({ aud: appId, serviceurl: h.connector.url });
  const res = await h.post(
    activity(h.connector, {
      text: `${me.text} interview ${al.text} candidate@x.com guests:${typedPasscode} "Backend L2"`,
      entities: [me.entity, al.entity],
    }),
    { authorization: `Bearer ${token}` },
  );
  expect(res.status).toBe(200);
  return token;
}

const seconds = () => Math.floor(Date.now() / 1000);

test('an authenticated interview with passcodes, then tokens botbuilder refuses: no secret in any line', async () => {
  const token = await createInterview();
  await h.connector.waitForSent(2);
  // What the user sees: the card in the channel, the passcodes only in Bob's private chat.
  const meeting = h.sandbox.meetings[0];
  const inChannel = JSON.stringify(h.connector.sent.filter((s) => s.conversationId === channelId));
  expect(inChannel).toContain(meeting.joinUrl);
  expect(inChannel).not.toContain(generatedPasscode);
  const privately = h.connector.sent.filter((s) => s.conversationId === `a:1on1-${bob.id}`);
  expect(JSON.stringify(privately)).toContain(generatedPasscode);

  // Refused by botbuilder's own check, which prints each to console.error before it throws.
  const forged = issuer.token({ aud: appId, serviceurl: h.connector.url }, { key: issuer.foreignKey });
  const expired = issuer.token({
    aud: appId,
    serviceurl: h.connector.url,
    nbf: seconds() - 7200,
    iat: seconds() - 7200,
    exp: seconds() - 600,
  });
  for (const refused of [forged, expired]) {
    const res = await h.post(activity(h.connector, { text: 'help' }), { authorization: `Bearer ${refused}` });
    expect(res).toEqual({ status: 401, body: { error: 'unauthorized' } });
  }

  // The secrets were in play: the Meet API got both passcodes, the Bot Connector the bot's token.
  const passcodes = passcodesSentTo(h.sandbox);
  expect(passcodes).toEqual(expect.arrayContaining([typedPasscode, generatedPasscode]));
  expect(new Set(h.connector.requests.map((r) => r.authorization))).toEqual(new Set([`Bearer ${outboundToken}`]));
  // …and their lines were captured: the create, the refusals, and botbuilder's console output.
  const messages = h.capture.entries.map((e) => String(e.msg));
  expect(messages).toContain('Meet created from teams');
  expect(messages.filter((m) => m.startsWith('teams: refused'))).toHaveLength(2);
  const printed = h.capture.entries.filter((e) => e.component === 'console');
  expect(printed).toEqual([
    expect.objectContaining({ level: 50, msg: expect.stringContaining('Error finding key for token') }),
    expect.objectContaining({ level: 50, err: expect.objectContaining({ type: 'TokenExpiredError' }) }),
  ]);

  // The bot's own token is held as a secret once it was used: a library printing it, bare and in no
  // token shape, prints a blank (console output is routed to the logger, as in startApp).
  console.error(`connector said: ${outboundToken} was fine`);
  expect(h.capture.entries.at(-1)).toMatchObject({
    component: 'console',
    msg: expect.stringContaining('connector said'),
  });

  const secrets = [appPassword, meetClientSecret, outboundToken, token, forged, expired, ...passcodes];
  expect(h.secrets()).toEqual(expect.arrayContaining(secrets));
  expect(h.capture.leaks(secrets)).toEqual([]);
});

test('the Meet API quotes the passcodes in its error: the failure is logged and shown, neither with a passcode', async () => {
  // A strict API might name what it refused, in words no secret pattern recognises.
  h.sandbox.injectFault({
    method: 'POST',
    path: '/v1/meetings',
    status: 400,
    body: {
      title: 'One or more validation errors occurred.',
      errors: {
        'participants[1]': [`Passcode ${typedPasscode} was used before`],
        'participants[2]': [`Passcode ${generatedPasscode} is too weak`],
      },
    },
  });
  const token = await createInterview();
  const [reply] = await h.connector.waitForSent(1);

  expect(h.sandbox.meetings).toHaveLength(0);
  const passcodes = passcodesSentTo(h.sandbox);
  expect(passcodes).toEqual(expect.arrayContaining([typedPasscode, generatedPasscode]));
  // What the channel sees: the API's words, without the passcodes, and a reference id…
  const shown = JSON.stringify(reply.activity);
  expect(shown).toContain('was used before');
  expect(shown).toContain('is too weak');
  for (const passcode of passcodes) expect(shown).not.toContain(passcode);
  const referenceId = /Reference: (\w+)/.exec(shown)?.[1];
  expect(referenceId).toEqual(expect.any(String));
  // …that finds the error line, which has the API's words but no passcode either.
  const logged = h.capture.entries.find((e) => e.referenceId === referenceId);
  expect(logged).toMatchObject({ level: 50, err: { type: 'MeetApiError', status: 400 } });
  expect(JSON.stringify(logged)).toContain('is too weak');

  const secrets = [appPassword, meetClientSecret, outboundToken, token, ...passcodes];
  expect(h.secrets()).toEqual(expect.arrayContaining(secrets));
  expect(h.capture.leaks(secrets)).toEqual([]);
});
