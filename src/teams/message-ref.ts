/**
 * Where a Meet's card is in Teams, so the watcher can change it (`updateActivity`) and write to its
 * creator. A card the creator inserted from the message extension is their own message: there is
 * none to change then.
 */
export interface TeamsMessageRef {
  kind: 'teams';
  conversationId: string;
  /** Absent for a card the creator inserted from the message extension (their own message). */
  activityId?: string;
  /** The creator's Teams user id (29:…), for their 1:1 chat with the bot. */
  creatorId: string;
}
