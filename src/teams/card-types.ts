/** The Adaptive Card version Teams clients support everywhere (desktop, web, mobile). */
export const cardVersion = '1.5';

export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

/** Loose on purpose: the card-validation test checks every card against the adaptivecards library. */
export type CardElement = Record<string, unknown>;

export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width?: 'Full'; entities?: MentionEntity[] };
}

export interface CardAttachment {
  contentType: typeof adaptiveCardContentType;
  content: AdaptiveCard;
}

export function createCard(body: CardElement[], actions?: CardElement[], entities?: MentionEntity[]): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: cardVersion,
    body,
  };
  if (actions && actions.length > 0) card.actions = actions;
  card.msteams = entities && entities.length > 0 ? { width: 'Full', entities } : { width: 'Full' };
  return card;
}

export function asAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: adaptiveCardContentType, content: card };
}

/** A TextBlock that wraps; `text` must already be escaped where people typed it. */
export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

export function factSet(facts: Array<{ title: string; value: string }>): CardElement {
  return { type: 'FactSet', facts };
}
