import { connectMeet, createPlatforms } from '../app';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import { isValidTimeZone } from '../digest/schedule';
import { previewDigest, runDueDigests } from '../digest/scheduler';
import type { Logger } from '../logger';
import { openStore } from '../store/open-store';
import { type CliIo, takeFlag, takeOption } from './args';

const usage =
  'usage: meetbot digest run [--at ISO] [--json]  |  meetbot digest preview (--channel ID | --tenant CODE [--tz ZONE]) [--at ISO]';

/** `meetbot digest run [--at ISO]` and `meetbot digest preview --channel ID | --tenant CODE`. Returns the exit code. */
export async function runDigestCli(
  args: string[],
  deps: { config: Config; logger: Logger; io: CliIo; clock: Clock },
): Promise<number> {
  const { config, logger, io } = deps;
  const action = args.shift();
  const json = takeFlag(args, 'json');
  const atText = takeOption(args, 'at');
  const channel = takeOption(args, 'channel');
  const tenant = takeOption(args, 'tenant');
  const timeZone = takeOption(args, 'tz') ?? config.digestTimeZone;
  if ((action !== 'run' && action !== 'preview') || args.length > 0) {
    io.err(usage);
    return 2;
  }
  const at = atText === undefined ? deps.clock() : new Date(atText);
  if (Number.isNaN(at.getTime())) {
    io.err(`--at must be an ISO 8601 instant such as 2026-11-30T09:00:00Z, not "${atText}"`);
    return 2;
  }
  if (action === 'preview' && !channel === !tenant) {
    io.err(
      'meetbot digest preview needs --channel ID (a subscribed Slack channel or Teams conversation) or --tenant CODE (any tenant, e.g. before subscribing)',
    );
    return 2;
  }
  if (!isValidTimeZone(timeZone)) {
    io.err(`--tz must be an IANA time zone such as Europe/Berlin, not "${timeZone}"`);
    return 2;
  }

  const { meet, sandbox } = await connectMeet(config, logger);
  const store = await openStore(config.databaseUrl, { logger });
  const clock = () => at;
  const { slack, teams, posters } = await createPlatforms(config, { meet, store, logger, clock });
  try {
    if (action === 'preview') {
      const target = channel ? { channelId: channel } : { tenant, timeZone };
      io.out(await previewDigest({ store, meet, clock }, target, at));
      return 0;
    }
    const report = await runDueDigests({ store, meet, posters, clock, logger }, at);
    io.out(json ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    await teams?.stop();
    await slack?.stop();
    await store.close();
    await meet.close();
    await sandbox?.close();
  }
}

function formatReport(report: Awaited<ReturnType<typeof runDueDigests>>): string {
  const lines = [`sent ${report.sent.length}, failed ${report.failed.length}, skipped ${report.skipped.length}`];
  for (const [label, items] of [
    ['sent', report.sent],
    ['failed', report.failed],
    ['skipped', report.skipped],
  ] as const) {
    for (const item of items) lines.push(`  ${label}: ${JSON.stringify(item)}`);
  }
  return lines.join('\n');
}
