import type { ViewOutput } from '@slack/bolt';
import { runCli } from '../../src/cli/run-cli';
import type { Command } from '../../src/core/command';
import { parseCommand } from '../../src/core/parse-command';
import { planMeeting } from '../../src/core/plan-meeting';
import { buildHelpReply, buildMeetCreatedReply, buildUserErrorReply } from '../../src/core/replies';
import type { Reply } from '../../src/core/reply-model';
import { createDigestSubscriptions, type DigestTarget } from '../../src/flows/digest-subscriptions';
import type { AddonConfiguration } from '../../src/meet/schemas';
import { renderMeetCreatedPrivate, renderMeetCreatedPublic, renderReply } from '../../src/slack/blocks';
import { buildHomeView } from '../../src/slack/home';
import { buildCreateMeetView } from '../../src/slack/modal';
import { readCreateModal } from '../../src/slack/modal-form';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { createCommand, emailRef, mention, planInput } from '../core/people-fixtures';
import { captureLogs } from '../fixtures/capture-logs';

/**
 * "One voice" polish, as the Slack user sees it: the JSON Slack receives for notices, the channel
 * message of a created Meet, the creator's private message and the Create-a-Meet modal, and the
 * CLI's usage text.
 */

interface TextObject {
  type: string;
  text: string;
}

