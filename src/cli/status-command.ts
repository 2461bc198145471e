import { connectMeet } from '../app';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import { formatClock } from '../core/formats';
import { statusOfUsage } from '../core/meet-status';
import { statusWords } from '../core/status-words';
import type { Logger } from '../logger';
import type { CliIo } from './args';

/** How far back `meetbot status CODE` looks: a Meet is followed for a day after it was created. */
const lookBackMs = 2 * 24 * 60 * 60_000;

/**
 * `meetbot status CODE [--json]`: where a Meet is in its life, from the usage report (the Meet API
 * cannot read one Meet). Run it again to see it change.
 */
export async function printMeetStatus(
  code: string,
  deps: { config: Config; logger: Logger; io: CliIo; clock: Clock; json: boolean },
): Promise<number> {
  const { io, config } = deps;
  if (!/^[A-Za-z0-9-]{1,64}$/.test(code)) {
    io.err(`"${code}" is not a Meet code (the part after https://meet.rs/).`);
    return 2;
  }
  const now = deps.clock();
  const { meet, sandbox } = await connectMeet(config, deps.logger);
  try {
    const records = await meet.getUsage({
      from: new Date(now.getTime() - lookBackMs).toISOString(),
      to: now.toISOString(),
    });
    const record = records.find((r) => r.code === code);
    if (!record) {
      io.err(
        `No Meet ${code} in the usage of the last 2 days (Meet API: ${config.useSandbox ? 'a throwaway local sandbox' : config.meet.apiUrl}).`,
      );
      return 2;
    }
    const status = statusOfUsage(record);
    if (deps.json) {
      io.out(JSON.stringify({ code, title: record.title, status }, null, 2));
      return 0;
    }
    const zone = config.digestTimeZone;
    const { label, detail } = statusWords(status);
    const time = status.state === 'live' ? `${formatClock(status.startedAt, zone)} ${zone}` : '';
    io.out(`${code}  ${record.title ?? ''}: ${[label, ...detail.map((d) => d.replace('{time}', time))].join(' · ')}`);
    return 0;
  } finally {
    await meet.close();
    await sandbox?.close();
  }
}
