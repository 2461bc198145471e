import {
  type AppBasedLinkQuery,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { reportFailure } from '../flows/report-failure';
import type { TeamsContext } from './context';
import { answerLinkQuery } from './link-query';
import { fetchCreateForm, submitCreateForm } from './message-extension';

/**
 * The one class: botbuilder routes activities through TeamsActivityHandler's overridable methods.
 * Messages do not come here: createTeamsBot hands them to handleMessage directly.
 */
export class MeetBot extends TeamsActivityHandler {
  constructor(private readonly ctx: TeamsContext) {
    super();
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.ctx.conversations.forget(context.activity.conversation.id);
      await next();
    });
  }

  protected override async handleTeamsMessagingExtensionFetchTask(
    _context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    if (action.commandId !== 'createMeet') return unknownCommand(action.commandId);
    return fetchCreateForm(this.ctx);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    if (action.commandId !== 'createMeet') return unknownCommand(action.commandId);
    try {
      return await submitCreateForm(this.ctx, context, action.data);
    } catch (error) {
      const reply = reportFailure(this.ctx.logger, error, 'message extension submit');
      return { task: { type: 'message', value: `${reply.message} (reference ${reply.referenceId})` } };
    }
  }

  /** A pasted meet.rs link (the manifest's `messageHandlers`): its preview card, or nothing. */
  protected override async handleTeamsAppBasedLinkQuery(
    context: TurnContext,
    query: AppBasedLinkQuery,
  ): Promise<MessagingExtensionResponse> {
    return answerLinkQuery(this.ctx, context, query);
  }
}

function unknownCommand(commandId: string | undefined): MessagingExtensionActionResponse {
  return { task: { type: 'message', value: `This app has no command "${commandId ?? ''}".` } };
}
