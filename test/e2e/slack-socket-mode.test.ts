import { AppError } from '../../src/core/errors';
import { scrapedSample as scraped } from '../fixtures/scrape';
import { appToken, botToken, passcode, slashPayload, startWorld, type World } from './slack-socket-harness';

/** Socket Mode end to end over loopback: see slack-socket-harness.ts for the setup. */

const createRequests = (w: World) => w.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/meetings');
const postsTo = (w: World, id: string, type: string) =>
  w.slack.responses.filter((r) => r.id === id && r.body.response_type === type);

/** Every Block Kit button in a message, wherever it sits (accessory, actions). */
function buttons(node: unknown): Array<{ text?: { text?: string }; url?: string }> {
  if (Array.isArray(node)) return node.flatMap(buttons);
  if (!node || typeof node !== 'object') return [];
  const here = (node as { type?: string }).type === 'button' ? [node as { url?: string }] : [];
  return [...here, ...Object.values(node).flatMap(buttons)];
}

describe('Slack Socket Mode end to end', () => {
  const running: World[] = [];
  afterEach(async () => {
    for (const world of running.splice(0)) await world.close();
  });
  async function world(...args: Parameters<typeof startWorld>): Promise<World> {
    const started = await startWorld(...args);
    running.push(started);
    return started;
  }

  it('connects with the app token, then /meet over the socket: ack first, the Meet, both messages, once per trigger', async () => {
    // A slow Meet API: the ack must not wait for it.
    const w = await world({}, 150);
    await w.app.start();
    const envelopesBefore = await scraped('meetbot_slack_socket_envelopes_total');
    const acksBefore = await scraped('meetbot_slack_ack_duration_seconds_count');

    expect(w.slack.callsTo('apps.connections.open').map((c) => c.token)).toEqual([appToken]);
    expect(w.socket.connections).toEqual([expect.objectContaining({ open: true })]);

    const { responseId, payload } = slashPayload(w, 'interview <@UINT|ian> candidate@example.com "Backend L2"');
    const { envelopeId, acked } = w.socket.send('slash_commands', payload);
    const ack = await acked;
    expect(ack.envelope_id).toBe(envelopeId);
    // Acked before anything reached the channel: the Meet is created after the ack.
    expect(w.slack.responses.filter((r) => r.id === responseId)).toEqual([]);
    expect(w.slack.channelMessages()).toEqual([]);

    const inChannel = await w.slack.waitFor(() => w.slack.channelMessages()[0]);
    const privately = await w.slack.waitFor(() =>
      postsTo(w, responseId, 'ephemeral').find((r) => JSON.stringify(r.body).includes(passcode)),
    );

    expect(createRequests(w)).toHaveLength(1);
    const request = createRequests(w)[0].body as { title: string; participants: Array<Record<string, unknown>> };
    expect(request.title).toBe('Backend L2');
    expect(request.participants).toEqual(
      expect.arrayContaining([
        {
          user: { firstName: 'Rita', lastName: 'Recruiter', email: 'rita@acme.com' },
          role: 'Admin',
          accessRules: [{ provider: 'Microsoft' }],
        },
        {
          user: { firstName: 'Ian', lastName: 'Interviewer', email: 'ian@acme.com' },
          role: 'PowerUser',
          accessRules: [{ provider: 'Microsoft' }],
        },
        expect.objectContaining({
          user: { email: 'candidate@example.com' },
          role: 'User',
          accessRules: [{ provider: 'Passcode', condition: passcode }],
        }),
      ]),
    );

    const meeting = w.sandbox.meetings.at(-1)!;
    const channel = JSON.stringify(inChannel.body);
    expect(channel).toContain('Backend L2');
    expect(channel).toContain('candidate@example.com');
    expect(channel).not.toContain(passcode);
    expect(buttons(inChannel.body.blocks)).toContainEqual(
      expect.objectContaining({ text: expect.objectContaining({ text: 'Join' }), url: meeting.joinUrl }),
    );

    const secret = JSON.stringify(privately.body);
    expect(secret).toContain(meeting.code);
    expect(secret).toContain(passcode);

    // Slack redelivers the same command (same trigger_id) in a new envelope: acked, no second Meet.
    const again = w.socket.send('slash_commands', slashPayload(w, payload.text, payload.trigger_id).payload);
    expect((await again.acked).envelope_id).toBe(again.envelopeId);
    await w.slack.waitFor(() => w.logs.find((l) => String(l.msg).includes('seen before: no second Meet')));
    expect(createRequests(w)).toHaveLength(1);
    expect(w.sandbox.meetings).toHaveLength(1);

    // Both envelopes counted, both acks timed (within Slack's 3 s), as the HTTP acks are.
    expect((await scraped('meetbot_slack_socket_envelopes_total')) - envelopesBefore).toBe(2);
    expect((await scraped('meetbot_slack_ack_duration_seconds_count')) - acksBefore).toBe(2);
    expect(await scraped('meetbot_slack_ack_duration_seconds_bucket{le="2.5"}')).toBe(
      await scraped('meetbot_slack_ack_duration_seconds_count'),
    );

    // Neither the app token, nor the ticket, nor the passcode, nor Slack's token reached the log.
    const logText = JSON.stringify(w.logs);
    expect(logText).not.toContain(appToken);
    expect(logText).not.toContain(botToken);
    expect(logText).not.toContain(w.socket.connections[0].ticket);
    expect(logText).not.toContain(passcode);
    expect(logText).not.toContain('legacy-verification-token');
  });

  it('stop() closes the socket normally and does not reconnect', async () => {
    const w = await world();
    await w.app.start();
    await w.app.stop();
    // The bot closed it (close code 1000, a normal closure), not the fake; the fake sees it moments later.
    await w.socket.waitFor(() => !w.socket.connections[0].open, 'the close');
    expect(w.socket.connections).toEqual([expect.objectContaining({ open: false, closeCode: 1000 })]);
    // Nothing left to reconnect with: a second stop is harmless, and no ticket was asked for again.
    await w.app.stop();
    expect(w.slack.callsTo('apps.connections.open')).toHaveLength(1);
  });

  it('reconnects with a fresh URL when Slack asks (type disconnect), and /meet works on the new socket', async () => {
    const w = await world();
    await w.app.start();
    w.socket.requestReconnect();
    const second = await w.socket.waitForConnection(2);
    expect(second.open).toBe(true);
    expect(w.socket.connections[0].open).toBe(false);
    expect(w.slack.callsTo('apps.connections.open')).toHaveLength(2);

    const { responseId, payload } = slashPayload(w, 'help');
    await w.socket.send('slash_commands', payload).acked;
    const reply = await w.slack.waitFor(() => w.slack.responses.find((r) => r.id === responseId));
    expect(reply.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.body)).toContain('/meet');
  });

  it('reconnects after the connection drops (no close handshake)', async () => {
    const w = await world();
    await w.app.start();
    w.socket.dropConnection();
    await w.socket.waitForConnection(2);
    expect(w.socket.connections.map((c) => c.open)).toEqual([false, true]);

    const { responseId, payload } = slashPayload(w, 'help');
    await w.socket.send('slash_commands', payload).acked;
    await w.slack.waitFor(() => w.slack.responses.find((r) => r.id === responseId));
  });

  it('an app token Slack refuses: start() fails with what to do, without the token', async () => {
    const w = await world();
    w.slack.failNext('apps.connections.open', 'invalid_auth');
    const failure = await w.app.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('config_invalid');
    expect((failure as AppError).message).toMatch(/SLACK_APP_TOKEN \(invalid_auth\).*connections:write/);
    expect((failure as AppError).message).not.toContain(appToken);
    expect(w.socket.connections).toEqual([]);
  });

  it('refuses Socket Mode without SLACK_BOT_TOKEN, saying why, before connecting', async () => {
    const attempt = world({ botToken: undefined });
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toThrow(/Socket Mode \(SLACK_APP_TOKEN\) needs SLACK_BOT_TOKEN/);
    // startWorld closed its fakes itself.
  });
});
