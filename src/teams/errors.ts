import { AppError } from '../core/errors';
import { statusOf } from './people';

/** A Bot Connector failure as our error family: `not_found` when the bot was removed, retry hints on 429. */
export function toAppError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const status = statusOf(error);
  if (status === 403 || status === 404) {
    return new AppError('not_found', `the Bot Connector refused ${what} (${status}): the bot was removed`, {
      cause: error,
    });
  }
  if (status === 429) {
    return new AppError('platform_error', `the Bot Connector rate-limited ${what}`, {
      cause: error,
      retryAfterMs: retryAfterOf(error) ?? 1000,
    });
  }
  return new AppError('platform_error', `the Bot Connector failed ${what}${status ? ` (${status})` : ''}`, {
    cause: error,
  });
}

function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response
    ?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  const seconds = Number(value);
  return value && Number.isFinite(seconds) ? seconds * 1000 : undefined;
}
