import { AppError } from '../../src/core/errors';
import type { AuditEntry, Store } from '../../src/store/store';
import { describeScheduleContract } from './schedule-contract';
import { describeWatchContract } from './watch-contract';

/** A fresh, empty database per test; `open` may be called more than once on it. */
export interface StoreHarness {
  open(clock: () => Date): Promise<Store>;
  dispose(): Promise<void>;
}

const start = new Date('2025-03-03T09:00:00.000Z');

function meet(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    createdAt: start,
    platform: 'slack',
    workspaceId: 'T001',
    channelId: 'C001',
    userId: 'U001',
    userName: 'Ada',
    meetCode: 'abc-defg-hij',
    joinUrl: 'https://meet.rs/abc-defg-hij',
    title: 'Standup',
    template: 'default',
    participants: [{ displayName: 'Ada', email: 'ada@acme.com', role: 'Admin', signIn: 'Google' }],
    ...overrides,
  };
}

const weekly = { platform: 'slack', channelId: 'C100', weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' } as const;

/** The behaviour every Store implementation promises (store/store.ts). */
export function describeStoreContract(label: string, createHarness: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${label}`, () => {
    let harness: StoreHarness;
    let store: Store;
    let now: Date;
    const clock = () => now;
    const advance = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };

    beforeEach(async () => {
      now = start;
      harness = await createHarness();
      store = await harness.open(clock);
    });
    afterEach(async () => {
      await store.close();
      await harness.dispose();
    });

    describe('Slack installations', () => {
      const team = { teamId: 'T001', isEnterpriseInstall: false, installation: { bot: { token: 'xoxb-1' } } };
      const org = {
        teamId: undefined,
        enterpriseId: 'E001',
        isEnterpriseInstall: true,
        installation: { enterprise: { id: 'E001' }, bot: { token: 'xoxb-org' } },
      };

      it('finds a workspace install by team and an org-wide install by enterprise', async () => {
        await store.saveSlackInstallation(team);
        await store.saveSlackInstallation(org);
        expect(await store.findSlackInstallation({ teamId: 'T001', isEnterpriseInstall: false })).toEqual({
          teamId: 'T001',
          isEnterpriseInstall: false,
          installation: { bot: { token: 'xoxb-1' } },
        });
        const found = await store.findSlackInstallation({
          teamId: 'T999',
          enterpriseId: 'E001',
          isEnterpriseInstall: true,
        });
        expect(found).toEqual({ enterpriseId: 'E001', isEnterpriseInstall: true, installation: org.installation });
        expect(await store.findSlackInstallation({ teamId: 'T002', isEnterpriseInstall: false })).toBeUndefined();
      });

      it('replaces an install saved again and forgets it once deleted (app_uninstalled)', async () => {
        await store.saveSlackInstallation(team);
        await store.saveSlackInstallation({ ...team, installation: { bot: { token: 'xoxb-2' } } });
        const query = { teamId: 'T001', isEnterpriseInstall: false };
        expect((await store.findSlackInstallation(query))?.installation).toEqual({ bot: { token: 'xoxb-2' } });
        await store.saveSlackInstallation(org);
        await store.deleteSlackInstallation(query);
        expect(await store.findSlackInstallation(query)).toBeUndefined();
        expect(await store.findSlackInstallation({ enterpriseId: 'E001', isEnterpriseInstall: true })).toBeDefined();
      });

      it('refuses an org-wide install without an enterprise id', async () => {
        await expect(
          store.saveSlackInstallation({ teamId: 'T1', isEnterpriseInstall: true, installation: {} }),
        ).rejects.toMatchObject({ code: 'store_error' });
      });
    });

    describe('Teams conversation references', () => {
      it('keeps the latest reference per conversation, stamped with the time of the activity', async () => {
        await store.saveTeamsConversation({
          conversationId: '19:abc',
          reference: { serviceUrl: 'https://a' },
          tenantId: 'tn',
        });
        advance(60_000);
        await store.saveTeamsConversation({
          conversationId: '19:abc',
          reference: { serviceUrl: 'https://b' },
          tenantId: 'tn',
        });
        expect(await store.findTeamsConversation('19:abc')).toEqual({
          conversationId: '19:abc',
          reference: { serviceUrl: 'https://b' },
          tenantId: 'tn',
          updatedAt: new Date(start.getTime() + 60_000),
        });
        await store.deleteTeamsConversation('19:abc');
        expect(await store.findTeamsConversation('19:abc')).toBeUndefined();
      });
    });

    describe('idempotency keys', () => {
      it('lets the first claim through and gives later ones the recorded outcome', async () => {
        expect(await store.claimIdempotency('trigger-1', 60_000)).toEqual({ status: 'claimed' });
        expect(await store.claimIdempotency('trigger-1', 60_000)).toEqual({ status: 'taken' });
        await store.completeIdempotency('trigger-1', { meetCode: 'abc-defg-hij', participants: ['ada'] });
        expect(await store.claimIdempotency('trigger-1', 60_000)).toEqual({
          status: 'taken',
          outcome: { meetCode: 'abc-defg-hij', participants: ['ada'] },
        });
        expect(await store.claimIdempotency('trigger-2', 60_000)).toEqual({ status: 'claimed' });
      });

      it('has exactly one winner among concurrent claims of one key', async () => {
        const claims = await Promise.all(
          Array.from({ length: 20 }, () => store.claimIdempotency('activity-7', 60_000)),
        );
        expect(claims.filter((c) => c.status === 'claimed')).toHaveLength(1);
      });

      it('can claim an expired key again, without the old outcome', async () => {
        await store.claimIdempotency('view-1', 1_000);
        await store.completeIdempotency('view-1', { meetCode: 'old' });
        advance(999);
        expect(await store.claimIdempotency('view-1', 1_000)).toEqual({
          status: 'taken',
          outcome: { meetCode: 'old' },
        });
        advance(1);
        expect(await store.claimIdempotency('view-1', 1_000)).toEqual({ status: 'claimed' });
        expect(await store.claimIdempotency('view-1', 1_000)).toEqual({ status: 'taken' });
      });

      it('frees a released key for a retry', async () => {
        await store.claimIdempotency('trigger-3', 60_000);
        await store.releaseIdempotency('trigger-3');
        expect(await store.claimIdempotency('trigger-3', 60_000)).toEqual({ status: 'claimed' });
      });

      it('purges only expired keys and says how many', async () => {
        await store.claimIdempotency('short-1', 1_000);
        await store.claimIdempotency('short-2', 1_000);
        await store.claimIdempotency('long', 60_000);
        expect(await store.purgeExpiredIdempotency(new Date(start.getTime() + 1_000))).toBe(2);
        expect(await store.purgeExpiredIdempotency(new Date(start.getTime() + 1_000))).toBe(0);
        expect(await store.claimIdempotency('long', 60_000)).toEqual({ status: 'taken' });
      });
    });

    describe('audit log of Meets', () => {
      it('lists a user’s Meets newest first, per platform, up to the limit', async () => {
        await store.recordMeet(meet({ meetCode: 'first', createdAt: new Date('2025-03-01T10:00:00Z') }));
        await store.recordMeet(meet({ meetCode: 'third', createdAt: new Date('2025-03-03T10:00:00Z') }));
        await store.recordMeet(meet({ meetCode: 'second', createdAt: new Date('2025-03-02T10:00:00Z') }));
        await store.recordMeet(meet({ meetCode: 'other-user', userId: 'U002' }));
        await store.recordMeet(meet({ meetCode: 'teams', platform: 'teams' }));
        const listed = await store.listMeetsByUser({ platform: 'slack', userId: 'U001', limit: 2 });
        expect(listed.map((m) => m.meetCode)).toEqual(['third', 'second']);
        expect(listed[0]).toEqual(meet({ meetCode: 'third', createdAt: new Date('2025-03-03T10:00:00Z') }));
      });

      it('keeps each participant’s role and sign-in but never a passcode', async () => {
        const guest = { displayName: 'Bob', role: 'Guest' as const, signIn: 'Passcode', passcode: '483920' };
        await store.recordMeet(meet({ userId: 'U009', participants: [guest] }));
        const [entry] = await store.listMeetsByUser({ platform: 'slack', userId: 'U009', limit: 5 });
        expect(entry.participants).toStrictEqual([{ displayName: 'Bob', role: 'Guest', signIn: 'Passcode' }]);
        expect(JSON.stringify(entry)).not.toContain('483920');
      });
    });

    describe('digest subscriptions', () => {
      it('saves with a random id and createdAt, and replaces per platform and channel', async () => {
        const saved = await store.saveDigestSubscription({ ...weekly, tenant: 'acme', createdBy: 'U001' });
        expect(saved).toEqual({
          ...weekly,
          tenant: 'acme',
          createdBy: 'U001',
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          createdAt: start,
        });
        advance(1_000);
        const replaced = await store.saveDigestSubscription({
          ...weekly,
          weekday: 5,
          time: '16:30',
          createdBy: 'U002',
        });
        expect(replaced).toMatchObject({
          id: saved.id,
          weekday: 5,
          time: '16:30',
          createdBy: 'U002',
          tenant: undefined,
        });
        expect(await store.findDigestSubscription('slack', 'C100')).toEqual(replaced);
        const teams = await store.saveDigestSubscription({
          ...weekly,
          platform: 'teams',
          createdBy: 'A1',
          workspaceId: 'tn',
        });
        expect(teams.id).not.toBe(saved.id);
        expect((await store.listDigestSubscriptions()).map((s) => s.platform).sort()).toEqual(['slack', 'teams']);
      });

      it('deletes a subscription and its runs', async () => {
        const sub = await store.saveDigestSubscription({ ...weekly, createdBy: 'U001' });
        await store.claimDigestRun(sub.id, '2025-02-24T00:00:00.000Z', now);
        expect(await store.deleteDigestSubscription('slack', 'C100')).toBe(true);
        expect(await store.deleteDigestSubscription('slack', 'C100')).toBe(false);
        expect(await store.findDigestSubscription('slack', 'C100')).toBeUndefined();
        expect(await store.getDigestRun(sub.id, '2025-02-24T00:00:00.000Z')).toBeUndefined();
        expect(await store.claimDigestRun(sub.id, '2025-03-03T00:00:00.000Z', now)).toBe(false);
      });
    });

    describe('digest runs', () => {
      const period = '2025-02-24T00:00:00.000Z';

      it('claims each subscription and period once, then records the outcome', async () => {
        const sub = await store.saveDigestSubscription({ ...weekly, createdBy: 'U001' });
        expect(await store.claimDigestRun(sub.id, period, now)).toBe(true);
        expect(await store.claimDigestRun(sub.id, period, now)).toBe(false);
        expect(await store.getDigestRun(sub.id, period)).toEqual({
          subscriptionId: sub.id,
          periodStart: period,
          status: 'claimed',
          claimedAt: start,
        });
        const at = new Date(start.getTime() + 2_000);
        await store.finishDigestRun(sub.id, period, { status: 'sent', messageId: '1741.0001', at });
        expect(await store.getDigestRun(sub.id, period)).toEqual({
          subscriptionId: sub.id,
          periodStart: period,
          status: 'sent',
          claimedAt: start,
          finishedAt: at,
          messageId: '1741.0001',
        });
        expect(await store.claimDigestRun(sub.id, '2025-03-03T00:00:00.000Z', now)).toBe(true);
      });

      it('records a failure with its error', async () => {
        const sub = await store.saveDigestSubscription({ ...weekly, createdBy: 'U001' });
        await store.claimDigestRun(sub.id, period, now);
        await store.finishDigestRun(sub.id, period, { status: 'failed', error: 'channel_not_found', at: now });
        expect(await store.getDigestRun(sub.id, period)).toMatchObject({
          status: 'failed',
          error: 'channel_not_found',
        });
      });

      it('does not claim for an unknown subscription, nor finish an unclaimed run', async () => {
        expect(await store.claimDigestRun('no-such-subscription', period, now)).toBe(false);
        const sub = await store.saveDigestSubscription({ ...weekly, createdBy: 'U001' });
        const finishing = store.finishDigestRun(sub.id, period, { status: 'sent', at: now });
        await expect(finishing).rejects.toBeInstanceOf(AppError);
        await expect(finishing).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describeWatchContract({ store: () => store, now: () => now, advance });
    describeScheduleContract({ store: () => store, now: () => now, advance });

    describe('readiness', () => {
      it('answers ping while open and fails it with a store error once closed', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.ping()).rejects.toMatchObject({ code: 'store_error' });
        await store.close();
      });
    });
  });
}
