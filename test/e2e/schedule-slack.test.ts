import { calendarLinks } from '../../src/core/calendar-links';
import { formatClock, formatInstant, formatSpan } from '../../src/core/formats';
import { runReminderTick } from '../../src/flows/reminders';
import { runWatchTick } from '../../src/flows/watch-meets';
import { metrics } from '../../src/metrics/metrics';
import type { SlackMessageRef } from '../../src/slack/channel-message';
import { checkMessage } from '../../src/slack/limits';
import { eventually } from '../fixtures/eventually';
import { clearOfMidnight, dayAt, formatIn, nextGapDay } from '../fixtures/instants';
import { createLogCapture } from '../fixtures/log-capture';
import { type Harness, startHarness, waitForChannelMessage } from './slack-harness';

/**
 * Meets for later in Slack, end to end over the loopback fakes: the time in the command read in the
 * typist's own zone (their Slack profile), the Meet created now with the duration only, the message
 * with the time in each reader's zone and calendar buttons, the reminder in the thread once at its
 * minute (ticks driven with injected instants), /meet upcoming, /meet cancel, and times refused.
 */

const minute = 60_000;
const berlin = 'Europe/Berlin';

describe('Meets for later in Slack', () => {
  let h: Harness;
  const capture = createLogCapture('debug');
  const remind = (at: Date) =>
    runReminderTick({ store: h.store, logger: capture.logger, announcers: { slack: h.app.announcer } }, at);
  const reminders = () =>
    h.slack.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args).includes('alarm_clock'));
  /** meetbot_reminders_total for Slack, by outcome (the registry is the process's: compare before and after). */
  const counted = async (outcome: string) =>
    (await metrics.reminders.get()).values.find((v) => v.labels.platform === 'slack' && v.labels.outcome === outcome)
      ?.value ?? 0;
  const creates = () => h.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/meetings');

  beforeEach(async () => {
    await clearOfMidnight([berlin, 'America/New_York']);
    h = await startHarness({ watching: true, passcodes: ['11112222', '33334444', '55556666'] });
    // The recruiter's Slack profile is in Berlin: the times she types are read there.
    h.slack.addUser({
      id: 'UREC',
      name: 'rita',
      email: 'rita@acme.com',
      firstName: 'Rita',
      lastName: 'Recruiter',
      tz: berlin,
    });
  });
  afterEach(() => h.close());

  async function scheduleInterview(title: string, when = 'tomorrow 15:00', extra = '45m') {
    const sent = await h.slash(`interview <@UINT|ian> jane@example.com "${title}" ${when} ${extra}`);
    const message = await waitForChannelMessage(h.slack, title);
    const meeting = h.sandbox.meetings.at(-1)!;
    const scheduled = await eventually(async () => h.store.findScheduled(meeting.code), 'the schedule');
    return { sent, message, meeting, scheduled };
  }

  it('a scheduled interview: created once, now, with the duration only; the time in each reader’s zone; calendar buttons; the reminder once, in the thread, at its minute', async () => {
    const start = dayAt(new Date(), 1, '15:00', berlin);
    const end = new Date(start.getTime() + 45 * minute);
    const { message, meeting, scheduled } = await scheduleInterview('Backend L2');

    // Created once, now, with schedulingInfo.duration and nothing else of schedulingInfo.
    expect(creates()).toHaveLength(1);
    expect((creates()[0].body as { schedulingInfo?: unknown }).schedulingInfo).toEqual({ duration: 45 });

    // The message says when, in each reader's own zone, with the organizer's as fallback text.
    const body = JSON.stringify(message.body);
    const seconds = start.getTime() / 1000;
    expect(body).toContain(`<!date^${seconds}^{date_short_pretty} {time}|${formatInstant(start, berlin)} ${berlin}>`);
    expect(body).toContain(`<!date^${seconds + 45 * 60}^{time}|${formatClock(end, berlin)}>`);
    // Notifications show the plain text: the time in the organizer's zone.
    expect(message.body.text).toContain(`Backend L2, ${formatSpan(start, end, berlin)}`);
    expect(body).toContain('Reminder in this thread 10m before');
    // No Slack Call: it would show as started now, days before the Meet.
    expect(body).not.toContain('"type":"call"');
    expect(checkMessage(message.body as { text: string; blocks: unknown[] })).toEqual([]);

    // Calendar buttons: the public parts only, times in UTC.
    const links = calendarLinks({ title: 'Backend L2', startsAt: start, endsAt: end, joinUrl: meeting.joinUrl });
    const buttons = (
      message.body.blocks as Array<{ type: string; elements?: Array<{ text: { text: string }; url: string }> }>
    )
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => [b.text.text, b.url])).toEqual([
      ['Google Calendar', links.google],
      ['Outlook', links.outlook],
    ]);
    expect(new URL(links.google).searchParams.get('dates')).toBe(
      `${formatIn(start, "yyyyMMdd'T'HHmmss'Z'", 'UTC')}/${formatIn(end, "yyyyMMdd'T'HHmmss'Z'", 'UTC')}`,
    );
    // The creator's private message has them too; no passcode ever reaches a calendar link.
    const privately = h.slack.responses.find(
      (r) => r.body.response_type === 'ephemeral' && JSON.stringify(r.body).includes('11112222'),
    );
    expect(JSON.stringify(privately?.body)).toContain('calendar_google_private');
    for (const url of [links.google, links.outlook]) expect(url).not.toMatch(/11112222/);

    // The store: when, and the reminder ten minutes before.
    expect(scheduled).toMatchObject({ reminder: 'pending', timeZone: berlin, creatorId: 'UREC', channelId: 'C0CHAN' });
    expect(scheduled.startsAt.toISOString()).toBe(start.toISOString());
    expect(scheduled.remindAt?.toISOString()).toBe(new Date(start.getTime() - 10 * minute).toISOString());

    // A minute early: nothing. At its minute: one reply in the message's thread. Then never again.
    await remind(new Date(start.getTime() - 11 * minute));
    expect(reminders()).toHaveLength(0);
    const due = new Date(start.getTime() - 10 * minute);
    expect(await remind(due)).toMatchObject({ sent: 1 });
    await remind(due);
    await remind(new Date(due.getTime() + minute));
    expect(reminders()).toHaveLength(1);
    const ref = (await h.store.findWatch(meeting.code))?.message as SlackMessageRef;
    const reply = reminders()[0].args;
    expect(reply).toMatchObject({ channel: 'C0CHAN', thread_ts: ref.kind === 'slack' ? ref.ts : 'no ts' });
    const text = JSON.stringify(reply);
    expect(text).toContain('<@UINT>');
    expect(text).toContain('<@UREC>');
    expect(text).toContain('*Backend L2* starts in 10m, at');
    expect(text).toContain(`<!date^${seconds}^{date_short_pretty} {time}|`);
    expect(text).toContain(`"url":"${meeting.joinUrl}"`);
    expect(text).not.toContain('jane@example.com');
    expect((await h.store.findScheduled(meeting.code))?.reminder).toBe('sent');
  });

  it('the watcher follows a Meet for later from its start, not from its creation', async () => {
    const { meeting } = await scheduleInterview('Followed later', 'in 2h', '30m');
    const usage = () => h.sandbox.requests.filter((r) => r.path.startsWith('/v1/usage'));
    const watch = await eventually(async () => h.store.findWatch(meeting.code), 'the watch');
    const start = watch.watchFrom;
    expect(start.getTime() - watch.createdAt.getTime()).toBeGreaterThan(119 * minute);
    const tick = (at: Date) =>
      runWatchTick(
        {
          store: h.store,
          meet: h.meet,
          logger: capture.logger,
          clock: () => at,
          announcers: { slack: h.app.announcer },
          pollMs: minute,
        },
        at,
      );
    // An hour before its start (and a day after its creation would not matter): not asked about.
    expect(await tick(new Date(start.getTime() - 60 * minute))).toMatchObject({ tenants: 0, usageRequests: 0 });
    expect(usage()).toHaveLength(0);
    // From its start it is followed; the report is asked from its creation, where the Meet API dates it.
    expect(await tick(new Date(start.getTime() + minute))).toMatchObject({ tenants: 1, usageRequests: 1 });
    expect(Date.parse(usage()[0].query.from)).toBeLessThanOrEqual(Date.parse(String(meeting.createdAt)));
  });

  it('refuses a time in the past and a time in a daylight-saving gap, saying how it was read; no Meet is created', async () => {
    const yesterday = formatIn(new Date(Date.now() - 24 * 3600_000), 'yyyy-MM-dd', berlin);
    const past = await h.slash(`"Retro" ${yesterday} 10:00`);
    const pastReply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === past.responseId));
    const readAs = formatInstant(dayAt(new Date(), -1, '10:00', berlin), berlin);
    expect(JSON.stringify(pastReply.body)).toContain(`${readAs} Europe/Berlin is in the past`);
    expect(pastReply.body.response_type).toBe('ephemeral');

    const gapDay = nextGapDay(new Date(), '02:30', berlin);
    const gap = await h.slash(`"Night shift" ${gapDay} 02:30 tz:Europe/Berlin`);
    const gapReply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === gap.responseId));
    expect(JSON.stringify(gapReply.body)).toMatch(/02:30 does not exist in Europe\/Berlin/);

    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(creates()).toHaveLength(0);
    expect(h.slack.channelMessages()).toHaveLength(0);
  });

  it('/meet cancel: only the creator; the reminder is not sent, the message says Cancelled, the watcher stops; the reply says the Meet itself still exists', async () => {
    const { meeting, scheduled } = await scheduleInterview('Called off');
    const code = meeting.code;

    const notMine = await h.slash(`cancel ${code}`, { userId: 'UINT' });
    const refused = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === notMine.responseId));
    expect(JSON.stringify(refused.body)).toContain(`Only the person who created ${code} can cancel it`);
    expect((await h.store.findScheduled(code))?.state).toBe('scheduled');

    const sent = await h.slash(`cancel ${code}`);
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    const words = JSON.stringify(reply.body);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(words).toContain(`Cancelled the Meet ${code} of`);
    expect(words).toContain('its message in the channel now says Cancelled');
    expect(words).toContain(
      'The Meet itself still exists and its link still works, because the Meet API cannot delete a Meet',
    );

    const update = h.slack.callsTo('chat.update').at(-1)!.args;
    const updated = JSON.stringify(update);
    expect(updated).toContain('Cancelled by its organizer');
    expect(updated).not.toContain('"action_id":"join_meet"');
    expect(updated).not.toContain('calendar_google');
    expect(checkMessage(update as { text: string; blocks: unknown[] })).toEqual([]);
    expect(await h.store.findScheduled(code)).toMatchObject({ state: 'cancelled', reminder: 'cancelled' });
    expect((await h.store.findWatch(code))?.state).toBe('cancelled');

    await remind(scheduled.remindAt!);
    expect(reminders()).toHaveLength(0);
    const again = await h.slash(`cancel ${code}`);
    const second = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === again.responseId));
    expect(JSON.stringify(second.body)).toContain('is cancelled already');
    const unknown = await h.slash('cancel nosuchcode');
    const nope = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === unknown.responseId));
    expect(JSON.stringify(nope.body)).toContain('None of your Meets for later has the code nosuchcode');
  });

  it('/meet upcoming lists the typist’s Meets for later, soonest first, with their codes; not others’, not cancelled ones', async () => {
    const later = await scheduleInterview('Second', 'in 3h');
    const sooner = await scheduleInterview('First', 'in 2h');
    const gone = await scheduleInterview('Dropped', 'in 4h');
    await h.slash(`cancel ${gone.meeting.code}`);
    await eventually(async () => (await h.store.findScheduled(gone.meeting.code))?.state === 'cancelled', 'the cancel');
    const sent = await h.slash('upcoming');
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    const text = JSON.stringify(reply.body);
    expect(text).toContain('Your Meets for later');
    expect(text.indexOf('*First*')).toBeGreaterThan(-1);
    expect(text.indexOf('*First*')).toBeLessThan(text.indexOf('*Second*'));
    expect(text).toContain(sooner.meeting.code);
    expect(text).toContain(later.meeting.code);
    expect(text).not.toContain('Dropped');

    const theirs = await h.slash('upcoming', { userId: 'UINT' });
    const empty = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === theirs.responseId));
    expect(JSON.stringify(empty.body)).toContain('No Meets for later');
  });

  it('a reminder missed while meetbot was down: sent late within 15 minutes, else skipped and logged', async () => {
    const a = await scheduleInterview('Late but sent', 'in 2h');
    const b = await scheduleInterview('Too late', 'in 3h');
    const before = { sent: await counted('sent'), skipped: await counted('skipped') };
    await remind(new Date(a.scheduled.remindAt!.getTime() + 5 * minute));
    expect(reminders()).toHaveLength(1);
    expect(JSON.stringify(reminders()[0].args)).toContain('*Late but sent* starts in 5m, at');

    const report = await remind(new Date(b.scheduled.remindAt!.getTime() + 40 * minute));
    expect(report).toMatchObject({ skipped: 1, sent: 0 });
    expect(reminders()).toHaveLength(1);
    expect(await h.store.findScheduled(b.meeting.code)).toMatchObject({
      reminder: 'skipped',
      reminderNote: 'due 40 minutes earlier, while meetbot was not running',
    });
    expect(
      capture.entries.some((e) => e.meetCode === b.meeting.code && String(e.msg).startsWith('reminder skipped')),
    ).toBe(true);
    // What an operator's dashboard shows: one sent, one skipped.
    expect(await counted('sent')).toBe(before.sent + 1);
    expect(await counted('skipped')).toBe(before.skipped + 1);
  });

  it('a message posted through the response_url has no thread to reply in: the reminder is skipped and logged where the bot cannot post', async () => {
    h.slack.closedChannels.add('GPRIVATE');
    await h.slash('meeting <@UBOB> "Private later" in 2h', { channelId: 'GPRIVATE' });
    await waitForChannelMessage(h.slack, 'Private later');
    const scheduled = await eventually(
      async () => h.store.findScheduled(h.sandbox.meetings.at(-1)!.code),
      'the schedule',
    );
    expect(scheduled.message).toMatchObject({ kind: 'slack-response-url' });
    expect(await remind(scheduled.remindAt!)).toMatchObject({ skipped: 1 });
    expect(await h.store.findScheduled(scheduled.code)).toMatchObject({
      reminder: 'skipped',
      reminderNote: expect.stringContaining('the bot cannot post in GPRIVATE'),
    });
  });

  it('remind:none and remind:30m; tz: wins over the person’s zone', async () => {
    const quiet = await scheduleInterview('No ping', 'tomorrow 15:00', 'remind:none');
    expect(quiet.scheduled).toMatchObject({ reminder: 'none' });
    expect(JSON.stringify(quiet.message.body)).not.toContain('Reminder in this thread');

    const early = await scheduleInterview('Early ping', 'tomorrow 15:00 tz:America/New_York', 'remind:30m');
    const start = dayAt(new Date(), 1, '15:00', 'America/New_York');
    expect(early.scheduled.startsAt.toISOString()).toBe(start.toISOString());
    expect(early.scheduled.remindAt?.toISOString()).toBe(new Date(start.getTime() - 30 * minute).toISOString());
    expect(JSON.stringify(early.message.body)).toContain(
      `${formatInstant(start, 'America/New_York')} America/New_York`,
    );
    expect(JSON.stringify(early.message.body)).toContain('Reminder in this thread 30m before');
  });
});
