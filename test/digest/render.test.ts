import { renderDigestSlack } from '../../src/digest/render-slack';
import { renderDigestTeams } from '../../src/digest/render-teams';
import { renderDigestText } from '../../src/digest/render-text';
import { summarizeDigest } from '../../src/digest/summarize';
import { checkMessage } from '../../src/slack/limits';
import { cardProblems } from '../teams/validate-card';
import { berlinPeriod, weekFeedbacks, weekUsage } from './week-data';

const model = summarizeDigest({ period: berlinPeriod, usage: weekUsage, feedbacks: weekFeedbacks, tenant: 'ACME01' });
const empty = summarizeDigest({ period: berlinPeriod, usage: [], feedbacks: [] });

// biome-ignore lint/suspicious/noExplicitAny: walking rendered JSON
function texts(node: any, out: Array<{ type: string; text: string }> = []) {
  if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') {
    if (typeof node.text === 'string') out.push({ type: node.type, text: node.text });
    for (const v of Object.values(node)) if (typeof v === 'object') texts(v, out);
  }
  return out;
}

describe('Slack Block Kit', () => {
  const message = renderDigestSlack(model);
  const all = texts(message.blocks);
  const joined = all.map((t) => t.text).join('\n');

  test('is within Block Kit limits', () => {
    expect(checkMessage(message)).toEqual([]);
    expect(checkMessage(renderDigestSlack(empty))).toEqual([]);
  });

  test('shows the figures of the week', () => {
    expect(message.text).toBe('Weekly Meet digest · ACME01, Mon 30 Nov – Sun 6 Dec 2026: 4 Meets, 2h 25m');
    expect(joined).toContain('Mon 30 Nov – Sun 6 Dec 2026 (Europe/Berlin)');
    expect(joined).toContain('*Meets*\n4 (week before: 2, +100%)');
    expect(joined).toContain('*Minutes*\n2h 25m total, 2h 00m billable (week before: 30m, +383%)');
    expect(joined).toContain('*Free Meets*\n1');
    expect(joined).toContain('*Subscription*\n2 covered, 1 charged');
    expect(joined).toContain('*Avg participants*\n2.8');
    expect(joined).toContain('*Busiest day*\nWed 2 Dec (2 Meets)');
    expect(joined).toContain('`▄ █   ▄`');
    expect(joined).toContain('Wed ████████████ 2');
    expect(joined).toContain('1. Interview: Backend · 1h 00m · Mon 30 Nov');
    expect(joined).toContain('3 responses, average rating 3.7');
    expect(joined).toContain('Lowest rated (2, Thu 3 Dec): “Audio kept dropping <@U123>”');
  });

  test('text typed by users only appears in plain_text, so it cannot ping or format', () => {
    for (const typed of ['Demo <!channel> *now*', 'Audio kept dropping <@U123>']) {
      const holders = all.filter((t) => t.text.includes(typed));
      expect(holders.length).toBeGreaterThan(0);
      for (const h of holders) expect(h.type).toBe('plain_text');
    }
  });

  test('an empty week says so', () => {
    expect(texts(renderDigestSlack(empty).blocks).map((t) => t.text)).toContain(
      'No Meets this week (0 the week before).',
    );
  });
});

describe('Teams Adaptive Card', () => {
  const activity = renderDigestTeams(model);
  const card = activity.attachments[0].content;
  const joined = texts(card)
    .map((t) => t.text)
    .join('\n');

  test('is a valid 1.5 card', () => {
    expect(activity.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(card)).toEqual([]);
    expect(cardProblems(renderDigestTeams(empty).attachments[0].content)).toEqual([]);
  });

  test('shows the same figures as Slack, without Slack syntax', () => {
    expect(activity.summary).toBe('Weekly Meet digest · ACME01, Mon 30 Nov – Sun 6 Dec 2026: 4 Meets, 2h 25m');
    // biome-ignore lint/suspicious/noExplicitAny: card JSON
    const facts = (card as any).body.find((b: any) => b.type === 'FactSet').facts;
    expect(facts).toContainEqual({ title: 'Meets', value: '4 (week before: 2, +100%)' });
    expect(facts).toContainEqual({ title: 'Subscription', value: '2 covered, 1 charged' });
    expect(joined).toContain('3 responses, average rating 3.7');
    expect(joined).not.toMatch(/```|\*Meets\*|\*Feedback\*/);
  });

  test('the week is a bar chart: one ColumnSet per day, bars weighted by Meets', () => {
    // biome-ignore lint/suspicious/noExplicitAny: card JSON
    const rows = (card as any).body.filter((b: any) => b.type === 'ColumnSet');
    expect(rows).toHaveLength(7);
    // biome-ignore lint/suspicious/noExplicitAny: card JSON
    const bars = rows.map((r: any) => r.columns.find((c: any) => c.style === 'accent')?.width ?? 0);
    expect(bars).toEqual([1, 0, 2, 0, 0, 0, 1]);
  });

  test('text typed by users sits in TextRuns, which Teams does not read as markdown', () => {
    const json = JSON.stringify(card);
    expect(json).toContain('"type":"TextRun","text":"2. Demo <!channel> *now* · 45m · Wed 2 Dec"');
  });
});

test('text preview', () => {
  const text = renderDigestText(model);
  expect(text).toContain('Weekly Meet digest · ACME01\nMon 30 Nov – Sun 6 Dec 2026 (Europe/Berlin)');
  expect(text).toContain('Meets             4 (week before: 2, +100%)');
  expect(text).toContain('Meets per day  ▄ █   ▄');
  expect(text).toContain('Feedback: 3 responses, average rating 3.7');
});
