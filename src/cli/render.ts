import { renderReplyAsText } from '../core/render-text';
import type { Reply } from '../core/reply-model';

/**
 * A reply as plain text for the terminal, where the commands are `meetbot usage …` and
 * `meetbot meet …` rather than Slack's `/meet …`.
 */
export function renderForTerminal(reply: Reply): string {
  return renderReplyAsText(reply)
    .replace(/(^|[\s"'(`])\/meet (usage|feedback|configs|help)\b/gm, '$1meetbot $2')
    .replace(/(^|[\s"'(`])\/meet\b/gm, '$1meetbot meet');
}

/** One line for the operator: what failed (and where, e.g. which Meet API), never a stack or a secret. */
export function failureLine(reply: Reply, where = ''): string {
  const text =
    reply.kind === 'error'
      ? `meetbot: ${reply.message}${reply.hint ? ` ${reply.hint}` : ''}${where}`
      : `meetbot: ${renderForTerminal(reply)}`;
  return text.split('\n').filter(Boolean).join(' ').replace(/\s+/g, ' ');
}

/** ` (Meet API: …)`, for failure lines that concern the Meet API. */
export function meetApiWhere(config: { useSandbox: boolean; meet: { apiUrl: string } }): string {
  return ` (Meet API: ${config.useSandbox ? 'the local sandbox' : config.meet.apiUrl})`;
}
