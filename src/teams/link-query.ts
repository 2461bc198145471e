import type { AppBasedLinkQuery, MessagingExtensionResponse, TurnContext } from 'botbuilder';
import { previewMeetLinks } from '../flows/preview-meet-link';
import type { TeamsContext } from './context';
import { tenantOf } from './conversations';
import { renderLinkPreviewAttachment } from './link-preview-card';

/**
 * `composeExtension/queryLink`: someone pasted a meet.rs link (the manifest's message handler).
 * A Meet link gets its preview card, details only for a Meet created from the same tenant; any
 * other link gets no attachment, and Teams leaves it a plain link. Teams waits about 5 s for the
 * answer: the store is given until `invokeDeadlineMs` (4 s), after which the preview is neutral.
 */
export async function answerLinkQuery(
  ctx: TeamsContext,
  context: TurnContext,
  query: AppBasedLinkQuery,
): Promise<MessagingExtensionResponse> {
  const tenantId = tenantOf(context.activity);
  const previews = await previewMeetLinks(
    { store: ctx.store, logger: ctx.logger },
    query.url ? [query.url] : [],
    { platform: 'teams', workspaceIds: tenantId ? [tenantId] : [] },
    { deadlineMs: ctx.invokeDeadlineMs },
  );
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: previews.map(renderLinkPreviewAttachment),
    },
  };
}
