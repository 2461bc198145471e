import { type MessagingExtensionActionResponse, TurnContext } from 'botbuilder';
import type { UserError } from '../core/errors';
import { readCreateForm } from '../core/read-create-form';
import { buildUserErrorReply } from '../core/replies';
import type { CreateOutcome, Delivery } from '../flows/create-meet';
import { type ErrorReply, reportFailure } from '../flows/report-failure';
import type { AddonConfiguration } from '../meet/schemas';
import { type AdaptiveCard, asAttachment } from './card-types';
import { meetSummary, renderMeetCreatedCard, renderMeetPrivateCard, renderReplyCard } from './cards';
import type { TeamsContext } from './context';
import { createMeetFromTeams } from './create-meet';
import { buildCreateForm, type FormValues, formTitle, neutralValues } from './form';
import type { TeamsMessageRef } from './message-ref';
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
  const read = readCreateForm(neutralValues(values), { generatePasscode: ctx.generatePasscode });
  if (!read.ok) return showForm(await loadConfigs(ctx), values, read.error);
  const reference = TurnContext.getConversationReference(context.activity);
  // Read now: once the invoke is answered the turn's context is revoked.
  const conversationId = reference.conversation?.id ?? '';
  const creatorId = context.activity.from.id;
  let answered = false;
  let turnOver = false;
  let inserted: AdaptiveCard | undefined;
  let answer!: (response: MessagingExtensionActionResponse) => void;
  const response = new Promise<MessagingExtensionActionResponse>((resolve) => {
    answer = (r) => {
      if (answered) return;
      answered = true;
      resolve(r);
    };
  });
  // In time, the card goes into the compose box (the invoke's answer); past Teams' deadline it is
  // posted to the conversation. The secrets go to the creator's 1:1 chat either way.
  const deliver: Delivery = {
    async public(part): Promise<TeamsMessageRef | undefined> {
      const card = renderMeetCreatedCard(part);
      if (!answered) {
        // Inserted into the compose box, it becomes the creator's own message: not one to update.
        inserted = card;
        return { kind: 'teams', conversationId, creatorId };
      }
      let activityId = '';
      await ctx.conversations.continueIn(reference, async (later) => {
        activityId = await ctx.conversations.post(later, cardMessage(card, meetSummary(part)));
      });
      return { kind: 'teams', conversationId, creatorId, ...(activityId ? { activityId } : {}) };
    },
    async private(part) {
      const message = cardMessage(renderMeetPrivateCard(part), `Meet code and passcodes: ${part.title}`);
      if (!turnOver) return ctx.conversations.sendPrivately(context, message);
      await ctx.conversations.continueIn(reference, (later) => ctx.conversations.sendPrivately(later, message));
    },
  };
  const creation = ctx.inFlight.track(
    'Teams message extension create',
    createMeetFromTeams(ctx, context, read.value, deliver).then(async (outcome) => {
      if (outcome.kind === 'created')
        return answer(insertCard(inserted ?? renderMeetCreatedCard(outcome.reply.public)));
      if (!answered) return answer(await answerFor(ctx, values, outcome));
      await tellLate(ctx, reference, outcome);
    }),
  );
  // Past the deadline: the card if it is ready (the secrets are on their way), else "being created".
  const timer = setTimeout(() => {
    if (answered) return;
    if (!inserted)
      ctx.logger.info({ deadlineMs: ctx.invokeDeadlineMs }, 'Teams: the Meet API is slow; the result will be posted');
    answer(inserted ? insertCard(inserted) : beingCreated());
  }, ctx.invokeDeadlineMs);
  creation.catch((error: unknown) =>
    answer(failedDialog(reportFailure(ctx.logger, error, 'message extension create'))),
  );
  try {
    return await response;
  } finally {
    clearTimeout(timer);
    turnOver = true;
  }
}

async function answerFor(
  ctx: TeamsContext,
  values: FormValues,
  outcome: Exclude<CreateOutcome, { kind: 'created' }>,
): Promise<MessagingExtensionActionResponse> {
  switch (outcome.kind) {
    case 'duplicate':
      return dialogMessage('This Meet is already being created; its card follows in this conversation.');
    case 'invalid':
      return showForm(await loadConfigs(ctx), values, [outcome.error]);
    case 'failed':
      return failedDialog(outcome.reply);
  }
}

/** A mistake or failure found after the invoke was answered: to the creator's 1:1 chat. */
async function tellLate(
  ctx: TeamsContext,
  reference: ReturnType<typeof TurnContext.getConversationReference>,
  outcome: Exclude<CreateOutcome, { kind: 'created' }>,
): Promise<void> {
  if (outcome.kind === 'duplicate') return;
  const reply = outcome.kind === 'invalid' ? buildUserErrorReply(outcome.error) : outcome.reply;
  try {
    await ctx.conversations.continueIn(reference, (later) =>
      ctx.conversations.sendPrivately(
        later,
        cardMessage(renderReplyCard(reply), reply.kind === 'error' ? reply.message : ''),
      ),
    );
  } catch (error) {
    reportFailure(ctx.logger, error, 'late result delivery');
  }
}

function beingCreated(): MessagingExtensionActionResponse {
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

function failedDialog(reply: ErrorReply): MessagingExtensionActionResponse {
  return { task: { type: 'continue', value: { title: formTitle, card: asAttachment(renderReplyCard(reply)) } } };
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
