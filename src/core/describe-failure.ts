import { isMeetApiError, type MeetApiError } from '../meet/errors';
import type { Reply } from './reply-model';

/** What was being attempted: a create that timed out may have happened anyway. */
export type FailedOperation = 'create' | 'read';

export interface DescribeFailureOptions {
  operation?: FailedOperation;
  /** Values that must never be echoed back (e.g. the passcodes of the Meet being created). */
  secrets?: string[];
}

type ErrorReply = Extract<Reply, { kind: 'error' }>;

// core reads the Meet API's contract (meet/schemas.ts) and its error family (meet/errors.ts), both
// pure; never the client (meet/client.ts and what it imports: undici, the network).

function appErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { name?: unknown; code?: unknown };
  return e.name === 'AppError' && typeof e.code === 'string' ? e.code : undefined;
}

/** The API's own detail, short, with long digit runs (passcodes) and the given secrets blanked. */
function cleanDetail(detail: string | undefined, secrets: string[]): string | undefined {
  if (!detail) return undefined;
  let text = detail.replace(/\s+/g, ' ').trim();
  for (const secret of secrets) if (secret) text = text.split(secret).join('[hidden]');
  text = text.replace(/\d{6,}/g, '[hidden]');
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

function seconds(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return 'a minute';
  const s = Math.ceil(ms / 1000);
  return s === 1 ? '1 second' : `${s} seconds`;
}

const maybeCreated =
  'Your Meet may have been created anyway: Meet emails the invitations, so check for one before trying again.';
const ourSide = 'If it keeps happening, give your admin the reference id.';

function describeMeetApiError(
  e: MeetApiError,
  options: DescribeFailureOptions,
): Omit<ErrorReply, 'kind' | 'referenceId'> {
  const creating = options.operation === 'create';
  switch (e.code) {
    case 'unauthorized':
      return {
        message: 'meetbot could not sign in to Meet.',
        hint: 'Ask your admin to check MEET_CLIENT_KEY and MEET_CLIENT_SECRET.',
        retryable: false,
      };
    case 'rate_limited':
      return { message: 'Meet is busy right now.', hint: `Try again in ${seconds(e.retryAfterMs)}.`, retryable: true };
    case 'timeout':
      return {
        message: 'Meet did not answer in time.',
        hint: creating ? maybeCreated : 'Try again in a minute.',
        retryable: true,
      };
    case 'network':
      return {
        message: 'meetbot could not reach Meet.',
        hint: creating ? maybeCreated : 'Try again in a minute.',
        retryable: true,
      };
    case 'server_error':
      return {
        message: `Meet had a problem${e.status ? ` (HTTP ${e.status})` : ''}.`,
        hint: creating
          ? 'Your Meet was probably not created; check your email for an invitation before trying again in a minute.'
          : 'Try again in a minute.',
        retryable: true,
      };
    case 'bad_request': {
      const detail = cleanDetail(e.detail, options.secrets ?? []);
      return {
        message: detail ? `Meet did not accept the request: ${detail}` : 'Meet did not accept the request.',
        hint: `Check what you typed. ${ourSide}`,
        retryable: false,
      };
    }
    case 'not_found':
      return {
        message: 'Meet could not find what was asked for.',
        hint: 'Check the tenant code or the configuration id.',
        retryable: false,
      };
    default:
      // conflict, invalid_response, invalid_request (our own request failed our schema): our side.
      return { message: 'Something went wrong between meetbot and Meet.', hint: ourSide, retryable: false };
  }
}

function describeAppError(code: string): Omit<ErrorReply, 'kind' | 'referenceId'> | undefined {
  switch (code) {
    case 'timeout':
      return { message: 'Something took too long to answer.', hint: 'Try again in a minute.', retryable: true };
    case 'platform_error':
      return {
        message: 'Slack or Teams did not answer as expected.',
        hint: `Try again in a minute. ${ourSide}`,
        retryable: true,
      };
    case 'store_error':
      return { message: 'meetbot could not read or save its data.', hint: ourSide, retryable: true };
    case 'forbidden':
      return { message: 'You are not allowed to do that here.', retryable: false };
    default:
      return undefined;
  }
}

/**
 * The one mapping from an operational failure to words for people. Only the error's kind,
 * status, retry time and the API's cleaned detail are used: never its message or stack.
 */
export function describeFailure(error: unknown, referenceId: string, options: DescribeFailureOptions = {}): Reply {
  const meetError = isMeetApiError(error) ? error : undefined;
  const appCode = appErrorCode(error);
  const words = (meetError ? describeMeetApiError(meetError, options) : undefined) ??
    (appCode ? describeAppError(appCode) : undefined) ?? {
      message: 'Something went wrong on our side.',
      hint: `Try again later. ${ourSide}`,
      retryable: false,
    };
  return { kind: 'error', ...words, referenceId };
}
