import type { NewScheduledMeet } from '../../src/store/schedule-records';
import type { Store } from '../../src/store/store';

/** The Meets-for-later part of the store contract (schedule-records.ts), run by store-contract.ts on every store. */
export function describeScheduleContract(context: {
  store: () => Store;
  now: () => Date;
  advance: (ms: number) => void;
}) {
  const minute = 60_000;
  const at = (minutes: number) => new Date(context.now().getTime() + minutes * minute);
  const scheduled = (code: string, over: Partial<NewScheduledMeet> = {}): NewScheduledMeet => ({
    code,
    platform: 'slack',
    workspaceId: 'T001',
    channelId: 'C001',
    creatorId: 'U001',
    message: { kind: 'slack', channel: 'C001', ts: '1700000000.000100' },
    shown: { title: `Meet ${code}`, template: 'interview' },
    startsAt: at(120),
    endsAt: at(165),
    timeZone: 'Europe/Berlin',
    remindAt: at(110),
    createdAt: context.now(),
    ...over,
  });

  describe('Meets for later', () => {
    it('keeps a Meet for later with its pending reminder; keeping it twice changes nothing', async () => {
      const store = context.store();
      await store.scheduleMeet(scheduled('s1'));
      await store.scheduleMeet(scheduled('s1', { creatorId: 'U999', startsAt: at(999) }));
      const found = await store.findScheduled('s1');
      expect(found).toMatchObject({
        code: 's1',
        platform: 'slack',
        workspaceId: 'T001',
        channelId: 'C001',
        creatorId: 'U001',
        message: { kind: 'slack', ts: '1700000000.000100' },
        shown: { title: 'Meet s1' },
        timeZone: 'Europe/Berlin',
        state: 'scheduled',
        reminder: 'pending',
      });
      expect(found?.startsAt.toISOString()).toBe(at(120).toISOString());
      expect(found?.endsAt.toISOString()).toBe(at(165).toISOString());
      expect(found?.remindAt?.toISOString()).toBe(at(110).toISOString());
      expect(found?.remindedAt).toBeUndefined();
      expect(await store.findScheduled('nope')).toBeUndefined();
    });

    it('without a reminder time there is no reminder to send', async () => {
      const store = context.store();
      await store.scheduleMeet(scheduled('quiet', { remindAt: undefined }));
      expect(await store.findScheduled('quiet')).toMatchObject({ reminder: 'none' });
      expect(await store.listDueReminders(at(10_000), 10)).toEqual([]);
      expect(await store.claimReminder('quiet', at(10_000))).toBe(false);
    });

    it('lists the reminders due, longest due first, and only pending ones of Meets not cancelled', async () => {
      const store = context.store();
      await store.scheduleMeet(scheduled('later', { remindAt: at(30) }));
      await store.scheduleMeet(scheduled('soon', { remindAt: at(5) }));
      await store.scheduleMeet(scheduled('sooner', { remindAt: at(2) }));
      await store.scheduleMeet(scheduled('called-off', { remindAt: at(1) }));
      await store.cancelScheduled('called-off', 'U001', context.now());
      expect((await store.listDueReminders(at(4), 10)).map((m) => m.code)).toEqual(['sooner']);
      expect((await store.listDueReminders(at(5), 10)).map((m) => m.code)).toEqual(['sooner', 'soon']);
      expect((await store.listDueReminders(at(60), 2)).map((m) => m.code)).toEqual(['sooner', 'soon']);
      await store.claimReminder('sooner', at(5));
      expect((await store.listDueReminders(at(60), 10)).map((m) => m.code)).toEqual(['soon', 'later']);
    });

    it('lets exactly one caller claim a reminder, even together, and records what became of it', async () => {
      const store = context.store();
      await store.scheduleMeet(scheduled('r1'));
      const claims = await Promise.all(Array.from({ length: 5 }, () => store.claimReminder('r1', at(110))));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.findScheduled('r1')).toMatchObject({ reminder: 'claimed' });
      context.advance(110 * minute);
      await store.finishReminder('r1', { state: 'sent', at: context.now() });
      const sent = await store.findScheduled('r1');
      expect(sent).toMatchObject({ reminder: 'sent' });
      expect(sent?.remindedAt?.toISOString()).toBe(context.now().toISOString());
      expect(await store.claimReminder('r1', context.now())).toBe(false);

      await store.scheduleMeet(scheduled('r2'));
      expect(await store.claimReminder('r2', context.now())).toBe(true);
      await store.finishReminder('r2', { state: 'skipped', note: 'due 40 minutes ago', at: context.now() });
      expect(await store.findScheduled('r2')).toMatchObject({
        reminder: 'skipped',
        reminderNote: 'due 40 minutes ago',
      });
      // Only a claimed reminder is finished: a pending one stays pending.
      await store.scheduleMeet(scheduled('r3'));
      await store.finishReminder('r3', { state: 'sent', at: context.now() });
      expect(await store.findScheduled('r3')).toMatchObject({ reminder: 'pending' });
    });

    it('cancels for its creator only, once; a pending reminder goes with it, a sent one stays sent', async () => {
      const store = context.store();
      await store.scheduleMeet(scheduled('c1'));
      expect(await store.cancelScheduled('c1', 'U002', context.now())).toBe(false);
      expect(await store.findScheduled('c1')).toMatchObject({ state: 'scheduled', reminder: 'pending' });
      context.advance(minute);
      expect(await store.cancelScheduled('c1', 'U001', context.now())).toBe(true);
      const cancelled = await store.findScheduled('c1');
      expect(cancelled).toMatchObject({ state: 'cancelled', reminder: 'cancelled' });
      expect(cancelled?.updatedAt.toISOString()).toBe(context.now().toISOString());
      expect(await store.cancelScheduled('c1', 'U001', context.now())).toBe(false);
      expect(await store.claimReminder('c1', at(1000))).toBe(false);
      expect(await store.cancelScheduled('nope', 'U001', context.now())).toBe(false);

      await store.scheduleMeet(scheduled('c2'));
      await store.claimReminder('c2', at(110));
      await store.finishReminder('c2', { state: 'sent', at: at(110) });
      expect(await store.cancelScheduled('c2', 'U001', at(115))).toBe(true);
      expect(await store.findScheduled('c2')).toMatchObject({ state: 'cancelled', reminder: 'sent' });
    });

    it('lists a person’s Meets for later that have not ended, soonest first, per platform', async () => {
      const store = context.store();
      await store.scheduleMeet(scheduled('tomorrow', { startsAt: at(24 * 60), endsAt: at(25 * 60) }));
      await store.scheduleMeet(scheduled('today', { startsAt: at(60), endsAt: at(90) }));
      await store.scheduleMeet(scheduled('over', { startsAt: at(-90), endsAt: at(-30) }));
      await store.scheduleMeet(scheduled('running', { startsAt: at(-10), endsAt: at(20) }));
      await store.scheduleMeet(scheduled('off'));
      await store.cancelScheduled('off', 'U001', context.now());
      await store.scheduleMeet(scheduled('theirs', { creatorId: 'U002' }));
      await store.scheduleMeet(scheduled('teams', { platform: 'teams' }));
      const mine = await store.listUpcoming({ platform: 'slack', creatorId: 'U001', now: context.now(), limit: 10 });
      expect(mine.map((m) => m.code)).toEqual(['running', 'today', 'tomorrow']);
      const first = await store.listUpcoming({ platform: 'slack', creatorId: 'U001', now: context.now(), limit: 1 });
      expect(first.map((m) => m.code)).toEqual(['running']);
    });
  });
}
