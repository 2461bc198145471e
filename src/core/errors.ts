/**
 * The one operational error of meetbot besides `MeetApiError` (meet/errors.ts).
 * Expected mistakes of users are values (`{ ok: false, error }`), not exceptions.
 */
export type AppErrorCode =
  | 'config_invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'platform_error'
  | 'store_error'
  | 'timeout'
  | 'internal';

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Set when the other side asked us to wait (a platform's 429 Retry-After). */
  readonly retryAfterMs?: number;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** A value or an expected mistake, for functions users can get wrong. */
export type Result<T, E = UserError> = { ok: true; value: T } | { ok: false; error: E };

/** A mistake of the person who typed or filled in something: said back to them, never thrown. */
export interface UserError {
  /** One or two sentences that say what was wrong and what to do. */
  message: string;
  /** The offending token or field, as typed. */
  token?: string;
  /** The form field it concerns (modal and card forms show the message on it). */
  field?: string;
  /** The usage line of what was tried. */
  usage?: string;
}
