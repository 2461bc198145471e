import { chooseProvider, planParticipants } from '../../src/core/access-rules';
import type { Template } from '../../src/core/command';
import type { ResolvedPerson, SsoSettings } from '../../src/core/people';
import { CreateMeetingRequestSchema, type Participant } from '../../src/meet/schemas';
import { createCommand, emailRef, mention, outsider, planInput, slackUser, teamsUser } from './people-fixtures';

function participantsOf(input: ReturnType<typeof planInput>): Participant[] {
  const result = planParticipants(input);
  if (!result.ok) throw new Error(result.error.message);
  expect(CreateMeetingRequestSchema.safeParse({ participants: result.value.participants }).success).toBe(true);
  return result.value.participants;
}

function roleOf(participants: Participant[], email: string): string | undefined {
  return participants.find((p) => p.user?.email === email)?.role;
}

describe('roles by template (commands.md table)', () => {
  const cases: Array<[Template, string, string, string]> = [
    ['interview', 'Admin', 'PowerUser', 'User'],
    ['meeting', 'Admin', 'User', 'User'],
    ['webcast', 'PowerUser', 'PowerUser', 'Guest'],
    ['quick', 'Admin', 'User', 'User'],
  ];
  test.each(cases)('%s: typist %s, mentions %s, emails %s', (template, typist, mentioned, emailed) => {
    const participants = participantsOf(
      planInput(createCommand({ template, people: [mention('UALICE'), emailRef('cand@x.com')] })),
    );
    expect(roleOf(participants, 'typist@acme.com')).toBe(typist);
    expect(roleOf(participants, 'ualice@acme.com')).toBe(mentioned);
    expect(roleOf(participants, 'cand@x.com')).toBe(emailed);
  });

  test('webcast adds one anonymous Guest entry by default', () => {
    const participants = participantsOf(planInput(createCommand({ template: 'webcast', people: [mention('UALICE')] })));
    expect(participants.filter((p) => !p.user)).toEqual([{ role: 'Guest' }]);
  });

  test.each(['interview', 'meeting', 'quick'] as const)('%s adds no anonymous Guest by default', (template) => {
    const participants = participantsOf(planInput(createCommand({ template, people: [emailRef('c@x.com')] })));
    expect(participants.filter((p) => !p.user)).toEqual([]);
  });

  test('a role prefix overrides the template role', () => {
    const people = [
      mention('UALICE'),
      mention('UBOB', 'Guest'),
      emailRef('carol@x.com'),
      emailRef('dan@x.com', 'PowerUser'),
    ];
    const participants = participantsOf(planInput(createCommand({ template: 'interview', people })));
    expect(roleOf(participants, 'ualice@acme.com')).toBe('PowerUser');
    expect(roleOf(participants, 'ubob@acme.com')).toBe('Guest');
    expect(roleOf(participants, 'carol@x.com')).toBe('User');
    expect(roleOf(participants, 'dan@x.com')).toBe('PowerUser');
  });
});

