import { runWatchTick, type WatchTickReport } from '../../src/flows/watch-meets';
import { type Logger, routeConsoleToLogger } from '../../src/logger';
import { createMeetClient } from '../../src/meet/client';
import type { MeetApi } from '../../src/meet/meet-api';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/server';
import { processSecrets } from '../../src/secrets/scrubber';
import { createHttpServer, type HttpServer } from '../../src/server';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { createTeamsBot, type TeamsBot, type TeamsDeps } from '../../src/teams/app';
import { eventually } from '../fixtures/eventually';
import { type FakeBotConnector, startFakeBotConnector } from '../fixtures/fake-bot-connector';
import { createLogCapture, type LogCapture, passcodesSentTo } from '../fixtures/log-capture';

/**
 * The Teams half end to end on loopback: the Meet sandbox, an in-memory store, the bot behind the
 * real HTTP server, and a fake Bot Connector as every activity's serviceUrl.
 */
export interface TeamsHarness {
  url: string;
  sandbox: Sandbox;
  connector: FakeBotConnector;
  store: Store;
  meet: MeetApi;
  bot: TeamsBot;
  /**
   * Every log line at debug level, and what leaked into them: the bot's lines, the Meet client's and
   * what libraries print to the console (routed to the logger as the composition root does), also
   * when a test passes its own `logger` (which then gets the same calls).
   */
  capture: LogCapture;
  /**
   * Every value the leak check on close looks for, as of now: the configured secrets (the Meet client
   * secret, the Microsoft app password), the bearer tokens sent to the bot and by the bot to the Bot
   * Connector, and every passcode generated or sent to the Meet API.
   */
  secrets(): string[];
  /** POSTs to /api/messages; the body as parsed JSON when there is one. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  postRaw(text: string): Promise<{ status: number; body: unknown }>;
  /** One watcher tick at `at` (a minute's poll) with this harness's store, Meet API, log and announcer. */
  watchTick(at: Date): Promise<WatchTickReport>;
  close(): Promise<void>;
}

export const tenantId = 'a1b2c3d4-0000-4000-8000-00000000aaaa';
export const botAccount = { id: '28:meetbot', name: 'Meet' };
export const bob = {
  id: '29:bob',
  name: 'Bob Jones',
  aadObjectId: 'aad-bob',
  email: 'bob@contoso.com',
  userPrincipalName: 'bob@contoso.com',
  givenName: 'Bob',
  surname: 'Jones',
};
export const alice = {
  id: '29:alice',
  name: 'Alice Smith',
  aadObjectId: 'aad-alice',
  email: 'alice.smith@contoso.com',
  userPrincipalName: 'asmith@contoso.onmicrosoft.com',
  givenName: 'Alice',
  surname: 'Smith',
};

type BotIdentity = Omit<Extract<TeamsDeps['config'], { mode: 'bot' }>, 'mode' | 'appType'> & {
  appType?: Extract<TeamsDeps['config'], { mode: 'bot' }>['appType'];
};

export interface TeamsHarnessOptions {
  /** The bot's identity: every activity then needs a Bot Framework token. Unset: the Emulator mode (TEAMS_EMULATOR=1). */
  config?: BotIdentity;
  /** Where tokens are checked and how the bot signs its own calls (test/fixtures/fake-openid-issuer.ts). */
  authentication?: TeamsDeps['authentication'];
  invokeDeadlineMs?: number;
  /** Gets every log call too; the harness still captures them all at debug level and checks them for leaks. */
  logger?: Logger;
  /** Its clientKey and clientSecret (default sandbox-key, sandbox-secret) are the Meet client's too. */
  sandbox?: SandboxOptions;
  /** The watcher follows created Meets (their card starts as "Not started yet"). */
  watching?: boolean;
  /** The store (default SQLite in memory; a PostgreSQL test schema's URL for both dialects). */
  databaseUrl?: string;
  /** Stands between the bot and the real store (tests of a slow or failing store). */
  wrapStore?: (store: Store) => Store;
}

