import { connectMeet, createPlatforms } from '../app';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import { runReminderTick } from '../flows/reminders';
import { runWatchTick } from '../flows/watch-meets';
import type { Logger } from '../logger';
import { openStore } from '../store/open-store';
import { type CliIo, takeFlag, takeOption } from './args';

/**
 * `meetbot watch run [--at ISO] [--json]`: one watcher tick and the reminders due at that instant,
 * for deployments that run meetbot from cron rather than as a long-lived server (one cron line does
 * both: a reminder is a Meet's life too). Claims are the store's, so it can run next to replicas.
 */
export async function runWatchCli(
  args: string[],
  deps: { config: Config; logger: Logger; io: CliIo; clock: Clock },
): Promise<number> {
  const { config, logger, io } = deps;
  const action = args.shift();
  const json = takeFlag(args, 'json');
  const atText = takeOption(args, 'at');
  if (action !== 'run' || args.length > 0) {
    io.err('usage: meetbot watch run [--at ISO] [--json]');
    return 2;
  }
  const at = atText === undefined ? deps.clock() : new Date(atText);
  if (Number.isNaN(at.getTime())) {
    io.err(`--at must be an ISO 8601 instant such as 2026-12-01T10:00:00Z, not "${atText}"`);
    return 2;
  }
  const { meet, sandbox } = await connectMeet(config, logger);
  const store = await openStore(config.databaseUrl, { logger });
  const clock = () => at;
  const { slack, teams } = await createPlatforms(config, { meet, store, logger, clock });
  try {
    const announcers = { slack: slack?.announcer, teams: teams?.announcer };
    const reminders = await runReminderTick({ store, logger, announcers }, at);
    const report = await runWatchTick(
      {
        store,
        meet,
        logger,
        clock,
        announcers,
        // A tick of its own per run: cron runs at most once a minute.
        pollMs: 60_000,
      },
      at,
    );
    io.out(
      json
        ? JSON.stringify({ ...report, reminders }, null, 2)
        : `polled ${report.polled} of ${report.tenants} tenants, updated ${report.updated} messages, sent ${report.feedbackSent} ratings, ${report.failures} failed; reminders: ${reminders.sent} sent, ${reminders.skipped} skipped, ${reminders.failed} failed`,
    );
    return report.failures + reminders.failed > 0 ? 1 : 0;
  } finally {
    await teams?.stop();
    await slack?.stop();
    await store.close();
    await meet.close();
    await sandbox?.close();
  }
}
