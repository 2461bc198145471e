import type { SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import type { CreateCommand } from '../core/command';
import { planMeeting } from '../core/plan-meeting';
import { planSchedule } from '../core/plan-schedule';
import type { ResolvedPeople } from '../flows/create-meet';
import type { SlackMessage } from './block-kit';
import type { SlackContext } from './context';
import { createMeetFromSlack, resolvePeople } from './create-meet';
import { toAppError } from './errors';
import { blockForField, readCreateModal } from './modal-form';
import { postToResponseUrl } from './response-url';

/** How long the submission waits for people lookups before it closes the modal anyway (ack within 3 s). */
const precheckBudgetMs = 1500;

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & { client: webApi.WebClient };

export async function handleCreateSubmission(ctx: SlackContext, { ack, body, view, client }: Args): Promise<void> {
  const form = readCreateModal(view, ctx.generatePasscode);
  if (!form.ok) {
    await ack({ response_action: 'errors', errors: form.errors });
    return;
  }
  const teamId = body.team?.id ?? body.enterprise?.id;
  const typistId = body.user.id;
  const precheck = await Promise.race([
    resolveAndCheck(ctx, client, teamId, typistId, form.command),
    new Promise<undefined>((r) => setTimeout(() => r(undefined), precheckBudgetMs).unref()),
  ]).catch((error: unknown) => {
    // The precheck only decides between inline errors and going ahead; the create flow below
    // resolves people again and tells the typist about any failure.
    ctx.logger.debug({ err: error }, 'modal precheck failed; going ahead');
    return undefined;
  });
  if (precheck && !precheck.ok) {
    await ack({ response_action: 'errors', errors: { [precheck.block]: precheck.message } });
    return;
  }
  await ack();
  const responseUrl = body.response_urls?.[0]?.response_url;
  await createMeetFromSlack(ctx, {
    command: form.command,
    client,
    teamId,
    channelId: form.channelId,
    typistId,
    idempotencyKey: `slack:view:${view.id}`,
    responseUrl,
    privately: responseUrl
      ? (message) => postToResponseUrl(responseUrl, { response_type: 'ephemeral', ...message })
      : (message) => postEphemeral(client, form.channelId ?? typistId, typistId, message),
    resolved: precheck?.ok ? precheck.value : undefined,
  });
}

type Checked = { ok: true; value: ResolvedPeople } | { ok: false; block: string; message: string };

/** People and the plan, so mistakes show on the form's fields (the real plan is made again later). */
async function resolveAndCheck(
  ctx: SlackContext,
  client: webApi.WebClient,
  teamId: string | undefined,
  typistId: string,
  command: CreateCommand,
): Promise<Checked> {
  const resolved = await resolvePeople(ctx, { client, teamId, typistId, command });
  if (!resolved.ok) return { ok: false, block: 'people', message: resolved.error.message };
  // The day and time, read in the typist's own zone now, so a time in the past shows on the form.
  const schedule = planSchedule({
    command,
    now: ctx.clock(),
    personZone: resolved.value.typist.timeZone,
    defaultZone: ctx.defaultTimeZone,
    defaultReminderMinutes: ctx.reminderMinutes,
  });
  if (!schedule.ok)
    return { ok: false, block: blockForField(schedule.error.field, command.template), message: schedule.error.message };
  const planned = planMeeting({
    command: { ...command, config: undefined },
    typist: resolved.value.typist,
    people: resolved.value.people,
    addonConfigurations: [],
    sso: ctx.sso,
    generatePasscode: ctx.generatePasscode,
  });
  if (!planned.ok)
    return { ok: false, block: blockForField(planned.error.field, command.template), message: planned.error.message };
  return { ok: true, value: resolved.value };
}

/** Without a response_url the private part is an ephemeral message from the bot in the channel. */
async function postEphemeral(client: webApi.WebClient, channel: string, user: string, message: SlackMessage) {
  await client.chat.postEphemeral({ channel, user, ...message }).catch((e: unknown) => {
    throw toAppError(e, 'the private message');
  });
}
