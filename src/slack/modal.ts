import type { types } from '@slack/bolt';
import type { Template } from '../core/command';
import { createLimits } from '../core/limits';
import type { AddonConfiguration } from '../meet/schemas';
import { type Block, context } from './block-kit';
import { shorten, slackLimits } from './limits';

/** The Create-a-Meet modal (`/meet new`, the global and the message shortcut). */

export const createMeetCallbackId = 'create_meet';

export interface ModalPrefill {
  channelId?: string;
  userIds?: string[];
  emails?: string[];
  title?: string;
  description?: string;
}

/** `undefined` configs: still loading (the modal opens at once; trigger ids expire in 3 s). `null`: unavailable. */
export type ModalConfigs = AddonConfiguration[] | undefined | null;

const templates: Array<{ value: Template; text: string }> = [
  { value: 'meeting', text: 'Meeting: you organize, everyone joins' },
  { value: 'interview', text: 'Interview: people interview, emails are candidates' },
  { value: 'webcast', text: 'Webcast: you host, people co-host, emails watch' },
  { value: 'quick', text: 'Quick Meet: anyone with the link' },
];

export const guestChoices = [
  { value: 'default', text: 'As the template says (webcasts: anyone with the link)' },
  { value: 'none', text: 'No guests' },
  { value: 'anyone', text: 'Anyone with the link' },
  { value: 'passcode', text: 'Anyone with a passcode (below, or one is made up)' },
] as const;

function plain(text: string, max: number = slackLimits.optionText): types.PlainTextElement {
  return { type: 'plain_text', text: shorten(text, max), emoji: true };
}

function option(text: string, value: string, description?: string): types.PlainTextOption {
  const o: types.PlainTextOption = { text: plain(text), value: shorten(value, slackLimits.optionValue) };
  if (description) o.description = plain(description, slackLimits.optionDescription);
  return o;
}

function input(
  blockId: string,
  label: string,
  element: types.InputBlock['element'],
  optional: boolean,
  hint?: string,
): Block {
  const block: types.InputBlock = { type: 'input', block_id: blockId, label: plain(label, 2000), element, optional };
  if (hint) block.hint = plain(hint, slackLimits.inputHint);
  return block;
}

function configBlock(configs: ModalConfigs): Block {
  if (!configs || configs.length === 0) {
    const why =
      configs === undefined ? 'Loading addon configurations…' : 'The default addon configuration will be used.';
    return context([why]);
  }
  const options = configs
    .slice(0, slackLimits.options)
    .map((c) => option(c.name || c.id, c.id, c.description ?? undefined));
  const initial = configs.slice(0, slackLimits.options).findIndex((c) => c.isDefault);
  const element: types.StaticSelect = {
    type: 'static_select',
    action_id: 'value',
    options,
    placeholder: plain('Default', 150),
  };
  if (initial >= 0) element.initial_option = options[initial];
  return input('config', 'Addon configuration', element, true);
}

export function buildCreateMeetView(prefill: ModalPrefill, configs: ModalConfigs): types.ModalView {
  const templateOptions = templates.map((t) => option(t.text, t.value));
  const users: types.MultiUsersSelect = {
    type: 'multi_users_select',
    action_id: 'value',
    placeholder: plain('Pick people', 150),
  };
  if (prefill.userIds?.length) users.initial_users = prefill.userIds.slice(0, 100);
  const emails: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'value',
    multiline: true,
    placeholder: plain('jane@example.com, bob@partner.io', 150),
  };
  if (prefill.emails?.length) emails.initial_value = shorten(prefill.emails.join(', '), slackLimits.textInputMax);
  const title: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'value',
    max_length: createLimits.titleChars,
  };
  if (prefill.title) title.initial_value = shorten(prefill.title, createLimits.titleChars);
  // Slack's text input holds at most 3000 characters, fewer than a Meet description may have.
  const descriptionMax = Math.min(createLimits.descriptionChars, slackLimits.textInputMax);
  const description: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'value',
    multiline: true,
    max_length: descriptionMax,
  };
  if (prefill.description) description.initial_value = shorten(prefill.description, descriptionMax);
  const duration: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: 'value',
    max_length: 10,
    placeholder: plain('60', 150),
  };
  const channel: types.ConversationsSelect = {
    type: 'conversations_select',
    action_id: 'value',
    response_url_enabled: true,
    default_to_current_conversation: true,
    filter: { include: ['public', 'private'], exclude_bot_users: true },
  };
  if (prefill.channelId) channel.initial_conversation = prefill.channelId;
  const guests: types.RadioButtons = {
    type: 'radio_buttons',
    action_id: 'value',
    options: guestChoices.map((g) => option(g.text, g.value)),
  };
  guests.initial_option = guests.options[0];
  const blocks: Block[] = [
    input(
      'template',
      'Template',
      { type: 'static_select', action_id: 'value', options: templateOptions, initial_option: templateOptions[0] },
      false,
    ),
    input('title', 'Title', title, true, 'Leave empty for a title made from the template and people.'),
    input('description', 'Description', description, true),
    input('duration', 'Duration', duration, true, 'Minutes (45), or 45m, 1h, 1h30m. Empty: 60 minutes.'),
    input(
      'date',
      'Day, for a Meet later',
      { type: 'datepicker', action_id: 'value', placeholder: plain('Today: leave empty for a Meet now', 150) },
      true,
      'With a day and a time the Meet is created now (its invitations go out now) and the channel is reminded in its thread before it starts.',
    ),
    input(
      'time',
      'Time',
      { type: 'timepicker', action_id: 'value', placeholder: plain('15:00', 150) },
      true,
      'In your own time zone (your Slack profile’s).',
    ),
    input('people', 'People from this workspace', users, true),
    input('emails', 'People from outside (emails)', emails, true, 'Separated by commas, spaces or new lines.'),
    configBlock(configs),
    input('guests', 'Guests', guests, false),
    input(
      'guest_passcode',
      'Guest passcode',
      { type: 'plain_text_input', action_id: 'value', max_length: 20 },
      true,
      'Only with "Anyone with a passcode": 4–20 letters or digits, or leave it empty to get one. Only you will see it.',
    ),
    input('channel', 'Post it in', channel, false),
  ];
  return {
    type: 'modal',
    callback_id: createMeetCallbackId,
    title: plain('Create a Meet', slackLimits.viewTitle),
    submit: plain('Create Meet', slackLimits.viewSubmit),
    close: plain('Cancel', slackLimits.viewClose),
    private_metadata: JSON.stringify({ channelId: prefill.channelId ?? '' }).slice(0, slackLimits.privateMetadata),
    blocks,
  };
}

/** Emails in a message's text, Slack-escaped (`<mailto:a@b|a@b>`) or plain, lower-cased, once each. */
export function findEmails(text: string): string[] {
  const found = text.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [];
  return [...new Set(found.map((e) => e.toLowerCase()))];
}

/** Users mentioned in a message's text (`<@U123>` / `<@U123|alice>`), once each. */
export function findMentions(text: string): string[] {
  return [...new Set([...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]))];
}
