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
