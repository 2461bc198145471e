import type { Clock } from '../core/clock';
import type { ReportCommand } from '../core/command';
import { buildConfigsReply } from '../core/replies';
import { fetchReport } from '../flows/fetch-report';
import type { MeetApi } from '../meet/meet-api';
import type { CliIo } from './args';
import { renderForTerminal } from './render';

export interface ReportInput {
  meet: MeetApi;
  io: CliIo;
  json: boolean;
  clock: Clock;
  timeZone: string;
}

/** `meetbot usage|feedback [RANGE] [tenant:X]`: a table, or JSON for scripts. Returns the exit code. */
export async function printReport(command: ReportCommand, input: ReportInput): Promise<number> {
  const { reply, records } = await fetchReport(input.meet, command, { now: input.clock(), timeZone: input.timeZone });
  if (reply.kind === 'error') {
    input.io.err(renderForTerminal(reply));
    return 2;
  }
  if (!input.json || (reply.kind !== 'usage' && reply.kind !== 'feedback')) {
    input.io.out(renderForTerminal(reply));
    return 0;
  }
  const { range, tenant, summary } = reply;
  input.io.out(JSON.stringify({ range, tenant, summary, records }, null, 2));
  return 0;
}

/** `meetbot configs`: the addon configurations. */
export async function printConfigs(input: Omit<ReportInput, 'timeZone' | 'clock'>): Promise<number> {
  const configs = await input.meet.listAddonConfigurations();
  input.io.out(input.json ? JSON.stringify(configs, null, 2) : renderForTerminal(buildConfigsReply(configs)));
  return 0;
}
