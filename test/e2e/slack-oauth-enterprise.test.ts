import { AppError } from '../../src/core/errors';
import { runDueDigests } from '../../src/digest/run-due';
import { createDigestSubscriptions } from '../../src/flows/digest-subscriptions';
import { createSilentLogger } from '../../src/logger';
import { createMeetClient } from '../../src/meet/client';
import type { MeetApi } from '../../src/meet/meet-api';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { createHttpServer, type HttpServer } from '../../src/server';
import { createSlackApp, type SlackApp } from '../../src/slack/app';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { createFakeTimers } from '../digest/fixtures';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { thursdayThenMonday } from '../fixtures/instants';
import { addDefaultUsers, sign, signingSecret, waitForChannelMessage } from './slack-harness';

/**
 * An Enterprise Grid org-wide install end to end: the OAuth round trip stores the installation
 * by enterprise; commands from any workspace of the org use the org's bot token, and so do the
 * digests subscribed there; uninstalling (or revoking the tokens) forgets it.
 */

// A Thursday and the Monday 09:00 (Berlin) after it, both ahead of the real clock: see instants.ts.
const { subscribedAt, due } = thursdayThenMonday();
const orgToken = 'xoxb-installed-E1';
const logger = createSilentLogger();

let sandbox: Sandbox;
let slack: FakeSlackApi;
let store: Store;
let meet: MeetApi;
let app: SlackApp;
let server: HttpServer;
let url: string;
/** Set, the app's installation lookups fail like a store that is down. */
let failLookups = false;

beforeEach(async () => {
  sandbox = await startSandbox({ now: () => due });
  slack = await startFakeSlackApi();
  slack.enterpriseInstall = { id: 'E1', name: 'Acme Org' };
  addDefaultUsers(slack);
  store = await openStore('sqlite::memory:', { clock: () => subscribedAt });
  failLookups = false;
  const real = store;
  const lookups: Store = {
    ...real,
    findSlackInstallation: (query) =>
      failLookups ? Promise.reject(new AppError('store_error', 'database is down')) : real.findSlackInstallation(query),
  };
  meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  app = await createSlackApp({
    config: {
      signingSecret,
      apiUrl: slack.apiUrl,
      oauth: { clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests' },
    },
    meet,
    store: lookups,
    logger,
    clock: () => subscribedAt,
    sso: { domains: {} },
    defaultTimeZone: 'UTC',
    digests: createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger }),
  });
  server = createHttpServer({ routes: app.routes, logger });
  ({ url } = await server.listen(0, '127.0.0.1'));
});

afterEach(async () => {
  await server.close();
  await app.stop();
  await meet.close();
  await store.close();
  await slack.close();
  await sandbox.close();
});

const orgInstall = { enterpriseId: 'E1', isEnterpriseInstall: true } as const;

async function install(): Promise<void> {
  const start = await fetch(`${url}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0];
  const callback = await fetch(`${url}/slack/oauth_redirect?code=org-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
  expect(callback.status).toBeLessThan(400);
}

async function post(body: string, contentType: string): Promise<{ status: number; body: string }> {
  // The receiver checks the timestamp against the app clock.
  const timestamp = Math.floor(subscribedAt.getTime() / 1000);
  const res = await fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp),
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}

let seq = 0;
/** `/meet TEXT` typed in workspace T9 of the org E1, as Slack sends it for an org-wide install. */
async function slash(text: string, channelId = 'C0ORG'): Promise<Record<string, unknown>> {
  const responseId = `org${++seq}`;
  const form = new URLSearchParams({
    token: 'legacy',
    team_id: 'T9',
    team_domain: 'acme-sales',
    enterprise_id: 'E1',
    enterprise_name: 'Acme Org',
    is_enterprise_install: 'true',
    channel_id: channelId,
    user_id: 'UREC',
    command: '/meet',
    text,
    api_app_id: 'A0001',
    response_url: slack.responseUrl(responseId),
    trigger_id: `org.${seq}`,
  });
  const sent = await post(form.toString(), 'application/x-www-form-urlencoded');
  expect(sent.status).toBe(200);
  if (sent.body.trim()) return JSON.parse(sent.body) as Record<string, unknown>;
  return (await slack.waitFor(() => slack.responses.find((r) => r.id === responseId))).body;
}