export async function startTeamsHarness(options: TeamsHarnessOptions = {}): Promise<TeamsHarness> {
  const sandbox = await startSandbox(options.sandbox);
  const connector = await startFakeBotConnector();
  connector.addMember(bob);
  connector.addMember(alice);
  // The people picker gives Entra object ids; the connector answers those too.
  connector.addMember({ ...alice, id: alice.aadObjectId });
  const store = await openStore(options.databaseUrl ?? 'sqlite::memory:');
  const capture = createLogCapture('debug');
  const logger = options.logger ? tee(capture.logger, options.logger) : capture.logger;
  const meetCredentials = {
    clientKey: options.sandbox?.clientKey ?? 'sandbox-key',
    clientSecret: options.sandbox?.clientSecret ?? 'sandbox-secret',
  };
  // What the composition root does with the configuration (rememberConfiguredSecrets).
  const configured = [meetCredentials.clientSecret, options.config?.appPassword].filter((s): s is string => !!s);
  for (const secret of configured) processSecrets.add(secret, 'configured');
  const meet = createMeetClient({ baseUrl: sandbox.url, ...meetCredentials, logger });
  const generated: string[] = [];
  const nextPasscode = sequence();
  const bot = createTeamsBot({
    // Tests without a bot identity opt into the Emulator mode explicitly, as TEAMS_EMULATOR=1 does.
    config: options.config ? { mode: 'bot', appType: 'SingleTenant', ...options.config } : { mode: 'emulator' },
    authentication: options.authentication,
    meet,
    store: options.wrapStore ? options.wrapStore(store) : store,
    logger,
    clock: () => new Date(),
    defaultTimeZone: 'UTC',
    invokeDeadlineMs: options.invokeDeadlineMs,
    generatePasscode: () => {
      const passcode = nextPasscode();
      generated.push(passcode);
      return passcode;
    },
    watching: options.watching,
  });
  const http: HttpServer = createHttpServer({ routes: bot.routes, logger });
  const { url } = await http.listen(0, '127.0.0.1');
  // botbuilder prints refused tokens' errors with console.error; startApp routes the console to the logger.
  const restoreConsole = routeConsoleToLogger(logger);

  // Tokens presented to the bot (accepted or not): a channel token could be replayed while it lasts.
  const inboundTokens: string[] = [];
  async function send(payload: string, headers: Record<string, string> = {}) {
    const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    const token = bearerToken(authorization);
    if (token) inboundTokens.push(token);
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: payload,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const secrets = () => [
    ...configured,
    ...inboundTokens,
    // The bot's own Bot Framework token(s), as the Bot Connector received them.
    ...connector.requests.map((r) => bearerToken(r.authorization)).filter((t): t is string => !!t),
    ...generated,
    ...passcodesSentTo(sandbox),
  ];

  return {
    url,
    sandbox,
    connector,
    store,
    meet,
    bot,
    capture,
    secrets,
    watchTick: (at) =>
      runWatchTick({ store, meet, logger, clock: () => at, announcers: { teams: bot.announcer }, pollMs: 60_000 }, at),
    post: (body, headers) => send(JSON.stringify(body), headers),
    postRaw: (text) => send(text),
    /** Stops everything, then fails if a secret, a token or a passcode reached the (debug-level) log. */
    async close() {
      try {
        await bot.stop();
        await http.close(100);
        await meet.close();
        await store.close();
        await connector.close();
        await sandbox.close();
      } finally {
        restoreConsole();
      }
      capture.assertNoLeaks(secrets());
    },
  };
}

/** The token of `Bearer <token>`, if that is what the header holds. */
function bearerToken(authorization: string | undefined): string | undefined {
  return /^\s*bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}

const levelMethods = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

/**
 * A logger that makes every call on both: `capture` (debug level, what the leak check reads) decides
 * what is enabled, `also` (a test's own logger) writes what its own level lets through. Children too.
 */
function tee(capture: Logger, also: Logger): Logger {
  return new Proxy(capture, {
    get(target, property, receiver) {
      if (typeof property === 'string' && levelMethods.has(property)) {
        const method = property as 'info';
        return (...args: Parameters<Logger['info']>) => {
          also[method](...args);
          target[method](...args);
        };
      }
      if (property === 'child') {
        return (bindings: Parameters<Logger['child']>[0], childOptions?: Parameters<Logger['child']>[1]) =>
          tee(target.child<never>(bindings, childOptions), also.child<never>(bindings, childOptions));
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Predictable passcodes, so tests can look for them: 40000001, 40000002, … */
function sequence(): () => string {
  let n = 40_000_000;
  return () => String(++n);
}

let counter = 0;

/** A Teams activity as the Bot Connector would post it to the bot. */
export function activity(
  connector: FakeBotConnector,
  fields: Record<string, unknown> & { conversationType?: 'channel' | 'groupChat' | 'personal' },
): Record<string, unknown> {
  const { conversationType = 'channel', ...rest } = fields;
  const conversationId =
    conversationType === 'personal'
      ? 'a:1on1-29:bob'
      : conversationType === 'groupChat'
        ? '19:group@thread.v2'
        : '19:general@thread.tacv2';
  return {
    type: 'message',
    id: `activity-in-${++counter}-${Date.now()}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: 'msteams',
    from: { id: bob.id, name: bob.name, aadObjectId: bob.aadObjectId },
    recipient: botAccount,
    conversation: { id: conversationId, conversationType, tenantId, isGroup: conversationType !== 'personal' },
    channelData: {
      tenant: { id: tenantId },
      ...(conversationType === 'channel' ? { team: { id: '19:team@thread.tacv2' } } : {}),
    },
    locale: 'en-US',
    ...rest,
  };
}

/** `<at>Name</at>` with its mention entity. */
export function mention(account: { id: string; name: string }) {
  return {
    text: `<at>${account.name}</at>`,
    entity: { type: 'mention', text: `<at>${account.name}</at>`, mentioned: { id: account.id, name: account.name } },
  };
}

/**
 * Bob types `@Meet interview @Alice candidate@x.com "TITLE" 30m` in the channel; resolves once the
 * Meet exists and the watcher follows it (a harness started with `watching: true`).
 */
export async function createWatchedInterview(h: TeamsHarness, title: string) {
  const me = mention(botAccount);
  const al = mention(alice);
  await h.post(
    activity(h.connector, {
      text: `${me.text} interview ${al.text} candidate@x.com "${title}" 30m`,
      entities: [me.entity, al.entity],
    }),
  );
  const meeting = h.sandbox.meetings.at(-1)!;
  const watch = await eventually(async () => h.store.findWatch(meeting.code), 'the watch');
  return { meeting, watch };
}
