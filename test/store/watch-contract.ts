import type { Store } from '../../src/store/store';
import type { NewWatchedMeet } from '../../src/store/watch-records';

/** The watch part of the store contract (watch-records.ts), run by store-contract.ts on every store. */
export function describeWatchContract(context: { store: () => Store; now: () => Date; advance: (ms: number) => void }) {
  const watched = (code: string, over: Partial<NewWatchedMeet> = {}): NewWatchedMeet => ({
    code,
    tenant: 'ACME01',
    platform: 'slack',
    workspaceId: 'T001',
    channelId: 'C001',
    creatorId: 'U001',
    message: { kind: 'slack', channel: 'C001', ts: '1700000000.000100' },
    shown: { title: `Meet ${code}`, template: 'meeting' },
    createdAt: context.now(),
    watchFrom: context.now(),
    ...over,
  });

  describe('watched Meets', () => {
    it('follows a Meet from created to ended and keeps what a tick learned; watching twice changes nothing', async () => {
      const store = context.store();
      await store.watchMeet(watched('m1'));
      await store.watchMeet(watched('m1', { creatorId: 'U999' }));
      const first = await store.findWatch('m1');
      expect(first).toMatchObject({
        code: 'm1',
        tenant: 'ACME01',
        creatorId: 'U001',
        state: 'created',
        feedback: 'waiting',
        message: { kind: 'slack', ts: '1700000000.000100' },
        shown: { title: 'Meet m1' },
      });
      expect(first?.startedAt).toBeUndefined();

      context.advance(60_000);
      const startedAt = context.now();
      await store.updateWatch('m1', { state: 'live', startedAt, participants: 3, shownState: 'live:3' });
      // A patch keeps what it leaves out.
      await store.updateWatch('m1', {
        message: { kind: 'slack', channel: 'C001', ts: '1700000000.000100', callId: 'R1' },
      });
      const live = await store.findWatch('m1');
      expect(live).toMatchObject({ state: 'live', participants: 3, shownState: 'live:3', message: { callId: 'R1' } });
      expect(live?.startedAt?.toISOString()).toBe(startedAt.toISOString());
      expect(live?.updatedAt.toISOString()).toBe(context.now().toISOString());

      const endedAt = new Date(startedAt.getTime() + 47 * 60_000);
      await store.updateWatch('m1', {
        state: 'ended',
        endedAt,
        durationSeconds: 2820,
        feedbackUntil: new Date(endedAt.getTime() + 2 * 3600_000),
        message: { kind: 'slack', channel: 'C001', ts: '1700000000.000200' },
      });
      const ended = await store.findWatch('m1');
      expect(ended).toMatchObject({
        state: 'ended',
        durationSeconds: 2820,
        participants: 3,
        message: { ts: '1700000000.000200' },
      });
      expect(await store.findWatch('nope')).toBeUndefined();
    });

    it('lists the open ones (not started, live, or ended with feedback awaited), oldest first', async () => {
      const store = context.store();
      const at = (minutes: number) => new Date(context.now().getTime() + minutes * 60_000);
      await store.watchMeet(watched('late', { watchFrom: at(30) }));
      await store.watchMeet(watched('early', { watchFrom: at(0) }));
      await store.watchMeet(watched('done'));
      await store.watchMeet(watched('rated'));
      await store.watchMeet(watched('expired'));
      await store.updateWatch('done', { state: 'ended', feedback: 'none' });
      await store.updateWatch('rated', { state: 'ended' });
      await store.updateWatch('expired', { state: 'expired' });
      expect((await store.listOpenWatches()).map((w) => w.code)).toEqual(['early', 'rated', 'late']);
    });

    it('lists a person’s Meets since a day, newest first, per platform', async () => {
      const store = context.store();
      await store.watchMeet(watched('old'));
      context.advance(3600_000);
      const since = context.now();
      await store.watchMeet(watched('a', { createdAt: context.now() }));
      context.advance(60_000);
      await store.watchMeet(watched('b', { createdAt: context.now() }));
      await store.watchMeet(watched('other', { createdAt: context.now(), creatorId: 'U002' }));
      await store.watchMeet(watched('teams', { createdAt: context.now(), platform: 'teams' }));
      const mine = await store.listWatchesByCreator({ platform: 'slack', creatorId: 'U001', since, limit: 10 });
      expect(mine.map((w) => w.code)).toEqual(['b', 'a']);
    });

    it('claims each tenant’s tick once, even when claimed together; old ticks are purged', async () => {
      const store = context.store();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => store.claimWatchTick('ACME01', '2026-12-01T10:00:00.000Z', context.now())),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.claimWatchTick('ACME02', '2026-12-01T10:00:00.000Z', context.now())).toBe(true);
      expect(await store.claimWatchTick('ACME01', '2026-12-01T10:01:00.000Z', context.now())).toBe(true);
      context.advance(2 * 86_400_000);
      expect(await store.purgeWatchTicks(new Date(context.now().getTime() - 86_400_000))).toBe(3);
    });

    it('lets exactly one caller claim a Meet’s feedback', async () => {
      const store = context.store();
      await store.watchMeet(watched('f1'));
      await store.updateWatch('f1', { state: 'ended' });
      const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimWatchFeedback('f1')));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect((await store.findWatch('f1'))?.feedback).toBe('claimed');
      await store.updateWatch('f1', { feedback: 'sent' });
      expect(await store.claimWatchFeedback('f1')).toBe(false);
    });
  });
}
