import type { SlackEventMiddlewareArgs, types, webApi } from '@slack/bolt';
import { readCreateForm } from '../core/read-create-form';
import { buildUserErrorReply } from '../core/replies';
import type { Reply } from '../core/reply-model';
import { createDepsOf, createMeet } from '../flows/create-meet';
import { reportFailure } from '../flows/report-failure';
import { processSecrets } from '../secrets/scrubber';
import type { SlackMessage } from './block-kit';
import { renderMeetCreatedPrivate } from './blocks';
import type { SlackContext } from './context';
import { resolvePeople } from './create-meet';
import { toAppError } from './errors';
import { readStepInputs } from './step-inputs';

/**
 * The "Create a Meet" step of Slack's Workflow Builder (`function_executed`, acked by Bolt at once):
 * the same create use case as `/meet`, with the step's organizer as the typist. The join URL and the
 * Meet code are the step's outputs, for the workflow's next steps; there is no channel message (the
 * workflow posts one if it wants) and the passcodes go to the organizer alone, in a direct message.
 * A mistake or failure fails the step with the words `/meet` would show, never a stack. One Meet per
 * function execution, however often Slack delivers it.
 */

type StepArgs = SlackEventMiddlewareArgs<'function_executed'> & { client: webApi.WebClient };

/** Slack shows the error in the workflow's activity; long texts add nothing there. */
const maxErrorChars = 1000;

export async function runCreateMeetStep(ctx: SlackContext, args: StepArgs): Promise<void> {
  const { event, body, client, complete, fail } = args;
  // The execution's own token (the client's): a secret of this process from the moment it arrives.
  processSecrets.add(event.bot_access_token, 'token');
  const log = ctx.logger.child({ functionExecutionId: event.function_execution_id });
  const failWith = async (reply: Reply) => {
    await fail({ error: stepErrorText(reply) }).catch((error: unknown) =>
      reportFailure(log, error, 'failing the workflow step'),
    );
  };

  const request = readStepInputs(args.inputs);
  const organizerId = request.organizerId;
  if (!organizerId) {
    await failWith({
      kind: 'error',
      message: 'The step has no organizer: pick the person who organizes the Meet in its Organizer field.',
    });
    return;
  }
  const read = readCreateForm(request.values, { generatePasscode: ctx.generatePasscode });
  if (!read.ok) {
    await failWith({ kind: 'error', message: read.error.map((e) => e.message).join(' ') });
    return;
  }
  const command = read.value;
  const teamId = body.team_id || body.enterprise_id || undefined;
  const outcome = await createMeet(createDepsOf(ctx), {
    platform: 'slack',
    command,
    key: `slack:function:${event.function_execution_id}`,
    creator: { userId: organizerId, ...(teamId ? { workspaceId: teamId } : {}) },
    resolve: () => resolvePeople(ctx, { client, teamId, typistId: organizerId, command }),
    deliver: {
      // No channel message: the workflow's next step posts the link where the workflow wants it.
      public: async () => undefined,
      private: (part) => sendDirect(client, organizerId, renderMeetCreatedPrivate(part)),
    },
  });
  try {
    switch (outcome.kind) {
      case 'created':
        await complete({ outputs: outputsOf(outcome.meeting) });
        log.info({ meetCode: outcome.meeting.code }, 'workflow step completed');
        return;
      case 'duplicate': {
        // A redelivery: once the first delivery recorded its Meet, the step completes with the same
        // outputs (Slack keeps the first completion); while it is still at work, it will complete.
        const first = outcome.outcome as { code?: unknown; joinUrl?: unknown } | undefined;
        if (typeof first?.code === 'string' && typeof first.joinUrl === 'string') {
          await complete({ outputs: outputsOf({ code: first.code, joinUrl: first.joinUrl }) });
        }
        return;
      }
      case 'invalid':
        await failWith(buildUserErrorReply(outcome.error));
        return;
      case 'failed':
        await failWith(outcome.reply);
        return;
    }
  } catch (error) {
    reportFailure(log, error, 'completing the workflow step', { fields: { outcome: outcome.kind } });
  }
}

function outputsOf(meeting: { code: string; joinUrl: string }): Record<string, string> {
  return { join_url: meeting.joinUrl, meet_code: meeting.code };
}

/** What happened and what to do, with the reference id the log line has; never the usage line of /meet. */
export function stepErrorText(reply: Reply): string {
  if (reply.kind !== 'error') return '';
  // The API's own detail may end the message without a full stop; the hint is a sentence of its own.
  const message = reply.hint && !/[.!?…]$/.test(reply.message) ? `${reply.message}.` : reply.message;
  const parts = [message, reply.hint, reply.referenceId ? `(Reference: ${reply.referenceId})` : undefined];
  const text = parts.filter(Boolean).join(' ');
  return text.length > maxErrorChars ? `${text.slice(0, maxErrorChars - 1)}…` : text;
}

/** A direct message from the app to one person (their DM channel is their user id). */
async function sendDirect(client: webApi.WebClient, userId: string, message: SlackMessage): Promise<void> {
  try {
    await client.chat.postMessage({
      channel: userId,
      text: message.text,
      blocks: message.blocks as types.KnownBlock[],
    });
  } catch (error) {
    throw toAppError(error, 'the direct message to the organizer');
  }
}
