import type { CreateCommand } from '../../src/core/command';
import { parseCommand } from '../../src/core/parse-command';
import type { PlanInput, SsoSettings } from '../../src/core/people';
import { planMeeting } from '../../src/core/plan-meeting';
import { buildMeetCreatedReply } from '../../src/core/replies';
import { type AddonConfiguration, CreateMeetingRequestSchema } from '../../src/meet/schemas';
import { outsider, slackUser, teamsUser } from './people-fixtures';

/**
 * Random commands from a vocabulary of real and broken tokens: every create the parser accepts
 * plans into a request the Meet API schema accepts, or into a mistake to show. Seeded, so a
 * failure reproduces.
 */

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = [
  'interview',
  'meeting',
  'webcast',
  'quick',
  '<@U0ALICE|alice>',
  '<@U0BOB>',
  '<@W0CAROL>',
  '@dave',
  '@Ünïcode',
  'candidate@x.com',
  'CANDIDATE@X.COM',
  'bob@gmail.com',
  'eve@outlook.com',
  'ann@acme.com',
  '<mailto:m@y.org|m@y.org>',
  'guest:<@U0BOB>',
  'admin:ann@acme.com',
  'candidate:<@U0ALICE|alice>',
  'host:bob@gmail.com',
  'user:@dave',
  'interviewer:eve@outlook.com',
  'guest:new@z.io',
  '"Backend L2"',
  '“Typographic title”',
  'title:"Sync"',
  'desc:"Agenda: x"',
  '"',
  '45m',
  '1h',
  '1h30m',
  'duration:90',
  '--duration 15',
  '0m',
  '25h',
  'config:Coding',
  'config:default',
  'config:3f1c2b7a-0000-4000-8000-000000000002',
  'config:nope',
  '--config=coding',
  'guests:anyone',
  'guests:none',
  'guests:4242',
  'guests:open-sesame',
  '@channel',
  '<!here>',
  'x'.repeat(600),
  `"${'y'.repeat(501)}"`,
  'not-an-email@',
];

const configs: AddonConfiguration[] = [
  { id: '3f1c2b7a-0000-4000-8000-000000000001', name: 'Default', isDefault: true, items: [] },
  { id: '3f1c2b7a-0000-4000-8000-000000000002', name: 'Coding', isDefault: false, items: [] },
];

const ssoChoices: SsoSettings[] = [
  { domains: {} },
  { defaultProvider: 'google', domains: { 'acme.com': 'microsoft' } },
  { defaultProvider: 'microsoft', domains: { 'y.org': 'google' } },
];

function resolvePeople(command: CreateCommand, platform: 'slack' | 'teams'): PlanInput['people'] {
  return command.people.map((ref) => {
    if (ref.kind === 'email') return { ref, person: outsider(ref.email) };
    const id = ref.kind === 'user' ? ref.id : ref.name;
    const email = `${id.toLowerCase().replace(/[^a-z0-9]/g, '') || 'someone'}@acme.com`;
    return {
      ref,
      person: platform === 'teams' ? teamsUser(id, email, { signInIdentity: `upn.${email}` }) : slackUser(id, email),
    };
  });
}

test('every parsed create plans into a request the Meet API accepts, or into a mistake', () => {
  const random = mulberry32(20260301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  let planned = 0;
  for (let i = 0; i < 3000; i++) {
    const text = Array.from({ length: Math.floor(random() * 7) }, () => pick(vocabulary)).join(' ');
    const parsed = parseCommand(text, { platform: 'slack' });
    if (!parsed.ok || parsed.command.kind !== 'create') continue;
    const platform = pick(['slack', 'teams'] as const);
    let passcodes = 0;
    const result = planMeeting({
      command: parsed.command,
      typist: platform === 'teams' ? teamsUser('29:me', 'me@acme.com') : slackUser('UME', 'me@acme.com'),
      people: resolvePeople(parsed.command, platform),
      addonConfigurations: configs,
      sso: pick(ssoChoices),
      generatePasscode: () => String(20_000_000 + ++passcodes),
    });
    if (!result.ok) {
      expect({ text, message: result.error.message.length > 0 }).toEqual({ text, message: true });
      continue;
    }
    planned += 1;
    const checked = CreateMeetingRequestSchema.safeParse(result.value.request);
    expect({ text, issues: checked.error?.issues }).toEqual({ text, issues: undefined });
    const reply = buildMeetCreatedReply(result.value, { code: 'c0de', joinUrl: 'https://meet.rs/c0de' });
    if (reply.kind === 'meetCreated') expect(JSON.stringify(reply.public)).not.toMatch(/2000000\d/);
  }
  // The vocabulary is mostly valid: a run that plans almost nothing tests nothing.
  expect(planned).toBeGreaterThan(300);
});
