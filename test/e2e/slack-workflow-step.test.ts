import { escapeControl } from '../../src/slack/escape';
import { eventually } from '../fixtures/eventually';
import { type Harness, startHarness } from './slack-harness';

/**
 * Workflow Builder's "Create a Meet" step end to end: Slack's function_executed event through the
 * real Bolt `app.function` listener, the create use case against the Meet sandbox, and what Slack
 * received (functions.completeSuccess / completeError, the organizer's direct message).
 */

let seq = 0;

/** function_executed as Slack sends it for our step; a redelivery repeats `executionId`. */
function stepExecuted(inputs: Record<string, unknown>, executionId = `Fx${++seq}${Date.now()}`) {
  return {
    type: 'function_executed',
    function: {
      id: 'Fn0CREATE',
      callback_id: 'create_meet',
      title: 'Create a Meet',
      type: 'app',
      app_id: 'A0001',
      input_parameters: [],
      output_parameters: [],
      date_created: 1,
      date_updated: 1,
      date_deleted: 0,
    },
    inputs,
    function_execution_id: executionId,
    workflow_execution_id: `Wx${executionId}`,
    event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    bot_access_token: `xwfp-7351-${executionId}-9fa13c2e0b1d`,
  };
}

const interviewInputs = {
  template: 'interview',
  title: 'Backend interview: Jane',
  organizer: 'UREC',
  people: ['UINT'],
  outside_emails: 'jane@example.com',
  duration: 45,
  guest_access: 'default',
};

