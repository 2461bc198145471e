import { request } from 'undici';
import { AppError } from '../core/errors';
import type { SlackMessage } from './block-kit';

/**
 * Posts to a `response_url` (slash commands, modal channel pickers): works in channels the bot
 * has not joined. One attempt: a post that might have arrived is never repeated blindly.
 */
export async function postToResponseUrl(
  url: string,
  message: SlackMessage & { response_type: 'in_channel' | 'ephemeral'; replace_original?: boolean },
  timeoutMs = 10_000,
): Promise<void> {
  let response: Awaited<ReturnType<typeof request>>;
  try {
    // undici's own timeouts, not AbortSignal.timeout(): a signal per post was the costliest part
    // of a reply under load (bench/slack-ack.ts).
    response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(message),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  } catch (error) {
    throw new AppError('platform_error', 'Slack response_url could not be reached', { cause: error });
  }
  const text = await response.body.text();
  const status = response.statusCode;
  if (status < 200 || status >= 300) {
    const retryAfter = Number(response.headers['retry-after']);
    throw new AppError(
      status === 404 ? 'not_found' : 'platform_error',
      `Slack response_url answered ${status}: ${text.slice(0, 100)}`,
      {
        retryAfterMs: status === 429 && retryAfter > 0 ? retryAfter * 1000 : undefined,
      },
    );
  }
}
