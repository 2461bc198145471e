import type { Reply } from '../../src/core/reply-model';
import { renderMeetCreatedCard, renderMeetPrivateCard, renderReplyCard, summarizeReply } from '../../src/teams/cards';
import { escapeMarkdown } from '../../src/teams/escape';
import { buildCreateForm } from '../../src/teams/form';
import { cardProblems } from './validate-card';

const range = { label: 'last week', startDay: '2026-03-02', endDay: '2026-03-08', timeZone: 'Europe/Berlin' };
const alice = {
  displayName: 'Alice Smith',
  platform: 'teams' as const,
  userId: '29:alice',
  email: 'alice@contoso.com',
};
const candidate = { displayName: 'candidate@x.com', platform: 'teams' as const, email: 'candidate@x.com' };
const meetCreated: Extract<Reply, { kind: 'meetCreated' }> = {
  kind: 'meetCreated',
  public: {
    title: 'Backend L2',
    joinUrl: 'https://meet.rs/j/ABC123',
    template: 'interview',
    createdBy: { displayName: 'Bob Jones', platform: 'teams', userId: '29:bob' },
    participants: [
      {
        label: 'Organizer',
        role: 'Admin',
        people: [{ displayName: 'Bob Jones', platform: 'teams', userId: '29:bob' }],
      },
      { label: 'Interviewer', role: 'PowerUser', people: [alice] },
      { label: 'Candidate', role: 'User', people: [candidate] },
    ],
    guestAccess: 'none',
    durationMinutes: 45,
    configName: 'Coding interview',
  },
  private: {
    code: 'ABC123',
    joinUrl: 'https://meet.rs/j/ABC123',
    title: 'Backend L2',
    passcodes: [{ person: candidate, label: 'Candidate', passcode: '48213377' }],
    guestPasscode: '99887766',
  },
};

const replies: Record<string, Reply> = {
  meetCreated,
  usage: {
    kind: 'usage',
    range,
    tenant: 'acme',
    summary: {
      meetCount: 3,
      totalMinutes: 150,
      billableMinutes: 90,
      freeCount: 1,
      coveredCount: 1,
      chargedCount: 1,
      averageParticipants: 3.5,
      busiestDay: { date: '2026-03-04', meetCount: 2 },
      longest: [{ code: 'X1', title: 'Planning *all hands*', minutes: 80, date: '2026-03-04' }],
    },
  },
  usageEmpty: {
    kind: 'usage',
    range,
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
  },
  feedback: {
    kind: 'feedback',
    range,
    summary: {
      count: 4,
      averageRating: 4.25,
      distribution: [
        { rating: 5, count: 2 },
        { rating: 4, count: 1 },
        { rating: 3, count: 1 },
      ],
      lowest: [{ rating: 3, text: 'Audio [dropped](http://evil.example)', date: '2026-03-03' }],
    },
  },
  feedbackEmpty: { kind: 'feedback', range, summary: { count: 0, distribution: [], lowest: [] } },
  configs: {
    kind: 'configs',
    configs: [
      { id: 'c1', name: 'Default', isDefault: true, addons: ['whiteboard'] },
      { id: 'c2', name: 'Coding', description: 'For interviews', isDefault: false, addons: [] },
    ],
  },
  configsEmpty: { kind: 'configs', configs: [] },
  help: {
    kind: 'help',
    intro: 'Create Meets from Teams.',
    entries: [{ usage: '@Meet interview @person email "title"', description: 'An interview', example: 'x' }],
  },
  notice: { kind: 'notice', text: 'Your Meet is being created…' },
  error: {
    kind: 'error',
    message: 'The Meet API did not answer in time.',
    hint: 'Try again in a minute.',
    usage: '@Meet [template] [people] ["title"]',
    referenceId: 'ref-123',
    retryable: true,
  },
};

