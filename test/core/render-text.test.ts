import { planMeeting } from '../../src/core/plan-meeting';
import { resolveRange } from '../../src/core/ranges';
import { renderReplyAsText } from '../../src/core/render-text';
import { buildConfigsReply, buildFeedbackReply, buildMeetCreatedReply, buildUsageReply } from '../../src/core/replies';
import type { RangeLabel } from '../../src/core/reply-model';
import { createCommand, emailRef, mention, planInput } from './people-fixtures';

const range: RangeLabel = {
  label: 'last week',
  startDay: '2026-03-23',
  endDay: '2026-03-29',
  timeZone: 'Europe/Berlin',
};

describe('renderReplyAsText', () => {
  test('a created Meet: the public part, then the private part with the code and passcodes', () => {
    const planned = planMeeting(
      planInput(
        createCommand({
          template: 'interview',
          people: [mention('UALICE'), emailRef('cand@x.com')],
          title: 'Backend\u001b[31m L2',
          durationMinutes: 45,
        }),
      ),
    );
    if (!planned.ok) throw new Error(planned.error.message);
    const text = renderReplyAsText(
      buildMeetCreatedReply(planned.value, { code: 'abc123', joinUrl: 'https://meet.rs/abc123', title: null }),
    );
    expect(text).toBe(
      [
        'Meet created: Backend [31m L2',
        '  Join:         https://meet.rs/abc123',
        '  Template:     Interview',
        '  Duration:     45m',
        '  Guests:       only the people named',
        '  Organizer:    utypist',
        '  Interviewer:  ualice',
        '  Candidate:    cand@x.com',
        '',
        '--- Only for you (do not share in a channel) ---',
        '  Code:                                   abc123',
        '  Join:                                   https://meet.rs/abc123',
        '  Passcode of utypist <typist@acme.com>:  10000001',
        '  Passcode of ualice <ualice@acme.com>:   10000002',
        '  Passcode of cand@x.com:                 10000003',
        'Meet emails each of these people their own passcode with the invitation: you do not need to send them. Keep this copy for when an invitation goes astray.',
      ].join('\n'),
    );
    const [publicPart] = text.split('--- Only for you');
    expect(publicPart).not.toMatch(/1000000\d/);
  });

  test('usage as a table', () => {
    const text = renderReplyAsText(
      buildUsageReply({
        range,
        tenant: 'ACME',
        summary: {
          meetCount: 5,
          totalMinutes: 166,
          billableMinutes: 161,
          freeCount: 1,
          coveredCount: 2,
          chargedCount: 2,
          averageParticipants: 3,
          busiestDay: { date: '2026-03-24', meetCount: 3 },
          longest: [
            { code: 'c', title: 'Planning', minutes: 61, date: '2026-03-24' },
            { code: 'dd', title: '', minutes: 45, date: '2026-03-25' },
          ],
        },
      }),
    );
    expect(text).toBe(
      [
        'Usage, last week (Mon 23 Mar – Sun 29 Mar 2026, Europe/Berlin), tenant ACME',
        '  Meets                     5',
        '  Time                      2h 46m total, 2h 41m billable',
        '  Free / covered / charged  1 / 2 / 2',
        '  Average participants      3',
        '  Busiest day               Tue 24 Mar (3 Meets)',
        '',
        'Longest Meets',
        '  Code  Day         Length  Title',
        '  c     Tue 24 Mar  1h 01m  Planning',
        '  dd    Wed 25 Mar  45m     ',
      ].join('\n'),
    );
  });

  test('usage without Meets says so', () => {
    const summary = {
      meetCount: 0,
      totalMinutes: 0,
      billableMinutes: 0,
      freeCount: 0,
      coveredCount: 0,
      chargedCount: 0,
      averageParticipants: 0,
      longest: [],
    };
    expect(renderReplyAsText(buildUsageReply({ range, summary }))).toContain('No Meets in this range.');
  });

  test('feedback with a distribution and the lowest-rated comments', () => {
    const text = renderReplyAsText(
      buildFeedbackReply({
        range,
        summary: {
          count: 4,
          averageRating: 3.5,
          distribution: [
            { rating: 5, count: 2 },
            { rating: 2, count: 2 },
          ],
          lowest: [{ rating: 2, text: 'Audio\ndropped', date: '2026-03-24' }],
        },
      }),
    );
    expect(text).toBe(
      [
        'Feedback, last week (Mon 23 Mar – Sun 29 Mar 2026, Europe/Berlin)',
        '  Responses       4',
        '  Average rating  3.5 of 5',
        '',
        'Ratings',
        '  ★★★★★  2  ##########',
        '  ★★☆☆☆  2  ##########',
        '',
        'Lowest rated',
        '  ★★☆☆☆  Tue 24 Mar  Audio dropped',
      ].join('\n'),
    );
  });

  test('configs as a table', () => {
    const text = renderReplyAsText(
      buildConfigsReply([
        { id: 'id-2', name: 'Plain', isDefault: false, items: [] },
        { id: 'id-1', name: 'Coding', isDefault: true, items: [{ identifier: 'monaco' }, { identifier: 'twilio' }] },
      ]),
    );
    expect(text).toBe(
      [
        'Addon configurations',
        '  Name              Id    Addons',
        '  Coding (default)  id-1  code editor, calling',
        '  Plain             id-2  -',
      ].join('\n'),
    );
  });

  test('an error with its hint, usage and reference id', () => {
    expect(
      renderReplyAsText({
        kind: 'error',
        message: 'Meet is busy right now.',
        hint: 'Try again in 3 seconds.',
        usage: '/meet usage',
        referenceId: 'r-1',
      }),
    ).toBe('Error: Meet is busy right now.\nTry again in 3 seconds.\nUsage: /meet usage\nReference: r-1');
  });

  test('help lists usage, description and example', () => {
    const text = renderReplyAsText({
      kind: 'help',
      intro: 'Intro.',
      entries: [{ usage: '/meet configs', description: 'Lists configs.', example: '/meet configs' }],
    });
    expect(text).toBe('Intro.\n\n  /meet configs\n    Lists configs.\n    e.g. /meet configs');
  });
  test('a range typed as days shows its days once; a preset keeps its days in brackets', () => {
    const heading = (spec: Parameters<typeof resolveRange>[0], timeZone: string) => {
      const resolved = resolveRange(spec, { now: new Date('2026-11-25T12:00:00Z'), timeZone });
      if (!resolved.ok) throw new Error(resolved.error.message);
      const summary = { count: 0, distribution: [], lowest: [] };
      return {
        usage: renderReplyAsText(
          buildUsageReply({
            range: resolved.value.label,
            summary: {
              meetCount: 0,
              totalMinutes: 0,
              billableMinutes: 0,
              freeCount: 0,
              coveredCount: 0,
              chargedCount: 0,
              averageParticipants: 0,
              longest: [],
            },
          }),
        ).split('\n')[0],
        feedback: renderReplyAsText(buildFeedbackReply({ range: resolved.value.label, tenant: 'ACME', summary })).split(
          '\n',
        )[0],
      };
    };
    expect(heading({ kind: 'days', start: '2026-11-01', end: '2026-11-15' }, 'UTC')).toEqual({
      usage: 'Usage, Sun 1 Nov – Sun 15 Nov 2026 (UTC)',
      feedback: 'Feedback, Sun 1 Nov – Sun 15 Nov 2026 (UTC), tenant ACME',
    });
    expect(heading({ kind: 'days', start: '2026-11-03', end: '2026-11-03' }, 'UTC').usage).toBe(
      'Usage, Tue 3 Nov 2026 (UTC)',
    );
    expect(heading({ kind: 'preset', preset: 'last week' }, 'Europe/Berlin').usage).toBe(
      'Usage, last week (Mon 16 Nov – Sun 22 Nov 2026, Europe/Berlin)',
    );
  });
});
