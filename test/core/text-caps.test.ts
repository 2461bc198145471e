import { performance } from 'node:perf_hooks';
import { planMeeting } from '../../src/core/plan-meeting';
import { buildMeetCreatedReply } from '../../src/core/replies';
import { summarizeFeedback } from '../../src/core/summarize-feedback';
import { summarizeUsage } from '../../src/core/summarize-usage';
import { capText, feedbackCommentMaxChars, meetTitleMaxChars } from '../../src/core/text-caps';
import { createCommand, planInput } from './people-fixtures';

describe('capText', () => {
  test('text within the cap is kept whole', () => {
    expect(capText('', 5)).toBe('');
    expect(capText('abcde', 5)).toBe('abcde');
  });

  test('longer text is cut to the cap, ending in an ellipsis', () => {
    expect(capText('abcdef', 5)).toBe('abcd…');
    expect(capText('abcdef', 1)).toBe('…');
  });

  test('counts characters, not UTF-16 units: an emoji is never split', () => {
    expect(capText('😀😀😀', 3)).toBe('😀😀😀');
    expect(capText('😀😀😀😀', 3)).toBe('😀😀…');
    expect(capText('a😀b', 2)).toBe('a…');
  });

  test('reads only as far as the cap: 10 MB cost no more than 10 characters', () => {
    const huge = ' '.repeat(10_000_000);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) capText(huge, 10);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(capText(huge, 10)).toBe(`${' '.repeat(9)}…`);
  });
});

describe('summaries cap what the Meet API says', () => {
  test('a feedback comment of 60,000 characters', () => {
    const text = `Too loud${' '.repeat(60_000)}the end`;
    const summary = summarizeFeedback([{ rating: 1, text, timestamp: '2026-03-02T10:00:00Z' }], { timeZone: 'UTC' });
    expect(summary.lowest[0].text).toHaveLength(feedbackCommentMaxChars);
    expect(summary.lowest[0].text).toMatch(/^Too loud {491}…$/);
  });

  test('a Meet title of 60,000 characters', () => {
    const summary = summarizeUsage(
      [
        {
          code: 'a',
          title: `Planning ${'x'.repeat(60_000)}`,
          participants: 2,
          createdAt: '2026-03-02T09:00:00Z',
          totalDurationInSeconds: 60,
          billableDurationInSeconds: 60,
          isFree: false,
          isSubscriptionCovered: true,
        },
      ],
      { timeZone: 'UTC' },
    );
    expect(summary.longest[0].title).toHaveLength(meetTitleMaxChars);
    expect(summary.longest[0].title.startsWith('Planning xxx')).toBe(true);
    expect(summary.longest[0].title.endsWith('x…')).toBe(true);
  });
});

test('the created-Meet reply caps the title the Meet API answers with', () => {
  const plan = planMeeting(planInput(createCommand({ template: 'meeting', title: 'Sync' })));
  if (!plan.ok) throw new Error(plan.error.message);
  const reply = buildMeetCreatedReply(plan.value, {
    id: 'm1',
    code: 'abc123',
    joinUrl: 'https://meet.rs/abc123',
    title: `Sync ${'y'.repeat(100_000)}`,
  });
  if (reply.kind !== 'meetCreated') throw new Error(reply.kind);
  expect(reply.public.title).toHaveLength(meetTitleMaxChars);
  expect(reply.private.title).toBe(reply.public.title);
});
