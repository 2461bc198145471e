import type { ViewOutput } from '@slack/bolt';
import type { CreateCommand } from '../core/command';
import type { UserError } from '../core/errors';
import { type CreateFormValues, readCreateForm } from '../core/read-create-form';

/**
 * The Create-a-Meet modal's state → the neutral form values core reads (the same reader as the
 * Teams form), and core's field errors → Slack's inline errors by block id. Only the channel picker
 * is Slack's own.
 */

export type FormResult =
  | { ok: true; command: CreateCommand; channelId?: string }
  | { ok: false; errors: Record<string, string> };

export function readModalValues(view: ViewOutput): CreateFormValues {
  const values = view.state.values;
  const value = (block: string) => values[block]?.value;
  return {
    template: value('template')?.selected_option?.value ?? undefined,
    title: value('title')?.value ?? undefined,
    description: value('description')?.value ?? undefined,
    duration: value('duration')?.value ?? undefined,
    userIds: value('people')?.selected_users ?? [],
    emails: value('emails')?.value ?? undefined,
    config: value('config')?.selected_option?.value ?? undefined,
    guests: value('guests')?.selected_option?.value ?? undefined,
    guestPasscode: value('guest_passcode')?.value ?? undefined,
    date: value('date')?.selected_date ?? undefined,
    time: value('time')?.selected_time ?? undefined,
  };
}

export function readCreateModal(view: ViewOutput, generatePasscode: () => string): FormResult {
  const read = readCreateForm(readModalValues(view), { generatePasscode });
  const channelId = view.state.values.channel?.value?.selected_conversation ?? undefined;
  const errors: Record<string, string> = {};
  if (!read.ok) for (const error of read.error) addError(errors, error, 'meeting');
  if (!channelId) errors.channel = 'Pick the channel to post the Meet in.';
  if (!read.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, command: read.value, channelId };
}

function addError(errors: Record<string, string>, error: UserError, template: CreateCommand['template']): void {
  const block = blockForField(error.field, template);
  errors[block] = errors[block] ? `${errors[block]} ${error.message}` : error.message;
}

/** Where a core UserError about the form shows up. */
export function blockForField(field: string | undefined, template: CreateCommand['template']): string {
  switch (field) {
    case 'title':
    case 'description':
    case 'config':
    case 'channel':
    case 'duration':
    case 'emails':
    case 'guests':
    case 'template':
    case 'date':
    case 'time':
      return field;
    case 'guestPasscode':
      return 'guest_passcode';
    case 'people':
      return template === 'interview' ? 'emails' : 'people';
    default:
      return 'people';
  }
}
