import { capText } from '../core/text-caps';
import {
  dayBar,
  digestFacts,
  digestHeadline,
  digestSubtitle,
  digestTitle,
  feedbackLine,
  longestLine,
  lowestRatedLabel,
  oneLine,
} from '../digest/facts';
import type { DigestModel } from '../digest/summarize';
import {
  adaptiveCardContentType,
  type CardAttachment,
  type CardElement,
  createCard,
  factSet,
  textBlock,
} from './card-types';
import { escapeInline } from './escape';

/**
 * The weekly digest as an Adaptive Card 1.5 for Teams, from the same platform-neutral model as
 * Slack's. The week is a native bar chart: one ColumnSet per day whose coloured column is weighted
 * by the day's Meets. Our own words go into TextBlocks, escaped with `escapeInline`; text typed by
 * users goes into RichTextBlock TextRuns, which Teams does not read as markdown. No Slack syntax
 * here: no `*bold*`, no `<!channel>`, no code fences.
 */

export interface TeamsDigestActivity {
  type: 'message';
  /** The notification line; no `text`, which Teams would show above the card. */
  summary: string;
  attachments: CardAttachment[];
}

/** Teams shows about this much of a notification line. */
const summaryMaxChars = 250;

/** Raw text in a TextRun: shown as typed. */
const richText = (text: string, extra: CardElement = {}): CardElement => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text, ...extra }],
});

/** A Slack-style `<@U123>` typed into feedback means nothing in Teams: an invisible word joiner keeps it from reading as markup. */
function defuseSlack(text: string): string {
  return text.replace(/<([@#])/g, '<\u2060$1');
}

/** Cells of the longest bar: with the label and the count, a row fits a phone's card. */
const barWidth = 16;

/**
 * The week as bars of text, one compact row per day, all the same height (a day without Meets
 * shows its 0 on a row like the others); monospace, so the bars line up.
 */
function dayChart(model: DigestModel): CardElement[] {
  const max = Math.max(...model.days.map((d) => d.meetCount));
  return model.days.map((day) => {
    // No-break spaces: a card collapses runs of ordinary ones, and the counts would not line up.
    const bar = dayBar(day.meetCount, max, barWidth).padEnd(barWidth, '\u00a0');
    return textBlock(`${day.label}\u00a0${bar}\u00a0${day.meetCount}`, {
      fontType: 'Monospace',
      size: 'Small',
      spacing: 'None',
      color: 'Accent',
    });
  });
}

export function renderDigestCard(model: DigestModel): TeamsDigestActivity {
  const body: CardElement[] = [
    textBlock(escapeInline(digestTitle(model)), { size: 'Large', weight: 'Bolder', style: 'heading' }),
    textBlock(escapeInline(digestSubtitle(model)), { isSubtle: true, spacing: 'None' }),
  ];

  if (model.usage.meetCount === 0) {
    body.push(textBlock(`No Meets this week (${model.change.meetCount.previous} the week before).`));
  } else {
    body.push(factSet(digestFacts(model).map((f) => ({ title: f.label, value: escapeInline(f.value) }))));
    body.push(textBlock('Meets per day', { weight: 'Bolder', separator: true }));
    body.push(...dayChart(model));
    if (model.usage.longest.length > 0) {
      body.push(textBlock('Longest Meets', { weight: 'Bolder', separator: true }));
      for (const [i, m] of model.usage.longest.entries()) {
        body.push(richText(longestLine(i, m)));
      }
    }
  }

  body.push(textBlock('Feedback', { weight: 'Bolder', separator: true }));
  body.push(textBlock(escapeInline(feedbackLine(model)), { spacing: 'None' }));
  const lowest = model.feedback.lowest[0];
  if (lowest) {
    const comment = defuseSlack(oneLine(lowest.text));
    body.push(richText(`${lowestRatedLabel(lowest)}: “${comment}”`, { italic: true }));
  }

  return {
    type: 'message',
    summary: capText(digestHeadline(model), summaryMaxChars),
    attachments: [{ contentType: adaptiveCardContentType, content: createCard(body) }],
  };
}
