import { createInFlight } from '../../src/flows/in-flight';
import { persistAfterDelivery } from '../../src/flows/persist-meet';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { captureLogs } from '../fixtures/capture-logs';

/**
 * After a Meet was delivered, what the store keeps of it is written with retries in the
 * background; when the store keeps failing, the retries give up with one error line naming what
 * is missing, and never throw at the caller (the Meet was delivered already). Shutdown waits for
 * the retries, up to its grace period, and names what it cut off.
 */

const record = (code: string) => ({
  key: `slack:trigger:${code}`,
  outcome: { code, joinUrl: `https://meet.rs/${code}` },
  audit: {
    platform: 'slack' as const,
    workspaceId: 'T0001',
    userId: 'UREC',
    channelId: 'C0CHAN',
    meetCode: code,
    joinUrl: `https://meet.rs/${code}`,
    title: 'Backend L2',
    template: 'interview',
    participants: [],
    createdAt: new Date('2031-05-06T07:08:09Z'),
  },
});

/** The store with `recordMeet` failing every time (a table the database refuses to write). */
function auditAlwaysFails(real: Store): Store & { attempts: () => number } {
  let attempts = 0;
  return Object.create(real, {
    recordMeet: {
      value: async () => {
        attempts += 1;
        throw new Error('SQLITE_FULL: database or disk is full');
      },
    },
    attempts: { value: () => attempts },
  });
}

test('a store that keeps failing: retried, then one error naming what is missing; the key is still completed', async () => {
  const real = await openStore('sqlite::memory:');
  const store = auditAlwaysFails(real);
  const { logger, lines } = captureLogs();
  const inFlight = createInFlight(logger);
  await real.claimIdempotency('slack:trigger:AB12cd34', 60_000);

  await expect(
    persistAfterDelivery({ store, logger, inFlight, options: { retryDelaysMs: [1, 1] } }, record('AB12cd34')),
  ).resolves.toBeUndefined();
  expect(await inFlight.drain(10_000)).toEqual([]);

  expect(store.attempts()).toBe(3); // the first attempt and two retries
  const said = lines.map((l) => [l.level, l.msg]);
  expect(said).toEqual([
    [40, 'store: could not record a delivered Meet yet; retrying'],
    [50, 'store: a delivered Meet could not be recorded (no audit row; its key expires by itself)'],
  ]);
  expect(lines[1]).toMatchObject({ meetCode: 'AB12cd34', missing: ['audit'] });
  // What did succeed stays done: a redelivery is answered with the Meet, not a second one.
  expect(await real.claimIdempotency('slack:trigger:AB12cd34', 60_000)).toEqual({
    status: 'taken',
    outcome: { code: 'AB12cd34', joinUrl: 'https://meet.rs/AB12cd34' },
  });
  expect(await real.listMeetsByUser({ platform: 'slack', userId: 'UREC', limit: 5 })).toEqual([]);
  await real.close();
});

test('shutdown waits for the retries up to its grace period, then says what it cut off', async () => {
  const real = await openStore('sqlite::memory:');
  const store = auditAlwaysFails(real);
  const { logger, lines } = captureLogs();
  const inFlight = createInFlight(logger);

  await persistAfterDelivery({ store, logger, inFlight, options: { retryDelaysMs: [300] } }, record('ZZ98yx76'));
  expect(inFlight.size()).toBe(1);
  expect(await inFlight.drain(20)).toEqual(['recording Meet ZZ98yx76']);
  expect(lines.at(-1)).toMatchObject({
    level: 40,
    msg: 'shutdown: work still running after the grace period was cut off',
    cut: ['recording Meet ZZ98yx76'],
    graceMs: 20,
  });
  // What was cut off keeps running until it gives up (the process would have exited by then).
  expect(await inFlight.drain(10_000)).toEqual([]);
  await real.close();
});
