import { summarizeDigest } from '../../src/digest/summarize';
import { renderDigestCard } from '../../src/teams/digest-card';
import { berlinPeriod, weekFeedbacks, weekUsage } from '../digest/week-data';
import { cardProblems } from './validate-card';

const model = summarizeDigest({ period: berlinPeriod, usage: weekUsage, feedbacks: weekFeedbacks, tenant: 'ACME01' });
const empty = summarizeDigest({ period: berlinPeriod, usage: [], feedbacks: [] });

/** The inline sparkline next to "Meets per day" is gone: it duplicated the chart (a red blob in Slack, odd glyphs in Teams). */
const sparklineGlyphs = /[▁▂▃▄▅▆▇]/;

// biome-ignore lint/suspicious/noExplicitAny: walking rendered JSON
function texts(node: any, out: Array<{ type: string; text: string }> = []) {
  if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') {
    if (typeof node.text === 'string') out.push({ type: node.type, text: node.text });
    for (const v of Object.values(node)) if (typeof v === 'object') texts(v, out);
  }
  return out;
}

describe('Teams Adaptive Card', () => {
  const activity = renderDigestCard(model);
  const card = activity.attachments[0].content;
  const joined = texts(card)
    .map((t) => t.text)
    .join('\n');

  test('is a valid 1.5 card', () => {
    expect(activity.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(card)).toEqual([]);
    expect(cardProblems(renderDigestCard(empty).attachments[0].content)).toEqual([]);
  });

  test('shows the same figures as Slack, without Slack syntax', () => {
    expect(activity.summary).toBe('Weekly Meet digest · ACME01, Mon 30 Nov – Sun 6 Dec 2026: 4 Meets, 2h 25m');
    // biome-ignore lint/suspicious/noExplicitAny: card JSON
    const facts = (card as any).body.find((b: any) => b.type === 'FactSet').facts;
    expect(facts).toContainEqual({ title: 'Meets', value: '4 (week before: 2, +100%)' });
    expect(facts).toContainEqual({ title: 'Subscription', value: '2 covered, 1 charged' });
    expect(joined).toContain('3 responses, average rating 3.7');
    expect(joined).not.toMatch(/```|\*Meets\*|\*Feedback\*/);
    expect(texts(card).map((t) => t.text)).toContain('Meets per day');
    expect(joined).not.toMatch(sparklineGlyphs);
  });

  test('the week is a compact bar chart: one row per day, all alike (a day without Meets too), bars by Meets', () => {
    // biome-ignore lint/suspicious/noExplicitAny: card JSON
    const body = (card as any).body as Array<Record<string, unknown>>;
    const start = body.findIndex((b) => b.text === 'Meets per day');
    const rows = body.slice(start + 1, start + 8);
    expect(rows.map((r) => r.text)).toEqual([
      `Mon\u00a0${'█'.repeat(8)}${'\u00a0'.repeat(8)}\u00a01`,
      `Tue\u00a0${'\u00a0'.repeat(16)}\u00a00`,
      `Wed\u00a0${'█'.repeat(16)}\u00a02`,
      `Thu\u00a0${'\u00a0'.repeat(16)}\u00a00`,
      `Fri\u00a0${'\u00a0'.repeat(16)}\u00a00`,
      `Sat\u00a0${'\u00a0'.repeat(16)}\u00a00`,
      `Sun\u00a0${'█'.repeat(8)}${'\u00a0'.repeat(8)}\u00a01`,
    ]);
    // The same size and spacing on every row, so they are all the same height.
    const shapes = new Set(rows.map((r) => JSON.stringify({ ...r, text: undefined })));
    expect([...shapes]).toEqual([
      JSON.stringify({
        type: 'TextBlock',
        wrap: true,
        fontType: 'Monospace',
        size: 'Small',
        spacing: 'None',
        color: 'Accent',
      }),
    ]);
  });

  test('text typed by users sits in TextRuns, which Teams does not read as markdown', () => {
    const json = JSON.stringify(card);
    expect(json).toContain('"type":"TextRun","text":"2. Demo <!channel> *now* · 45m · Wed 2 Dec"');
  });
});
