import { runWatchTick } from '../../src/flows/watch-meets';
import { createSilentLogger } from '../../src/logger';
import type { SlackMessageRef } from '../../src/slack/channel-message';
import { eventually } from '../fixtures/eventually';
import { clearOfMidnight } from '../fixtures/instants';
import { bothStores, type TestDatabase } from '../store/postgres-test-schema';
import { type Harness, startHarness, waitForChannelMessage } from './slack-harness';

/**
 * The Meet's life on its Slack message, end to end: /meet creates it, the sandbox plays it (its
 * clock moved by the test), and each watcher tick asks the Meet API and changes the message in
 * place, ends the Slack Call, and sends the ratings to the creator once.
 */

const minute = 60_000;
const logger = createSilentLogger();

describe.each(bothStores)('the watcher on Slack (%s)', (_name, database) => {
  let h: Harness;
  let schema: TestDatabase;
  let now: Date;

  beforeEach(async () => {
    now = new Date();
    schema = await database();
    h = await startHarness({
      watching: true,
      sandbox: { now: () => now },
      passcodes: ['11112222', '33334444'],
      databaseUrl: schema.url,
    });
  });
  afterEach(async () => {
    await h.close();
    await schema.drop();
  });

  const tick = (at: Date = now) => h.watchTick(at);
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * minute);
    return now;
  };
  const updates = () => h.slack.callsTo('chat.update').filter((c) => !c.error);
  const usageRequests = () => h.sandbox.requests.filter((r) => r.path.startsWith('/v1/usage'));

  async function createInterview(title: string) {
    await h.slash(`interview <@UINT|ian> jane@example.com "${title}" 30m`);
    const message = await waitForChannelMessage(h.slack, title);
    const watch = await eventually(async () => h.store.findWatch(h.sandbox.meetings.at(-1)!.code), 'the watch');
    return { message, watch, meeting: h.sandbox.meetings.at(-1)! };
  }

  it('shows "Not started yet", then Live, then Ended with the duration and no Join; ends the Slack Call; ratings go to the creator once', async () => {
    const { message, watch, meeting } = await createInterview('Backend L2');
    expect(message.via).toBe('bot');
    expect(JSON.stringify(message.body)).toContain('Not started yet');
    const ref = watch.message as SlackMessageRef;
    expect(ref).toMatchObject({ kind: 'slack', channel: 'C0CHAN', callId: expect.stringMatching(/^R/) });
    // Registered as a Slack Call: the Meet code as its id, the creator, the join URL; shown with a call block.
    const call = h.slack.slackCalls.get(ref.kind === 'slack' ? (ref.callId as string) : '');
    expect(call?.args).toMatchObject({
      external_unique_id: meeting.code,
      created_by: 'UREC',
      join_url: meeting.joinUrl,
    });
    expect(JSON.stringify(message.body)).toContain('"type":"call"');

    // Not started: nothing to change.
    await tick();
    expect(updates()).toHaveLength(0);

    // A minute after creation the sandbox Meet starts.
    await tick(later(2));
    expect(updates()).toHaveLength(1);
    const live = JSON.stringify(updates()[0].args);
    expect(live).toContain('Live');
    expect(live).toMatch(/started <!date\^\d+\^\{time\}\|\d\d:\d\d UTC>/);
    expect(live).toContain('3 people');
    expect(live).toContain('"action_id":"join_meet"');
    expect(updates()[0].args).toMatchObject({ channel: 'C0CHAN', ts: ref.kind === 'slack' ? ref.ts : '' });

    // The same state at the next tick: not sent again.
    await tick(later(1));
    expect(updates()).toHaveLength(1);

    // It ran its 30 minutes.
    await tick(later(30));
    expect(updates()).toHaveLength(2);
    const ended = JSON.stringify(updates()[1].args);
    expect(ended).toContain('Ended');
    expect(ended).toContain('30m');
    expect(ended).not.toContain('"action_id":"join_meet"');
    expect(ended).not.toContain(meeting.joinUrl.replace('https://', ''));
    expect(h.slack.slackCalls.get(ref.kind === 'slack' ? (ref.callId as string) : '')?.ended).toMatchObject({
      // Form-encoded, as the WebClient sends it.
      duration: '1800',
    });
    expect(h.slack.messages.get(`C0CHAN:${ref.kind === 'slack' ? ref.ts : ''}`)?.text).toContain('Ended');

    // A minute after the end the sandbox leaves its ratings: to the creator alone, once.
    await tick(later(2));
    const dms = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UREC');
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(dms[0].args)).toMatch(/[★☆]{5}/);
    expect(JSON.stringify(dms[0].args)).toContain('How it went: Backend L2');
    const inChannel = h.slack.channelMessages().filter((m) => m.channel === 'C0CHAN');
    expect(JSON.stringify(inChannel)).not.toMatch(/★/);
    await tick(later(1));
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UREC')).toHaveLength(1);
    expect((await h.store.findWatch(meeting.code))?.feedback).toBe('sent');
  });

  it('one usage request per tenant for many Meets; a failing report keeps every Meet open and backs off', async () => {
    await createInterview('One');
    await createInterview('Two');
    await tick(later(2));
    expect(usageRequests()).toHaveLength(1);
    expect(updates()).toHaveLength(2);

    h.sandbox.injectFault({ path: /^\/v1\/usage/, status: 503, times: Number.POSITIVE_INFINITY });
    const backoff = new Map<string, { failures: number; until: number }>();
    const deps = {
      store: h.store,
      meet: h.meet,
      logger,
      clock: () => now,
      announcers: { slack: h.app.announcer },
      pollMs: minute,
      backoff,
    };
    const failed = await runWatchTick(deps, later(31));
    expect(failed.failures).toBe(1);
    const asked = usageRequests().length;
    // Backing off: the next minute's tick does not ask again.
    await runWatchTick(deps, later(1));
    expect(usageRequests()).toHaveLength(asked);
    expect((await h.store.listOpenWatches()).map((w) => w.state)).toEqual(['live', 'live']);

    h.sandbox.clearFaults();
    await runWatchTick(deps, later(5));
    expect((await h.store.listOpenWatches()).every((w) => w.state === 'ended')).toBe(true);
    expect(updates()).toHaveLength(4);
  });

  it('a deleted message ends the watch, and it is not tried again', async () => {
    const { watch } = await createInterview('Deleted soon');
    const ref = watch.message as SlackMessageRef;
    h.slack.messages.delete(`C0CHAN:${ref.kind === 'slack' ? ref.ts : ''}`);
    await tick(later(2));
    expect((await h.store.findWatch(watch.code))?.state).toBe('gone');
    const attempts = h.slack.callsTo('chat.update').length;
    await tick(later(31));
    expect(h.slack.callsTo('chat.update')).toHaveLength(attempts);
  });

  it('a private channel the bot is not in gets the message through the response_url, replaced while Slack allows', async () => {
    // The bot is not in this private channel: the message goes through the response_url.
    h.slack.closedChannels.add('GPRIVATE');
    const sent = await h.slash('meeting <@UBOB> "Private sync" 45m', { channelId: 'GPRIVATE' });
    const viaUrl = await waitForChannelMessage(h.slack, 'Private sync');
    expect(viaUrl).toMatchObject({ via: 'response_url', responseId: sent.responseId });
    const privateWatch = await eventually(
      async () => h.store.findWatch(h.sandbox.meetings.at(-1)!.code),
      'the private channel watch',
    );
    expect(privateWatch.message).toMatchObject({ kind: 'slack-response-url', replaced: 0 });
    const before = h.slack.responses.filter((r) => r.id === sent.responseId).length;
    await tick(later(2));
    const replaced = h.slack.responses.filter((r) => r.id === sent.responseId).slice(before);
    expect(replaced).toHaveLength(1);
    expect(replaced[0].body).toMatchObject({ replace_original: true });
    expect(JSON.stringify(replaced[0].body)).toContain('Live');
    expect((await h.store.findWatch(privateWatch.code))?.message).toMatchObject({ replaced: 1 });

    // Past Slack's 30 minutes the response_url cannot replace it any more: the state is kept, nothing is posted.
    await tick(later(45));
    expect(h.slack.responses.filter((r) => r.id === sent.responseId).slice(before)).toHaveLength(1);
    expect((await h.store.findWatch(privateWatch.code))?.state).toBe('ended');
  });

  it('without calls:write the Meet is posted without a call, and its status still changes', async () => {
    h.slack.grantedScopes = ['commands', 'chat:write', 'chat:write.public', 'users:read', 'users:read.email'];
    const { message, watch } = await createInterview('No calls here');
    expect(JSON.stringify(message.body)).not.toContain('"type":"call"');
    expect((watch.message as SlackMessageRef).callId).toBeUndefined();
    await tick(later(2));
    expect(JSON.stringify(updates().at(-1)?.args)).toContain('Live');
  });

  it('/meet status and App Home list today’s Meets with where each is', async () => {
    // "Today" is the typist's day (UTC here, no zone in their profile): not one that ends mid-test.
    await clearOfMidnight(['UTC'], 5_000);
    await createInterview('Status check');
    await tick(later(2));
    const sent = await h.slash('status');
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    expect(reply.body.response_type).toBe('ephemeral');
    const text = JSON.stringify(reply.body);
    expect(text).toContain('Your Meets today');
    expect(text).toContain('Status check');
    expect(text).toContain('Live');

    const before = h.slack.callsTo('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'UREC', channel: 'D0HOME', tab: 'home', event_ts: '9.9' });
    const home = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[before]);
    expect(JSON.stringify(home.args.view)).toContain('Today');
    expect(JSON.stringify(home.args.view)).toContain('Live');

    // Their Join buttons are links; the click Slack still sends is acknowledged at once.
    const joinId = /"action_id":"(status_join_\d+)"/.exec(text)?.[1];
    expect(joinId).toBeDefined();
    const started = Date.now();
    const click = await h.interact({
      type: 'block_actions',
      trigger_id: 'trigger.join',
      user: { id: 'UREC', username: 'rita', team_id: 'T0001' },
      team: { id: 'T0001', domain: 'acme' },
      api_app_id: 'A0001',
      token: 'legacy',
      container: { type: 'message_attachment' },
      actions: [{ type: 'button', action_id: joinId, block_id: 'b1', action_ts: '1' }],
    });
    expect(click.status).toBe(200);
    // Unacknowledged, Bolt would answer only after its 3 s unhandled-request timeout.
    expect(Date.now() - started).toBeLessThan(2_900);
  });
});
