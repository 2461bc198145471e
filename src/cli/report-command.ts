import type { Clock } from '../core/clock';
import type { ReportCommand } from '../core/command';
import { resolveRange } from '../core/ranges';
import { renderReplyAsText } from '../core/render-text';
import { buildConfigsReply, buildFeedbackReply, buildUsageReply, buildUserErrorReply } from '../core/replies';
import { summarizeFeedback } from '../core/summarize-feedback';
import { summarizeUsage } from '../core/summarize-usage';
import type { MeetApi } from '../meet/meet-api';
import type { CliIo } from './args';

export interface ReportInput {
  meet: MeetApi;
  io: CliIo;
  json: boolean;
  clock: Clock;
  timeZone: string;
}

/** `meetbot usage|feedback [RANGE] [tenant:X]`: a table, or JSON for scripts. Returns the exit code. */
export async function printReport(command: ReportCommand, input: ReportInput): Promise<number> {
  const { meet, io, timeZone } = input;
  const range = resolveRange(command.range, { now: input.clock(), timeZone });
  if (!range.ok) {
    io.err(renderReplyAsText(buildUserErrorReply(range.error)));
    return 2;
  }
  const query = { from: range.value.from, to: range.value.to, tenant: command.tenant };
  if (command.kind === 'usage') {
    const records = await meet.getUsage(query);
    const summary = summarizeUsage(records, { timeZone });
    io.out(
      input.json
        ? JSON.stringify({ range: range.value.label, tenant: command.tenant, summary, records }, null, 2)
        : renderReplyAsText(buildUsageReply({ range: range.value.label, tenant: command.tenant, summary })),
    );
    return 0;
  }
  const records = await meet.getFeedbacks(query);
  const summary = summarizeFeedback(records, { timeZone });
  io.out(
    input.json
      ? JSON.stringify({ range: range.value.label, tenant: command.tenant, summary, records }, null, 2)
      : renderReplyAsText(buildFeedbackReply({ range: range.value.label, tenant: command.tenant, summary })),
  );
  return 0;
}

/** `meetbot configs`: the addon configurations. */
export async function printConfigs(input: Omit<ReportInput, 'timeZone' | 'clock'>): Promise<number> {
  const configs = await input.meet.listAddonConfigurations();
  input.io.out(input.json ? JSON.stringify(configs, null, 2) : renderReplyAsText(buildConfigsReply(configs)));
  return 0;
}