describe('providers', () => {
  const sso: SsoSettings = { defaultProvider: 'google', domains: { 'acme.com': 'microsoft', 'partner.io': 'google' } };
  const cases: Array<[string, string, ResolvedPerson, SsoSettings]> = [
    ['Teams user', 'Microsoft', teamsUser('29:1', 'a@any.org'), { domains: {} }],
    ['Teams user, gmail address', 'Microsoft', teamsUser('29:1', 'a@gmail.com'), sso],
    ['Slack user, configured domain', 'Microsoft', slackUser('U1', 'a@acme.com'), sso],
    ['Slack user, default provider', 'Google', slackUser('U1', 'a@other.com'), sso],
    ['Slack user, no SSO at all', 'Passcode', slackUser('U1', 'a@acme.com'), { domains: {} }],
    [
      'CLI user, default provider',
      'Microsoft',
      { ...slackUser('U1', 'a@x.com'), platform: 'cli' },
      { defaultProvider: 'microsoft', domains: {} },
    ],
    ['outsider gmail.com', 'Google', outsider('a@gmail.com'), { domains: {} }],
    ['outsider googlemail.com', 'Google', outsider('a@googlemail.com'), { domains: {} }],
    ['outsider outlook.com', 'Microsoft', outsider('a@outlook.com'), { domains: {} }],
    ['outsider hotmail.com', 'Microsoft', outsider('a@hotmail.com'), { domains: {} }],
    ['outsider live.com', 'Microsoft', outsider('a@live.com'), { domains: {} }],
    ['outsider msn.com', 'Microsoft', outsider('a@msn.com'), { domains: {} }],
    ['outsider, configured domain', 'Google', outsider('a@partner.io'), sso],
    ['outsider, configured domain in capitals', 'Google', outsider('a@Partner.IO'), sso],
    ['outsider, unknown domain (default provider is for workspace users only)', 'Passcode', outsider('a@x.com'), sso],
  ];
  test.each(cases)('%s → %s', (_name, expected, person, settings) => {
    expect(chooseProvider(person, person.email ?? '', settings)).toBe(expected);
  });

  test('Passcode rules carry a fresh passcode each; SSO rules omit the condition when it equals the email', () => {
    const people = [mention('UALICE'), emailRef('bob@x.com'), emailRef('carol@gmail.com'), emailRef('dan@y.com')];
    const result = planParticipants(
      planInput(createCommand({ people }), { sso: { domains: { 'acme.com': 'google' } } }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.participants.map((p) => [p.user?.email, p.accessRules])).toEqual([
      ['typist@acme.com', [{ provider: 'Google' }]],
      ['ualice@acme.com', [{ provider: 'Google' }]],
      ['bob@x.com', [{ provider: 'Passcode', condition: '10000001' }]],
      ['carol@gmail.com', [{ provider: 'Google' }]],
      ['dan@y.com', [{ provider: 'Passcode', condition: '10000002' }]],
    ]);
    expect(result.value.roster.map((e) => e.passcode)).toEqual([
      undefined,
      undefined,
      '10000001',
      undefined,
      '10000002',
    ]);
  });

  test('a Teams UPN that differs from the email becomes the condition', () => {
    const alice = teamsUser('29:alice', 'alice@acme.com', { signInIdentity: 'alice.smith@acme.onmicrosoft.com' });
    const same = teamsUser('29:bob', 'bob@acme.com', { signInIdentity: 'BOB@acme.com' });
    const input = planInput(createCommand({ people: [mention('29:alice'), mention('29:bob')] }), {
      typist: teamsUser('29:t', 't@acme.com'),
      people: [
        { ref: mention('29:alice'), person: alice },
        { ref: mention('29:bob'), person: same },
      ],
    });
    const participants = participantsOf(input);
    expect(participants[1].accessRules).toEqual([
      { provider: 'Microsoft', condition: 'alice.smith@acme.onmicrosoft.com' },
    ]);
    expect(participants[2].accessRules).toEqual([{ provider: 'Microsoft' }]);
  });

  test('names of workspace users go along; outsiders are sent by email only', () => {
    const participants = participantsOf(planInput(createCommand({ people: [emailRef('bob@x.com')] })));
    expect(participants[0].user).toEqual({ email: 'typist@acme.com', firstName: 'Tina', lastName: 'Typist' });
    expect(participants[1].user).toEqual({ email: 'bob@x.com' });
  });
});

describe('duplicates', () => {
  test('the same email twice is one participant with the more privileged role, case-insensitively', () => {
    const people = [emailRef('bob@x.com'), emailRef('BOB@x.com', 'PowerUser'), emailRef('bob@x.com', 'Guest')];
    const participants = participantsOf(
      planInput(createCommand({ template: 'interview', people: [...people, emailRef('c@x.com')] })),
    );
    expect(participants.filter((p) => p.user?.email?.toLowerCase() === 'bob@x.com')).toHaveLength(1);
    expect(roleOf(participants, 'bob@x.com')).toBe('PowerUser');
  });

  test('the typist counts: mentioning yourself keeps you Admin, once', () => {
    const input = planInput(createCommand({ people: [mention('UTYPIST', 'Guest')] }), {});
    input.people[0].person = slackUser('UTYPIST', 'Typist@acme.com');
    const result = planParticipants(input);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.participants).toHaveLength(1);
    expect(result.value.participants[0].role).toBe('Admin');
    expect(result.value.roster[0].isTypist).toBe(true);
  });

  test('a webcast guest who is also named as co-host is a co-host', () => {
    const input = planInput(
      createCommand({ template: 'webcast', people: [emailRef('ualice@acme.com'), mention('UALICE')] }),
    );
    const result = planParticipants(input);
    if (!result.ok) throw new Error(result.error.message);
    const alice = result.value.roster.filter((e) => e.person.email === 'ualice@acme.com');
    expect(alice).toHaveLength(1);
    expect(alice[0]).toMatchObject({ role: 'PowerUser', person: { source: 'workspace', userId: 'UALICE' } });
  });
});

describe('guests:', () => {
  test('anyone adds an anonymous Guest', () => {
    const result = planParticipants(planInput(createCommand({ people: [mention('UA')], guests: { kind: 'anyone' } })));
    expect(result.ok && result.value.participants.at(-1)).toEqual({ role: 'Guest' });
    expect(result.ok && result.value.guestAccess).toBe('anyone');
  });

  test('a passcode adds a passcode-protected Guest', () => {
    const result = planParticipants(
      planInput(createCommand({ people: [mention('UA')], guests: { kind: 'passcode', passcode: 'open-sesame' } })),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.participants.at(-1)).toEqual({
      role: 'Guest',
      accessRules: [{ provider: 'Passcode', condition: 'open-sesame' }],
    });
    expect(result.value).toMatchObject({ guestAccess: 'passcode', guestPasscode: 'open-sesame' });
  });

  test('none removes the webcast default Guest', () => {
    const result = planParticipants(
      planInput(createCommand({ template: 'webcast', people: [mention('UA')], guests: { kind: 'none' } })),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.participants.every((p) => p.user)).toBe(true);
    expect(result.value.guestAccess).toBe('none');
  });
});

describe('mistakes', () => {
  test('a person without an email is an error naming them by how they were written', () => {
    const input = planInput(createCommand({ people: [mention('UBOT')] }));
    input.people[0].person = slackUser('UBOT', undefined, { displayName: 'deploybot' });
    const result = planParticipants(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.token).toBe('<@UBOT>');
    expect(result.error.message).toContain('deploybot');
  });

  test('a typist without an email is told so', () => {
    const result = planParticipants(
      planInput(createCommand({ people: [emailRef('a@x.com')] }), { typist: slackUser('U1', undefined) }),
    );
    expect(!result.ok && result.error.message).toMatch(/your email/);
  });

  test('an interview without a candidate is an error', () => {
    const result = planParticipants(planInput(createCommand({ template: 'interview', people: [mention('UA')] })));
    expect(!result.ok && result.error.message).toMatch(/candidate/);
  });

  test('more than 500 participants is an error', () => {
    const people = Array.from({ length: 500 }, (_, i) => emailRef(`p${i}@x.com`));
    const result = planParticipants(planInput(createCommand({ people })));
    expect(!result.ok && result.error.message).toMatch(/500/);
  });
});
