import type { ViewOutput } from '@slack/bolt';
import type { CreateCommand, GuestAccess, PersonRef, Template } from '../core/command';

/** The Create-a-Meet form's values → a CreateCommand, or inline errors by block id. */

export type FormResult =
  | { ok: true; command: CreateCommand; channelId?: string }
  | { ok: false; errors: Record<string, string> };

const templates: Template[] = ['quick', 'interview', 'meeting', 'webcast'];
const emailPattern = /^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function readCreateForm(view: ViewOutput): FormResult {
  const values = view.state.values;
  const value = (block: string) => values[block]?.value;
  const errors: Record<string, string> = {};

  const templateValue = value('template')?.selected_option?.value ?? 'meeting';
  const template = templates.includes(templateValue as Template) ? (templateValue as Template) : 'meeting';
  const title = value('title')?.value?.trim() || undefined;
  const description = value('description')?.value?.trim() || undefined;
  const config = value('config')?.selected_option?.value || undefined;

  const people: PersonRef[] = (value('people')?.selected_users ?? []).map((id) => ({
    kind: 'user',
    id,
    token: `<@${id}>`,
  }));
  const rawEmails = (value('emails')?.value ?? '').split(/[\s,;]+/).filter(Boolean);
  const bad = rawEmails.filter((e) => !emailPattern.test(e.replace(/^mailto:/i, '')));
  if (bad.length > 0) {
    errors.emails = `${bad.slice(0, 3).join(', ')} ${bad.length === 1 ? 'is not an email address' : 'are not email addresses'}.`;
  }
  for (const email of new Set(rawEmails.map((e) => e.replace(/^mailto:/i, '').toLowerCase()))) {
    if (emailPattern.test(email)) people.push({ kind: 'email', email, token: email });
  }

  const guestChoice = value('guests')?.selected_option?.value ?? 'default';
  const passcode = value('guest_passcode')?.value?.trim() ?? '';
  let guests: GuestAccess = { kind: 'default' };
  if (guestChoice === 'none' || guestChoice === 'anyone') guests = { kind: guestChoice };
  if (guestChoice === 'passcode') {
    if (!passcode) errors.guest_passcode = 'Fill in the passcode guests will join with.';
    else if (/\s/.test(passcode)) errors.guest_passcode = 'A passcode has no spaces.';
    else guests = { kind: 'passcode', passcode };
  } else if (passcode) {
    errors.guest_passcode = 'Choose "Anyone with a passcode" above, or leave this empty.';
  }
  if (template === 'interview' && !people.some((p) => p.kind === 'email') && !errors.emails) {
    errors.emails = 'An interview needs a candidate: add their email.';
  }

  const channelId = value('channel')?.selected_conversation ?? undefined;
  if (!channelId) errors.channel = 'Pick the channel to post the Meet in.';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const hasPeople = people.length > 0;
  const command: CreateCommand = {
    kind: 'create',
    template: template === 'quick' && hasPeople ? 'meeting' : template,
    people,
    guests,
  };
  if (title) command.title = title;
  if (description) command.description = description;
  if (config) command.config = config;
  return { ok: true, command, channelId };
}

/** Where a core UserError about the form shows up. */
export function blockForField(field: string | undefined, template: Template): string {
  if (field === 'title' || field === 'description' || field === 'config' || field === 'channel') return field;
  if (field === 'people' && template === 'interview') return 'emails';
  return 'people';
}
