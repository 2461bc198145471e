import { createHmac } from 'node:crypto';
import type { SsoSettings } from '../../src/core/people';
import { createDigestSubscriptions } from '../../src/flows/digest-subscriptions';
import { runWatchTick, type WatchTickReport } from '../../src/flows/watch-meets';
import { createMeetClient } from '../../src/meet/client';
import type { MeetApi } from '../../src/meet/meet-api';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/server';
import { processSecrets } from '../../src/secrets/scrubber';
import { createHttpServer, type HttpServer } from '../../src/server';
import { createSlackApp, type SlackApp } from '../../src/slack/app';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { createLogCapture, type LogCapture, passcodesSentTo } from '../fixtures/log-capture';

/**
 * Everything a Slack end-to-end test needs, on loopback: the Meet sandbox, an in-memory store,
 * the fake Slack Web API, our Slack app mounted on our HTTP server, and signed-request helpers.
 */

export const signingSecret = 'test-signing-secret-0123456789';

export interface HarnessOptions {
  oauth?: boolean;
  sandbox?: SandboxOptions;
  sso?: SsoSettings;
  slowNoticeMs?: number;
  passcodes?: string[];
  /** Default `sqlite::memory:`. */
  databaseUrl?: string;
  /** Stands between the app and the real store (tests of store failures). */
  wrapStore?: (store: Store) => Store;
  /** Set up digest subscriptions (`/meet digest …`). */
  digests?: boolean;
  /** The watcher follows created Meets (their message starts as "Not started yet"). */
  watching?: boolean;
}

export interface SignedOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replaces the computed signature. */
  signature?: string;
}

export interface SlashOptions {
  userId?: string;
  channelId?: string;
  triggerId?: string;
  teamId?: string;
  /** The id of its response_url in `slack.responses` (default `slashN`). */
  responseId?: string;
  /** The request's timestamp, for a server on another clock (default now). */
  timestamp?: number;
}

