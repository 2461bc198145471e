import { connectMeet, createPlatforms } from '../app';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import { previewDigest, runDueDigests } from '../digest/scheduler';
import type { Logger } from '../logger';
import { openStore } from '../store/open-store';
import { type CliIo, takeFlag, takeOption } from './args';

/** `meetbot digest run [--at ISO]` and `meetbot digest preview --channel ID`. Returns the exit code. */
export async function runDigestCli(
  args: string[],
  deps: { config: Config; logger: Logger; io: CliIo; clock: Clock },
): Promise<number> {
  const { config, logger, io } = deps;
  const action = args.shift();
  const json = takeFlag(args, 'json');
  const atText = takeOption(args, 'at');
  const channel = takeOption(args, 'channel');
  if ((action !== 'run' && action !== 'preview') || args.length > 0) {
    io.err('usage: meetbot digest run [--at ISO] [--json]  |  meetbot digest preview --channel ID');
    return 2;
  }
  const at = atText === undefined ? deps.clock() : new Date(atText);
  if (Number.isNaN(at.getTime())) {
    io.err(`--at must be an ISO 8601 instant such as 2026-11-30T09:00:00Z, not "${atText}"`);
    return 2;
  }
  if (action === 'preview' && !channel) {
    io.err('meetbot digest preview needs --channel ID (a Slack channel id or a Teams conversation id)');
    return 2;
  }

  const { meet, sandbox } = await connectMeet(config, logger);
  const store = await openStore(config.databaseUrl, { logger });
  const clock = () => at;
  const { slack, teams, posters } = await createPlatforms(config, { meet, store, logger, clock });
  try {
    if (action === 'preview') {
      io.out(await previewDigest({ store, meet, clock }, channel as string, at));
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
