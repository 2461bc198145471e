import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger';

/**
 * Slack Calls: a Meet registered with `calls.add` shows in the channel the way Slack shows its own
 * calls (a `call` block), and `calls.end` closes it with its duration. It needs the `calls:write`
 * scope; a workspace that did not grant it is remembered for an hour, and its Meets carry their
 * status in the message alone.
 */
export interface SlackCalls {
  /** The call id, or undefined when Calls are not available (no scope) or Slack refused. */
  register(
    client: webApi.WebClient,
    workspaceId: string | undefined,
    meet: { code: string; joinUrl: string; title: string; createdBy?: string; at: Date },
  ): Promise<string | undefined>;
  /** `token`: the workspace's bot token, outside any request (the watcher). */
  end(client: webApi.WebClient, token: string, callId: string, durationSeconds: number): Promise<void>;
}

const forgetAfterMs = 60 * 60_000;

export function createSlackCalls(logger: Logger, now: () => Date): SlackCalls {
  const withoutScope = new Map<string, number>();
  return {
    async register(client, workspaceId, meet) {
      const key = workspaceId ?? '';
      const since = withoutScope.get(key);
      if (since !== undefined && now().getTime() - since < forgetAfterMs) return undefined;
      try {
        const added = await client.calls.add({
          external_unique_id: meet.code,
          join_url: meet.joinUrl,
          title: meet.title,
          date_start: Math.floor(meet.at.getTime() / 1000),
          ...(meet.createdBy ? { created_by: meet.createdBy } : {}),
        });
        return (added as { call?: { id?: string } }).call?.id;
      } catch (error) {
        const slackError = (error as { data?: { error?: string } }).data?.error;
        if (slackError === 'missing_scope') {
          withoutScope.set(key, now().getTime());
          logger.info({ workspaceId }, 'Slack Calls are off here: the app has no calls:write scope');
        } else {
          logger.warn({ err: error, workspaceId }, 'Slack refused calls.add; the Meet is posted without a call');
        }
        return undefined;
      }
    },
    async end(client, token, callId, durationSeconds) {
      await client.calls.end({ token, id: callId, duration: Math.max(0, Math.round(durationSeconds)) });
    },
  };
}
