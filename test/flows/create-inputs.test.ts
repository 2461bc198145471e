import type { ViewOutput } from '@slack/bolt';
import { runCli } from '../../src/cli/run-cli';
import type { CreateCommand } from '../../src/core/command';
import { parseCommand } from '../../src/core/parse-command';
import { readCreateForm } from '../../src/core/read-create-form';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { readCreateModal } from '../../src/slack/modal-form';
import { neutralValues } from '../../src/teams/form';
import { meetEnv } from '../fixtures/app-env';

/**
 * The same passcode, title, duration and people give the same answer whichever way they come in:
 * typed (`/meet`, the CLI) or filled in (the Slack modal, the Teams form). Each surface is driven
 * through its own adapter's reading; the CLI end to end against the sandbox.
 */

interface Input {
  passcode?: string;
  title?: string;
  /** As typed in a form; the command gets `duration:` in front of it. */
  duration?: string;
  email?: string;
  /** Without spaces, so that it is one word on every command line. */
  description?: string;
}

type Answer = { ok: true; command: CreateCommand } | { ok: false; text: string };

const cases: Array<{ name: string; input: Input; refused?: RegExp; check?: (c: CreateCommand) => void }> = [
  {
    name: 'a passcode of letters and digits',
    input: { passcode: 'OpenSesame42' },
    check: (c) => expect(c.guests).toEqual({ kind: 'passcode', passcode: 'OpenSesame42' }),
  },
  { name: 'a passcode with a dash', input: { passcode: 'open-sesame' }, refused: /4–20 letters or digits/ },
  { name: 'a passcode too short', input: { passcode: 'abc' }, refused: /4–20 letters or digits/ },
  { name: 'a passcode too long', input: { passcode: 'a'.repeat(21) }, refused: /4–20 letters or digits/ },
  {
    name: 'a title of 500 characters',
    input: { title: `${'t'.repeat(498)} x` },
    check: (c) => expect(c.title).toHaveLength(500),
  },
  {
    name: 'a title of 501 characters',
    input: { title: `${'t'.repeat(499)} x` },
    refused: /longer than 500 characters/,
  },
  { name: 'a duration of 45', input: { duration: '45' }, check: (c) => expect(c.durationMinutes).toBe(45) },
  { name: 'a duration of 1h30m', input: { duration: '1h30m' }, check: (c) => expect(c.durationMinutes).toBe(90) },
  { name: 'a duration of 0', input: { duration: '0' }, refused: /0 minutes/ },
  { name: 'a duration over a day', input: { duration: '1441' }, refused: /at most 24 hours/ },
  {
    name: 'a description of 4000 characters',
    input: { description: 'd'.repeat(4000) },
    check: (c) => expect(c.description).toHaveLength(4000),
  },
  {
    name: 'a description of 4001 characters',
    input: { description: 'd'.repeat(4001) },
    refused: /description is longer than 4000 characters/,
  },
  {
    name: 'an email in capitals',
    input: { email: 'Jane.Doe@Example.COM' },
    check: (c) => expect(c.people).toEqual([expect.objectContaining({ kind: 'email', email: 'jane.doe@example.com' })]),
  },
  {
    name: 'something that is not an email',
    input: { email: 'jane@@example' },
    refused: /"jane@@example" is not a valid email address/,
  },
];

function words(input: Input): string[] {
  const out = ['meeting', input.email ?? 'guest@example.org'];
  if (input.passcode !== undefined) out.push(`guests:${input.passcode}`);
  if (input.duration !== undefined) out.push(`duration:${input.duration}`);
  if (input.description !== undefined) out.push(`desc:${input.description}`);
  if (input.title !== undefined) out.push(`"${input.title}"`);
  return out;
}

function viaCommand(input: Input): Answer {
  const parsed = parseCommand(words(input).join(' '), { platform: 'slack' });
  if (!parsed.ok) return { ok: false, text: parsed.error.message };
  return { ok: true, command: parsed.command as CreateCommand };
}

