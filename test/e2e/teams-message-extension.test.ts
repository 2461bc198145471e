import { cardProblems } from '../teams/validate-card';
import { activity, alice, startTeamsHarness, type TeamsHarness } from './teams-harness';

const channelId = '19:general@thread.tacv2';

function invoke(h: TeamsHarness, name: string, value: unknown) {
  return activity(h.connector, { type: 'invoke', name, value, text: undefined });
}

function submit(h: TeamsHarness, data: Record<string, string>) {
  return invoke(h, 'composeExtension/submitAction', {
    commandId: 'createMeet',
    commandContext: 'compose',
    data: { action: 'createMeet', ...data },
  });
}

// biome-ignore lint/suspicious/noExplicitAny: invoke response bodies
type Body = any;

describe('Teams message extension: Create a Meet', () => {
  let h: TeamsHarness;
  afterEach(async () => {
    await h.close();
  });

  test('fetchTask returns the form, with the API default addon configuration preselected', async () => {
    h = await startTeamsHarness();
    const res = await h.post(
      invoke(h, 'composeExtension/fetchTask', { commandId: 'createMeet', commandContext: 'compose' }),
    );
    expect(res.status).toBe(200);
    const body = res.body as Body;
    expect(body.task).toMatchObject({ type: 'continue', value: { title: 'Create a Meet' } });
    const card = body.task.value.card.content;
    expect(cardProblems(card)).toEqual([]);
    const ids = card.body.map((e: { id?: string }) => e.id).filter(Boolean);
    expect(ids).toEqual([
      'template',
      'title',
      'description',
      'people',
      'emails',
      'config',
      'guests',
      'guestPasscode',
      'duration',
      'date',
      'time',
    ]);
    const configs = await h.meet.listAddonConfigurations();
    const config = card.body.find((e: { id?: string }) => e.id === 'config');
    expect(config.choices.map((c: { value: string }) => c.value)).toEqual(configs.map((c) => c.id));
    expect(config.value).toBe(configs.find((c) => c.isDefault)?.id);
    const people = card.body.find((e: { id?: string }) => e.id === 'people');
    expect(people).toMatchObject({
      isMultiSelect: true,
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
  });

  test('invalid input shows the form again with the error on its field, and creates nothing', async () => {
    h = await startTeamsHarness();
    const res = await h.post(
      submit(h, { template: 'interview', title: 'Backend L2', emails: 'candidate@x.com, not-an-email' }),
    );
    const body = res.body as Body;
    expect(body.task.type).toBe('continue');
    const card = body.task.value.card.content;
    expect(cardProblems(card)).toEqual([]);
    const emailsAt = card.body.findIndex((e: { id?: string }) => e.id === 'emails');
    expect(card.body[emailsAt]).toMatchObject({ value: 'candidate@x.com, not-an-email' });
    expect(card.body[emailsAt + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(card.body[emailsAt + 1].text).toBe(
      '"not-an-email" is not a valid email address. Type it like bob@example.com.',
    );
    expect(card.body.find((e: { id?: string }) => e.id === 'title').value).toBe('Backend L2');
    expect(h.sandbox.meetings).toHaveLength(0);
  });

  test("an interview without a candidate: the planner's error is shown in the form", async () => {
    h = await startTeamsHarness();
    const res = await h.post(submit(h, { template: 'interview', people: alice.aadObjectId }));
    const card = (res.body as Body).task.value.card.content;
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/candidate/i);
    expect(h.sandbox.meetings).toHaveLength(0);
  });

  test('submitAction creates the Meet and inserts its card; passcodes go to the creator alone', async () => {
    h = await startTeamsHarness();
    const configs = await h.meet.listAddonConfigurations();
    const res = await h.post(
      submit(h, {
        template: 'interview',
        title: 'Backend L2',
        people: alice.aadObjectId,
        emails: 'candidate@x.com',
        config: configs[0].id,
        guests: 'none',
        duration: '45',
      }),
    );
    const body = res.body as Body;
    expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const card = body.composeExtension.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const meeting = h.sandbox.meetings[0];
    expect(card.actions[0].url).toBe(meeting.joinUrl);
    expect(JSON.stringify(card)).toContain('<at>Alice Smith</at>');
    expect(JSON.stringify(card)).not.toContain('40000001');

    const request = h.sandbox.requests.find((r) => r.method === 'POST' && r.path === '/v1/meetings');
    expect(request?.body).toMatchObject({
      title: 'Backend L2',
      addonConfigurationId: configs[0].id,
      schedulingInfo: { duration: 45 },
      participants: expect.arrayContaining([
        expect.objectContaining({ role: 'PowerUser', user: expect.objectContaining({ email: alice.email }) }),
        {
          user: { email: 'candidate@x.com' },
          role: 'User',
          accessRules: [{ provider: 'Passcode', condition: '40000001' }],
        },
      ]),
    });
    // Nothing is posted to the channel by the bot: the person sends the inserted card.
    expect(h.connector.sent.filter((s) => s.conversationId === channelId)).toHaveLength(0);
    const privately = h.connector.sent.filter((s) => s.conversationId === h.connector.conversations[0]?.id);
    expect(privately).toHaveLength(1);
    expect(JSON.stringify(privately[0].activity)).toContain('40000001');
    expect(cardProblems(privately[0].activity.attachments[0].content)).toEqual([]);
  });

  test('a slow Meet API: answered in time with a "being created" card, the result posted when it arrives', async () => {
    h = await startTeamsHarness({ invokeDeadlineMs: 200 });
    h.sandbox.injectFault({ method: 'POST', path: '/v1/meetings', delayMs: 1200 });
    const res = await h.post(submit(h, { template: 'meeting', title: 'Slow one', emails: 'guest@example.org' }));
    const body = res.body as Body;
    expect(body.task.type).toBe('continue');
    const notice = body.task.value.card.content;
    expect(cardProblems(notice)).toEqual([]);
    expect(JSON.stringify(notice)).toContain('being created');
    expect(h.sandbox.meetings).toHaveLength(0);

    const sent = await h.connector.waitForSent(2);
    const inChannel = sent.filter((s) => s.conversationId === channelId);
    expect(inChannel).toHaveLength(1);
    expect(inChannel[0].replyToId).toBeUndefined();
    const card = inChannel[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions[0].url).toBe(h.sandbox.meetings[0].joinUrl);
    expect(JSON.stringify(card)).not.toContain('40000001');
    const privately = sent.filter((s) => s.conversationId !== channelId);
    expect(JSON.stringify(privately[0].activity)).toContain('40000001');
  });

  test('a slow Meet API in a 1:1 chat: the late results are new messages there, not replies to an event botbuilder made up', async () => {
    h = await startTeamsHarness({ invokeDeadlineMs: 200 });
    h.sandbox.injectFault({ method: 'POST', path: '/v1/meetings', delayMs: 1200 });
    const late = activity(h.connector, {
      type: 'invoke',
      name: 'composeExtension/submitAction',
      value: {
        commandId: 'createMeet',
        commandContext: 'compose',
        data: { action: 'createMeet', template: 'meeting', title: 'Slow 1:1', emails: 'guest@example.org' },
      },
      text: undefined,
      conversationType: 'personal',
    });
    const res = await h.post(late);
    expect(JSON.stringify(res.body)).toContain('being created');

    const sent = await h.connector.waitForSent(2);
    expect(sent.map((s) => s.conversationId)).toEqual(['a:1on1-29:bob', 'a:1on1-29:bob']);
    // Both posted to the conversation: a reply would name an activity that never existed in it.
    expect(sent.map((s) => s.replyToId)).toEqual([undefined, undefined]);
    expect(JSON.stringify(sent[0].activity)).toContain('Slow 1:1');
    expect(JSON.stringify(sent[1].activity)).toContain('40000001');
  });

  test('a redelivered submit creates no second Meet', async () => {
    h = await startTeamsHarness();
    const once = submit(h, { template: 'meeting', title: 'Once', emails: 'guest@example.org' });
    await h.post(once);
    const again = await h.post(once);
    expect(h.sandbox.meetings).toHaveLength(1);
    expect((again.body as Body).task).toMatchObject({ type: 'message' });
  });
});
