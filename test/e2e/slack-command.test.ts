import { checkMessage } from '../../src/slack/limits';
import { eventually } from '../fixtures/eventually';
import { type Harness, startHarness } from './slack-harness';

function texts(message: Record<string, unknown>): string {
  return JSON.stringify(message);
}

describe('Slack /meet end to end', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ passcodes: ['48151623', '42424242'] });
  });
  afterAll(() => h.close());

  const createdRequests = () => h.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/meetings');

  it('creates the interview: the Meet API request, the channel message, the private message', async () => {
    const before = createdRequests().length;
    const shown = h.slack.channelMessages().length;
    const sent = await h.slash('interview <@UINT|ian> jane@example.com "Backend interview"');
    expect(sent.status).toBe(200);

    // Posted with the bot token, so the watcher can change it later.
    const inChannel = await h.slack.waitFor(() => h.slack.channelMessages()[shown]);
    expect(inChannel).toMatchObject({ via: 'bot', channel: 'C0CHAN' });
    const privately = await h.slack.waitFor(() =>
      h.slack.responses.find((r) => r.id === sent.responseId && r.body.response_type === 'ephemeral'),
    );

    expect(createdRequests()).toHaveLength(before + 1);
    const request = createdRequests().at(-1)?.body as { title: string; participants: Array<Record<string, unknown>> };
    expect(request.title).toBe('Backend interview');
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
          user: { email: 'jane@example.com' },
          role: 'User',
          accessRules: [{ provider: 'Passcode', condition: '48151623' }],
        }),
      ]),
    );

    const meeting = h.sandbox.meetings.at(-1)!;
    const channel = texts(inChannel.body);
    expect(channel).toContain('Backend interview');
    expect(channel).toContain(meeting.joinUrl);
    expect(channel).toContain('<@UREC>');
    expect(channel).toContain('<@UINT>');
    expect(channel).toContain('jane@example.com');
    expect(channel).toContain('Interview');
    expect(channel).not.toContain('48151623');
    expect(channel).not.toMatch(/Code:/);
    expect(checkMessage(inChannel.body as { text: string; blocks: unknown[] })).toEqual([]);

    const secret = texts(privately.body);
    expect(secret).toContain(meeting.code);
    expect(secret).toContain('48151623');

    // The audit row is written after the Meet was delivered.
    const audit = await eventually(async () => {
      const rows = await h.store.listMeetsByUser({ platform: 'slack', userId: 'UREC', limit: 5 });
      return rows[0]?.meetCode === meeting.code ? rows : undefined;
    }, 'the audit row');
    expect(audit[0]).toMatchObject({
      meetCode: meeting.code,
      title: 'Backend interview',
      template: 'interview',
      channelId: 'C0CHAN',
    });
    expect(JSON.stringify(audit)).not.toContain('48151623');
    expect(JSON.stringify(h.logs)).not.toContain('48151623');
  });

  it('never shows a guest passcode in the channel', async () => {
    const shown = h.slack.channelMessages().length;
    const sent = await h.slash('meeting <@UBOB> guests:77331122 "Standup"');
    const inChannel = await h.slack.waitFor(() => h.slack.channelMessages()[shown]);
    const privately = await h.slack.waitFor(() =>
      h.slack.responses.find((r) => r.id === sent.responseId && r.body.response_type === 'ephemeral'),
    );
    expect(texts(inChannel.body)).not.toContain('77331122');
    expect(texts(inChannel.body)).toContain('passcode');
    expect(texts(privately.body)).toContain('77331122');
  });

  it('escapes mrkdwn in titles: no @channel ping, no mention, no link, no formatting', async () => {
    const title = '<!channel> *urgent* <@UINT> <https://evil.example|click> @here _x_ ~y~ `z`';
    const shown = h.slack.channelMessages().length;
    await h.slash(`meeting <@UBOB> "${title}"`);
    const inChannel = await h.slack.waitFor(() => h.slack.channelMessages()[shown]);
    const body = inChannel.body as { text: string; blocks: Array<Record<string, unknown>> };
    const mrkdwn = [body.text, ...JSON.stringify(body.blocks).matchAll(/"type":"mrkdwn","text":"((?:[^"\\]|\\.)*)"/g)]
      .map((m) => (typeof m === 'string' ? m : m[1]))
      .join('\n');
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).not.toContain('<https://evil.example');
    expect(mrkdwn).not.toMatch(/@here/);
    expect(mrkdwn).not.toMatch(/\*urgent\*/);
    expect(body.text).toContain('&lt;!channel&gt;');
    // The title itself still reads the same in the plain_text header.
    const header = body.blocks.find((b) => b.type === 'header') as { text: { type: string; text: string } };
    expect(header.text.type).toBe('plain_text');
    expect(header.text.text).toBe(title);
  });

  it('asks Slack auth.test once, not before every ack', async () => {
    for (const text of ['help', 'configs', 'help']) {
      const sent = await h.slash(text);
      await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    }
    expect(h.slack.callsTo('auth.test')).toHaveLength(1);
  });

  it('creates one Meet for the same trigger_id sent twice', async () => {
    const before = h.sandbox.meetings.length;
    const shown = h.slack.channelMessages().length;
    const first = await h.slash('meeting <@UBOB> "Twice"', { triggerId: 'trigger.same.1' });
    const second = await h.slash('meeting <@UBOB> "Twice"', { triggerId: 'trigger.same.1' });
    expect([first.status, second.status]).toEqual([200, 200]);
    await h.slack.waitFor(() => h.slack.channelMessages()[shown]);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.sandbox.meetings.length).toBe(before + 1);
    expect(h.slack.channelMessages()).toHaveLength(shown + 1);
  });

  it('bad input creates nothing and explains privately', async () => {
    const before = createdRequests().length;
    const sent = await h.slash('interview <@UINT>');
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    expect(reply.body.response_type).toBe('ephemeral');
    expect(texts(reply.body)).toMatch(/candidate/i);
    expect(createdRequests().length).toBe(before);
  });

  it('a person without an email is named, and nothing is created', async () => {
    const before = createdRequests().length;
    const sent = await h.slash('meeting <@UNOMAIL|ghost>');
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    expect(reply.body.response_type).toBe('ephemeral');
    expect(texts(reply.body)).toMatch(/ghost.*no email address/);
    expect(createdRequests().length).toBe(before);
  });

  it('a 500 from the Meet API: one attempt, a private message with a reference id that is in the log', async () => {
    h.sandbox.injectFault({ method: 'POST', path: '/v1/meetings', status: 500, body: { title: 'boom' } });
    const before = createdRequests().length;
    const shown = h.slack.channelMessages().length;
    const sent = await h.slash('meeting <@UBOB> "Doomed"');
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    expect(reply.body.response_type).toBe('ephemeral');
    const ref = /Reference: `([a-z0-9]{8})`/.exec(texts(reply.body))?.[1];
    expect(ref).toBeDefined();
    expect(h.logs.some((l) => l.referenceId === ref && l.level === 50)).toBe(true);
    expect(texts(reply.body)).not.toMatch(/at \w+ \(|\.ts:\d+/);
    expect(createdRequests().length).toBe(before + 1);
    expect(h.slack.channelMessages()).toHaveLength(shown);
  });

  it.each([
    ['usage last week', /Usage: last week/],
    ['feedback 30d', /Feedback: 30d/],
    ['configs', /Addon configurations/],
    ['help', /\/meet/],
    ['digest weekly monday 09:00', /not set up/],
  ])('/meet %s answers privately in Block Kit within limits', async (text, expected) => {
    const sent = await h.slash(text);
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.error).toBeUndefined();
    expect(texts(reply.body)).toMatch(expected);
  });
});
