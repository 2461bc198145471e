import type { MeetListItem } from '../core/reply-model';
import { templateName } from '../core/words';
import { type AdaptiveCard, type CardElement, createCard, textBlock } from './card-types';
import { escapeInline } from './escape';
import { statusLine, teamsTime } from './status-line';

/** `@Meet status`: each Meet of today, where it is, Join while it has not ended. */
export function renderMeetListCard(meets: MeetListItem[]): AdaptiveCard {
  const body: CardElement[] = [textBlock('Your Meets today', { size: 'Large', weight: 'Bolder' })];
  if (meets.length === 0) body.push(textBlock('No Meets today. Write @Meet with a title to create one.'));
  for (const m of meets) {
    const ended = m.status.state === 'ended' || m.status.state === 'expired' || m.status.state === 'cancelled';
    const items: CardElement[] = [
      textBlock(`**${escapeInline(m.title)}** · ${templateName(m.template)} · created ${teamsTime(m.createdAt)}`),
      textBlock(statusLine(m.status), { spacing: 'None' }),
    ];
    if (!ended) {
      items.push({
        type: 'ActionSet',
        actions: [{ type: 'Action.OpenUrl', title: 'Join', url: m.joinUrl }],
      });
    }
    body.push({ type: 'Container', separator: true, items });
  }
  return createCard(body);
}
