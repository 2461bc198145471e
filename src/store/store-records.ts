import { randomUUID } from 'node:crypto';
import { AppError } from '../core/errors';
import { metrics } from '../metrics/metrics';
import type { AuditParticipant, SlackInstallationRecord } from './store';

/** Helpers both store implementations share, so they store the same things the same way. */

/** The row key of a Slack installation: org-wide installs by enterprise, others by team. */
export function slackInstallKey(query: Omit<SlackInstallationRecord, 'installation'>): string {
  if (query.isEnterpriseInstall) {
    if (!query.enterpriseId) throw new AppError('store_error', 'an org-wide Slack installation needs an enterpriseId');
    return `enterprise:${query.enterpriseId}`;
  }
  if (!query.teamId) throw new AppError('store_error', 'a Slack installation needs a teamId');
  return `team:${query.teamId}`;
}

/** Only the audited fields, whatever else the caller's objects carry (a passcode never gets in). */
export function auditParticipants(participants: AuditParticipant[]): AuditParticipant[] {
  return participants.map((p) => ({
    displayName: p.displayName,
    ...(p.email === undefined ? {} : { email: p.email }),
    role: p.role,
    signIn: p.signIn,
  }));
}

export function newSubscriptionId(): string {
  return randomUUID();
}

/** `undefined` for SQL NULL, so records carry no `null`s the interface does not promise. */
export function optional<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/**
 * Runs one store operation; a driver failure becomes an `AppError('store_error')` naming the
 * operation and the driver's code (the message never carries row values).
 */
export async function guardStore<T>(operation: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A driver failure (unreachable, full, refused): what the store_errors alert watches.
    metrics.storeErrors.inc({ operation });
    const code = (error as { code?: unknown }).code;
    const detail = typeof code === 'string' ? ` (${code})` : '';
    throw new AppError('store_error', `store: ${operation} failed${detail}`, { cause: error });
  }
}

/** `finishDigestRun` on a run nobody claimed is a bug in the caller: say so loudly. */
export function unclaimedRunError(subscriptionId: string, periodStart: string): AppError {
  return new AppError('not_found', `digest run ${subscriptionId} ${periodStart} was never claimed`);
}
