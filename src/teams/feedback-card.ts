import { formatNumber, stars } from '../core/formats';
import type { MeetFeedback } from '../core/meet-feedback';
import { type AdaptiveCard, type CardElement, createCard, textBlock } from './card-types';
import { escapeInline } from './escape';

/** The ratings of a Meet, for its creator alone (their 1:1 chat with the bot). */
export function renderMeetFeedbackCard(feedback: MeetFeedback): AdaptiveCard {
  const count = feedback.ratings.length + feedback.more;
  const average = feedback.average === undefined ? '' : ` · average ${formatNumber(feedback.average)} of 5`;
  const body: CardElement[] = [
    textBlock('🔒 Only you can see this', { size: 'Small', weight: 'Bolder', color: 'Accent' }),
    textBlock(`How it went: ${escapeInline(feedback.title)}`, { size: 'Medium', weight: 'Bolder', spacing: 'Small' }),
    textBlock(`${count === 1 ? '1 rating' : `${count} ratings`}${average}`, { isSubtle: true, spacing: 'None' }),
  ];
  for (const r of feedback.ratings) {
    body.push(textBlock(stars(r.rating), { spacing: 'Small' }));
    if (r.comment) body.push(textBlock(`“${escapeInline(r.comment)}”`, { spacing: 'None' }));
  }
  if (feedback.more > 0) body.push(textBlock(`…and ${feedback.more} more`, { isSubtle: true }));
  return createCard(body);
}
