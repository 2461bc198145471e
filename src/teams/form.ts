import type { UserError } from '../core/errors';
import { createLimits } from '../core/limits';
import type { CreateFormValues } from '../core/read-create-form';
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
  /** A Meet for later: `YYYY-MM-DD` and `HH:MM` (Input.Date, Input.Time), in the person's zone. */
  date?: string;
  time?: string;
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
  'date',
  'time',
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
    { type: 'Input.Text', id: 'title', label: 'Title', maxLength: createLimits.titleChars, value: values.title ?? '' },
    ...fieldError('title'),
    {
      type: 'Input.Text',
      id: 'description',
      label: 'Description',
      isMultiline: true,
      maxLength: createLimits.descriptionChars,
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
      label: 'Guest passcode: 4–20 letters or digits (leave empty to get one)',
      maxLength: 20,
      value: values.guestPasscode ?? '',
    },
    ...fieldError('guestPasscode'),
    {
      type: 'Input.Number',
      id: 'duration',
      label: 'Duration in minutes (empty: 60)',
      min: 1,
      max: createLimits.durationMinutes,
      ...(Number.isFinite(Number(values.duration)) && values.duration ? { value: Number(values.duration) } : {}),
    },
    ...fieldError('duration'),
    {
      type: 'Input.Date',
      id: 'date',
      label: 'Day, for a Meet later (empty: now)',
      ...(values.date ? { value: values.date } : {}),
    },
    ...fieldError('date'),
    {
      type: 'Input.Time',
      id: 'time',
      label: 'Time, in your own time zone (the channel is reminded before it starts)',
      ...(values.time ? { value: values.time } : {}),
    },
    ...fieldError('time'),
  );
  return createCard(body, [
    { type: 'Action.Submit', title: 'Create Meet', style: 'positive', data: { action: formAction } },
  ]);
}

/** The dialog's answer as the neutral form values core reads (the Slack modal maps to the same). */
export function neutralValues(values: FormValues): CreateFormValues {
  return {
    template: values.template,
    title: values.title,
    description: values.description,
    // The people picker answers comma-separated ids.
    userIds: (values.people ?? '').split(','),
    emails: values.emails,
    config: values.config,
    guests: values.guests,
    guestPasscode: values.guestPasscode,
    duration: values.duration,
    date: values.date,
    time: values.time,
  };
}
