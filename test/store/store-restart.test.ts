import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { createTestSchema } from './postgres-test-schema';

const backends: Array<{ name: string; create(): Promise<{ url: string; dispose(): Promise<void> }> }> = [
  {
    name: 'SQLite file',
    create: async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'meetbot-restart-'));
      return {
        url: `sqlite:${path.join(folder, 'nested', 'meetbot.db')}`,
        dispose: async () => rmSync(folder, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    create: async () => {
      const schema = await createTestSchema();
      return { url: schema.url, dispose: () => schema.drop() };
    },
  },
];

const clock = () => new Date('2025-03-03T09:00:00.000Z');
const period = '2025-02-24T00:00:00.000Z';

async function fill(store: Store): Promise<string> {
  await store.saveSlackInstallation({ teamId: 'T1', isEnterpriseInstall: false, installation: { team: { id: 'T1' } } });
  await store.saveSlackInstallation({
    enterpriseId: 'E1',
    isEnterpriseInstall: true,
    installation: { enterprise: {} },
  });
  await store.saveTeamsConversation({ conversationId: '19:general', reference: { bot: { id: 'b' } }, tenantId: 'tn' });
  await store.claimIdempotency('trigger-1', 3_600_000);
  await store.completeIdempotency('trigger-1', { meetCode: 'abc-defg-hij' });
  const sub = await store.saveDigestSubscription({
    platform: 'teams',
    workspaceId: 'tn',
    channelId: '19:general',
    weekday: 1,
    time: '09:00',
    timeZone: 'Europe/Berlin',
    tenant: 'acme',
    createdBy: 'aad-1',
  });
  await store.claimDigestRun(sub.id, period, clock());
  await store.finishDigestRun(sub.id, period, { status: 'sent', messageId: 'm-1', at: clock() });
  return sub.id;
}

describe.each(backends)('$name after a restart', ({ create }) => {
  it('still has installations, conversations, idempotency outcomes, subscriptions and runs', async () => {
    const db = await create();
    try {
      const first = await openStore(db.url, { clock });
      const subscriptionId = await fill(first);
      await first.close();

      const second = await openStore(db.url, { clock });
      try {
        expect(await second.findSlackInstallation({ teamId: 'T1', isEnterpriseInstall: false })).toEqual({
          teamId: 'T1',
          isEnterpriseInstall: false,
          installation: { team: { id: 'T1' } },
        });
        expect(await second.findSlackInstallation({ enterpriseId: 'E1', isEnterpriseInstall: true })).toBeDefined();
        expect((await second.findTeamsConversation('19:general'))?.reference).toEqual({ bot: { id: 'b' } });
        expect(await second.claimIdempotency('trigger-1', 3_600_000)).toEqual({
          status: 'taken',
          outcome: { meetCode: 'abc-defg-hij' },
        });
        expect(await second.listDigestSubscriptions()).toEqual([
          expect.objectContaining({ id: subscriptionId, channelId: '19:general', tenant: 'acme' }),
        ]);
        expect(await second.claimDigestRun(subscriptionId, period, clock())).toBe(false);
        expect(await second.getDigestRun(subscriptionId, period)).toMatchObject({ status: 'sent', messageId: 'm-1' });
      } finally {
        await second.close();
      }
    } finally {
      await db.dispose();
    }
  });
});
