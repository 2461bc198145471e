import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { AppError } from '../core/errors';
import { processSecrets } from '../secrets/scrubber';
import type { Store } from '../store/store';

/** Bolt's InstallationStore on top of our Store: one row per workspace (or per org for org-wide installs). */
export function createInstallationStore(store: Store): InstallationStore {
  return {
    async storeInstallation(installation) {
      rememberTokens(installation);
      await store.saveSlackInstallation({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        installation,
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = await store.findSlackInstallation(toKey(query));
      // `not_found` tells "not installed" apart from a store failure (answerUnauthorized).
      if (!record)
        throw new AppError(
          'not_found',
          `meetbot is not installed in ${query.isEnterpriseInstall ? `org ${query.enterpriseId}` : `workspace ${query.teamId}`}`,
        );
      const installation = record.installation as Installation<'v2', boolean>;
      rememberTokens(installation);
      return installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.deleteSlackInstallation(toKey(query));
    },
  };
}

function toKey(query: InstallationQuery<boolean>) {
  return { teamId: query.teamId, enterpriseId: query.enterpriseId, isEnterpriseInstall: query.isEnterpriseInstall };
}

/**
 * The id a request's installation is found by later, outside any request (digest subscriptions):
 * the enterprise id for an org-wide install (one bot token serves every workspace of the org),
 * else the team id. Slash commands carry `is_enterprise_install` as the string 'true'.
 */
export function installationWorkspaceId(request: {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean | string;
}): string | undefined {
  const orgWide = request.is_enterprise_install === true || request.is_enterprise_install === 'true';
  return orgWide && request.enterprise_id ? request.enterprise_id : request.team_id;
}

/** The bot token of a workspace or org (`installationWorkspaceId`), for messages sent outside a request (digests). */
export async function findBotToken(store: Store, workspaceId: string): Promise<string | undefined> {
  const record =
    (await store.findSlackInstallation({ teamId: workspaceId, isEnterpriseInstall: false })) ??
    (await store.findSlackInstallation({ enterpriseId: workspaceId, isEnterpriseInstall: true }));
  const installation = record?.installation as Installation | undefined;
  if (installation) rememberTokens(installation);
  return installation?.bot?.token;
}

/** An installation's tokens are secrets of this process from the moment it holds them (log-scrubber). */
function rememberTokens(installation: Installation): void {
  for (const token of [
    installation.bot?.token,
    installation.bot?.refreshToken,
    installation.user?.token,
    installation.user?.refreshToken,
  ]) {
    processSecrets.add(token, 'token');
  }
}
