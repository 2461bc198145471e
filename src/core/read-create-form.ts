import { checkCreate } from './check-create';
import type { CreateCommand, GuestAccess, PersonRef, Template } from './command';
import type { Result, UserError } from './errors';
import { createLimits, guestPasscodeRule } from './limits';
import { describeDurationProblem, parseDuration } from './parse-duration';
import { invalidEmailMessage, normalizeEmail } from './parse-people';

/**
 * The Create-a-Meet form, whichever platform drew it (the Slack modal, the Teams dialog): neutral
 * values in, a `CreateCommand` or every mistake by field out. The limits and rules are the
 * parser's (limits.ts, check-create.ts, parse-duration.ts, parse-people.ts), so the same title,
 * duration, passcode or email gets the same answer typed or filled in.
 */

/** What a form holds, as strings the platform sent back; empty means not filled in. */
export interface CreateFormValues {
  template?: string;
  title?: string;
  description?: string;
  /** Colleagues picked in the form: Slack user ids or Teams (Entra) ids. */
  userIds?: readonly string[];
  /** Outside emails as typed, separated by commas, semicolons, spaces or new lines. */
  emails?: string;
  /** An addon configuration id (or name). */
  config?: string;
  /** `default`, `none`, `anyone` or `passcode`. */
  guests?: string;
  /** With `guests: passcode`; empty asks for a generated one. */
  guestPasscode?: string;
  /** Minutes (`45`), or the grammar's `45m`, `1h30m`. */
  duration?: string;
  /** A Meet for later: its day (`YYYY-MM-DD`, a date picker) and time (`HH:MM`, a time picker), in the person's zone. */
  date?: string;
  time?: string;
}

/** The form fields a mistake can point at (each platform maps them to its own block or input id). */
export type CreateFormField = keyof Omit<CreateFormValues, 'userIds'> | 'people';

const templates: readonly Template[] = ['quick', 'meeting', 'interview', 'webcast'];
const guestChoices = ['default', 'none', 'anyone', 'passcode'] as const;

export function readCreateForm(
  values: CreateFormValues,
  options: { generatePasscode: () => string },
): Result<CreateCommand, UserError[]> {
  const errors: UserError[] = [];
  const text = (value: string | undefined) => (value ?? '').trim();

  const templateText = text(values.template).toLowerCase() || 'meeting';
  const template = templates.find((t) => t === templateText);
  if (!template)
    errors.push({ field: 'template', token: templateText, message: `"${templateText}" is not a template.` });

  const people: PersonRef[] = [];
  for (const id of new Set((values.userIds ?? []).map((v) => v.trim()).filter(Boolean))) {
    people.push({ kind: 'user', id, token: id });
  }
  const badEmails: string[] = [];
  const seen = new Set<string>();
  for (const typed of text(values.emails)
    .split(/[\s,;]+/)
    .filter(Boolean)) {
    const email = normalizeEmail(typed.replace(/^mailto:/i, ''));
    if (!email) badEmails.push(typed);
    else if (!seen.has(email)) {
      seen.add(email);
      people.push({ kind: 'email', email, token: typed });
    }
  }
  if (badEmails.length > 0) {
    errors.push({ field: 'emails', token: badEmails[0], message: invalidEmailMessage(badEmails) });
  }

  const guests = readGuests(
    text(values.guests).toLowerCase() || 'default',
    text(values.guestPasscode),
    options,
    errors,
  );

  let durationMinutes: number | undefined;
  const duration = text(values.duration);
  if (duration) {
    const parsed = parseDuration(duration, true);
    if (parsed.ok) durationMinutes = parsed.minutes;
    else
      errors.push({ field: 'duration', token: duration, message: describeDurationProblem(parsed.problem, duration) });
  }

  // Both or neither: a day without a time (or a time without a day) is not a moment.
  const date = text(values.date);
  const time = text(values.time);
  if (date && !time) errors.push({ field: 'time', message: 'Pick the time too, or clear the date for a Meet now.' });
  if (time && !date) errors.push({ field: 'date', message: 'Pick the day too, or clear the time for a Meet now.' });

  const command: CreateCommand = {
    kind: 'create',
    template: template === 'quick' && people.length > 0 ? 'meeting' : (template ?? 'meeting'),
    people,
    guests,
  };
  const title = text(values.title);
  if (title) command.title = title;
  const description = text(values.description);
  if (description) command.description = description;
  const config = text(values.config);
  if (config) command.config = config.slice(0, createLimits.configChars);
  if (durationMinutes !== undefined) command.durationMinutes = durationMinutes;
  // Read into an instant with the clock and the person's zone by the create flow (resolve-start.ts).
  if (date && time) command.start = { kind: 'wall', date, time };

  const broken = checkCreate(command, 'form');
  if (broken && !errors.some((e) => e.field === broken.field)) errors.push(broken);
  return errors.length > 0 ? { ok: false, error: errors } : { ok: true, value: command };
}

function readGuests(
  choice: string,
  passcode: string,
  options: { generatePasscode: () => string },
  errors: UserError[],
): GuestAccess {
  if (!guestChoices.includes(choice as (typeof guestChoices)[number])) {
    errors.push({ field: 'guests', token: choice, message: `"${choice}" is not a guest access choice.` });
    return { kind: 'default' };
  }
  if (choice !== 'passcode') {
    if (passcode) {
      errors.push({
        field: 'guestPasscode',
        message: 'Choose "Anyone with a passcode" for guest access, or leave the passcode empty.',
      });
    }
    return { kind: choice as 'default' | 'none' | 'anyone' };
  }
  if (!passcode) return { kind: 'passcode', passcode: options.generatePasscode() };
  // Never repeat what was typed: it is a secret.
  if (!guestPasscodeRule.pattern.test(passcode)) {
    errors.push({ field: 'guestPasscode', message: `The guest passcode must be ${guestPasscodeRule.describe}.` });
  }
  return { kind: 'passcode', passcode };
}
