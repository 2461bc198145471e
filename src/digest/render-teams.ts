import {
  digestFacts,
  digestHeadline,
  digestSubtitle,
  digestTitle,
  feedbackLine,
  formatDay,
  truncate,
  weekSparkline,
} from './facts';
import { type DigestModel, formatMinutes } from './summarize';

/**
 * The digest as an Adaptive Card 1.5 for Teams, from the same model as Slack. The week is a
 * native bar chart: one ColumnSet per day whose coloured column is weighted by the day's Meets.
 * Text typed by users goes into RichTextBlock TextRuns, which Teams does not read as markdown.
 * No Slack syntax here: no `*bold*`, no `<!channel>`, no code fences.
 */

export interface TeamsDigestActivity {
  type: 'message';
  /** The notification line; no `text`, which Teams would show above the card. */
  summary: string;
  attachments: Array<{ contentType: 'application/vnd.microsoft.card.adaptive'; content: unknown }>;
}

const textBlock = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

/** Raw text in a TextRun: shown as typed. */
const richText = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text, ...extra }],
});

/** Our own lines carry a tenant code at most; still, nothing in them may turn into markdown or a mention. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`);
}

/** A Slack-style `<@U123>` typed into feedback means nothing in Teams: an invisible word joiner keeps it from reading as markup. */
function defuseSlack(text: string): string {
  return text.replace(/<([@#])/g, '<\u2060$1');
}

function dayChart(model: DigestModel): unknown[] {
  const max = Math.max(...model.days.map((d) => d.meetCount));
  return model.days.map((day) => {
    const columns: unknown[] = [
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

export function renderDigestTeams(model: DigestModel): TeamsDigestActivity {
  const body: unknown[] = [
    textBlock(escapeMarkdown(digestTitle(model)), { size: 'Large', weight: 'Bolder', style: 'heading' }),
    textBlock(escapeMarkdown(digestSubtitle(model)), { isSubtle: true, spacing: 'None' }),
  ];

  if (model.usage.meetCount === 0) {
    body.push(textBlock(`No Meets this week (${model.change.meetCount.previous} the week before).`));
  } else {
    body.push({
      type: 'FactSet',
      facts: digestFacts(model).map((f) => ({ title: f.label, value: escapeMarkdown(f.value) })),
    });
    body.push(textBlock(`Meets per day ${weekSparkline(model)}`, { weight: 'Bolder', separator: true }));
    body.push(...dayChart(model));
    if (model.usage.longest.length > 0) {
      body.push(textBlock('Longest Meets', { weight: 'Bolder', separator: true }));
      for (const [i, m] of model.usage.longest.entries()) {
        body.push(
          richText(
            truncate(
              `${i + 1}. ${m.title || 'Untitled Meet'} · ${formatMinutes(m.minutes)} · ${formatDay(m.date)}`,
              300,
            ),
          ),
        );
      }
    }
  }

  body.push(textBlock('Feedback', { weight: 'Bolder', separator: true }));
  body.push(textBlock(escapeMarkdown(feedbackLine(model)), { spacing: 'None' }));
  const lowest = model.feedback.lowest[0];
  if (lowest) {
    body.push(
      richText(
        truncate(`Lowest rated (${lowest.rating}, ${formatDay(lowest.date)}): “${defuseSlack(lowest.text)}”`, 500),
        { italic: true },
      ),
    );
  }

  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    msteams: { width: 'Full' },
    body,
  };
  const headline = truncate(digestHeadline(model), 250);
  return {
    type: 'message',
    summary: headline,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
