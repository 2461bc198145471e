import type { Config } from './config';
import { type Clock, systemClock } from './core/clock';
import type { DigestPosters } from './digest/deliver';
import { startDigestScheduler } from './digest/scheduler';
import type { DigestSubscriptions } from './flows/digest-subscriptions';
import { createDigestSubscriptions } from './flows/digest-subscriptions';
import { createInFlight, type InFlight } from './flows/in-flight';
import { startReminderScheduler } from './flows/reminder-scheduler';
import { startWatchScheduler } from './flows/watch-scheduler';
import type { Route } from './http-route';
import { type Logger, routeConsoleToLogger } from './logger';
import { createMeetClient } from './meet/client';
import type { MeetApi } from './meet/meet-api';
import { startMetricsServer } from './metrics/metrics-server';
import { createReadinessCheck } from './readiness';
import { type Sandbox, startSandbox } from './sandbox/server';
import { rememberConfiguredSecrets } from './secrets/scrubber';
import { createHttpServer } from './server';
import { createSlackApp, type SlackApp } from './slack/app';
import { openStore } from './store/open-store';
import type { Store } from './store/store';
import type { TeamsBot } from './teams/app';
import { createTeamsOffRoute } from './teams/off-route';

export interface RunningApp {
  url: string;
  port: number;
  /** `…/metrics` when METRICS_PORT is set. */
  metricsUrl?: string;
  /** The Meet API in use: the real one, or the embedded sandbox. */
  meetApiUrl: string;
  sandbox?: Sandbox;
  meet: MeetApi;
  store: Store;
  slack?: SlackApp;
  /** Unset while Teams is off (config.teams unset): `/api/messages` then refuses every activity. */
  teams?: TeamsBot;
  close(): Promise<void>;
}

export interface StartAppOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Run the digest, watcher and reminder schedulers (default true; tests that drive ticks themselves turn them off). */
  scheduler?: boolean;
  /** How long close() lets acknowledged work finish before it closes the store (default 25 s). */
  shutdownGraceMs?: number;
  /** How long /readyz waits for its checks (default 5 s; tests shorten it). */
  readyBudgetMs?: number;
}

const idempotencyPurgeMs = 10 * 60_000;

