import { capText } from '../core/text-caps';
import {
  digestFacts,
  digestHeadline,
  digestSubtitle,
  digestTitle,
  feedbackLine,
  formatDay,
  oneLine,
} from '../digest/facts';
import { type DigestModel, formatMinutes } from '../digest/summarize';
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

function dayChart(model: DigestModel): CardElement[] {
  const max = Math.max(...model.days.map((d) => d.meetCount));
  return model.days.map((day) => {
    const columns: CardElement[] = [
      {
        type: 'Column',
        width: '48px',
        items: [textBlock(day.label, { fontType: 'Monospace', spacing: 'None' })],
        verticalContentAlignment: 'Center',
      },
    ];
    if (day.meetCount > 0) {
      columns.push({
        type: 'Column',
        width: day.meetCount,
        style: 'accent',
        items: [textBlock(String(day.meetCount), { size: 'Small', weight: 'Bolder', spacing: 'None' })],
      });
    }
    if (day.meetCount < max || max === 0) {
      columns.push({
        type: 'Column',
        width: Math.max(1, max - day.meetCount),
        items: [textBlock(day.meetCount === 0 ? '0' : ' ', { size: 'Small', isSubtle: true, spacing: 'None' })],
      });
    }
    return { type: 'ColumnSet', spacing: 'Small', columns };
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
        body.push(
          richText(
            `${i + 1}. ${oneLine(m.title) || 'Untitled Meet'} · ${formatMinutes(m.minutes)} · ${formatDay(m.date)}`,
          ),
        );
      }
    }
  }

  body.push(textBlock('Feedback', { weight: 'Bolder', separator: true }));
  body.push(textBlock(escapeInline(feedbackLine(model)), { spacing: 'None' }));
  const lowest = model.feedback.lowest[0];
  if (lowest) {
    const comment = defuseSlack(oneLine(lowest.text));
    body.push(richText(`Lowest rated (${lowest.rating}, ${formatDay(lowest.date)}): “${comment}”`, { italic: true }));
  }

  return {
    type: 'message',
    summary: capText(digestHeadline(model), summaryMaxChars),
    attachments: [{ contentType: adaptiveCardContentType, content: createCard(body) }],
  };
}