/** Every Block Kit text object (plain_text or mrkdwn) anywhere in a message or view. */
function textObjects(value: unknown): TextObject[] {
  if (Array.isArray(value)) return value.flatMap(textObjects);
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own =
    (o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string' ? [o as unknown as TextObject] : [];
  return [...own, ...Object.values(o).flatMap(textObjects)];
}

function commandOf(text: string): Command {
  const parsed = parseCommand(text, { platform: 'slack' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.command;
}

function parseError(text: string): Reply {
  const parsed = parseCommand(text, { platform: 'slack' });
  if (parsed.ok) throw new Error(`${text} parsed`);
  return buildUserErrorReply(parsed.error);
}

const joinUrl = 'https://meet.rs/abcd1234';
const meeting = { id: 'm1', code: 'abcd1234', joinUrl, title: 'Backend L2' };

function meetCreated(...args: Parameters<typeof planInput>): Extract<Reply, { kind: 'meetCreated' }> {
  const planned = planMeeting(planInput(...args));
  if (!planned.ok) throw new Error(planned.error.message);
  const reply = buildMeetCreatedReply(planned.value, meeting);
  if (reply.kind !== 'meetCreated') throw new Error(reply.kind);
  return reply;
}

describe('Slack notices with code in them', () => {
  const now = new Date('2026-12-01T10:00:00Z'); // handed to the flow; it never reads the real clock
  const channel: DigestTarget = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1' };
  const { logger } = captureLogs();
  let store: Store;
  beforeEach(async () => {
    store = await openStore('sqlite::memory:', { clock: () => now });
  });
  afterEach(() => store.close());

  test('every text holding a backtick is mrkdwn, so `/meet digest weekly` shows as code, not as backticks', async () => {
    const digests = createDigestSubscriptions({ store, defaultTimeZone: 'Europe/Berlin', logger });
    const handle = async (text: string) => {
      const command = commandOf(text);
      if (command.kind !== 'digest') throw new Error(command.kind);
      return renderReply(await digests.handle(command, channel, now));
    };
    const notSubscribed = await handle('digest');
    await handle('digest weekly friday 16:00 tz:Europe/Berlin');
    const subscribed = await handle('digest');
    const messages: Array<[string, { blocks: unknown[] }]> = [
      ['the digest of an unsubscribed channel', notSubscribed],
      ['the digest of a subscribed channel', subscribed],
      ['the help', renderReply(buildHelpReply())],
      ['a mistyped digest command, with its usage line', renderReply(parseError('digest weekly tz:Mars/Base'))],
      ['App Home without Meets', buildHomeView([], 'UTC')],
    ];
    for (const [what, message] of messages) {
      const withCode = textObjects(message.blocks).filter((t) => t.text.includes('`'));
      expect({ what, hasCode: withCode.length > 0 }).toEqual({ what, hasCode: true });
      for (const t of withCode)
        expect({ what, type: t.type, text: t.text }).toEqual({ what, type: 'mrkdwn', text: t.text });
    }

    // The code itself arrives as code: real backticks, not look-alikes (ˋ) made to defuse user text.
    const shown = (m: { blocks: unknown[] }) => textObjects(m.blocks).map((t) => t.text);
    expect(shown(notSubscribed)).toEqual([
      'This channel is not subscribed to the weekly Meet digest. Subscribe with `/meet digest weekly` (Monday 09:00 by default), e.g. `/meet digest weekly friday 16:00 tz:Europe/Berlin`.',
    ]);
    expect(shown(subscribed).join('\n')).toContain('Turn it off with `/meet digest off`.');
    expect(JSON.stringify(shown(subscribed))).not.toContain('\u02cb');
    expect(shown(buildHomeView([], 'UTC'))).toContain('No Meets yet. Type `/meet` in any channel to create one.');
  });
});

describe('errors from the rules', () => {
  test('carry their examples as plain words: no look-alike grave marks (ˋ) where code was meant', () => {
    const refused = [
      planMeeting(planInput(createCommand({ template: 'interview', people: [mention('UALICE')] }))),
      planMeeting(planInput(createCommand({ durationMinutes: 0 }))),
      planMeeting(planInput(createCommand({ durationMinutes: 25 * 60 }))),
    ];
    const shown = refused.map((planned) => {
      if (planned.ok) throw new Error('planned');
      return textObjects(renderReply(buildUserErrorReply(planned.error)).blocks)
        .map((t) => t.text)
        .join('\n');
    });
    expect(shown[0]).toContain('An interview needs a candidate: add their email, e.g. jane@example.com.');
    expect(shown[1]).toContain('A Meet lasts from 1 minute to 24 hours, e.g. 45m or 1h30m.');
    for (const text of shown) {
      expect(text).not.toContain('\u02cb');
      expect(text).not.toContain('`');
    }
  });
});

describe('the channel message of a created Meet', () => {
  const pairing: AddonConfiguration = { id: 'c-1', name: 'Pairing', isDefault: false, items: [] };

  test('names the configuration, who created the Meet, and shows the join link as text beside the Join button', () => {
    const reply = meetCreated(
      createCommand({ template: 'interview', people: [mention('UALICE'), emailRef('cand@x.com')], config: 'pairing' }),
      { addonConfigurations: [pairing] },
    );
    const message = renderMeetCreatedPublic(reply.public);
    const texts = textObjects(message.blocks);

    const facts = texts.find((t) => t.text.includes('created by'));
    expect(facts).toEqual({ type: 'mrkdwn', text: 'Interview  ·  Configuration: Pairing  ·  created by <@UTYPIST>' });

    // The link as text (people copy it), not only as the button's URL.
    const linkTexts = texts.filter((t) => t.text.includes(joinUrl));
    expect(linkTexts).toEqual([{ type: 'mrkdwn', text: `<${joinUrl}>  ·  Only the people listed can join.` }]);
    expect(JSON.stringify(message.blocks)).toContain(`"url":"${joinUrl}"`);
  });

  test('a configuration named like the template is not labelled ("Interview · Interview" says nothing)', () => {
    const named = { ...pairing, id: 'c-2', name: 'Interview' };
    const reply = meetCreated(
      createCommand({ template: 'interview', people: [emailRef('cand@x.com')], config: 'interview' }),
      { addonConfigurations: [named] },
    );
    const facts = textObjects(renderMeetCreatedPublic(reply.public).blocks).find((t) => t.text.includes('created by'));
    expect(facts?.text).toBe('Interview  ·  created by <@UTYPIST>');
  });
});

describe('the Create-a-Meet modal', () => {
  test('has an optional Duration input next to the title and description, and what is typed there is read', () => {
    const view = buildCreateMeetView({ channelId: 'C0CHAN' }, []);
    const blocks = view.blocks as Array<{
      type: string;
      block_id?: string;
      label?: TextObject;
      hint?: TextObject;
      optional?: boolean;
      element?: { type: string; action_id: string };
    }>;
    expect(blocks.map((b) => b.block_id).slice(0, 4)).toEqual(['template', 'title', 'description', 'duration']);
    expect(blocks.find((b) => b.block_id === 'duration')).toMatchObject({
      type: 'input',
      label: { type: 'plain_text', text: 'Duration' },
      hint: { type: 'plain_text', text: 'Minutes (45), or 45m, 1h, 1h30m. Empty: 60 minutes.' },
      optional: true,
      element: { type: 'plain_text_input', action_id: 'value' },
    });

    // Fill the built view as Slack would send it back: the duration field reaches the command.
    const submitted = (duration: string) => {
      const typed: Record<string, Record<string, unknown>> = {
        template: { type: 'static_select', selected_option: { value: 'meeting' } },
        emails: { type: 'plain_text_input', value: 'jane@example.com' },
        guests: { type: 'radio_buttons', selected_option: { value: 'default' } },
        duration: { type: 'plain_text_input', value: duration },
        channel: { type: 'conversations_select', selected_conversation: 'C0CHAN' },
      };
      const values = Object.fromEntries(
        blocks
          .filter((b) => b.block_id && b.element && typed[b.block_id])
          .map((b) => [b.block_id, { [b.element!.action_id]: typed[b.block_id!] }]),
      );
      return readCreateModal({ state: { values } } as unknown as ViewOutput, () => '12345678');
    };
    const ok = submitted('1h30m');
    expect(ok.ok && ok.command.durationMinutes).toBe(90);
    const bad = submitted('0');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.errors)).toEqual(['duration']);
  });
});

describe('the creator’s private message', () => {
  test('30 passcodes are grouped by role, and it says Meet emails each person their own', () => {
    const candidates = Array.from({ length: 28 }, (_, i) => emailRef(`cand${i}@x.com`));
    const reply = meetCreated(createCommand({ template: 'interview', people: [mention('UALICE'), ...candidates] }));
    expect(reply.private.passcodes).toHaveLength(30);
    const texts = textObjects(renderMeetCreatedPrivate(reply.private).blocks);

    expect(texts).toContainEqual({
      type: 'mrkdwn',
      text: '*Passcodes.* Meet emails each of these people their own passcode with the invitation: you do not need to send them. Keep this copy for when an invitation goes astray.',
    });
    const list = texts.find((t) => t.text.startsWith('*Organizer*'));
    expect(list?.type).toBe('mrkdwn');
    expect(list?.text.split('\n')).toEqual([
      '*Organizer*',
      '`10000001`  <@UTYPIST>',
      '*Interviewer*',
      '`10000002`  <@UALICE>',
      '*Candidates*',
      ...Array.from({ length: 28 }, (_, i) => `\`${10_000_003 + i}\`  cand${i}@x.com`),
    ]);
  });

  test('a guest passcode is the one the creator shares: nobody gets it by email', () => {
    const reply = meetCreated(
      createCommand({
        template: 'meeting',
        people: [mention('UBOB')],
        guests: { kind: 'passcode', passcode: 'OpenSesame42' },
      }),
    );
    const texts = textObjects(renderMeetCreatedPrivate(reply.private).blocks).map((t) => t.text);
    expect(texts).toContain(
      '*Guest passcode:* `OpenSesame42`\nNobody gets this one by email: share it with your guests yourself. Anyone who knows it joins as a guest.',
    );
  });
});

describe('meetbot CLI usage', () => {
  test('the sandbox line lists --host', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(`ERR ${text}`) };
    expect(await runCli(['--help'], { io, env: {} })).toBe(0);
    const sandboxLine = out
      .join('\n')
      .split('\n')
      .find((line) => line.trim().startsWith('meetbot sandbox'));
    expect(sandboxLine?.trim()).toBe('meetbot sandbox [--port N] [--host H] [--speed N]');
  });
});
