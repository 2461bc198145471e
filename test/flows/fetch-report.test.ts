import { fetchReport } from '../../src/flows/fetch-report';
import { createMeetClient } from '../../src/meet/client';
import type { MeetApi } from '../../src/meet/meet-api';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';

describe('fetchReport', () => {
  let sandbox: Sandbox;
  let meet: MeetApi;
  const now = new Date('2026-11-29T10:00:00Z');

  beforeAll(async () => {
    sandbox = await startSandbox({ now: () => now });
    meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  });
  afterAll(async () => {
    await meet.close();
    await sandbox.close();
  });

  test('usage for last week in the caller’s zone, for one tenant', async () => {
    const { reply, records } = await fetchReport(
      meet,
      { kind: 'usage', range: { kind: 'preset', preset: 'last week' }, tenant: 'ACME01' },
      { now, timeZone: 'Europe/Berlin' },
    );
    const sent = sandbox.requests.at(-1)!;
    expect(sent.path).toBe('/v1/usage/ACME01');
    expect(sent.query).toEqual({ from: '2026-11-15T23:00:00.000Z', to: '2026-11-22T22:59:59.999Z' });
    expect(reply.kind).toBe('usage');
    if (reply.kind !== 'usage') return;
    expect(reply.summary.meetCount).toBe(records.length);
    expect(records.length).toBeGreaterThan(0);
    expect(reply.range).toMatchObject({ startDay: '2026-11-16', endDay: '2026-11-22', timeZone: 'Europe/Berlin' });
  });

  test('feedback across every tenant', async () => {
    const { reply, records } = await fetchReport(
      meet,
      { kind: 'feedback', range: { kind: 'preset', preset: '30d' } },
      { now, timeZone: 'UTC' },
    );
    expect(sandbox.requests.at(-1)!.path).toBe('/v1/feedbacks');
    expect(reply.kind === 'feedback' && reply.summary.count).toBe(records.length);
  });

  test('a range that ends before it starts is a user error, and nothing is asked of the API', async () => {
    const before = sandbox.requests.length;
    const { reply } = await fetchReport(
      meet,
      { kind: 'usage', range: { kind: 'days', start: '2026-11-10', end: '2026-11-01' } },
      { now, timeZone: 'UTC' },
    );
    expect(reply.kind).toBe('error');
    expect(sandbox.requests).toHaveLength(before);
  });
});
