import type { DigestTarget } from '../../src/flows/digest-subscriptions';
import { createDigestSubscriptions } from '../../src/flows/digest-subscriptions';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { captureLogs } from '../fixtures/capture-logs';

const now = new Date('2026-12-01T10:00:00Z'); // a Tuesday
const slackChannel: DigestTarget = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1' };
const teamsChat: DigestTarget = {
  platform: 'teams',
  workspaceId: 'tenant-1',
  channelId: '19:chat@thread.v2',
  userId: '29:a',
};

let store: Store;
const { logger, lines } = captureLogs();
beforeEach(async () => {
  lines.length = 0;
  store = await openStore('sqlite::memory:', { clock: () => now });
});
afterEach(() => store.close());

describe('/meet digest', () => {
  test('weekly with defaults: Monday 09:00 in the default zone', async () => {
    const digests = createDigestSubscriptions({ store, defaultTimeZone: 'Europe/Berlin', logger });
    const reply = await digests.handle({ kind: 'digest', action: 'weekly' }, slackChannel, now);
    expect(reply).toEqual({
      kind: 'notice',
      text: 'This channel will get the weekly Meet digest every Monday at 09:00 (Europe/Berlin); next: Mon 7 Dec 2026 09:00.',
    });
    const sub = await store.findDigestSubscription('slack', 'C1');
    expect(sub).toMatchObject({
      weekday: 1,
      time: '09:00',
      timeZone: 'Europe/Berlin',
      workspaceId: 'T1',
      createdBy: 'U1',
    });
  });

  test('weekly with day, time, zone and tenant, in a Teams chat', async () => {
    const digests = createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger });
    const reply = await digests.handle(
      {
        kind: 'digest',
        action: 'weekly',
        weekday: 'friday',
        time: '7:30',
        timeZone: 'America/New_York',
        tenant: 'ACMEUK',
      },
      teamsChat,
      now,
    );
    expect(reply).toEqual({
      kind: 'notice',
      text: 'This channel will get the weekly Meet digest every Friday at 07:30 (America/New_York) for tenant ACMEUK; next: Fri 4 Dec 2026 07:30.',
    });
    expect(await store.findDigestSubscription('teams', '19:chat@thread.v2')).toMatchObject({
      weekday: 5,
      time: '07:30',
      tenant: 'ACMEUK',
    });
  });

  test('subscribing again replaces the schedule', async () => {
    const digests = createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger });
    await digests.handle({ kind: 'digest', action: 'weekly' }, slackChannel, now);
    await digests.handle({ kind: 'digest', action: 'weekly', weekday: 'sunday', time: '18:00' }, slackChannel, now);
    expect(await store.listDigestSubscriptions()).toHaveLength(1);
    const reply = await digests.handle({ kind: 'digest', action: 'show' }, slackChannel, now);
    expect(reply).toEqual({
      kind: 'notice',
      text: 'This channel gets the weekly Meet digest every Sunday at 18:00 (UTC); next: Sun 6 Dec 2026 18:00. Turn it off with `/meet digest off`.',
    });
  });

  test('show without a subscription says how to subscribe', async () => {
    const digests = createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger });
    const reply = await digests.handle({ kind: 'digest', action: 'show' }, slackChannel, now);
    expect(reply.kind).toBe('notice');
    expect(reply.kind === 'notice' && reply.text).toContain('not subscribed');
    expect(reply.kind === 'notice' && reply.text).toContain('/meet digest weekly');
  });

  test('off, then off again', async () => {
    const digests = createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger });
    await digests.handle({ kind: 'digest', action: 'weekly' }, slackChannel, now);
    expect(await digests.handle({ kind: 'digest', action: 'off' }, slackChannel, now)).toEqual({
      kind: 'notice',
      text: 'This channel is unsubscribed from the weekly Meet digest.',
    });
    expect(await store.findDigestSubscription('slack', 'C1')).toBeUndefined();
    expect(await digests.handle({ kind: 'digest', action: 'off' }, slackChannel, now)).toEqual({
      kind: 'notice',
      text: 'This channel was not subscribed to the weekly Meet digest.',
    });
  });

  test('the same channel id on the other platform is another subscription', async () => {
    const digests = createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger });
    await digests.handle({ kind: 'digest', action: 'weekly' }, slackChannel, now);
    await digests.handle({ kind: 'digest', action: 'off' }, { ...teamsChat, channelId: 'C1' }, now);
    expect(await store.findDigestSubscription('slack', 'C1')).toBeDefined();
  });

  test.each([
    [{ time: '25:00' }, '"25:00" is not a time of day'],
    [{ timeZone: 'Mars/Olympus' }, '"Mars/Olympus" is not a time zone'],
  ])('a bad %j is an error reply and saves nothing', async (extra, message) => {
    const digests = createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger });
    const reply = await digests.handle({ kind: 'digest', action: 'weekly', ...extra }, slackChannel, now);
    expect(reply.kind).toBe('error');
    expect(reply.kind === 'error' && reply.message).toContain(message);
    expect(await store.listDigestSubscriptions()).toEqual([]);
  });

  test.each([
    ['weekly', { kind: 'digest', action: 'weekly' }],
    ['show', { kind: 'digest', action: 'show' }],
    ['off', { kind: 'digest', action: 'off' }],
  ] as const)(
    'a store that fails (%s): the same words and reference id as any failure, and one log line with it',
    async (_name, command) => {
      const digests = createDigestSubscriptions({ store, defaultTimeZone: 'UTC', logger });
      await store.close();
      const reply = await digests.handle(command, slackChannel, now);
      expect(reply).toMatchObject({
        kind: 'error',
        retryable: true,
        message: 'meetbot could not read or save its data.',
      });
      const referenceId = reply.kind === 'error' ? reply.referenceId : undefined;
      expect(referenceId).toMatch(/^[a-z0-9]{8}$/);
      expect(lines.filter((l) => l.referenceId === referenceId && l.level === 50)).toHaveLength(1);
      store = await openStore('sqlite::memory:');
    },
  );
});
