import type { CreateFormValues } from '../core/read-create-form';

/**
 * The "Create a Meet" workflow step's inputs (manifests/slack/manifest.json, `functions.create_meet`)
 * → the same neutral form values the Slack modal and the Teams form produce, so the one form reader
 * (core/read-create-form.ts) applies the command's limits, durations, guest rules and words. The
 * organizer is the step's own: a workflow has no typist.
 */

export const createMeetStepCallbackId = 'create_meet';

/** The input parameters' names, as the manifest declares them (a test checks that they agree). */
export const stepInputNames = [
  'template',
  'title',
  'organizer',
  'people',
  'outside_emails',
  'duration',
  'guest_access',
  'addon_configuration',
] as const;

/** The output parameters: for the workflow's next steps (a message, an email). Never a passcode. */
export const stepOutputNames = ['join_url', 'meet_code'] as const;

export interface StepRequest {
  organizerId?: string;
  values: CreateFormValues;
}

export function readStepInputs(inputs: Record<string, unknown> | undefined): StepRequest {
  const input = inputs ?? {};
  const text = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return undefined;
  };
  const list = (value: unknown): string[] => {
    if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' && v.trim() ? [v.trim()] : []));
    const one = text(value)?.trim();
    return one ? [one] : [];
  };
  const organizerId = list(input.organizer)[0];
  return {
    ...(organizerId ? { organizerId } : {}),
    values: {
      template: text(input.template),
      title: text(input.title),
      // The organizer is the Meet's Admin already; listed again they would be one person anyway.
      userIds: list(input.people).filter((id) => id !== organizerId),
      // A form's email answer is one string; a list of them is joined, the reader splits on commas.
      emails: list(input.outside_emails).join(', '),
      duration: text(input.duration),
      guests: text(input.guest_access),
      config: text(input.addon_configuration),
    },
  };
}
