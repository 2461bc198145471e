import { type MessagingExtensionActionResponse, TurnContext } from 'botbuilder';
import type { UserError } from '../core/errors';
import { buildUserErrorReply } from '../core/replies';
import type { AddonConfiguration } from '../meet/schemas';
import { type AdaptiveCard, asAttachment } from './card-types';
import { renderMeetCreatedCard, renderMeetPrivateCard, renderReplyCard } from './cards';
import { activityKey, idempotencyTtlMs, type TeamsContext } from './context';
import { type CreateOutcome, createMeet } from './create-meet';
import { reportFailure } from './errors';
import { buildCreateForm, type FormValues, formTitle, readCreateForm } from './form';
import { cardMessage } from './messages';

/**
 * The `createMeet` action command: fetchTask opens the form, submitAction creates the Meet and
 * inserts its card into the compose box. Passcodes go to the creator's 1:1 chat with the bot.
 */

export async function fetchCreateForm(ctx: TeamsContext): Promise<MessagingExtensionActionResponse> {
  return showForm(await loadConfigs(ctx), {}, []);
}

export async function submitCreateForm(
  ctx: TeamsContext,
  context: TurnContext,
  data: unknown,
): Promise<MessagingExtensionActionResponse> {
  const values = readValues(data);
  const read = readCreateForm(values, ctx.generatePasscode);
  if (!read.ok) return showForm(await loadConfigs(ctx), values, read.error);
  const key = activityKey(context.activity.id) ?? `teams:unkeyed:${Date.now()}`;
  const claim = await ctx.store.claimIdempotency(key, idempotencyTtlMs);
  if (claim.status === 'taken') {
    return dialogMessage('This Meet is already being created; its card follows in this conversation.');
  }
  const reference = TurnContext.getConversationReference(context.activity);
  const outcome = await createMeet(ctx, context, {
    command: read.value,
    key,
    deadlineMs: ctx.invokeDeadlineMs,
    late: (late) => deliverLate(ctx, reference, late),
  });
  switch (outcome.kind) {
    case 'created':
      await sendPrivateCard(ctx, context, outcome);
      return insertCard(renderMeetCreatedCard(outcome.reply.public));
    case 'invalid':
      return showForm(await loadConfigs(ctx), values, [outcome.error]);
    case 'failed':
      return {
        task: { type: 'continue', value: { title: formTitle, card: asAttachment(renderReplyCard(outcome.reply)) } },
      };
    case 'pending':
      return {
        task: {
          type: 'continue',
          value: {
            title: formTitle,
            height: 'small',
            width: 'medium',
            card: asAttachment(
              renderReplyCard({
                kind: 'notice',
                text: 'Your Meet is being created. Meet is slow to answer: its card will be posted in this conversation, and the Meet code and passcodes in your chat with me. You can close this window.',
              }),
            ),
          },
        },
      };
  }
}

/** The Meet arrived after the invoke was answered: its card to the conversation, secrets to the creator. */
async function deliverLate(
  ctx: TeamsContext,
  reference: ReturnType<typeof TurnContext.getConversationReference>,
  outcome: Exclude<CreateOutcome, { kind: 'pending' }>,
): Promise<void> {
  await ctx.conversations.continueIn(reference, async (context) => {
    if (outcome.kind === 'created') {
      const card = renderMeetCreatedCard(outcome.reply.public);
      await ctx.conversations.post(context, cardMessage(card, `Meet created: ${outcome.reply.public.title}`));
      await sendPrivateCard(ctx, context, outcome);
      return;
    }
    const reply = outcome.kind === 'invalid' ? buildUserErrorReply(outcome.error) : outcome.reply;
    await ctx.conversations.sendPrivately(
      context,
      cardMessage(renderReplyCard(reply), reply.kind === 'error' ? reply.message : ''),
    );
  });
}

async function sendPrivateCard(
  ctx: TeamsContext,
  context: TurnContext,
  outcome: Extract<CreateOutcome, { kind: 'created' }>,
) {
  try {
    const secret = outcome.reply.private;
    await ctx.conversations.sendPrivately(
      context,
      cardMessage(renderMeetPrivateCard(secret), `Meet code and passcodes: ${secret.title}`),
    );
  } catch (error) {
    reportFailure(ctx.logger, error, 'private Meet details');
  }
}

async function loadConfigs(ctx: TeamsContext): Promise<AddonConfiguration[]> {
  const signal = AbortSignal.timeout(Math.max(500, Math.floor(ctx.invokeDeadlineMs / 2)));
  try {
    return await ctx.meet.listAddonConfigurations({ signal });
  } catch (error) {
    // The form still works without the list: the API's default configuration applies.
    ctx.logger.warn({ err: error }, 'Teams: no addon configurations for the form');
    return [];
  }
}

function showForm(
  configs: AddonConfiguration[],
  values: FormValues,
  errors: UserError[],
): MessagingExtensionActionResponse {
  const card = buildCreateForm({ configs, values, errors });
  return {
    task: { type: 'continue', value: { title: formTitle, height: 'large', width: 'medium', card: asAttachment(card) } },
  };
}

function insertCard(card: AdaptiveCard): MessagingExtensionActionResponse {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [asAttachment(card)] } };
}

function dialogMessage(text: string): MessagingExtensionActionResponse {
  return { task: { type: 'message', value: text } };
}

function readValues(data: unknown): FormValues {
  const values: FormValues = {};
  if (!data || typeof data !== 'object') return values;
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number') (values as Record<string, string>)[k] = String(v);
  }
  return values;
}