describe('Teams cards', () => {
  test.each(Object.entries(replies))('the %s card parses without warnings at version 1.5', (_name, reply) => {
    expect(cardProblems(renderReplyCard(reply))).toEqual([]);
  });

  test('the notification text of a notice says @Meet, as people type it in Teams', () => {
    const summary = summarizeReply({ kind: 'notice', text: 'Subscribed. Turn it off with `/meet digest off`.' });
    expect(summary).toBe('Subscribed. Turn it off with @Meet digest off.');
  });

  test('the private card parses without warnings', () => {
    expect(cardProblems(renderMeetPrivateCard(meetCreated.private))).toEqual([]);
  });

  test('the form parses, empty and with errors on its fields', () => {
    const configs = [
      { id: 'c1', name: 'Default', isDefault: true, items: [] },
      { id: 'c2', name: 'Coding', isDefault: false, items: [] },
    ];
    expect(cardProblems(buildCreateForm({ configs }))).toEqual([]);
    const errors = [
      { field: 'emails', message: '"bob@" is not an email address.' },
      { message: 'Something about the whole form.' },
    ];
    expect(cardProblems(buildCreateForm({ configs: [], errors, values: { duration: 'x' } }))).toEqual([]);
  });

  test('the validator itself catches a broken card', () => {
    const broken = { type: 'AdaptiveCard', version: '1.6', body: [{ type: 'Image' }, { type: 'Nope' }] };
    expect(cardProblems(broken).length).toBeGreaterThanOrEqual(3);
    expect(
      cardProblems({ ...renderReplyCard(replies.notice), body: [{ type: 'TextBlock', text: '<at>X</at>' }] }),
    ).toEqual(['mention <at>X</at> has no msteams entity']);
  });

  test('the channel card shows the title, a Join button, people by role as mentions, and no passcode', () => {
    const card = renderMeetCreatedCard(meetCreated.public);
    const text = JSON.stringify(card);
    expect(card.body[0]).toMatchObject({ text: 'Backend L2' });
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', url: 'https://meet.rs/j/ABC123' }),
    ]);
    expect(card.body).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'Organizer', value: '<at>Bob Jones</at>' },
        { title: 'Interviewer', value: '<at>Alice Smith</at>' },
        { title: 'Candidate', value: 'candidate@x.com' },
      ],
    });
    expect(card.msteams?.entities).toContainEqual({
      type: 'mention',
      text: '<at>Alice Smith</at>',
      mentioned: { id: '29:alice', name: 'Alice Smith' },
    });
    expect(text).toContain('Interview · 45m · Configuration: Coding interview · created by <at>Bob Jones</at>');
    expect(text).toContain('[https://meet.rs/j/ABC123](https://meet.rs/j/ABC123)');
    expect(text).not.toContain('48213377');
    expect(text).not.toContain('99887766');
  });

  test('the private card holds the Meet code and every passcode', () => {
    const text = JSON.stringify(renderMeetPrivateCard(meetCreated.private));
    expect(text).toContain('ABC123');
    expect(text).toContain('48213377');
    expect(text).toContain('99887766');
  });

  test('typed text cannot format, link or mention', () => {
    const card = renderMeetCreatedCard({
      ...meetCreated.public,
      title: '**Bold** [click](https://evil.example) <at>Alice Smith</at> _x_',
    });
    const title = card.body[0].text as string;
    expect(title).not.toMatch(/(^|[^\\])\*\*/);
    expect(title).not.toContain('[click]');
    expect(title).not.toContain('<at>Alice Smith</at>');
    expect(title).not.toContain('https://');
    expect(escapeMarkdown('# heading\n- item\n1. one')).toBe('\\# heading\n\\- item\n1\\. one');
  });
});

describe('what people read in Teams', () => {
  test('help, usage lines and hints say @Meet, not /meet', () => {
    const help = JSON.stringify(
      renderReplyCard({
        kind: 'help',
        intro: 'Type `/meet`.',
        entries: [{ usage: '/meet usage', description: 'd', example: '/meet usage 7d' }],
      }),
    );
    expect(help).toContain('@Meet usage 7d');
    expect(help).not.toContain('/meet');
    expect(JSON.stringify(renderReplyCard(replies.usageEmpty))).toContain('@Meet usage 30d');
  });

  test('the private card is marked as only yours, lists a person once, and the channel card uses plurals', () => {
    const text = JSON.stringify(renderMeetPrivateCard(meetCreated.private));
    expect(text).toContain('Only you can see this');
    expect(text).not.toContain('candidate@x.com (candidate@x.com)');
    const twoInterviewers = renderMeetCreatedCard({
      ...meetCreated.public,
      participants: [
        {
          label: 'Interviewer',
          role: 'PowerUser',
          people: [alice, { ...alice, userId: '29:zoe', displayName: 'Zoë' }],
        },
      ],
    });
    expect(JSON.stringify(twoInterviewers)).toContain('"title":"Interviewers"');
  });
});

describe('the range of usage and feedback cards', () => {
  const titleAndLine = (reply: Reply): [string, string] => {
    const body = (renderReplyCard(reply) as unknown as { body: Array<{ text?: string }> }).body;
    return [body[0].text ?? '', body[1].text ?? ''];
  };
  const days = { label: '2026-11-01..2026-11-15', startDay: '2026-11-01', endDay: '2026-11-15', timeZone: 'UTC' };

  test('days typed as days are shown once: in the title, not again under it', () => {
    expect(titleAndLine({ ...replies.usage, range: days } as Reply)).toEqual([
      'Usage: Sun 1 Nov – Sun 15 Nov 2026',
      'UTC · tenant acme',
    ]);
    expect(titleAndLine({ ...replies.feedback, range: days } as Reply)).toEqual([
      'Feedback: Sun 1 Nov – Sun 15 Nov 2026',
      'UTC',
    ]);
  });

  test('a preset is named in the title, its days under it', () => {
    expect(titleAndLine(replies.usage)).toEqual([
      'Usage: last week',
      'Mon 2 Mar – Sun 8 Mar 2026 · Europe/Berlin · tenant acme',
    ]);
  });
});
