import type { Context } from '@slack/bolt';
import { AppError } from '../core/errors';
import { renderReply } from './blocks';
import type { SlackContext } from './context';
import { postToResponseUrl } from './response-url';

/**
 * The end of an installation (app_uninstalled, tokens_revoked) and requests from where there is
 * none (an OAuth install that was removed, or never made).
 */

/**
 * Forgets the installation the event came from. Bolt's context tells an org-wide install apart:
 * for events it reads `authorizations[0].is_enterprise_install` (the envelope has no such field).
 */
export async function forgetInstallation(
  ctx: SlackContext,
  context: Pick<Context, 'teamId' | 'enterpriseId' | 'isEnterpriseInstall'>,
  why: 'app_uninstalled' | 'tokens_revoked',
): Promise<void> {
  const isEnterpriseInstall = context.isEnterpriseInstall === true;
  const key = { teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall };
  const fields = { teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall, why };
  if (isEnterpriseInstall ? !key.enterpriseId : !key.teamId) {
    ctx.logger.warn(fields, 'Slack installation not removed: the event names no workspace or org');
    return;
  }
  const known = await ctx.store.findSlackInstallation(key);
  await ctx.store.deleteSlackInstallation(key);
  if (known) ctx.logger.info(fields, 'Slack installation removed');
  else ctx.logger.warn(fields, 'Slack installation to remove was not found (already removed?)');
}

interface UnauthorizedBody {
  command?: unknown;
  response_url?: unknown;
  team_id?: unknown;
  enterprise_id?: unknown;
}

/** True when Bolt's authorize failed because the installation store has none (not a store fault). */
export function isNotInstalled(error: unknown): boolean {
  // Bolt wraps @slack/oauth's AuthorizationError, which wraps what fetchInstallation threw.
  for (let e = error, depth = 0; e && depth < 5; e = (e as { original?: unknown }).original, depth++) {
    if (e instanceof AppError) return e.code === 'not_found';
  }
  return false;
}

/**
 * Bolt's authorize failed for a request (OAuth mode). Where meetbot is not installed (an install
 * removed, or never made), a slash command hears so, privately, and the log gets one line
 * without a stack: an expected state, not a fault. Any other failure (the store) is logged as
 * one, and the typist is asked to try again. Not awaited by Bolt's ack: the reply goes out on
 * the response_url meanwhile.
 */
export function answerUnauthorized(
  ctx: SlackContext,
  error: unknown,
  body: unknown,
  isEnterpriseInstall: boolean,
): void {
  const b = (body ?? {}) as UnauthorizedBody;
  const where = isEnterpriseInstall ? 'Slack organization' : 'Slack workspace';
  const fields = { teamId: b.team_id, enterpriseId: b.enterprise_id, isEnterpriseInstall };
  const notInstalled = isNotInstalled(error);
  if (notInstalled) ctx.logger.warn(fields, `Slack request from a ${where} where meetbot is not installed`);
  else ctx.logger.error({ ...fields, err: error }, 'Slack installation lookup failed');
  if (typeof b.command !== 'string' || typeof b.response_url !== 'string') return;
  const text = notInstalled
    ? `meetbot is not installed in this ${where} (any more), so it cannot answer ${b.command}. Ask a Slack admin to install it.`
    : `meetbot could not check its installation in this ${where} just now. Please try ${b.command} again in a minute.`;
  postToResponseUrl(b.response_url, { response_type: 'ephemeral', ...renderReply({ kind: 'notice', text }) }).catch(
    (e: unknown) => ctx.logger.error({ err: e }, 'could not tell the typist about the failed authorization'),
  );
}
