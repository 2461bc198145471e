import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Store } from '../store/store';

/** Bolt's InstallationStore on top of our Store: one row per workspace (or per org for org-wide installs). */
export function createInstallationStore(store: Store): InstallationStore {
  return {
    async storeInstallation(installation) {
      await store.saveSlackInstallation({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall === true,
        installation,
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = await store.findSlackInstallation(toKey(query));
      if (!record)
        throw new Error(`meetbot is not installed in ${query.enterpriseId ?? query.teamId ?? 'this workspace'}`);
      return record.installation as Installation<'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.deleteSlackInstallation(toKey(query));
    },
  };
}

function toKey(query: InstallationQuery<boolean>) {
  return { teamId: query.teamId, enterpriseId: query.enterpriseId, isEnterpriseInstall: query.isEnterpriseInstall };
}

/** The bot token of a workspace, for messages sent outside a request (digests). */
export async function findBotToken(store: Store, workspaceId: string): Promise<string | undefined> {
  const record =
    (await store.findSlackInstallation({ teamId: workspaceId, isEnterpriseInstall: false })) ??
    (await store.findSlackInstallation({ enterpriseId: workspaceId, isEnterpriseInstall: true }));
  return (record?.installation as Installation | undefined)?.bot?.token;
}