/** Wires every part of meetbot together and starts serving. `main.ts` and the end-to-end tests call it. */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  rememberConfiguredSecrets(config);
  const cleanups: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => logger.error({ err: error }, 'error while shutting down'));
    }
  };
  try {
    // botbuilder writes refused requests to console.error, stack trace and all.
    const restoreConsole = routeConsoleToLogger(logger);
    cleanups.push(async () => restoreConsole());
    const { meet, meetApiUrl, sandbox } = await connectMeet(config, logger);
    cleanups.push(() => meet.close());
    if (sandbox) cleanups.push(() => sandbox.close());

    const store = await openStore(config.databaseUrl, { logger });
    cleanups.push(() => store.close());

    // What Slack's acks and Teams' answers leave running (creates, replies, late results, store
    // retries) finishes before the store closes: stop accepting, drain, then close.
    const graceMs = options.shutdownGraceMs ?? 25_000;
    let stopAt = Number.POSITIVE_INFINITY;
    const remaining = () => (stopAt === Number.POSITIVE_INFINITY ? graceMs : Math.max(0, stopAt - Date.now()));
    const inFlight = createInFlight(logger);
    cleanups.push(async () => {
      await inFlight.drain(remaining());
    });

    const digests = createDigestSubscriptions({ store, defaultTimeZone: config.digestTimeZone, logger });
    const { slack, teams, posters } = await createPlatforms(config, {
      meet,
      store,
      logger,
      clock,
      digests,
      inFlight,
      watching: config.statusPollSeconds > 0,
    });
    const announcers = { slack: slack?.announcer, teams: teams?.announcer };
    if (slack) cleanups.push(() => slack.stop());
    if (teams) cleanups.push(() => teams.stop());

    const routes: Route[] = [...(slack?.routes ?? []), ...(teams?.routes ?? [createTeamsOffRoute(logger)])];
    const ready = createReadinessCheck({ store, meet, logger, budgetMs: options.readyBudgetMs });
    const http = createHttpServer({ routes, logger, ready });
    const { url, port } = await http.listen(config.port, config.host);
    cleanups.push(() => http.close(remaining()));

    let metricsUrl: string | undefined;
    if (config.metrics) {
      const metricsServer = await startMetricsServer({ ...config.metrics, logger });
      metricsUrl = metricsServer.url;
      cleanups.push(() => metricsServer.close());
    }

    if (slack) await slack.start();
    if (options.scheduler !== false) {
      const scheduler = startDigestScheduler({ store, meet, posters, clock, logger });
      cleanups.push(() => scheduler.stop());
      // Always on: `remind:15m` asks for a reminder even when MEET_REMINDER_MINUTES=0.
      const reminders = startReminderScheduler({ store, logger, clock, announcers });
      cleanups.push(() => reminders.stop());
      if (config.statusPollSeconds > 0) {
        const pollMs = config.statusPollSeconds * 1000;
        const watcher = startWatchScheduler({ store, meet, logger, clock, announcers, pollMs });
        cleanups.push(() => watcher.stop());
      }
    }
    const purge = setInterval(() => {
      store
        .purgeExpiredIdempotency(clock())
        .catch((error: unknown) => logger.warn({ err: error }, 'could not purge expired idempotency keys'));
    }, idempotencyPurgeMs);
    purge.unref();
    cleanups.push(async () => clearInterval(purge));

    const close = () => {
      stopAt = Date.now() + graceMs;
      return closeAll();
    };
    return { url, port, metricsUrl, meetApiUrl, sandbox, meet, store, slack, teams, close };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** The Slack app and the Teams bot (each when configured), and the digest posters they provide. */
export async function createPlatforms(
  config: Config,
  deps: {
    meet: MeetApi;
    store: Store;
    logger: Logger;
    clock: Clock;
    digests?: DigestSubscriptions;
    inFlight?: InFlight;
    /** The watcher is on: created Meets' messages start as "Not started yet". */
    watching?: boolean;
  },
): Promise<{ slack?: SlackApp; teams?: TeamsBot; posters: DigestPosters }> {
  const common = { ...deps, defaultTimeZone: config.digestTimeZone, reminderMinutes: config.reminderMinutes };
  const slack = config.slack ? await createSlackApp({ ...common, config: config.slack, sso: config.sso }) : undefined;
  let teams: TeamsBot | undefined;
  if (config.teams) {
    // Required here, not imported at the top: loading botbuilder costs about 150 ms of the start and
    // 35 MB of memory, which a process with Teams off never pays (test/e2e/start.test.ts checks).
    const { createTeamsBot } = require('./teams/app') as typeof import('./teams/app');
    teams = createTeamsBot({ ...common, config: config.teams, sso: config.sso });
  }
  const posters: DigestPosters = { slack: slack?.digestPoster, teams: teams?.digestPoster };
  return { slack, teams, posters };
}

/** The real Meet API with credentials, or the embedded sandbox without them. */
export async function connectMeet(
  config: Config,
  logger: Logger,
): Promise<{ meet: MeetApi; meetApiUrl: string; sandbox?: Sandbox }> {
  if (!config.useSandbox && config.meet.clientKey && config.meet.clientSecret) {
    const meet = createMeetClient({
      baseUrl: config.meet.apiUrl,
      clientKey: config.meet.clientKey,
      clientSecret: config.meet.clientSecret,
      logger,
    });
    return { meet, meetApiUrl: config.meet.apiUrl };
  }
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, speed: config.sandboxSpeed });
  const meet = createMeetClient({
    baseUrl: sandbox.url,
    clientKey: 'sandbox-key',
    clientSecret: 'sandbox-secret',
    logger,
  });
  return { meet, meetApiUrl: sandbox.url, sandbox };
}
