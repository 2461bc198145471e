import type { ReportCommand } from '../core/command';
import { resolveRange } from '../core/ranges';
import { buildFeedbackReply, buildUsageReply, buildUserErrorReply } from '../core/replies';
import type { Reply } from '../core/reply-model';
import { summarizeFeedback } from '../core/summarize-feedback';
import { summarizeUsage } from '../core/summarize-usage';
import type { MeetApi } from '../meet/meet-api';
import type { FeedbackRecord, UsageRecord } from '../meet/schemas';

export interface FetchedReport {
  reply: Reply;
  /** The records behind the summary (for the CLI's --json); empty when the range was invalid. */
  records: UsageRecord[] | FeedbackRecord[];
}

/**
 * `usage` and `feedback` for every front end (Slack, Teams, CLI): the range in the caller's time
 * zone, one API call, the summary as a reply. A bad range is a user-error reply, not a throw.
 */
export async function fetchReport(
  meet: MeetApi,
  command: ReportCommand,
  options: { now: Date; timeZone: string },
): Promise<FetchedReport> {
  const range = resolveRange(command.range, options);
  if (!range.ok) return { reply: buildUserErrorReply(range.error), records: [] };
  const { label } = range.value;
  const query = { from: range.value.from, to: range.value.to, ...(command.tenant ? { tenant: command.tenant } : {}) };
  if (command.kind === 'usage') {
    const records = await meet.getUsage(query);
    const summary = summarizeUsage(records, { timeZone: label.timeZone });
    return { reply: buildUsageReply({ range: label, tenant: command.tenant, summary }), records };
  }
  const records = await meet.getFeedbacks(query);
  const summary = summarizeFeedback(records, { timeZone: label.timeZone });
  return { reply: buildFeedbackReply({ range: label, tenant: command.tenant, summary }), records };
}
