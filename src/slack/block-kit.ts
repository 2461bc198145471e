import type { types } from '@slack/bolt';
import { shorten, slackLimits } from './limits';

/** Small Block Kit builders that never exceed Slack's limits (they shorten instead). */

export type Block = types.KnownBlock;

/** A Slack message body (chat.postMessage, response_url, ephemeral). */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export function header(text: string): Block {
  return {
    type: 'header',
    text: { type: 'plain_text', text: shorten(text || ' ', slackLimits.headerText), emoji: true },
  };
}

/** `text` must already be escaped (escape.ts). */
export function mrkdwnSection(text: string, accessory?: types.Button): Block {
  const block: types.SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: shorten(text, slackLimits.sectionText) },
  };
  if (accessory) block.accessory = accessory;
  return block;
}

/** Plain text is never parsed for mentions, links or formatting: the safest home for raw user text. */
export function plainSection(text: string): Block {
  return {
    type: 'section',
    text: { type: 'plain_text', text: shorten(text || ' ', slackLimits.sectionText), emoji: true },
  };
}

/** Two-column facts; `fields` must already be escaped. At most 10 are kept. */
export function fieldsSection(fields: string[]): Block {
  return {
    type: 'section',
    fields: fields
      .slice(0, slackLimits.fields)
      .map((f) => ({ type: 'mrkdwn', text: shorten(f, slackLimits.fieldText) })),
  };
}

/** Small grey lines; mrkdwn texts must already be escaped. */
export function context(texts: string[]): Block {
  return {
    type: 'context',
    elements: texts
      .slice(0, slackLimits.contextElements)
      .map((t) => ({ type: 'mrkdwn', text: shorten(t, slackLimits.contextText) })),
  };
}

/** Small grey lines of plain text: raw user text shows as typed, never as mentions, links or formatting. */
export function plainContext(texts: string[]): Block {
  return {
    type: 'context',
    elements: texts
      .slice(0, slackLimits.contextElements)
      .map((t) => ({ type: 'plain_text', text: shorten(t || ' ', slackLimits.contextText), emoji: true })),
  };
}

/** A link button, or undefined when the URL is not one Slack accepts (too long, not http(s)). */
export function linkButton(text: string, url: string, actionId: string): types.Button | undefined {
  if (url.length > slackLimits.url || !/^https?:\/\//i.test(url)) return undefined;
  return {
    type: 'button',
    text: { type: 'plain_text', text: shorten(text, slackLimits.buttonText), emoji: true },
    url,
    action_id: shorten(actionId, slackLimits.actionId),
    style: 'primary',
  };
}

/**
 * Splits lines into as few sections as possible (each ≤3000 characters) and keeps the whole
 * message under `maxBlocks`, ending with "…and N more" when lines had to be left out.
 */
export function linesSections(lines: string[], maxBlocks: number): Block[] {
  const blocks: Block[] = [];
  let current = '';
  let used = 0;
  for (const line of lines) {
    const piece = shorten(line, slackLimits.sectionText - 100);
    if (current && current.length + 1 + piece.length > slackLimits.sectionText - 100) {
      if (blocks.length + 1 >= maxBlocks) break;
      blocks.push(mrkdwnSection(current));
      current = '';
    }
    current = current ? `${current}\n${piece}` : piece;
    used += 1;
  }
  if (used < lines.length) current = `${current}\n…and ${lines.length - used} more`;
  if (current) blocks.push(mrkdwnSection(current));
  return blocks;
}

/** `a, b, c and 12 more`: as many items as fit in `max` characters, and how many did not. */
export function joinWithin(items: string[], max: number): string {
  let out = '';
  for (const [i, item] of items.entries()) {
    const next = out ? `${out}, ${item}` : item;
    const rest = items.length - i - 1;
    if (next.length + (rest > 0 ? 20 : 0) > max)
      return `${out || shorten(item, max - 20)} and ${items.length - (out ? i : i + 1)} more`;
    out = next;
  }
  return out;
}

/** The notification text of a message (also parsed as mrkdwn: must already be escaped). */
export function fallbackText(text: string): string {
  return shorten(text, 3000);
}
