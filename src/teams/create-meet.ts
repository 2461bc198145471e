import type { TurnContext } from 'botbuilder';
import type { CreateCommand } from '../core/command';
import { type CreateOutcome, createDepsOf, createMeet, type Delivery } from '../flows/create-meet';
import type { TeamsContext } from './context';
import { tenantOf } from './conversations';
import { resolveMember, resolvePeople } from './people';
import { timeZoneOf } from './time-zone';

/**
 * The create use case with Teams' people lookup (the connector's member list) and Teams' delivery,
 * for messages to the bot and the message extension alike.
 */

/**
 * One Meet per activity. Activity ids are unique within a conversation only, so the key names
 * both: two people in different conversations whose activities share an id each get their Meet.
 * An activity without an id cannot be recognised when redelivered: no key, no deduplication.
 */
export function activityKey(activity: { id?: string; conversation?: { id?: string } }): string | undefined {
  const { id, conversation } = activity;
  return id && conversation?.id ? `teams:activity:${conversation.id}:${id}` : undefined;
}

export function createMeetFromTeams(
  ctx: TeamsContext,
  context: TurnContext,
  command: CreateCommand,
  deliver: Delivery,
): Promise<CreateOutcome> {
  const activity = context.activity;
  const tenantId = tenantOf(activity);
  return createMeet(createDepsOf(ctx), {
    platform: 'teams',
    command,
    key: activityKey(activity),
    creator: {
      userId: activity.from.aadObjectId ?? activity.from.id,
      ...(activity.from.name ? { userName: activity.from.name } : {}),
      ...(tenantId ? { workspaceId: tenantId } : {}),
      channelId: activity.conversation.id,
    },
    resolve: async () => {
      const [typist, people] = await Promise.all([
        resolveMember(context, activity.from.id, activity.from.name),
        resolvePeople(context, command.people),
      ]);
      if (!typist.ok) return typist;
      if (!people.ok) return people;
      const timeZone = timeZoneOf(activity);
      return {
        ok: true,
        value: { typist: { ...typist.value, ...(timeZone ? { timeZone } : {}) }, people: people.value },
      };
    },
    deliver,
  });
}