/** An Events API callback for the org-wide install, seen from workspace T9. */
function orgEvent(event: Record<string, unknown>) {
  return post(
    JSON.stringify({
      token: 'legacy',
      team_id: 'T9',
      enterprise_id: 'E1',
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: `EvOrg${++seq}`,
      event_time: Math.floor(subscribedAt.getTime() / 1000),
      authorizations: [
        { enterprise_id: 'E1', team_id: null, user_id: 'UBOT', is_bot: true, is_enterprise_install: true },
      ],
      is_ext_shared_channel: false,
      event,
    }),
    'application/json',
  );
}

async function untilForgotten(): Promise<void> {
  for (let i = 0; i < 200 && (await store.findSlackInstallation(orgInstall)); i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('an org-wide install serves every workspace of the org with the org token, digests included, until uninstalled', async () => {
  await install();
  expect(slack.callsTo('oauth.v2.access')).toHaveLength(1);
  const saved = await store.findSlackInstallation(orgInstall);
  expect(saved).toMatchObject({ enterpriseId: 'E1', isEnterpriseInstall: true });
  expect(saved?.teamId).toBeUndefined();
  expect(saved?.installation).toMatchObject({ isEnterpriseInstall: true, bot: { token: orgToken } });
  expect(await store.findSlackInstallation({ teamId: 'T9', isEnterpriseInstall: false })).toBeUndefined();

  const help = await slash('help');
  expect(help.response_type).toBe('ephemeral');
  expect(JSON.stringify(help)).toContain('/meet');

  const created = slash('meeting <@UBOB> "Org sync"');
  await waitForChannelMessage(slack, 'Org sync');
  await created;
  const lookups = slack.callsTo('users.info');
  expect(lookups.length).toBeGreaterThan(0);
  expect(lookups.map((c) => c.token)).toEqual(lookups.map(() => orgToken));

  const subscribed = await slash('digest weekly monday 09:00 tz:Europe/Berlin tenant:ACME01', 'C0ORGDIGEST');
  expect(JSON.stringify(subscribed)).toContain('This channel will get the weekly Meet digest');
  const fake = createFakeTimers();
  const report = await runDueDigests(
    { store, meet, posters: { slack: app.digestPoster }, clock: () => due, logger, timers: fake.timers },
    due,
  );
  expect(report.failed).toEqual([]);
  expect(report.sent.map((s) => s.channelId)).toEqual(['C0ORGDIGEST']);
  const digestPost = slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0ORGDIGEST');
  expect(digestPost?.token).toBe(orgToken);

  const uninstalled = await orgEvent({ type: 'app_uninstalled', event_ts: '3.3' });
  expect(uninstalled.status).toBe(200);
  await untilForgotten();
  expect(await store.findSlackInstallation(orgInstall)).toBeUndefined();

  const refused = await slash('help');
  expect(refused.response_type).toBe('ephemeral');
  const words = JSON.stringify(refused);
  expect(words).toContain('meetbot is not installed');
  expect(words).not.toMatch(/Error|\n\s+at |stack/);
  await expect(app.postMessage({ workspaceId: 'E1', channelId: 'C0ORGDIGEST' }, { text: 'x' })).rejects.toMatchObject({
    code: 'not_found',
  });
});

test('tokens_revoked for the org bot forgets the org-wide install; a user-token revocation does not', async () => {
  await install();
  expect(await store.findSlackInstallation(orgInstall)).toBeDefined();

  await orgEvent({ type: 'tokens_revoked', tokens: { oauth: ['UINSTALLER'] }, event_ts: '4.4' });
  // A user token going away leaves the bot installed: its commands are still answered.
  expect(JSON.stringify(await slash('help'))).not.toContain('not installed');
  expect(await store.findSlackInstallation(orgInstall)).toBeDefined();

  const revoked = await orgEvent({ type: 'tokens_revoked', tokens: { bot: ['UBOT'] }, event_ts: '4.5' });
  expect(revoked.status).toBe(200);
  await untilForgotten();
  expect(await store.findSlackInstallation(orgInstall)).toBeUndefined();
  expect(JSON.stringify(await slash('help'))).toContain('meetbot is not installed');
});

test('a store that cannot look the install up is not mistaken for an uninstall', async () => {
  await install();
  failLookups = true;
  const answer = JSON.stringify(await slash('help'));
  expect(answer).toContain('could not check its installation');
  expect(answer).not.toContain('not installed');
  expect(answer).not.toContain('database is down');
  failLookups = false;
  expect(JSON.stringify(await slash('help'))).not.toContain('could not check');
});