describe('Slack Workflow Builder: the Create a Meet step', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ watching: true, passcodes: ['48151623', '42424242'] });
  });
  afterEach(() => h.close());

  const createdRequests = () => h.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/meetings');
  const resultsOf = (executionId: string) => h.slack.functionResults.filter((r) => r.executionId === executionId);

  it('creates one Meet with the right people, completes with its join URL and code, passcodes only to the organizer', async () => {
    const event = stepExecuted(interviewInputs);
    const sent = await h.event(event);
    expect(sent.status).toBe(200);
    const result = await h.slack.waitFor(() => resultsOf(event.function_execution_id)[0]);

    expect(h.sandbox.meetings).toHaveLength(1);
    const meeting = h.sandbox.meetings[0];
    expect(result).toEqual({
      executionId: event.function_execution_id,
      outputs: { join_url: meeting.joinUrl, meet_code: meeting.code },
      // Completed with the execution's own token, as Slack requires.
      token: event.bot_access_token,
    });
    const request = createdRequests()[0].body as { title: string; participants: unknown[]; schedulingInfo?: unknown };
    expect(request.title).toBe('Backend interview: Jane');
    expect(request.schedulingInfo).toEqual({ duration: 45 });
    expect(request.participants).toEqual([
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
      {
        user: { email: 'jane@example.com' },
        role: 'User',
        accessRules: [{ provider: 'Passcode', condition: '48151623' }],
      },
    ]);

    // The organizer's direct message has the Meet code and the passcode; nothing else was posted.
    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts.map((p) => p.args.channel)).toEqual(['UREC']);
    expect(JSON.stringify(posts[0].args)).toContain(meeting.code);
    expect(JSON.stringify(posts[0].args)).toContain('48151623');
    expect(h.slack.responses).toEqual([]);
    expect(JSON.stringify(h.slack.functionResults)).not.toContain('48151623');

    // Watched like every Meet from chat: its pasted link unfurls with its details here.
    await eventually(async () => h.store.findWatch(meeting.code), 'the watch');
    await h.event({
      type: 'link_shared',
      channel: 'C0HIRING',
      is_bot_user_member: true,
      user: 'UREC',
      message_ts: '1.000200',
      source: 'conversations_history',
      links: [{ domain: 'meet.rs', url: meeting.joinUrl }],
      event_ts: '1.000200',
    });
    const unfurl = await h.slack.waitFor(() => h.slack.unfurls[0]);
    expect(JSON.stringify(unfurl)).toContain('Backend interview: Jane');
    expect(JSON.stringify(unfurl)).toContain('organized by <@UREC>');
    h.capture.assertNoLeaks([event.bot_access_token]);
  });

  it('guests with a passcode: the generated guest passcode goes to the organizer alone, never to the outputs', async () => {
    const event = stepExecuted({ ...interviewInputs, guest_access: 'passcode', outside_emails: 'jane@gmail.com' });
    await h.event(event);
    const result = await h.slack.waitFor(() => resultsOf(event.function_execution_id)[0]);
    const meeting = h.sandbox.meetings[0];
    expect(result.outputs).toEqual({ join_url: meeting.joinUrl, meet_code: meeting.code });
    const guest = (createdRequests()[0].body as { participants: Array<Record<string, unknown>> }).participants.at(-1);
    expect(guest).toMatchObject({ role: 'Guest', accessRules: [{ provider: 'Passcode', condition: '48151623' }] });
    const dm = await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').find((p) => p.args.channel === 'UREC'));
    expect(JSON.stringify(dm.args)).toContain('Guest passcode');
    expect(JSON.stringify(dm.args)).toContain('48151623');
    expect(JSON.stringify(h.slack.functionResults)).not.toContain('48151623');
  });

  it('a webcast with an addon configuration: the same request to the Meet API as the same /meet typed by the organizer', async () => {
    const event = stepExecuted({
      template: 'webcast',
      title: 'All hands',
      organizer: 'UREC',
      people: ['UINT'],
      outside_emails: 'listener@example.org',
      guest_access: 'default',
      addon_configuration: 'Webcast',
    });
    await h.event(event);
    const result = await h.slack.waitFor(() => resultsOf(event.function_execution_id)[0]);
    expect(result.outputs).toEqual({ join_url: h.sandbox.meetings[0].joinUrl, meet_code: h.sandbox.meetings[0].code });

    const typed = await h.slash('webcast <@UINT|ian> listener@example.org "All hands" config:Webcast');
    await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === typed.responseId));
    const [fromStep, fromCommand] = createdRequests().map((r) => r.body as Record<string, unknown>);
    expect(fromCommand).toBeDefined();
    const webcastConfig = (await h.meet.listAddonConfigurations()).find((c) => c.name === 'Webcast');
    expect(fromStep.addonConfigurationId).toBe(webcastConfig?.id);
    // The same request but for the passcodes, which each create generates afresh.
    const withoutPasscodes = (body: Record<string, unknown>) =>
      JSON.parse(JSON.stringify(body).replace(/"condition":"\d+"/g, '"condition":"(passcode)"'));
    expect(JSON.stringify(fromStep)).toContain('"condition":"');
    expect(withoutPasscodes(fromStep)).toEqual(withoutPasscodes(fromCommand));
  });

  it('a redelivered execution creates nothing more and completes with the same outputs', async () => {
    const event = stepExecuted({ ...interviewInputs, title: 'Delivered twice' });
    // Twice at once (Slack retried before the first finished), then once more afterwards.
    await Promise.all([h.event(event), h.event(event)]);
    await h.slack.waitFor(() => resultsOf(event.function_execution_id)[0]);
    // Once the first delivery has recorded its Meet, a later one completes again with the same outputs.
    await eventually(
      async () => (await h.store.listMeetsByUser({ platform: 'slack', userId: 'UREC', limit: 5 })).length === 1,
      'the Meet recorded',
    );
    const before = resultsOf(event.function_execution_id).length;
    await h.event(event);
    await h.slack.waitFor(() => resultsOf(event.function_execution_id).length > before);

    expect(h.sandbox.meetings).toHaveLength(1);
    const meeting = h.sandbox.meetings[0];
    const results = resultsOf(event.function_execution_id);
    for (const result of results) {
      expect(result.outputs).toEqual({ join_url: meeting.joinUrl, meet_code: meeting.code });
    }
    expect(h.slack.callsTo('functions.completeError')).toEqual([]);
    expect(h.slack.callsTo('chat.postMessage').filter((p) => p.args.channel === 'UREC')).toHaveLength(1);
  });

  it.each([
    [
      'an invalid outside email',
      { outside_emails: 'jane@example.com, not-an-email' },
      '"not-an-email" is not a valid email address. Type it like bob@example.com.',
    ],
    [
      'no organizer',
      { organizer: undefined },
      'The step has no organizer: pick the person who organizes the Meet in its Organizer field.',
    ],
    ['a template Meet does not have', { template: 'party' }, '"party" is not a template.'],
    ['a guest choice Meet does not have', { guest_access: 'everyone' }, '"everyone" is not a guest access choice.'],
    [
      'a duration of 0',
      { duration: 0 },
      "A Meet can't last 0 minutes (0). Write it like 45m, 1h, 1h30m or duration:45 (minutes).",
    ],
    [
      // The person by id, as the modal names them (a command names them as typed).
      'a colleague without an email',
      { people: ['UNOMAIL'] },
      'ghost (UNOMAIL) has no email address meetbot can see (a bot, a deactivated account, or a missing permission), so no Meet was created. Leave them out or use their email.',
    ],
    [
      // The modal's words: the step, like the form, has a field for it.
      'an interview without a candidate',
      { outside_emails: '' },
      'An interview needs a candidate: add their email under outside emails.',
    ],
  ])('%s fails the step with a clear message, and creates no Meet', async (_name, change, message) => {
    const event = stepExecuted({ ...interviewInputs, ...change });
    await h.event(event);
    const result = await h.slack.waitFor(() => resultsOf(event.function_execution_id)[0]);
    expect(result).toEqual({ executionId: event.function_execution_id, error: message, token: event.bot_access_token });
    expect(h.sandbox.meetings).toHaveLength(0);
    expect(h.slack.callsTo('functions.completeSuccess')).toEqual([]);
  });

  it('a mistake found when planning (an unknown addon configuration) fails with the words /meet shows', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ addon_configuration: 'Karaoke night' }, 'interview <@UINT|ian> jane@example.com config:"Karaoke night"'],
    ];
    for (const [change, typed] of cases) {
      const sent = await h.slash(typed);
      const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
      const event = stepExecuted({ ...interviewInputs, ...change });
      await h.event(event);
      const result = await h.slack.waitFor(() => resultsOf(event.function_execution_id)[0]);
      // The reply's notification text is the message, with Slack's control characters escaped.
      expect(escapeControl(result.error ?? '')).toBe(reply.body.text);
    }
    expect(h.sandbox.meetings).toHaveLength(0);
    expect(h.slack.callsTo('functions.completeSuccess')).toEqual([]);
  });

  it('a Meet API failure fails the step with what happened and a reference id, never a stack', async () => {
    h.sandbox.injectFault({ method: 'POST', path: '/v1/meetings', status: 400, times: 1 });
    const event = stepExecuted(interviewInputs);
    await h.event(event);
    const result = await h.slack.waitFor(() => resultsOf(event.function_execution_id)[0]);
    expect(result.error).toMatch(/Reference: [A-Za-z0-9-]+\)$/);
    expect(result.error).not.toMatch(/\bat .+\.(ts|js):\d+|Error:/);
    const referenceId = /Reference: ([A-Za-z0-9-]+)\)/.exec(result.error ?? '')?.[1];
    expect(h.logs.some((l) => l.referenceId === referenceId)).toBe(true);
    expect(result.error).toMatch(
      /^Meet did not accept the request(: .+)?\. Check what you typed\. If it keeps happening/,
    );
    expect(JSON.stringify(result)).not.toContain('48151623');
    expect(h.slack.callsTo('functions.completeSuccess')).toEqual([]);
  });
});
