import {
  detailsPreview,
  isSameInstallation,
  type LinkViewer,
  type MeetLinkPreview,
  neutralPreview,
} from '../core/link-preview';
import { type MeetLink, parseMeetLink } from '../core/meet-link';
import type { Logger } from '../logger';
import type { WatchStore } from '../store/watch-records';
import { statusOfWatch } from './my-meets';

/**
 * Link unfurling, once for Slack and Teams: the URLs someone shared and who is looking in, a
 * preview per Meet link out (in the order shared, each URL once). Links that are not Meets get
 * nothing. What meetbot knows of a Meet is what its watcher keeps (created from chat, with the
 * workspace it was created from); a Meet it does not know, or one of another installation, gets the
 * neutral preview. When the store fails or is slower than the platform waits, every Meet link gets
 * the neutral preview: it is never wrong to show, and the Join button still works.
 */

export interface PreviewDeps {
  store: Pick<WatchStore, 'findWatch'>;
  logger: Logger;
}

export interface PreviewOptions {
  /** The store's answer is waited for this long at most (Teams answers an invoke within ~5 s). */
  deadlineMs?: number;
}

/** A message may carry many links; platforms show a few previews. The rest are left alone. */
export const maxPreviewsPerRequest = 10;

type Found = Awaited<ReturnType<WatchStore['findWatch']>>;

export async function previewMeetLinks(
  deps: PreviewDeps,
  urls: readonly string[],
  viewer: LinkViewer,
  options: PreviewOptions = {},
): Promise<MeetLinkPreview[]> {
  const links: Array<{ url: string; link: MeetLink }> = [];
  for (const url of new Set(urls)) {
    const link = parseMeetLink(url);
    if (link) links.push({ url, link });
    if (links.length === maxPreviewsPerRequest) break;
  }
  if (links.length === 0) return [];
  const watches = await lookUp(deps, links, options.deadlineMs);
  return links.flatMap(({ url, link }, i): MeetLinkPreview[] => {
    const watch = watches?.[i];
    if (watch && isSameInstallation(watch, viewer))
      return [detailsPreview(url, link, watch.shown, statusOfWatch(watch))];
    // Eight lowercase letters that name no Meet meetbot knows are more likely a meet.rs page.
    if (link.pageLike && (watches === undefined || watch === undefined)) return [];
    return [neutralPreview(url, link)];
  });
}

/** The watch of each link, or undefined when the store failed or did not answer in time (one log line). */
async function lookUp(
  deps: PreviewDeps,
  links: Array<{ link: MeetLink }>,
  deadlineMs: number | undefined,
): Promise<Found[] | undefined> {
  const lookups = Promise.all(links.map(({ link }) => deps.store.findWatch(link.code)));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    if (deadlineMs !== undefined) timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  try {
    const found = await Promise.race([lookups, late]);
    if (found !== 'late') return found;
    deps.logger.warn(
      { deadlineMs, links: links.length },
      'link preview: the store did not answer in time; neutral previews',
    );
    // Its answer no longer matters; a failure after the deadline is not one more problem to log.
    lookups.catch(() => undefined);
    return undefined;
  } catch (error) {
    deps.logger.warn({ err: error, links: links.length }, 'link preview: the store failed; neutral previews');
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
