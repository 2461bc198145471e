import { createSilentLogger } from '../../src/logger';
import { createSlackApp } from '../../src/slack/app';
import { isFreshTimestamp, timestampWindowSeconds } from '../../src/slack/receiver';
import { type Harness, sign, startHarness, waitForChannelMessage } from './slack-harness';

describe('Slack request verification and acks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ slowNoticeMs: 300 });
  });
  afterAll(() => h.close());

  const form = (text: string, triggerId: string) =>
    new URLSearchParams({
      team_id: 'T0001',
      channel_id: 'C0CHAN',
      user_id: 'UREC',
      command: '/meet',
      text,
      response_url: h.slack.responseUrl(triggerId),
      trigger_id: triggerId,
    }).toString();

  it('answers 401 to a bad signature, a stale and a future timestamp, and creates nothing', async () => {
    const before = h.sandbox.meetings.length;
    const now = Math.floor(Date.now() / 1000);
    // A minute past the window each way: \`now\` is floored and the server reads its clock later,
    // so a timestamp one second outside the window can be inside it when the request arrives.
    const outside = timestampWindowSeconds + 60;
    const body = form('meeting <@UBOB>', 'trigger.sig');
    const type = 'application/x-www-form-urlencoded';
    expect((await h.send(body, type, { signature: sign(`${body}x`, now) })).status).toBe(401);
    expect((await h.send(body, type, { timestamp: now - outside })).status).toBe(401);
    expect((await h.send(body, type, { timestamp: now + outside })).status).toBe(401);
    expect((await h.send(body, type, { timestamp: Number.NaN })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.sandbox.meetings.length).toBe(before);
    expect(h.slack.responses.filter((r) => r.id === 'trigger.sig')).toEqual([]);
  });

  it('holds the window at exactly 5 minutes each way on a fixed clock', () => {
    const now = new Date('2031-03-04T05:06:07Z');
    const at = (offset: number) => String(now.getTime() / 1000 + offset);
    expect(isFreshTimestamp(at(-timestampWindowSeconds), now)).toBe(true);
    expect(isFreshTimestamp(at(timestampWindowSeconds), now)).toBe(true);
    expect(isFreshTimestamp(at(-timestampWindowSeconds - 1), now)).toBe(false);
    expect(isFreshTimestamp(at(timestampWindowSeconds + 1), now)).toBe(false);
    expect(isFreshTimestamp([at(0), at(0)], now)).toBe(true);
    for (const bad of [undefined, '', '1e9', '-5', ' 1', 'NaN', '1234567890123']) {
      expect(isFreshTimestamp(bad, now)).toBe(false);
    }
  });

  it('accepts a timestamp a little in the future (clock skew within 5 minutes)', async () => {
    const body = form('help', 'trigger.skew');
    const result = await h.send(body, 'application/x-www-form-urlencoded', {
      timestamp: Math.floor(Date.now() / 1000) + 60,
    });
    expect(result.status).toBe(200);
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === 'trigger.skew'));
    expect(JSON.stringify(reply.body)).toContain('/meet');
  });

  it('acks before a slow Meet API answers; the typist sees "Creating your Meet…" and then the result', async () => {
    h.sandbox.injectFault({ method: 'POST', path: '/v1/meetings', delayMs: 1500 });
    const sent = await h.slash('meeting <@UBOB> "Slow one"');
    expect(sent.status).toBe(200);
    // The ack came back while the Meet API was still holding the request.
    expect(h.slack.channelMessages()).toEqual([]);
    const notice = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    expect(JSON.stringify(notice.body)).toContain('Creating your Meet');
    const result = await waitForChannelMessage(h.slack, 'Slow one');
    expect(JSON.stringify(result.body)).toContain('Slow one');
  });

  it('refuses to start with an empty signing secret', async () => {
    await expect(
      createSlackApp({
        config: { signingSecret: '  ', botToken: 'xoxb-x', apiUrl: h.slack.apiUrl },
        meet: h.meet,
        store: h.store,
        logger: createSilentLogger(),
        clock: () => new Date(),
        sso: { domains: {} },
        defaultTimeZone: 'UTC',
      }),
    ).rejects.toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('does not retry a failed Slack post (one call, then an AppError)', async () => {
    h.slack.failNext('chat.postMessage', { status: 500, body: { ok: false, error: 'fatal_error' } });
    const before = h.slack.callsTo('chat.postMessage').length;
    await expect(h.app.postMessage({ channelId: 'C0DIGEST' }, { text: 'digest' })).rejects.toMatchObject({
      name: 'AppError',
    });
    expect(h.slack.callsTo('chat.postMessage').length).toBe(before + 1);
    h.slack.failNext('chat.postMessage', 'channel_not_found');
    await expect(h.app.postMessage({ channelId: 'C0GONE' }, { text: 'digest' })).rejects.toMatchObject({
      code: 'not_found',
    });
    h.slack.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '7' } });
    await expect(h.app.postMessage({ channelId: 'C0BUSY' }, { text: 'digest' })).rejects.toMatchObject({
      code: 'platform_error',
      retryAfterMs: 7000,
    });
    const ok = await h.app.postMessage({ channelId: 'C0DIGEST' }, { text: 'digest' });
    expect(ok.messageId).toMatch(/\d+\.\d+/);
  });
});
