import type { CreateCommand, GuestAccess, PersonRef, Template } from '../core/command';
import type { Result, UserError } from '../core/errors';
import type { AddonConfiguration } from '../meet/schemas';
import { type AdaptiveCard, type CardElement, createCard, textBlock } from './card-types';
import { escapeMarkdown } from './escape';

/** What the Create-a-Meet form holds; strings as Teams sends them back. */
export interface FormValues {
  template?: string;
  title?: string;
  description?: string;
  /** The people picker: comma-separated Entra object ids. */
  people?: string;
  emails?: string;
  config?: string;
  guests?: string;
  guestPasscode?: string;
  duration?: string;
}

export const formFields = [
  'template',
  'title',
  'description',
  'people',
  'emails',
  'config',
  'guests',
  'guestPasscode',
  'duration',
] as const;
type Field = (typeof formFields)[number];

export const formTitle = 'Create a Meet';
/** The submit button's marker, so submitAction knows the data is ours. */
export const formAction = 'createMeet';

/**
 * The Create-a-Meet form (message extension dialog). With `errors`, each message is shown under its
 * field and the values typed so far are kept.
 */
export function buildCreateForm(options: {
  configs: AddonConfiguration[];
  values?: FormValues;
  errors?: UserError[];
}): AdaptiveCard {
  const values = options.values ?? {};
  const errors = options.errors ?? [];
  const fieldError = (field: Field): CardElement[] =>
    errors
      .filter((e) => e.field === field)
      .map((e) => textBlock(escapeMarkdown(e.message), { color: 'Attention', size: 'Small', spacing: 'None' }));
  const loose = errors.filter((e) => !e.field || !formFields.includes(e.field as Field));
  const defaultConfig = options.configs.find((c) => c.isDefault)?.id;
  const body: CardElement[] = [
    ...loose.map((e) => textBlock(escapeMarkdown(e.message), { color: 'Attention', weight: 'Bolder' })),
    {
      type: 'Input.ChoiceSet',
      id: 'template',
      label: 'Template',
      style: 'compact',
      value: values.template ?? 'meeting',
      choices: [
        { title: 'Meeting: you organize, everyone else joins as a participant', value: 'meeting' },
        { title: 'Interview: colleagues interview, outside emails are candidates', value: 'interview' },
        { title: 'Webcast: you host, colleagues co-host, guests watch', value: 'webcast' },
      ],
    },
    ...fieldError('template'),
    { type: 'Input.Text', id: 'title', label: 'Title', maxLength: 500, value: values.title ?? '' },
    ...fieldError('title'),
    {
      type: 'Input.Text',
      id: 'description',
      label: 'Description',
      isMultiline: true,
      maxLength: 4000,
      value: values.description ?? '',
    },
    ...fieldError('description'),
    {
      type: 'Input.ChoiceSet',
      id: 'people',
      label: 'Colleagues',
      isMultiSelect: true,
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      value: values.people ?? '',
    },
    ...fieldError('people'),
    {
      type: 'Input.Text',
      id: 'emails',
      label: 'Outside emails (comma or space separated)',
      placeholder: 'candidate@example.com',
      value: values.emails ?? '',
    },
    ...fieldError('emails'),
  ];
  if (options.configs.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'config',
      label: 'Addon configuration',
      style: 'compact',
      value: values.config ?? defaultConfig ?? options.configs[0].id,
      choices: options.configs.map((c) => ({ title: c.isDefault ? `${c.name} (default)` : c.name, value: c.id })),
    });
    body.push(...fieldError('config'));
  }
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'guests',
      label: 'Guest access',
      style: 'compact',
      value: values.guests ?? 'default',
      choices: [
        { title: 'As the template says (webcasts admit anyone with the link)', value: 'default' },
        { title: 'Only the people listed', value: 'none' },
        { title: 'Anyone with the link', value: 'anyone' },
        { title: 'Anyone with a passcode', value: 'passcode' },
      ],
    },
    ...fieldError('guests'),
    {
      type: 'Input.Text',
      id: 'guestPasscode',
      label: 'Guest passcode (leave empty to generate one)',
      maxLength: 64,
      value: values.guestPasscode ?? '',
    },
    ...fieldError('guestPasscode'),
    {
      type: 'Input.Number',
      id: 'duration',
      label: 'Duration in minutes (empty: 60)',
      min: 1,
      max: 1440,
      ...(Number.isFinite(Number(values.duration)) && values.duration ? { value: Number(values.duration) } : {}),
    },
    ...fieldError('duration'),
  );
  return createCard(body, [
    { type: 'Action.Submit', title: 'Create Meet', style: 'positive', data: { action: formAction } },
  ]);
}

const templates: Template[] = ['meeting', 'interview', 'webcast'];
const emailPattern = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** The form's values as a create command, or every mistake with its field. */
export function readCreateForm(data: FormValues, generatePasscode: () => string): Result<CreateCommand, UserError[]> {
  const errors: UserError[] = [];
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
  const template = str(data.template) || 'meeting';
  if (!templates.includes(template as Template)) {
    errors.push({ field: 'template', token: template, message: `"${template}" is not a template.` });
  }
  const title = str(data.title);
  if (title.length > 500) errors.push({ field: 'title', message: 'The title is longer than 500 characters.' });
  const description = str(data.description);
  if (description.length > 4000) {
    errors.push({ field: 'description', message: 'The description is longer than 4000 characters.' });
  }
  const people: PersonRef[] = [];
  for (const id of str(data.people)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!people.some((p) => p.kind === 'user' && p.id === id)) people.push({ kind: 'user', id, token: id });
  }
  for (const email of str(data.emails)
    .split(/[\s,;]+/)
    .filter(Boolean)) {
    if (!emailPattern.test(email)) {
      errors.push({ field: 'emails', token: email, message: `"${email}" is not an email address.` });
    } else people.push({ kind: 'email', email: email.toLowerCase(), token: email });
  }
  const guests = readGuests(str(data.guests) || 'default', str(data.guestPasscode), generatePasscode, errors);
  let durationMinutes: number | undefined;
  const duration = str(data.duration);
  if (duration) {
    durationMinutes = Number(duration);
    if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > 1440) {
      errors.push({ field: 'duration', token: duration, message: 'The duration is whole minutes from 1 to 1440.' });
    }
  }
  if (errors.length > 0) return { ok: false, error: errors };
  const command: CreateCommand = { kind: 'create', template: template as Template, people, guests };
  if (title) command.title = title;
  if (description) command.description = description;
  const config = str(data.config);
  if (config) command.config = config;
  if (durationMinutes) command.durationMinutes = durationMinutes;
  return { ok: true, value: command };
}

function readGuests(kind: string, passcode: string, generatePasscode: () => string, errors: UserError[]): GuestAccess {
  if (kind === 'default' || kind === 'none' || kind === 'anyone') return { kind };
  if (kind === 'passcode') {
    if (passcode && !/^[A-Za-z0-9-]{4,64}$/.test(passcode)) {
      errors.push({ field: 'guestPasscode', message: 'A passcode is 4 to 64 letters, digits or dashes.' });
    }
    return { kind: 'passcode', passcode: passcode || generatePasscode() };
  }
  errors.push({ field: 'guests', token: kind, message: `"${kind}" is not a guest access choice.` });
  return { kind: 'default' };
}
