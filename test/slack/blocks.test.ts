import type { Reply, ShownPerson } from '../../src/core/reply-model';
import { renderMeetCreatedPrivate, renderMeetCreatedPublic, renderReply } from '../../src/slack/blocks';
import { escapeMrkdwn } from '../../src/slack/escape';
import { buildHomeView } from '../../src/slack/home';
import { checkMessage, checkView, shorten } from '../../src/slack/limits';
import { buildCreateMeetView } from '../../src/slack/modal';

const long = (n: number, c = 'x') => c.repeat(n);
const person = (i: number): ShownPerson => ({
  displayName: `P${i}`,
  platform: 'slack',
  userId: `U${String(i).padStart(6, '0')}`,
});
const outsider = (i: number): ShownPerson => ({
  displayName: `o${i}`,
  platform: 'slack',
  email: `${long(60, 'o')}${i}@example.com`,
});

const huge: Extract<Reply, { kind: 'meetCreated' }> = {
  kind: 'meetCreated',
  public: {
    title: long(500, 'T'),
    joinUrl: 'https://meet.rs/abcdEFGH',
    template: 'webcast',
    createdBy: person(0),
    participants: [
      { label: 'Host', role: 'PowerUser', people: [person(0)] },
      { label: 'Co-host', role: 'PowerUser', people: Array.from({ length: 200 }, (_, i) => person(i + 1)) },
      { label: 'Guest', role: 'Guest', people: Array.from({ length: 300 }, (_, i) => outsider(i)) },
    ],
    guestAccess: 'passcode',
    durationMinutes: 90,
    configName: long(300, 'c'),
  },
  private: {
    code: 'abcdEFGH',
    joinUrl: 'https://meet.rs/abcdEFGH',
    title: long(500, 'T'),
    passcodes: Array.from({ length: 500 }, (_, i) => ({
      person: outsider(i),
      label: 'Guest' as const,
      passcode: String(10_000_000 + i),
    })),
    guestPasscode: '12345678',
  },
};

const replies: Reply[] = [
  huge,
  {
    kind: 'usage',
    range: { label: 'last week', startDay: '2026-11-02', endDay: '2026-11-08', timeZone: 'Europe/Berlin' },
    tenant: 'acme',
    summary: {
      meetCount: 3,
      totalMinutes: 120.5,
      billableMinutes: 60,
      freeCount: 1,
      coveredCount: 1,
      chargedCount: 1,
      averageParticipants: 2.5,
      busiestDay: { date: '2026-11-03', meetCount: 2 },
      longest: [{ code: 'c1', title: long(5000, '*'), minutes: 60, date: '2026-11-03' }],
    },
  },
  {
    kind: 'feedback',
    range: { label: '7d', startDay: '2026-11-02', endDay: '2026-11-08', timeZone: 'UTC' },
    summary: {
      count: 2,
      averageRating: 3.5,
      distribution: [{ rating: 5, count: 1 }],
      lowest: [{ rating: 2, text: `<!channel> ${long(4000)}`, date: '2026-11-04' }],
    },
  },
  {
    kind: 'configs',
    configs: Array.from({ length: 300 }, (_, i) => ({
      id: `id-${i}`,
      name: long(300, 'n'),
      isDefault: i === 0,
      addons: ['chat'],
    })),
  },
  {
    kind: 'help',
    intro: 'Use `/meet`.',
    entries: Array.from({ length: 80 }, (_, i) => ({ usage: `/meet ${i}`, description: long(500) })),
  },
  { kind: 'notice', text: long(5000) },
  { kind: 'error', message: long(5000), hint: long(5000), usage: long(5000), referenceId: 'abcd2345', retryable: true },
];

describe('Block Kit within Slack limits', () => {
  it.each(replies.map((r) => [r.kind, r] as const))('the %s reply stays within limits', (_kind, reply) => {
    expect(checkMessage(renderReply(reply))).toEqual([]);
  });

  it('shortens a long title with an ellipsis instead of failing', () => {
    const message = renderMeetCreatedPublic(huge.public);
    expect(checkMessage(message)).toEqual([]);
    const header = message.blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
    expect(JSON.stringify(message)).toContain('more');
  });

  it('keeps 500 passcodes within 50 blocks, says how many were left out, and keeps them out of the channel', () => {
    const message = renderMeetCreatedPrivate(huge.private);
    expect(checkMessage(message)).toEqual([]);
    expect(JSON.stringify(renderMeetCreatedPublic(huge.public))).not.toContain('10000000');
  });

  it('modal and App Home views stay within limits', () => {
    const configs = Array.from({ length: 150 }, (_, i) => ({
      id: `id-${i}-${long(200)}`,
      name: long(200),
      description: long(200),
      isDefault: i === 120,
      items: [],
    }));
    expect(
      checkView(
        buildCreateMeetView({ channelId: 'C1', emails: Array(200).fill(long(50)), title: long(900) }, configs) as never,
      ),
    ).toEqual([]);
    const meets = Array.from({ length: 80 }, (_, i) => ({
      createdAt: new Date(0),
      platform: 'slack' as const,
      userId: 'U1',
      meetCode: `code${i}`,
      joinUrl: 'https://meet.rs/x',
      title: long(4000),
      template: 'meeting',
      participants: [],
    }));
    expect(checkView(buildHomeView(meets, 'UTC') as never)).toEqual([]);
  });
});

