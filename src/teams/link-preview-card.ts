import { invitedWords, type MeetLinkPreview } from '../core/link-preview';
import { statusWords } from '../core/status-words';
import { templateName } from '../core/words';
import { type AdaptiveCard, adaptiveCardContentType, type CardElement, createCard, textBlock } from './card-types';
import { escapeInline } from './escape';
import { statusLine } from './status-line';

/**
 * A Meet link's unfurl in Teams: the Adaptive Card that goes into the message (title, what it is,
 * organizer, how many are invited, status, Join) and the small thumbnail Teams shows in the compose
 * box while the message is being written (it requires one for link unfurling). A Meet of another
 * tenant: "Meet CODE" and Join only.
 */

export interface LinkPreviewAttachment {
  contentType: typeof adaptiveCardContentType;
  content: AdaptiveCard;
  preview: { contentType: 'application/vnd.microsoft.card.thumbnail'; content: { title: string; text: string } };
}

export function renderLinkPreviewAttachment(preview: MeetLinkPreview): LinkPreviewAttachment {
  const card = renderLinkPreviewCard(preview);
  const thumbnail =
    preview.kind === 'neutral'
      ? { title: `Meet ${escapeInline(preview.code)}`, text: 'A Meet video meeting' }
      : {
          title: escapeInline(preview.title),
          text: `${templateName(preview.template)} · ${statusWords(preview.status).label}`,
        };
  return {
    contentType: adaptiveCardContentType,
    content: card,
    preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: thumbnail },
  };
}

export function renderLinkPreviewCard(preview: MeetLinkPreview): AdaptiveCard {
  const join = [{ type: 'Action.OpenUrl', title: 'Join', url: preview.joinUrl, style: 'positive' }];
  if (preview.kind === 'neutral') {
    return createCard(
      [
        textBlock(`Meet ${escapeInline(preview.code)}`, { size: 'Medium', weight: 'Bolder' }),
        textBlock('A Meet video meeting', { isSubtle: true, spacing: 'None' }),
      ],
      join,
    );
  }
  const over = preview.status.state === 'ended' || preview.status.state === 'expired';
  const facts = [
    templateName(preview.template),
    `organized by ${escapeInline(preview.organizer.displayName)}`,
    invitedWords(preview.template, preview.people),
  ];
  const body: CardElement[] = [
    textBlock(escapeInline(preview.title), { size: 'Medium', weight: 'Bolder' }),
    textBlock(facts.join(' · '), { isSubtle: true, spacing: 'None' }),
    textBlock(statusLine(preview.status), { spacing: 'Small' }),
  ];
  return createCard(body, over ? [] : join);
}
