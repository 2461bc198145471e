import type { MeetingPlan } from '../../src/core/people';
import { planMeeting } from '../../src/core/plan-meeting';
import {
  buildConfigsReply,
  buildHelpReply,
  buildMeetCreatedReply,
  buildUserErrorReply,
  labelRole,
} from '../../src/core/replies';
import type { Reply } from '../../src/core/reply-model';
import { helpEntries } from '../../src/core/usage-lines';
import type { Meeting } from '../../src/meet/schemas';
import { createCommand, emailRef, mention, planInput } from './people-fixtures';

const meeting: Meeting = { id: 'm1', code: 'abc123', joinUrl: 'https://meet.rs/abc123', title: 'Backend L2' };

function planOf(...args: Parameters<typeof planInput>): MeetingPlan {
  const result = planMeeting(planInput(...args));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function created(plan: MeetingPlan, m: Meeting = meeting): Extract<Reply, { kind: 'meetCreated' }> {
  const reply = buildMeetCreatedReply(plan, m);
  if (reply.kind !== 'meetCreated') throw new Error(reply.kind);
  return reply;
}

describe('buildMeetCreatedReply', () => {
  const interview = planOf(
    createCommand({
      template: 'interview',
      people: [mention('UALICE'), emailRef('cand@x.com'), emailRef('obs@x.com', 'Guest')],
      title: 'Backend L2',
      durationMinutes: 45,
      guests: { kind: 'passcode', passcode: 'letmein' },
    }),
  );

  test('public part: title, link, template, people by role, guest access, duration', () => {
    expect(created(interview).public).toEqual({
      title: 'Backend L2',
      joinUrl: 'https://meet.rs/abc123',
      template: 'interview',
      createdBy: { displayName: 'utypist', platform: 'slack', userId: 'UTYPIST' },
      participants: [
        {
          label: 'Organizer',
          role: 'Admin',
          people: [{ displayName: 'utypist', platform: 'slack', userId: 'UTYPIST' }],
        },
        {
          label: 'Interviewer',
          role: 'PowerUser',
          people: [{ displayName: 'ualice', platform: 'slack', userId: 'UALICE' }],
        },
        {
          label: 'Candidate',
          role: 'User',
          people: [{ displayName: 'cand@x.com', platform: 'slack', email: 'cand@x.com' }],
        },
        {
          label: 'Guest',
          role: 'Guest',
          people: [{ displayName: 'obs@x.com', platform: 'slack', email: 'obs@x.com' }],
        },
      ],
      guestAccess: 'passcode',
      durationMinutes: 45,
    });
  });

  test('private part: code, link, every passcode with its person, the guest passcode', () => {
    const priv = created(interview).private;
    expect(priv).toMatchObject({
      code: 'abc123',
      joinUrl: 'https://meet.rs/abc123',
      title: 'Backend L2',
      guestPasscode: 'letmein',
    });
    expect(priv.passcodes.map((p) => [p.person.email, p.label, p.passcode])).toEqual([
      ['typist@acme.com', 'Organizer', '10000001'],
      ['ualice@acme.com', 'Interviewer', '10000002'],
      ['cand@x.com', 'Candidate', '10000003'],
      ['obs@x.com', 'Guest', '10000004'],
    ]);
  });

  test('no passcode appears anywhere in the public part', () => {
    const reply = created(interview);
    const publicJson = JSON.stringify(reply.public);
    for (const code of ['10000001', '10000002', '10000003', '10000004', 'letmein']) {
      expect(publicJson).not.toContain(code);
      expect(JSON.stringify(reply.private)).toContain(code);
    }
  });

  test('a webcast: the creator hosts, mentions co-host, outsiders are guests', () => {
    const plan = planOf(createCommand({ template: 'webcast', people: [mention('UBOB'), emailRef('viewer@x.com')] }));
    const groups = created(plan).public.participants.map((g) => [g.label, g.people.map((p) => p.userId ?? p.email)]);
    expect(groups).toEqual([
      ['Host', ['UTYPIST']],
      ['Co-host', ['UBOB']],
      ['Guest', ['viewer@x.com']],
    ]);
    expect(created(plan).public.guestAccess).toBe('anyone');
  });

  test('a quick Meet takes the title the API gave it, has no participants, and names who created it', () => {
    const reply = created(planOf(createCommand({ template: 'quick' })), {
      code: 'q1',
      joinUrl: 'https://meet.rs/q1',
      title: 'Quick meet 07/22 - 265',
    });
    expect(reply.public).toEqual({
      title: 'Quick meet 07/22 - 265',
      joinUrl: 'https://meet.rs/q1',
      template: 'quick',
      createdBy: { displayName: 'utypist', platform: 'slack', userId: 'UTYPIST' },
      participants: [],
      guestAccess: 'anyone',
    });
    expect(reply.private.passcodes).toEqual([]);
  });

  test('the config name is shown', () => {
    const plan = planOf(createCommand({ template: 'quick', config: 'pairing' }), {
      addonConfigurations: [{ id: 'c-1', name: 'Pairing', isDefault: false, items: [] }],
    });
    expect(created(plan).public.configName).toBe('Pairing');
  });

  test('a config named like the template is left out ("Interview · Interview" says nothing)', () => {
    const configs = [{ id: 'c-2', name: 'Interview', isDefault: false, items: [] }];
    const plan = planOf(
      createCommand({ template: 'interview', people: [emailRef('cand@x.com')], config: 'interview' }),
      { addonConfigurations: configs },
    );
    expect(plan.request.addonConfigurationId).toBe('c-2');
    expect(created(plan).public.configName).toBeUndefined();
  });
});

test.each([
  ['interview', 'Admin', true, 'Organizer'],
  ['interview', 'PowerUser', false, 'Interviewer'],
  ['interview', 'User', false, 'Candidate'],
  ['interview', 'Guest', false, 'Guest'],
  ['meeting', 'Admin', true, 'Organizer'],
  ['meeting', 'PowerUser', false, 'Co-host'],
  ['meeting', 'User', false, 'Participant'],
  ['meeting', 'Guest', false, 'Guest'],
  ['webcast', 'PowerUser', true, 'Host'],
  ['webcast', 'PowerUser', false, 'Co-host'],
  ['webcast', 'Admin', false, 'Organizer'],
  ['webcast', 'User', false, 'Participant'],
  ['webcast', 'Guest', false, 'Guest'],
] as const)('labelRole(%s, %s, typist=%s) = %s', (template, role, isTypist, label) => {
  expect(labelRole(template, role, isTypist)).toBe(label);
});

test('buildConfigsReply names the addons and puts the default first', () => {
  const reply = buildConfigsReply([
    { id: 'b', name: 'Whiteboard only', isDefault: false, items: [{ identifier: 'rnto' }, { identifier: 'newthing' }] },
    {
      id: 'a',
      name: 'Full',
      description: 'Everything',
      isDefault: true,
      items: ['monaco', 'rnto', 'orpheus', 'roster', 'twilio'].map((identifier) => ({ identifier })),
    },
  ]);
  expect(reply).toEqual({
    kind: 'configs',
    configs: [
      {
        id: 'a',
        name: 'Full',
        description: 'Everything',
        isDefault: true,
        addons: ['code editor', 'whiteboard', 'chat', 'participant roster', 'calling'],
      },
      { id: 'b', name: 'Whiteboard only', isDefault: false, addons: ['whiteboard', 'newthing'] },
    ],
    // How to pick one, with a name from this list (quoted: it has a space), not the default.
    example: 'config:"Whiteboard only"',
  });
});

test('buildHelpReply lists the parser’s help entries', () => {
  const reply = buildHelpReply();
  expect(reply.kind === 'help' && reply.entries).toEqual(helpEntries);
  const one = buildHelpReply([{ usage: '/meet configs', description: 'List configurations' }]);
  expect(one.kind === 'help' && one.entries).toHaveLength(1);
});

test('buildHelpReply says how to call the bot where it is shown: /meet by default, @Meet or help in Teams', () => {
  const slack = buildHelpReply();
  expect(slack.kind === 'help' && slack.intro).toContain('`/meet`');
  const teams = buildHelpReply(helpEntries, 'teams');
  if (teams.kind !== 'help') throw new Error('not help');
  // The same entries, except that `new` says where the form is: a bot command cannot open one in Teams.
  const teamsNew = teams.entries.find((e) => e.usage === '/meet new');
  expect(teamsNew?.description).toContain('under the box where you type');
  expect(teams.entries.filter((e) => e !== teamsNew)).toEqual(helpEntries.filter((e) => e.usage !== '/meet new'));
  expect(teams.intro).toContain('`@Meet help`');
  expect(teams.intro).toMatch(/1:1 chat just type `help`/);
  expect(teams.intro).not.toContain('/meet');
});

test('buildUserErrorReply says what was wrong and the usage line', () => {
  expect(buildUserErrorReply({ message: 'bob@ is not an email.', token: 'bob@', usage: '/meet meeting …' })).toEqual({
    kind: 'error',
    message: 'bob@ is not an email.',
    usage: '/meet meeting …',
    retryable: false,
  });
});