describe('mrkdwn escaping', () => {
  it.each([
    ['<!channel> hi', '&lt;!channel&gt; hi'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['<https://evil.example|click>', '&lt;https://evil.example|click&gt;'],
    ['a & b', 'a &amp; b'],
  ])('escapes %s', (input, output) => {
    expect(escapeMrkdwn(input)).toBe(output);
  });

  it('defuses bare @channel/@here/@everyone and formatting characters', () => {
    const out = escapeMrkdwn('@channel @here @everyone *b* _i_ ~s~ `c`');
    expect(out).not.toMatch(/@(channel|here|everyone)/);
    expect(out).not.toMatch(/[*_~`]/);
  });

  it('shortens by code points, never splitting an emoji', () => {
    expect(shorten('😀😀😀', 2)).toBe('😀…');
  });
});

describe('what people read', () => {
  it('marks the private message as only yours and keeps the channel message free of the Meet code', () => {
    const priv = JSON.stringify(renderMeetCreatedPrivate(huge.private));
    expect(priv).toContain('Only you can see this');
    expect(priv).toContain('`abcdEFGH`');
    const pub = renderMeetCreatedPublic({ ...huge.public, joinUrl: 'https://meet.rs/j', guestAccess: 'none' });
    expect(JSON.stringify(pub.blocks)).not.toContain('abcdEFGH');
    expect(JSON.stringify(pub.blocks)).toContain('Only the people listed can join.');
  });

  it('an empty report says what to try next; untitled Meets are not shown by code', () => {
    const usage = replies[1] as Extract<Reply, { kind: 'usage' }>;
    const empty = { ...usage, summary: { ...usage.summary, meetCount: 0, longest: [] } };
    expect(JSON.stringify(renderReply(empty))).toContain('/meet usage 30d');
    const untitled = {
      ...usage,
      summary: { ...usage.summary, longest: [{ code: 'c1', title: '', minutes: 5, date: 'd' }] },
    };
    const text = JSON.stringify(renderReply(untitled));
    expect(text).toContain('Untitled Meet');
    expect(text).not.toContain('c1');
  });
});

describe('the range of usage and feedback', () => {
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
  const headerAndContext = (reply: Reply) => {
    const message = renderReply(reply);
    const [head, ctx] = message.blocks as unknown as [
      { text: { text: string } },
      { elements: Array<{ text: string }> },
    ];
    return { header: head.text.text, context: ctx.elements.map((e) => e.text).join(' | '), text: message.text };
  };

  test('days typed as days are shown once: in the header, not again under it', () => {
    const range = { label: '2026-11-01..2026-11-15', startDay: '2026-11-01', endDay: '2026-11-15', timeZone: 'UTC' };
    expect(headerAndContext({ kind: 'usage', range, tenant: 'acme', summary })).toEqual({
      header: 'Usage: Sun 1 Nov – Sun 15 Nov 2026',
      context: 'UTC  ·  tenant acme',
      text: 'Usage Sun 1 Nov – Sun 15 Nov 2026: 0 Meets',
    });
    const feedback = headerAndContext({ kind: 'feedback', range, summary: { count: 0, distribution: [], lowest: [] } });
    expect(feedback.header).toBe('Feedback: Sun 1 Nov – Sun 15 Nov 2026');
    expect(feedback.context).toBe('UTC');
  });

  test('a preset is named in the header, its days under it', () => {
    const range = { label: 'last week', startDay: '2026-11-16', endDay: '2026-11-22', timeZone: 'Europe/Berlin' };
    expect(headerAndContext({ kind: 'usage', range, summary })).toMatchObject({
      header: 'Usage: last week',
      context: 'Mon 16 Nov – Sun 22 Nov 2026  ·  Europe/Berlin',
    });
  });
});