const generatePasscode = () => '12345678';

function viaSlackModal(input: Input): Answer {
  const field = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  const view = {
    state: {
      values: {
        template: { value: { type: 'static_select', selected_option: { value: 'meeting' } } },
        title: { value: field(input.title) },
        description: { value: field(input.description) },
        duration: { value: field(input.duration) },
        people: { value: { type: 'multi_users_select', selected_users: [] } },
        emails: { value: field(input.email ?? 'guest@example.org') },
        guests: {
          value: { type: 'radio_buttons', selected_option: { value: input.passcode ? 'passcode' : 'default' } },
        },
        guest_passcode: { value: field(input.passcode) },
        channel: { value: { type: 'conversations_select', selected_conversation: 'C0CHAN' } },
      },
    },
  } as unknown as ViewOutput;
  const read = readCreateModal(view, generatePasscode);
  return read.ok ? { ok: true, command: read.command } : { ok: false, text: Object.values(read.errors).join(' ') };
}

function viaTeamsForm(input: Input): Answer {
  const read = readCreateForm(
    neutralValues({
      template: 'meeting',
      title: input.title,
      description: input.description,
      emails: input.email ?? 'guest@example.org',
      guests: input.passcode ? 'passcode' : 'default',
      guestPasscode: input.passcode,
      duration: input.duration,
    }),
    { generatePasscode },
  );
  return read.ok ? { ok: true, command: read.value } : { ok: false, text: read.error.map((e) => e.message).join(' ') };
}

describe('one rule for each input, whatever the surface', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  async function viaCli(input: Input): Promise<{ code: number; err: string; request?: Record<string, unknown> }> {
    const err: string[] = [];
    const before = sandbox.requests.length;
    const code = await runCli(['meet', ...words(input).map((w) => w.replace(/^"|"$/g, '')), '--as', 'rita@acme.com'], {
      env: meetEnv(sandbox),
      io: { out: () => {}, err: (text) => err.push(text) },
    });
    const request = sandbox.requests.slice(before).find((r) => r.method === 'POST' && r.path === '/v1/meetings')
      ?.body as Record<string, unknown> | undefined;
    return { code, err: err.join('\n'), request };
  }

  test.each(cases)('$name', async ({ input, refused, check }) => {
    const answers = { command: viaCommand(input), slackModal: viaSlackModal(input), teamsForm: viaTeamsForm(input) };
    const cli = await viaCli(input);
    if (refused) {
      for (const [surface, answer] of Object.entries(answers)) {
        expect({ surface, ok: answer.ok }).toEqual({ surface, ok: false });
        if (!answer.ok)
          expect({ surface, text: answer.text }).toEqual({ surface, text: expect.stringMatching(refused) });
      }
      expect(cli.code).toBe(2);
      expect(cli.err).toMatch(refused);
      expect(cli.request).toBeUndefined();
      if (input.passcode)
        for (const a of [...Object.values(answers), cli]) expect(JSON.stringify(a)).not.toContain(input.passcode);
      return;
    }
    const commands = Object.entries(answers).map(([surface, answer]) => {
      expect({ surface, ok: answer.ok }).toEqual({ surface, ok: true });
      return (answer as { command: CreateCommand }).command;
    });
    for (const command of commands) check?.(command);
    const [typed, ...filledIn] = commands.map((c) => ({
      title: c.title,
      description: c.description,
      durationMinutes: c.durationMinutes,
      guests: c.guests,
      people: c.people.map((p) => (p.kind === 'email' ? p.email : p.kind)),
    }));
    for (const form of filledIn) expect(form).toEqual(typed);
    expect(cli.code).toBe(0);
    if (typed.title !== undefined) expect(cli.request?.title).toEqual(typed.title);
    if (typed.description !== undefined) expect(cli.request?.description).toEqual(typed.description);
    expect((cli.request?.schedulingInfo as { duration?: number } | undefined)?.duration).toEqual(typed.durationMinutes);
  });
});
