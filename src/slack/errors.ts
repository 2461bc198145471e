import { AppError } from '../core/errors';

/** Slack Web API errors that mean "the bot can no longer post there". */
const goneErrors = new Set([
  'channel_not_found',
  'message_not_found',
  'cant_update_message',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'token_revoked',
  'invalid_auth',
  'not_authed',
  'team_not_found',
  'team_access_not_granted',
  'missing_scope',
]);

/** A Web API failure as our error family: `not_found` when the target is gone, retry hints on 429. */
export function toAppError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number };
  if (e.code === 'slack_webapi_rate_limited_error') {
    return new AppError('platform_error', `Slack rate-limited ${what}`, {
      cause: error,
      retryAfterMs: (e.retryAfter ?? 1) * 1000,
    });
  }
  const slackCode = e.data?.error;
  if (slackCode && goneErrors.has(slackCode)) {
    return new AppError('not_found', `Slack refused ${what}: ${slackCode}`, { cause: error });
  }
  return new AppError('platform_error', `Slack refused ${what}${slackCode ? `: ${slackCode}` : ''}`, { cause: error });
}
