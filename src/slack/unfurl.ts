import type { types, webApi } from '@slack/bolt';
import type { LinkViewer } from '../core/link-preview';
import { previewMeetLinks } from '../flows/preview-meet-link';
import { reportFailure } from '../flows/report-failure';
import type { SlackContext } from './context';
import { renderLinkPreview } from './link-preview-blocks';

/**
 * `link_shared` (a meet.rs link in a message, or still in the composer) → `chat.unfurl` with a
 * preview of each Meet link. Links being typed are unfurled by `unfurl_id` and `source`; posted
 * ones by `channel` and `ts`. Without the optional `links:write` scope Slack refuses: that is logged
 * as information (doctor warns about the scope), and the link stays a plain link.
 */

export interface SharedLinks {
  event: types.LinkSharedEvent;
  /** The event's team and enterprise: a Meet created from either is described. */
  viewer: LinkViewer;
}

export async function unfurlMeetLinks(
  ctx: SlackContext,
  client: webApi.WebClient,
  { event, viewer }: SharedLinks,
): Promise<void> {
  const previews = await previewMeetLinks(
    { store: ctx.store, logger: ctx.logger },
    event.links.map((l) => l.url),
    viewer,
  );
  if (previews.length === 0) return;
  const unfurls = Object.fromEntries(previews.map((p) => [p.url, renderLinkPreview(p, ctx.defaultTimeZone)]));
  const target =
    event.source === 'composer' && event.unfurl_id
      ? { source: 'composer' as const, unfurl_id: event.unfurl_id }
      : { channel: event.channel, ts: event.message_ts };
  try {
    await client.chat.unfurl({ ...target, unfurls });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code === 'missing_scope') {
      ctx.logger.info(
        { workspaceId: viewer.workspaceIds[0] },
        'Meet links are not unfurled here: the app has no links:write scope',
      );
      return;
    }
    reportFailure(ctx.logger, error, 'unfurling Meet links', { fields: { links: previews.length } });
  }
}

/**
 * The ids a Meet of this installation may carry: the workspace the link was shared in and, on
 * Enterprise Grid, its org (an org-wide install's Meets may be recorded under the enterprise id).
 */
export function viewerOf(body: { team_id?: string; enterprise_id?: string }): LinkViewer {
  const ids = [body.team_id, body.enterprise_id].filter((id): id is string => typeof id === 'string' && id.length > 0);
  return { platform: 'slack', workspaceIds: ids };
}
