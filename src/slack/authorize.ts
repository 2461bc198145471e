import { type Authorize, type AuthorizeResult, webApi } from '@slack/bolt';

/**
 * Single-workspace authorization that asks Slack `auth.test` once and remembers it. Bolt 5.1's own
 * (`token` with `tokenVerificationEnabled: false`) calls `auth.test` again before every event's
 * ack; with verification on it calls it in the constructor, so the app cannot start while Slack is
 * unreachable. A failed call is not remembered: the next event tries again.
 */
export function createCachedAuthorize(botToken: string, clientOptions: webApi.WebClientOptions): Authorize<boolean> {
  const client = new webApi.WebClient(undefined, clientOptions);
  let cached: Promise<AuthorizeResult> | undefined;
  return async () => {
    cached ??= client.auth.test({ token: botToken }).then((r) => ({
      botToken,
      botId: r.bot_id,
      botUserId: r.user_id,
      teamId: r.team_id,
      enterpriseId: r.enterprise_id,
    }));
    try {
      return await cached;
    } catch (error) {
      cached = undefined;
      throw error;
    }
  };
}
