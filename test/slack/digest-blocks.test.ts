import { summarizeDigest } from '../../src/digest/summarize';
import { renderDigestBlocks } from '../../src/slack/digest-blocks';
import { checkMessage } from '../../src/slack/limits';
import { berlinPeriod, weekFeedbacks, weekUsage } from '../digest/week-data';

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

describe('Slack Block Kit', () => {
  const message = renderDigestBlocks(model);
  const all = texts(message.blocks);
  const joined = all.map((t) => t.text).join('\n');

  test('is within Block Kit limits', () => {
    expect(checkMessage(message)).toEqual([]);
    expect(checkMessage(renderDigestBlocks(empty))).toEqual([]);
  });

  test('shows the figures of the week', () => {
    expect(message.text).toBe('Weekly Meet digest · ACME01, Mon 30 Nov – Sun 6 Dec 2026: 4 Meets, 2h 25m');
    expect(joined).toContain('Mon 30 Nov – Sun 6 Dec 2026 (Europe/Berlin)');
    expect(joined).toContain('*Meets*\n4 (week before: 2, +100%)');
    expect(joined).toContain('*Time*\n2h 25m total, 2h billable (week before: 30m, +383%)');
    expect(joined).toContain('*Free Meets*\n1');
    expect(joined).toContain('*Subscription*\n2 covered, 1 charged');
    expect(joined).toContain('*Avg participants*\n2.8');
    expect(joined).toContain('*Busiest day*\nWed 2 Dec (2 Meets)');
    expect(joined).toContain('*Meets per day*\n```Mon ██████       1');
    expect(joined).not.toMatch(sparklineGlyphs);
    expect(joined).toContain('Wed ████████████ 2');
    expect(joined).toContain('1. Interview: Backend · 1h · Mon 30 Nov');
    expect(joined).toContain('3 responses, average rating 3.7');
    expect(joined).toContain('Lowest rated ★★☆☆☆ · Thu 3 Dec: “Audio kept dropping <@U123>”');
  });

  test('text typed by users only appears in plain_text, so it cannot ping or format', () => {
    for (const typed of ['Demo <!channel> *now*', 'Audio kept dropping <@U123>']) {
      const holders = all.filter((t) => t.text.includes(typed));
      expect(holders.length).toBeGreaterThan(0);
      for (const h of holders) expect(h.type).toBe('plain_text');
    }
  });

  test('an empty week says so', () => {
    expect(texts(renderDigestBlocks(empty).blocks).map((t) => t.text)).toContain(
      'No Meets this week (0 the week before).',
    );
  });
});
