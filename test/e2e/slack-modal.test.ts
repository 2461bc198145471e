import { checkView } from '../../src/slack/limits';
import { eventually } from '../fixtures/eventually';
import { type Harness, startHarness, waitForChannelMessage } from './slack-harness';
import { base, submission } from './slack-modal-submission';

interface ViewBlock {
  type: string;
  block_id?: string;
  element: {
    options?: unknown[];
    initial_option: { value: string };
    initial_conversation?: string;
    initial_value?: string;
    initial_users?: string[];
  };
}
type View = { callback_id: string; blocks: ViewBlock[]; [k: string]: unknown };

describe('Slack Create-a-Meet modal, shortcuts and App Home', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ passcodes: ['11223344', '55667788', '99001122'] });
  });
  afterAll(() => h.close());

  it('/meet new opens the modal with the addon configurations, the default preselected', async () => {
    const sent = await h.slash('new', { triggerId: 'trigger.new' });
    expect(sent.status).toBe(200);
    const call = await h.slack.waitFor(() =>
      h.slack.callsTo('views.open').find((c) => c.args.trigger_id === 'trigger.new'),
    );
    const view = call.args.view as View;
    expect(view.callback_id).toBe('create_meet');
    expect(checkView(view)).toEqual([]);
    const configs = await h.meet.listAddonConfigurations();
    const config = view.blocks.find((b) => b.block_id === 'config');
    expect(config?.element.options).toHaveLength(Math.min(configs.length, 100));
    const wanted = configs.find((c) => c.isDefault);
    if (wanted) expect(config?.element.initial_option.value).toBe(wanted.id);
    const channel = view.blocks.find((b) => b.block_id === 'channel');
    expect(channel?.element.initial_conversation).toBe('C0CHAN');
  });

  it('the global shortcut opens the modal', async () => {
    const result = await h.interact({
      type: 'shortcut',
      callback_id: 'create_meet',
      trigger_id: 'trigger.global',
      user: { id: 'UREC', username: 'rita', team_id: 'T0001' },
      team: { id: 'T0001', domain: 'acme' },
      token: 'legacy',
      action_ts: '1',
    });
    expect(result.status).toBe(200);
    const call = await h.slack.waitFor(() =>
      h.slack.callsTo('views.open').find((c) => c.args.trigger_id === 'trigger.global'),
    );
    expect((call.args.view as View).callback_id).toBe('create_meet');
  });

  it('the message shortcut prefills the emails and people found in the message', async () => {
    await h.interact({
      type: 'message_action',
      callback_id: 'create_meet_from_message',
      trigger_id: 'trigger.message',
      user: { id: 'UREC', username: 'rita', team_id: 'T0001' },
      team: { id: 'T0001', domain: 'acme' },
      channel: { id: 'C0CHAN', name: 'hiring' },
      message: {
        type: 'message',
        ts: '1.1',
        text: 'Can <@UINT> meet <mailto:Jane@Example.com|Jane@Example.com> and bob@partner.io?',
      },
      response_url: h.slack.responseUrl('message-shortcut'),
      token: 'legacy',
      action_ts: '1',
    });
    const call = await h.slack.waitFor(() =>
      h.slack.callsTo('views.open').find((c) => c.args.trigger_id === 'trigger.message'),
    );
    const view = call.args.view as View;
    expect(view.blocks.find((b) => b.block_id === 'emails')?.element.initial_value).toBe(
      'jane@example.com, bob@partner.io',
    );
    expect(view.blocks.find((b) => b.block_id === 'people')?.element.initial_users).toEqual(['UINT']);
  });

  it('shows invalid input inline on the field and creates nothing', async () => {
    const before = h.sandbox.meetings.length;
    const bad = await h.interact(
      submission(
        {
          ...base,
          emails: { type: 'plain_text_input', value: 'jane@example.com not-an-email' },
          guests: { type: 'radio_buttons', selected_option: { value: 'passcode' } },
          guest_passcode: { type: 'plain_text_input', value: 'open sesame' },
        },
        'VBAD',
      ),
    );
    expect(bad.status).toBe(200);
    const body = JSON.parse(bad.body);
    expect(body.response_action).toBe('errors');
    expect(body.errors.emails).toContain('not-an-email');
    // The command's rule (guests:PASSCODE), and the passcode is never repeated back.
    expect(body.errors.guest_passcode).toMatch(/4–20 letters or digits/);
    expect(body.errors.guest_passcode).not.toContain('open sesame');

    const interview = JSON.parse(
      (
        await h.interact(
          submission({ ...base, template: { type: 'static_select', selected_option: { value: 'interview' } } }, 'VINT'),
        )
      ).body,
    );
    expect(interview.errors.emails).toMatch(/candidate/);

    const ghost = JSON.parse(
      (
        await h.interact(
          submission({ ...base, people: { type: 'multi_users_select', selected_users: ['UNOMAIL'] } }, 'VGHOST'),
        )
      ).body,
    );
    expect(ghost.errors.people).toMatch(/no email/);
    expect(h.sandbox.meetings.length).toBe(before);
  });

  it('a valid submission creates one Meet, even when submitted twice, and posts to the chosen channel', async () => {
    const before = h.sandbox.meetings.length;
    const values = {
      ...base,
      title: { type: 'plain_text_input', value: 'Design review' },
      people: { type: 'multi_users_select', selected_users: ['UINT'] },
      emails: { type: 'plain_text_input', value: 'jane@example.com' },
      guests: { type: 'radio_buttons', selected_option: { value: 'passcode' } },
      guest_passcode: { type: 'plain_text_input', value: 'OpenSesame42' },
    };
    const url = h.slack.responseUrl('modal-ok');
    const [first, second] = await Promise.all([
      h.interact(submission(values, 'VOK', url)),
      h.interact(submission(values, 'VOK', url)),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body === '' || JSON.parse(first.body).response_action === undefined).toBe(true);
    const inChannel = await waitForChannelMessage(h.slack, 'Design review');
    // Posted with the bot token in the channel picked in the form.
    expect(inChannel).toMatchObject({ via: 'bot', channel: 'C0CHAN' });
    const privately = await h.slack.waitFor(() =>
      h.slack.responses.find((r) => r.id === 'modal-ok' && r.body.response_type === 'ephemeral'),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(h.sandbox.meetings.length).toBe(before + 1);
    expect(JSON.stringify(inChannel.body)).toContain('Design review');
    expect(JSON.stringify(inChannel.body)).not.toContain('OpenSesame42');
    expect(JSON.stringify(privately.body)).toContain('OpenSesame42');
    const request = h.sandbox.requests.filter((r) => r.path === '/v1/meetings' && r.method === 'POST').at(-1)?.body as {
      participants: Array<{ role: string; accessRules?: Array<{ provider: string; condition?: string }> }>;
    };
    expect(request.participants).toContainEqual({
      role: 'Guest',
      accessRules: [{ provider: 'Passcode', condition: 'OpenSesame42' }],
    });
  });

  it('App Home lists the recent Meets with Join buttons', async () => {
    // The previous test's Meet: its audit row is written after it was delivered.
    await eventually(async () => {
      const [last] = await h.store.listMeetsByUser({ platform: 'slack', userId: 'UREC', limit: 1 });
      return last?.title === 'Design review';
    }, 'the audit row of the modal Meet');
    await h.event({ type: 'app_home_opened', user: 'UREC', channel: 'D0HOME', tab: 'home', event_ts: '1.2' });
    const call = await h.slack.waitFor(() => h.slack.callsTo('views.publish').find((c) => c.args.user_id === 'UREC'));
    const view = call.args.view as View;
    expect(checkView(view)).toEqual([]);
    const recent = await h.store.listMeetsByUser({ platform: 'slack', userId: 'UREC', limit: 1 });
    expect(JSON.stringify(view)).toContain('Design review');
    expect(JSON.stringify(view)).toContain(recent[0].joinUrl);
    expect(JSON.stringify(view)).toContain('Design review* · Meeting · 3 people');
  });

  it('App Home has a Create a Meet button that opens the form; a quick Meet reads "anyone with the link"', async () => {
    await h.slash('"Coffee"');
    await waitForChannelMessage(h.slack, 'Coffee');
    await eventually(async () => {
      const [last] = await h.store.listMeetsByUser({ platform: 'slack', userId: 'UREC', limit: 1 });
      return last?.title === 'Coffee';
    }, 'the audit row of the quick Meet');
    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UREC', channel: 'D0HOME', tab: 'home', event_ts: '1.3' });
    const published = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[before]);
    const home = JSON.stringify(published.args.view);
    expect(home).toContain('Coffee* · Quick Meet · anyone with the link');
    expect(home).toContain('"action_id":"home_create_meet"');

    const clicked = await h.interact({
      type: 'block_actions',
      trigger_id: 'trigger.home',
      user: { id: 'UREC', username: 'rita', team_id: 'T0001' },
      team: { id: 'T0001', domain: 'acme' },
      api_app_id: 'A0001',
      token: 'legacy',
      container: { type: 'view', view_id: 'VHOME' },
      view: { id: 'VHOME', type: 'home' },
      actions: [{ type: 'button', action_id: 'home_create_meet', block_id: 'b1', action_ts: '1' }],
    });
    expect(clicked.status).toBe(200);
    const opened = await h.slack.waitFor(() =>
      h.slack.callsTo('views.open').find((c) => c.args.trigger_id === 'trigger.home'),
    );
    expect((opened.args.view as View).callback_id).toBe('create_meet');
  });
});
