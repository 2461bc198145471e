import { generatePasscode } from '../../src/core/passcode';
import type { MeetingPlan } from '../../src/core/people';
import { planMeeting } from '../../src/core/plan-meeting';
import { type AddonConfiguration, CreateMeetingRequestSchema } from '../../src/meet/schemas';
import { createCommand, emailRef, mention, planInput } from './people-fixtures';

const configs: AddonConfiguration[] = [
  { id: '3f1c2b7a-0000-4000-8000-000000000001', name: 'Default', isDefault: true, items: [] },
  { id: '3f1c2b7a-0000-4000-8000-000000000002', name: 'Coding interview', isDefault: false, items: [] },
  { id: '3f1c2b7a-0000-4000-8000-000000000003', name: 'Workshop', isDefault: false, items: [] },
  { id: '3f1c2b7a-0000-4000-8000-000000000004', name: 'workshop', isDefault: false, items: [] },
];

function plan(...args: Parameters<typeof planInput>): MeetingPlan {
  const result = planMeeting(planInput(...args));
  if (!result.ok) throw new Error(result.error.message);
  const parsed = CreateMeetingRequestSchema.safeParse(result.value.request);
  expect(parsed.error).toBeUndefined();
  return result.value;
}

describe('planMeeting', () => {
  test('a quick Meet with nothing is {}', () => {
    expect(plan(createCommand({ template: 'quick' })).request).toEqual({});
    expect(plan(createCommand({ template: 'quick', guests: { kind: 'anyone' } })).request).toEqual({});
  });

  test('a quick Meet keeps what was given and adds no one', () => {
    const p = plan(createCommand({ template: 'quick', title: 'Standup', durationMinutes: 15 }));
    expect(p.request).toEqual({ title: 'Standup', schedulingInfo: { duration: 15 } });
    expect(p).toMatchObject({ template: 'quick', guestAccess: 'anyone', roster: [] });
  });

  test('a quick Meet with people is a meeting', () => {
    const p = plan(createCommand({ template: 'quick', people: [emailRef('bob@x.com')] }));
    expect(p.template).toBe('meeting');
    expect(p.request.participants?.map((x) => x.role)).toEqual(['Admin', 'User']);
  });

  test('the typical interview', () => {
    const command = createCommand({
      template: 'interview',
      people: [mention('UALICE'), emailRef('candidate@x.com')],
      title: 'Backend L2',
      description: 'System design',
      durationMinutes: 45,
      config: 'coding INTERVIEW',
    });
    const p = plan(command, { addonConfigurations: configs });
    expect(p.request).toEqual({
      title: 'Backend L2',
      description: 'System design',
      addonConfigurationId: '3f1c2b7a-0000-4000-8000-000000000002',
      schedulingInfo: { duration: 45 },
      participants: [
        {
          user: { email: 'typist@acme.com', firstName: 'Tina', lastName: 'Typist' },
          role: 'Admin',
          accessRules: [{ provider: 'Passcode', condition: '10000001' }],
        },
        {
          user: { email: 'ualice@acme.com', firstName: 'ualice' },
          role: 'PowerUser',
          accessRules: [{ provider: 'Passcode', condition: '10000002' }],
        },
        {
          user: { email: 'candidate@x.com' },
          role: 'User',
          accessRules: [{ provider: 'Passcode', condition: '10000003' }],
        },
      ],
    });
    expect(p.config).toEqual({ id: '3f1c2b7a-0000-4000-8000-000000000002', name: 'Coding interview' });
  });

  test('duration is left out unless given, so the API default applies', () => {
    expect(plan(createCommand({ people: [emailRef('a@x.com')] })).request.schedulingInfo).toBeUndefined();
  });

  test.each([
    ['interview', [mention('UA'), emailRef('jane@x.com')], 'Interview with jane@x.com'],
    [
      'interview',
      [emailRef('a@x.com'), emailRef('b@x.com'), emailRef('c@x.com')],
      'Interview with a@x.com and 2 others',
    ],
    ['meeting', [emailRef('a@x.com')], 'Meeting by Tina Typist'],
    ['webcast', [], 'Webcast by Tina Typist'],
  ] as const)('default title of %s', (template, people, title) => {
    expect(plan(createCommand({ template, people: [...people] })).request.title).toBe(title);
  });

  test('a blank title is no title', () => {
    expect(plan(createCommand({ people: [emailRef('a@x.com')], title: '  ' })).request.title).toBe(
      'Meeting by Tina Typist',
    );
  });

  test.each([
    ['3f1c2b7a-0000-4000-8000-000000000003', '3f1c2b7a-0000-4000-8000-000000000003', 'Workshop'],
    ['3F1C2B7A-0000-4000-8000-000000000003', '3f1c2b7a-0000-4000-8000-000000000003', 'Workshop'],
    [
      '9d0e7c62-1111-4222-8333-444455556666',
      '9d0e7c62-1111-4222-8333-444455556666',
      '9d0e7c62-1111-4222-8333-444455556666',
    ],
    ['default', '3f1c2b7a-0000-4000-8000-000000000001', 'Default'],
  ])('config:%s → %s', (typed, id, name) => {
    const p = plan(createCommand({ template: 'quick', config: typed }), { addonConfigurations: configs });
    expect(p.request).toEqual({ addonConfigurationId: id });
    expect(p.config).toEqual({ id, name });
  });

  test('an unknown config name is an error that lists the choices', () => {
    const result = planMeeting(planInput(createCommand({ config: 'Pairing' }), { addonConfigurations: configs }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.token).toBe('config:Pairing');
    expect(result.error.message).toContain('Default, Coding interview, Workshop, workshop');
  });

  test('an ambiguous config name is an error that lists the matching ids', () => {
    const result = planMeeting(planInput(createCommand({ config: 'WORKSHOP' }), { addonConfigurations: configs }));
    expect(!result.ok && result.error.message).toMatch(/000000000003.*000000000004/);
  });

  test.each([0, -5, 1441, 2.5])('a duration of %p minutes is an error', (durationMinutes) => {
    const result = planMeeting(planInput(createCommand({ template: 'quick', durationMinutes })));
    expect(!result.ok && result.error.field).toBe('duration');
  });

  test('titles and descriptions over the API limits are errors', () => {
    expect(planMeeting(planInput(createCommand({ title: 'x'.repeat(501) }))).ok).toBe(false);
    expect(planMeeting(planInput(createCommand({ description: 'x'.repeat(4001) }))).ok).toBe(false);
  });

  test('the guest passcode and the per-person passcodes are in the plan for the private reply', () => {
    const p = plan(
      createCommand({
        template: 'webcast',
        people: [emailRef('v@x.com')],
        guests: { kind: 'passcode', passcode: '4242' },
      }),
    );
    expect(p).toMatchObject({ guestAccess: 'passcode', guestPasscode: '4242' });
    expect(p.roster.find((e) => e.person.email === 'v@x.com')).toMatchObject({
      role: 'Guest',
      provider: 'Passcode',
      passcode: '10000002',
    });
  });
});

describe('generatePasscode', () => {
  test('is 8 digits, not starting with 0, and varies', () => {
    const codes = new Set(Array.from({ length: 200 }, generatePasscode));
    for (const code of codes) expect(code).toMatch(/^[1-9]\d{7}$/);
    expect(codes.size).toBeGreaterThan(190);
  });
});
