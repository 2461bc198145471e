import { type DescribeFailureOptions, describeFailure } from '../core/describe-failure';
import { newReferenceId } from '../core/reference-id';
import type { Reply } from '../core/reply-model';
import type { Logger } from '../logger';

export type ErrorReply = Extract<Reply, { kind: 'error' }>;

/**
 * The one place a failure is logged and put into words: one log line with a reference id, and
 * describeFailure's words for the person, who gets the same reference id, never the error's own
 * text. Every adapter and use case reports through here (the logger it is given names the platform).
 */
export function reportFailure(
  logger: Logger,
  error: unknown,
  where: string,
  options: DescribeFailureOptions & { fields?: Record<string, unknown> } = {},
): ErrorReply {
  const referenceId = newReferenceId();
  const { fields, ...describe } = options;
  logger.error({ err: error, referenceId, where, ...fields }, `${where} failed`);
  return describeFailure(error, referenceId, describe) as ErrorReply;
}
