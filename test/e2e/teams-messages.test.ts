import { activityKey } from '../../src/teams/create-meet';
import { cardProblems } from '../teams/validate-card';
import {
  activity,
  alice,
  bob,
  botAccount,
  mention,
  startTeamsHarness,
  type TeamsHarness,
  tenantId,
} from './teams-harness';

const channelId = '19:general@thread.tacv2';
const interviewText = (h: TeamsHarness) => {
  const me = mention(botAccount);
  const al = mention(alice);
  return activity(h.connector, {
    text: `${me.text} interview ${al.text} candidate@x.com "Backend L2"`,
    entities: [me.entity, al.entity],
  });
};

function cardsOf(sent: Array<{ activity: { attachments?: Array<{ content: unknown }> } }>) {
  return sent.flatMap((s) => (s.activity.attachments ?? []).map((a) => a.content));
}

describe('Teams messages, end to end', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await startTeamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  test('the interview example: the Meet API request, the channel card, the passcodes in a private chat', async () => {
    const res = await h.post(interviewText(h));
    expect(res.status).toBe(200);

    const created = h.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/meetings');
    expect(created).toHaveLength(1);
    expect(created[0].body).toEqual({
      title: 'Backend L2',
      participants: expect.arrayContaining([
        {
          user: { firstName: 'Bob', lastName: 'Jones', email: bob.email },
          role: 'Admin',
          accessRules: [{ provider: 'Microsoft' }],
        },
        {
          user: { firstName: 'Alice', lastName: 'Smith', email: alice.email },
          role: 'PowerUser',
          accessRules: [{ provider: 'Microsoft', condition: alice.userPrincipalName }],
        },
        {
          user: { email: 'candidate@x.com' },
          role: 'User',
          accessRules: [{ provider: 'Passcode', condition: '40000001' }],
        },
      ]),
    });
    expect((created[0].body as { participants: unknown[] }).participants).toHaveLength(3);
    const meeting = h.sandbox.meetings[0];

    const inChannel = h.connector.sent.filter((s) => s.conversationId === channelId);
    expect(inChannel).toHaveLength(1);
    const card = inChannel[0].activity.attachments[0].content;
    const text = JSON.stringify(card);
    expect(card.body[0].text).toBe('Backend L2');
    expect(card.actions[0]).toMatchObject({ type: 'Action.OpenUrl', title: 'Join', url: meeting.joinUrl });
    expect(card.body).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'Recruiter', value: '<at>Bob Jones</at>' },
        { title: 'Interviewer', value: '<at>Alice Smith</at>' },
        { title: 'Candidate', value: 'candidate@x.com' },
      ].map((f) => expect.objectContaining({ value: f.value })),
    });
    expect(text).toContain('Interview');
    expect(text).not.toContain('40000001');

    expect(h.connector.conversations).toHaveLength(1);
    expect(h.connector.conversations[0].params).toMatchObject({
      isGroup: false,
      members: [expect.objectContaining({ id: bob.id })],
      channelData: { tenant: { id: tenantId } },
    });
    const privately = h.connector.sent.filter((s) => s.conversationId === h.connector.conversations[0].id);
    expect(privately).toHaveLength(1);
    const secret = JSON.stringify(privately[0].activity);
    expect(secret).toContain('40000001');
    expect(secret).toContain(meeting.code);

    for (const c of cardsOf(h.connector.sent)) expect(cardProblems(c)).toEqual([]);
    // Without an app id the bot sends no token to the connector.
    expect(h.connector.requests.every((r) => r.authorization === undefined)).toBe(true);
  });

  test('a redelivered activity (same id) creates no second Meet and sends nothing more', async () => {
    const first = interviewText(h);
    expect((await h.post(first)).status).toBe(200);
    const sentBefore = h.connector.sent.length;
    expect((await h.post(first)).status).toBe(200);
    expect(h.sandbox.meetings).toHaveLength(1);
    expect(h.connector.sent).toHaveLength(sentBefore);
  });

  test('activity ids are unique per conversation only: the same id in two conversations gives two Meets', async () => {
    const inChannel = activity(h.connector, { id: 'shared-id-1', text: 'meeting guest@example.org "Channel sync"' });
    const inChat = activity(h.connector, {
      id: 'shared-id-1',
      conversationType: 'personal',
      text: 'meeting other@example.org "Chat sync"',
    });
    expect((await h.post(inChannel)).status).toBe(200);
    expect((await h.post(inChat)).status).toBe(200);
    expect(h.sandbox.meetings.map((m) => m.title)).toEqual(['Channel sync', 'Chat sync']);
    // And each one is still recognised when redelivered.
    await h.post(inChat);
    expect(h.sandbox.meetings).toHaveLength(2);
  });

  test('in a 1:1 chat, the same command without the mention, and both cards right there', async () => {
    const res = await h.post(
      activity(h.connector, { conversationType: 'personal', text: 'meeting guest@example.org "Weekly sync"' }),
    );
    expect(res.status).toBe(200);
    expect(h.sandbox.meetings).toHaveLength(1);
    expect(h.connector.conversations).toHaveLength(0);
    expect(h.connector.sent.map((s) => s.conversationId)).toEqual(['a:1on1-29:bob', 'a:1on1-29:bob']);
    expect(JSON.stringify(h.connector.sent[0].activity)).toContain('Weekly sync');
    expect(JSON.stringify(h.connector.sent[1].activity)).toContain('40000001');
  });

  test.each(['help', 'usage last week', 'feedback 30d', 'configs'])('"%s" replies with a valid card', async (text) => {
    const me = mention(botAccount);
    await h.post(activity(h.connector, { text: `${me.text} ${text}`, entities: [me.entity] }));
    const sent = h.connector.sent.filter((s) => s.conversationId === channelId);
    expect(sent).toHaveLength(1);
    const [card] = cardsOf(sent);
    expect(cardProblems(card)).toEqual([]);
    expect(h.sandbox.meetings).toHaveLength(0);
  });

  test('help says how to call the bot in Teams (@Meet help, or help in a 1:1 chat), not Slack’s /meet', async () => {
    const me = mention(botAccount);
    await h.post(activity(h.connector, { text: `${me.text} help`, entities: [me.entity] }));
    await h.post(activity(h.connector, { text: 'help', conversationType: 'personal' }));
    const cards = cardsOf(h.connector.sent);
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      const text = JSON.stringify(card);
      expect(text).toMatch(/mention me first: `?@Meet help`?/);
      expect(text).toMatch(/1:1 chat just type `?help`?/);
      expect(text).not.toMatch(/Without anything else, `?\/meet/);
    }
  });

  test('help and reports cost no idempotency claim (only a create does: answering twice creates nothing)', async () => {
    const help = activity(h.connector, { text: 'help' });
    const create = interviewText(h);
    await h.post(help);
    await h.post(create);
    const ttl = 60_000;
    expect(
      await h.store.claimIdempotency(activityKey(help as { id: string; conversation: { id: string } }) as string, ttl),
    ).toEqual({
      status: 'claimed',
    });
    expect(
      await h.store.claimIdempotency(
        activityKey(create as { id: string; conversation: { id: string } }) as string,
        ttl,
      ),
    ).toMatchObject({
      status: 'taken',
    });
  });

  test('a mistake typed in a channel is answered there, to the person who typed it, with the usage line; nothing is created', async () => {
    const typed = activity(h.connector, { text: 'interview "No candidate"' });
    await h.post(typed);
    expect(h.sandbox.meetings).toHaveLength(0);
    expect(h.connector.conversations).toHaveLength(0);
    const [answer] = h.connector.sent;
    expect(answer).toMatchObject({ conversationId: channelId, replyToId: typed.id });
    expect(answer.activity).toMatchObject({
      text: `<at>${bob.name}</at>`,
      entities: [{ type: 'mention', mentioned: { id: bob.id } }],
    });
    const card = answer.activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/candidate/i);
    expect(JSON.stringify(card)).toContain('Usage: @Meet interview');
  });

  test('a Meet API failure: a short explanation where it was typed, with a reference id, no stack trace, no passcode', async () => {
    h.sandbox.injectFault({ method: 'POST', path: '/v1/meetings', status: 500, times: Number.POSITIVE_INFINITY });
    await h.post(interviewText(h));
    const sent = h.connector.sent;
    expect(sent).toHaveLength(1);
    expect(sent[0].conversationId).toBe(channelId);
    const card = sent[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toMatch(/Reference: [a-z0-9]{8}/);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(text).not.toContain('40000001');
  });

  test('the conversation reference is stored and used for a proactive message', async () => {
    await h.post(activity(h.connector, { text: 'help' }));
    const record = await h.store.findTeamsConversation(channelId);
    expect(record?.tenantId).toBe(tenantId);
    expect(record?.reference).toMatchObject({ serviceUrl: h.connector.url, conversation: { id: channelId } });

    const { messageId } = await h.bot.sendToConversation(channelId, { text: 'Weekly digest', summary: 'digest' });
    const last = h.connector.sent.at(-1);
    expect(last).toMatchObject({ id: messageId, conversationId: channelId, activity: { text: 'Weekly digest' } });
    expect(last?.replyToId).toBeUndefined();

    await expect(h.bot.sendToConversation('19:never-seen@thread.v2', { text: 'x' })).rejects.toMatchObject({
      name: 'AppError',
      code: 'not_found',
    });
    h.connector.injectFailure({ status: 403, pathIncludes: '/activities' });
    await expect(h.bot.sendToConversation(channelId, { text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  test('a body that is not an activity gets 400, and the server keeps serving', async () => {
    expect((await h.postRaw('{not json')).status).toBe(400);
    expect((await h.post({ text: 'no type' })).status).toBe(400);
    expect((await h.post([1, 2])).status).toBe(400);
    expect((await h.post(activity(h.connector, { text: 'help' }))).status).toBe(200);
  });
});

describe('Teams authentication', () => {
  test('with an app id, a request without a token or with a bad one gets 401 and runs nothing', async () => {
    const h = await startTeamsHarness({
      config: {
        appId: '3f1c2a6e-8b9d-4e0f-a1b2-c3d4e5f60718',
        appPassword: 'secret',
        tenantId,
        appType: 'SingleTenant',
      },
    });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const none = await h.post(activity(h.connector, { text: 'help' }));
      expect(none).toEqual({ status: 401, body: { error: 'unauthorized' } });
      const bad = await h.post(activity(h.connector, { text: 'help' }), { authorization: 'Bearer not-a-jwt' });
      expect(bad).toEqual({ status: 401, body: { error: 'unauthorized' } });
      expect(h.connector.requests).toHaveLength(0);
      expect(await h.store.findTeamsConversation(channelId)).toBeUndefined();
    } finally {
      errors.mockRestore();
      await h.close();
    }
  });
});
