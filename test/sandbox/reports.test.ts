import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { call, detailOf, getToken } from './helpers';

interface Usage {
  code: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  participants: number;
  totalDurationInSeconds: number;
  billableDurationInSeconds: number;
  isFree: boolean;
  isSubscriptionCovered: boolean;
}
interface Feedback {
  rating: number;
  text: string | null;
  tenantId: string;
  resourceId: string;
  timestamp: string;
}

// The docs' samples, key for key and in order.
const usageKeys = [
  'code',
  'title',
  'description',
  'participants',
  'createdAt',
  'startedAt',
  'endedAt',
  'totalDurationInSeconds',
  'billableDurationInSeconds',
  'isFree',
  'isSubscriptionCovered',
  'subscriptionId',
  'id',
];
const feedbackKeys = [
  'rating',
  'text',
  'userId',
  'resourceId',
  'resourceType',
  'tenantId',
  'timestamp',
  'appVersion',
  'browser',
  'operatingSystem',
  'screenHeight',
  'screenWidth',
  'isTouchEnabled',
  'id',
];

describe('sandbox usage and feedback', () => {
  let clock: Date;
  let sandbox: Sandbox;
  let token: string;

  beforeEach(async () => {
    clock = new Date('2025-03-12T10:00:00Z');
    sandbox = await startSandbox({ now: () => clock });
    token = await getToken(sandbox);
  });
  afterEach(() => sandbox.close());

  const get = (path: string) => call(sandbox, 'GET', path, { token });
  const usage = async (path = '/v1/usage') => (await get(path)).body as Usage[];
  const feedbacks = async (path = '/v1/feedbacks') => (await get(path)).body as Feedback[];
  const ninetyDays = '?from=2024-12-01T00:00:00Z&to=2025-03-31T23:59:59Z';

  it('answers usage records shaped as in the docs, over about 90 days', async () => {
    const all = await usage(`/v1/usage${ninetyDays}`);
    expect(all.length).toBeGreaterThan(200);
    for (const record of all) expect(Object.keys(record)).toEqual(usageKeys);
    expect(all[0]!.createdAt >= '2024-12-12').toBe(true);
    expect(all.at(-1)!.createdAt < '2025-03-12T10:00:00Z').toBe(true);
    expect(all.at(-1)!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
  });

  it('answers feedback records shaped as in the docs, with ratings 1-5 and some comments', async () => {
    const all = await feedbacks(`/v1/feedbacks${ninetyDays}`);
    expect(all.length).toBeGreaterThan(50);
    for (const record of all) expect(Object.keys(record)).toEqual(feedbackKeys);
    expect(new Set(all.map((f) => f.rating))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(all.some((f) => typeof f.text === 'string' && f.text.length > 0)).toBe(true);
    expect(all.every((f) => f.timestamp <= '2025-03-12T10:00:00Z')).toBe(true);
  });

  it('seeds plausible Meets: weekday-heavy, minutes to two hours, free under 20 billable minutes', async () => {
    const all = await usage(`/v1/usage${ninetyDays}`);
    const weekend = all.filter((u) => [0, 6].includes(new Date(u.createdAt).getUTCDay()));
    expect(weekend.length * 5).toBeLessThan(all.length - weekend.length);
    const minutes = all.map((u) => u.totalDurationInSeconds / 60);
    expect(Math.min(...minutes)).toBeLessThan(20);
    expect(Math.max(...minutes)).toBeLessThanOrEqual(121);
    for (const u of all) {
      expect(u.isFree).toBe(u.billableDurationInSeconds < 20 * 60);
      expect(u.billableDurationInSeconds).toBeLessThanOrEqual(u.totalDurationInSeconds);
      expect(Date.parse(u.endedAt!) - Date.parse(u.startedAt!)).toBeCloseTo(u.totalDurationInSeconds * 1000, -3);
      expect(u.participants).toBeGreaterThanOrEqual(2);
    }
    expect(all.some((u) => u.isFree)).toBe(true);
    expect(all.some((u) => !u.isSubscriptionCovered)).toBe(true);
    expect(all.filter((u) => u.isFree).every((u) => u.isSubscriptionCovered)).toBe(true);
  });

  it('is deterministic: another sandbox at the same instant answers the same records', async () => {
    const other = await startSandbox({ now: () => clock });
    try {
      const otherToken = await getToken(other);
      const theirs = await call(other, 'GET', `/v1/usage${ninetyDays}`, { token: otherToken });
      expect(theirs.body).toEqual(await usage(`/v1/usage${ninetyDays}`));
    } finally {
      await other.close();
    }
  });

  it('defaults to the current month (UTC) without from/to', async () => {
    const month = await usage();
    expect(month.length).toBeGreaterThan(0);
    expect(month.every((u) => u.createdAt >= '2025-03-01T00:00:00Z' && u.createdAt < '2025-04-01')).toBe(true);
    expect(month).toEqual(await usage('/v1/usage?from=2025-03-01T00:00:00Z&to=2025-03-31T23:59:59.999Z'));
    const monthFeedback = await feedbacks();
    expect(monthFeedback.every((f) => f.timestamp >= '2025-03-01T00:00:00Z')).toBe(true);
    expect(monthFeedback).toEqual(await feedbacks('/v1/feedbacks?from=2025-03-01&to=2025-03-31T23:59:59.999Z'));
  });

  it('filters by createdAt / timestamp within [from, to], with offsets understood', async () => {
    const all = await usage(`/v1/usage${ninetyDays}`);
    const week = await usage('/v1/usage?from=2025-02-03T00:00:00Z&to=2025-02-09T23:59:59Z');
    expect(week.length).toBeGreaterThan(0);
    expect(week).toEqual(all.filter((u) => u.createdAt >= '2025-02-03' && u.createdAt < '2025-02-10'));
    const shifted = await usage('/v1/usage?from=2025-02-03T01:00:00%2B01:00&to=2025-02-10T00:59:59%2B01:00');
    expect(shifted).toEqual(week);
    const allFeedback = await feedbacks(`/v1/feedbacks${ninetyDays}`);
    const weekFeedback = await feedbacks('/v1/feedbacks?from=2025-02-03T00:00:00Z&to=2025-02-09T23:59:59Z');
    expect(weekFeedback).toEqual(allFeedback.filter((f) => f.timestamp >= '2025-02-03' && f.timestamp < '2025-02-10'));
  });

  it('answers one tenant by code (any case) or id, and every subtenant without one', async () => {
    const all = await usage(`/v1/usage${ninetyDays}`);
    const byTenant = await Promise.all(['ACME01', 'acmeuk', 'ACMEDE'].map((t) => usage(`/v1/usage/${t}${ninetyDays}`)));
    for (const part of byTenant) expect(part.length).toBeGreaterThan(0);
    expect(
      byTenant
        .flat()
        .map((u) => u.code)
        .sort(),
    ).toEqual(all.map((u) => u.code).sort());
    const main = await feedbacks(`/v1/feedbacks/ACME01${ninetyDays}`);
    const meet = (await call(sandbox, 'POST', '/v1/meetings', { token, body: {} })).body as { partitionKey: string };
    expect(main.length).toBeGreaterThan(0);
    expect(main.every((f) => f.tenantId === meet.partitionKey)).toBe(true);
    expect(await feedbacks(`/v1/feedbacks/${meet.partitionKey}${ninetyDays}`)).toEqual(main);
  });

  it('answers 404 for an unknown tenant', async () => {
    for (const path of ['/v1/usage/NOPE42', '/v1/feedbacks/NOPE42']) {
      const result = await get(path);
      expect(result.status).toBe(404);
      expect(detailOf(result)).toContain("'NOPE42'");
    }
  });

  it.each([
    ['from=yesterday', "from: 'yesterday' is not an ISO 8601 date"],
    ['from=2025-02-30', "from: '2025-02-30' is not an ISO 8601 date"],
    ['to=2025-03-01T25:00:00Z', "to: '2025-03-01T25:00:00Z' is not an ISO 8601 date"],
    ['from=2025-03-10&to=2025-03-01', 'is before from'],
  ])('answers 400 for %s', async (query, detail) => {
    for (const endpoint of ['/v1/usage', '/v1/feedbacks/ACME01']) {
      const result = await get(`${endpoint}?${query}`);
      expect(result.status).toBe(400);
      expect(detailOf(result)).toContain(detail);
    }
  });

  it('plays the life of Meets created in the sandbox: not started, live, ended, then a rating or two', async () => {
    const created = (await call(sandbox, 'POST', '/v1/meetings', { token, body: { schedulingInfo: { duration: 30 } } }))
      .body as { code: string };
    const quick = (await call(sandbox, 'POST', '/v1/meetings', { token, body: { schedulingInfo: { duration: 10 } } }))
      .body as { code: string };
    const now = (await usage('/v1/usage/ACME01')).find((u) => u.code === created.code)!;
    expect(now).toMatchObject({ startedAt: null, endedAt: null, totalDurationInSeconds: 0, participants: 0 });
    expect(Date.parse(now.createdAt)).toBe(clock.getTime());
    expect((await usage('/v1/usage/ACMEUK')).some((u) => u.code === created.code)).toBe(false);

    clock = new Date('2025-03-12T10:15:00Z');
    expect((await usage()).find((u) => u.code === created.code)).toMatchObject({
      startedAt: '2025-03-12T10:01:00.0000000Z',
      endedAt: null,
      totalDurationInSeconds: 14 * 60,
      participants: 1,
    });

    clock = new Date('2025-03-12T10:31:00Z');
    const later = await usage();
    expect(later.find((u) => u.code === created.code)).toMatchObject({
      startedAt: '2025-03-12T10:01:00.0000000Z',
      endedAt: '2025-03-12T10:31:00.0000000Z',
      totalDurationInSeconds: 30 * 60,
      billableDurationInSeconds: 30 * 60,
      isFree: false,
      participants: 1,
    });
    expect(later.find((u) => u.code === quick.code)).toMatchObject({ billableDurationInSeconds: 600, isFree: true });
    const ratingsOf = async (code: string) =>
      (
        (await get('/v1/feedbacks/ACME01?from=2025-03-12T00:00:00Z&to=2025-03-13T00:00:00Z')).body as Array<{
          resourceId: string;
          rating: number;
        }>
      ).filter((f) => f.resourceId === code);
    expect(await ratingsOf(created.code)).toEqual([]);

    clock = new Date('2025-03-12T10:33:00Z');
    const ratings = await ratingsOf(created.code);
    expect(ratings.length).toBeGreaterThanOrEqual(1);
    expect(ratings.length).toBeLessThanOrEqual(2);
    for (const r of ratings) expect(r.rating).toBeGreaterThanOrEqual(3);
  });

  it('at speed 60 a 30-minute Meet lives in half a minute, and reports its own 30 minutes', async () => {
    let at = new Date('2025-03-12T10:00:00Z');
    const fast = await startSandbox({ now: () => at, speed: 60, seed: false });
    try {
      const fastToken = await getToken(fast);
      const meeting = (
        await call(fast, 'POST', '/v1/meetings', { token: fastToken, body: { schedulingInfo: { duration: 30 } } })
      ).body as { code: string };
      at = new Date('2025-03-12T10:00:32Z');
      const records = (await call(fast, 'GET', '/v1/usage?from=2025-03-12T00:00:00Z', { token: fastToken }))
        .body as Array<{
        code: string;
        endedAt: string | null;
        totalDurationInSeconds: number;
      }>;
      expect(records.find((r) => r.code === meeting.code)).toMatchObject({
        endedAt: '2025-03-12T10:00:31.0000000Z',
        totalDurationInSeconds: 1800,
      });
    } finally {
      await fast.close();
    }
    await expect(startSandbox({ speed: 0 })).rejects.toThrow(/above 0/);
  });

  it('needs a token', async () => {
    expect((await call(sandbox, 'GET', '/v1/usage')).status).toBe(401);
    expect((await call(sandbox, 'GET', '/v1/feedbacks', { token: 'x' })).status).toBe(401);
  });
});
