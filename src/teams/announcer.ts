import { AppError } from '../core/errors';
import type { MeetAnnouncer } from '../flows/meet-announcer';
import { meetSummary, renderMeetCreatedCard, showPerson } from './cards';
import type { Conversations } from './conversations';
import { renderMeetFeedbackCard } from './feedback-card';
import type { TeamsMessageRef } from './message-ref';
import { cardMessage } from './messages';
import { renderMeetReminderCard } from './schedule-cards';

/**
 * The watcher's Teams side: changes a Meet's card in place (`updateActivity` in the stored
 * conversation), sends the ratings to the creator's 1:1 chat, and a Meet for later's reminder as a
 * reply to its card. A conversation the bot was removed from (403/404, or none stored) ends the watch.
 */
export function createTeamsAnnouncer(conversations: Conversations): MeetAnnouncer {
  const gone = (error: unknown) => error instanceof AppError && error.code === 'not_found';
  return {
    async show(watch, shown) {
      const ref = watch.message as TeamsMessageRef;
      if (!ref.activityId) return { outcome: 'skipped' };
      const activityId = ref.activityId;
      try {
        await conversations.continueIn(ref.conversationId, async (context) => {
          await context.updateActivity({
            ...cardMessage(renderMeetCreatedCard(shown), meetSummary(shown, 'Meet')),
            id: activityId,
            conversation: context.activity.conversation,
          });
        });
      } catch (error) {
        if (gone(error)) return { outcome: 'gone' };
        throw error;
      }
      return { outcome: 'shown' };
    },

    async sendFeedback(watch, feedback) {
      const ref = watch.message as TeamsMessageRef | undefined;
      const conversationId = ref?.conversationId ?? watch.channelId;
      if (!conversationId || !ref?.creatorId) {
        throw new AppError('not_found', 'no Teams conversation or creator to send the ratings to');
      }
      const card = cardMessage(renderMeetFeedbackCard(feedback), `How it went: ${feedback.title}`);
      await conversations.continueIn(conversationId, (context) =>
        conversations.sendPrivately(context, card, { id: ref.creatorId }),
      );
    },

    async remind(meet, reminder) {
      const ref = meet.message as TeamsMessageRef | undefined;
      const conversationId = ref?.conversationId ?? meet.channelId;
      if (!conversationId) return { outcome: 'skipped', why: 'no conversation to post the reminder in' };
      const card = renderMeetReminderCard(reminder, showPerson);
      // A reply to the card's activity (its thread in a channel); a card the creator inserted from
      // the message extension is their own message, with no id we know: a new message then.
      const replyToId = ref?.activityId;
      try {
        await conversations.continueIn(conversationId, async (context) => {
          await conversations.post(context, cardMessage(card, `Starting soon: ${reminder.title}`), replyToId);
        });
      } catch (error) {
        if (gone(error)) return { outcome: 'skipped', why: `the bot cannot post in ${conversationId} (removed?)` };
        throw error;
      }
      return { outcome: 'sent', where: replyToId ? 'thread' : 'channel' };
    },
  };
}
