import type { Activity } from 'botbuilder';

/**
 * The event botbuilder makes up for continueConversationAsync (late results, the watcher, digests,
 * reminders). It is no one's turn, and its id exists nowhere in Teams: TurnContext.sendActivity
 * would make every message a reply to it, so what is sent in one is posted to the conversation.
 */
export function isContinuation(activity: Partial<Activity>): boolean {
  return activity.type === 'event' && activity.name === 'ContinueConversation';
}
