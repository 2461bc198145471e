import type { MeetReminder } from '../../src/core/reminder';
import type { MeetCreatedPublic } from '../../src/core/reply-model';
import type { MeetAnnouncer } from '../../src/flows/meet-announcer';
import { startReminderScheduler } from '../../src/flows/reminder-scheduler';
import { createSilentLogger } from '../../src/logger';
import { openStore } from '../../src/store/open-store';

/**
 * The reminder scheduler ticks once as it starts: a reminder that came due while meetbot was down
 * goes out then, if it is at most 15 minutes late, once across restarts; an older one is skipped.
 */

const minute = 60_000;
const startedAt = new Date('2026-12-04T13:55:00Z');

function shown(title: string, startsAt: Date): MeetCreatedPublic {
  return {
    title,
    joinUrl: `https://meet.rs/${title}`,
    template: 'meeting',
    createdBy: { displayName: 'Rita', platform: 'slack', userId: 'UREC' },
    participants: [],
    guestAccess: 'none',
    schedule: {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 30 * minute).toISOString(),
      timeZone: 'UTC',
      reminderMinutes: 10,
    },
  };
}

test('at start: a reminder 5 minutes late is sent once (also after a second start), one 20 minutes late is skipped', async () => {
  const store = await openStore('sqlite::memory:', { clock: () => startedAt });
  const reminded: MeetReminder[] = [];
  const announcer = {
    remind: async (_meet: unknown, reminder: MeetReminder) => {
      reminded.push(reminder);
      return { outcome: 'sent' as const, where: 'thread' as const };
    },
  } as unknown as MeetAnnouncer;
  try {
    for (const [code, lateMinutes] of [
      ['late5', 5],
      ['late20', 20],
    ] as const) {
      const remindAt = new Date(startedAt.getTime() - lateMinutes * minute);
      const startsAt = new Date(remindAt.getTime() + 10 * minute);
      await store.scheduleMeet({
        code,
        platform: 'slack',
        channelId: 'C1',
        creatorId: 'UREC',
        message: { kind: 'slack', channel: 'C1', ts: '1.1' },
        shown: shown(code, startsAt),
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * minute),
        timeZone: 'UTC',
        remindAt,
        createdAt: new Date(startedAt.getTime() - 3 * 3600_000),
      });
    }
    const deps = { store, logger: createSilentLogger(), announcers: { slack: announcer }, clock: () => startedAt };
    const first = startReminderScheduler(deps);
    await first.stop();
    expect(reminded.map((r) => r.title)).toEqual(['late5']);
    expect(reminded[0].minutesToStart).toBe(5);
    expect(await store.findScheduled('late20')).toMatchObject({ reminder: 'skipped' });

    const second = startReminderScheduler({ ...deps, clock: () => new Date(startedAt.getTime() + minute) });
    await second.stop();
    expect(reminded).toHaveLength(1);
  } finally {
    await store.close();
  }
});