export interface Harness {
  url: string;
  sandbox: Sandbox;
  slack: FakeSlackApi;
  store: Store;
  meet: MeetApi;
  app: SlackApp;
  /** Every log line, parsed (debug level). */
  logs: Array<Record<string, unknown>>;
  /** The same lines as written, and what leaked into them. */
  capture: LogCapture;
  send(body: string, contentType: string, options?: SignedOptions): Promise<{ status: number; body: string }>;
  /** A signed `/meet TEXT`; `responseId` names its response_url in `slack.responses`. */
  slash(text: string, options?: SlashOptions): Promise<{ status: number; body: string; responseId: string }>;
  /** A signed interactivity payload (view_submission, shortcut, block_actions). */
  interact(payload: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** A signed Events API callback. */
  event(event: Record<string, unknown>, extra?: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** One watcher tick at `at` (a minute's poll) with this harness's store, Meet API, log and announcer. */
  watchTick(at: Date): Promise<WatchTickReport>;
  close(): Promise<void>;
}

/** The channel message whose JSON contains `text` (posted with the bot token or through a response_url). */
export function waitForChannelMessage(
  slack: FakeSlackApi,
  text: string,
): Promise<{ via: 'bot' | 'response_url'; channel?: string; responseId?: string; body: Record<string, unknown> }> {
  return slack.waitFor(() => slack.channelMessages().find((m) => JSON.stringify(m.body).includes(text)));
}

export function sign(body: string, timestamp: number): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The people of the interview example: a recruiter types, an interviewer is mentioned. */
export function addDefaultUsers(slack: FakeSlackApi): void {
  slack.addUser({ id: 'UREC', name: 'rita', email: 'rita@acme.com', firstName: 'Rita', lastName: 'Recruiter' });
  slack.addUser({ id: 'UINT', name: 'ian', email: 'ian@acme.com', firstName: 'Ian', lastName: 'Interviewer' });
  slack.addUser({ id: 'UBOB', name: 'bob', realName: 'Bob Builder', email: 'bob@acme.io' });
  slack.addUser({ id: 'UNOMAIL', name: 'ghost', realName: 'Ghost Writer' });
}

let seq = 0;

/** A signed POST to the `/slack/events` of the meetbot at `url`, as Slack sends it. */
export async function sendSigned(
  url: string,
  body: string,
  contentType: string,
  signed: SignedOptions = {},
): Promise<{ status: number; body: string }> {
  const timestamp = signed.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signed.signature ?? sign(body, timestamp),
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}

/**
 * A signed `/meet TEXT` to the meetbot at `url` (the harness's, or one an end-to-end test started
 * itself), typed by @rita in #hiring unless `o` says otherwise; its response_url is on `slack`.
 */
export async function sendSlash(
  url: string,
  slack: FakeSlackApi,
  text: string,
  o: SlashOptions = {},
): Promise<{ status: number; body: string; responseId: string }> {
  seq += 1;
  const responseId = o.responseId ?? `slash${seq}`;
  const form = new URLSearchParams({
    token: 'legacy',
    team_id: o.teamId ?? slack.team.id,
    team_domain: 'acme',
    channel_id: o.channelId ?? 'C0CHAN',
    channel_name: 'hiring',
    user_id: o.userId ?? 'UREC',
    user_name: 'rita',
    command: '/meet',
    text,
    api_app_id: 'A0001',
    response_url: slack.responseUrl(responseId),
    trigger_id: o.triggerId ?? `trigger.${seq}.${Date.now()}`,
  });
  const signed = o.timestamp === undefined ? {} : { timestamp: o.timestamp };
  return { ...(await sendSigned(url, form.toString(), 'application/x-www-form-urlencoded', signed)), responseId };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const capture = createLogCapture('debug');
  const { logger, entries: logs } = capture;
  const sandbox = await startSandbox(options.sandbox);
  const slack = await startFakeSlackApi();
  addDefaultUsers(slack);
  const store = await openStore(options.databaseUrl ?? 'sqlite::memory:');
  const meet = createMeetClient({
    baseUrl: sandbox.url,
    clientKey: 'sandbox-key',
    clientSecret: 'sandbox-secret',
    logger,
  });
  const passcodes = [...(options.passcodes ?? [])];
  const oauth = { clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret-for-tests' };
  const botToken = 'xoxb-test-token';
  // What the composition root does with the configuration (rememberConfiguredSecrets).
  const configured = [signingSecret, botToken, oauth.clientSecret, oauth.stateSecret];
  for (const secret of configured) processSecrets.add(secret, 'configured');
  const app = await createSlackApp({
    config: { signingSecret, apiUrl: slack.apiUrl, ...(options.oauth ? { oauth } : { botToken }) },
    meet,
    store: options.wrapStore ? options.wrapStore(store) : store,
    logger,
    clock: () => new Date(),
    sso: options.sso ?? { domains: { 'acme.com': 'microsoft' } },
    defaultTimeZone: 'UTC',
    slowNoticeMs: options.slowNoticeMs,
    generatePasscode: passcodes.length > 0 ? () => passcodes.shift() ?? '99999999' : undefined,
    digests: options.digests ? createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger }) : undefined,
    watching: options.watching,
  });
  const server: HttpServer = createHttpServer({ routes: app.routes, logger });
  const { url } = await server.listen(0, '127.0.0.1');

  const send = (body: string, contentType: string, signed: SignedOptions = {}) =>
    sendSigned(url, body, contentType, signed);

  const team = slack.team.id;
  return {
    url,
    sandbox,
    slack,
    store,
    meet,
    app,
    logs,
    capture,
    send,
    slash: (text, o = {}) => sendSlash(url, slack, text, o),
    watchTick: (at) =>
      runWatchTick({ store, meet, logger, clock: () => at, announcers: { slack: app.announcer }, pollMs: 60_000 }, at),
    interact(payload) {
      const form = new URLSearchParams({ payload: JSON.stringify(payload) });
      return send(form.toString(), 'application/x-www-form-urlencoded');
    },
    event(event, extra = {}) {
      const body = JSON.stringify({
        token: 'legacy',
        team_id: team,
        api_app_id: 'A0001',
        type: 'event_callback',
        event_id: `Ev${++seq}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
        event,
        ...extra,
      });
      return send(body, 'application/json');
    },
    /** Stops everything, then fails if a secret or a passcode reached the (debug-level) log. */
    async close() {
      await server.close();
      await app.stop();
      await meet.close();
      await store.close();
      await slack.close();
      await sandbox.close();
      capture.assertNoLeaks([...configured, ...passcodesSentTo(sandbox)]);
    },
  };
}
