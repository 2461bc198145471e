import { startApp } from './app';
import { type Config, loadConfig, readEnvironment } from './config';
import { createLogger, type Logger } from './logger';
import { teamsOnHint } from './teams/off-route';

/**
 * `npm start` / `meetbot serve`: validate the setup, start everything, say where it listens,
 * and shut down gracefully on SIGTERM/SIGINT. Returns the exit code when it stops.
 */
export async function serve(env: Record<string, string | undefined> = readEnvironment()): Promise<number> {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  const { config } = loaded;
  const logger = createLogger({ level: config.logLevel });
  const app = await startApp({ config, logger });

  if (app.sandbox) {
    logger.info(
      { meetApiUrl: app.meetApiUrl },
      `No MEET_CLIENT_KEY/MEET_CLIENT_SECRET: using the embedded Meet sandbox at ${app.meetApiUrl} (client key sandbox-key, secret sandbox-secret)`,
    );
  }
  logger.info(
    { url: app.url },
    `meetbot listening on ${app.url} (health: ${app.url}/healthz, ready: ${app.url}/readyz)`,
  );
  logger.info(slackStatus(config, app.url));
  logTeamsStatus(config, app.url, logger);
  logger.info(`Database: ${config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl : 'PostgreSQL'}`);
  if (app.metricsUrl) logger.info({ url: app.metricsUrl }, `Metrics: ${app.metricsUrl} (Prometheus text format)`);

  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing requests in flight');
      app.close().then(
        () => {
          logger.info('stopped');
          resolve(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

function logTeamsStatus(config: Config, url: string, logger: Logger): void {
  if (!config.teams) {
    logger.info(`Teams: off (${teamsOnHint})`);
  } else if (config.teams.mode === 'bot') {
    logger.info(`Teams: messaging endpoint ${url}/api/messages (every activity needs a Bot Framework token)`);
  } else {
    logger.warn(
      `Teams: Emulator mode (TEAMS_EMULATOR=1): ${url}/api/messages accepts activities WITHOUT authentication from this machine and answers only loopback serviceUrls; never put a tunnel or proxy in front of it, and unset TEAMS_EMULATOR outside local development`,
    );
  }
}

function slackStatus(config: Config, url: string): string {
  if (!config.slack) return 'Slack: off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to enable)';
  if (config.slack.appToken) return 'Slack: Socket Mode (no Request URL needed; meetbot connects out to Slack)';
  const install = config.slack.oauth ? `; install at ${url}/slack/install` : '';
  return `Slack: Request URL ${url}/slack/events${install}`;
}

if (require.main === module) {
  serve().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`meetbot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
