import { calendarLinks } from '../../src/core/calendar-links';
import { formatSpan } from '../../src/core/formats';
import { runReminderTick } from '../../src/flows/reminders';
import { createSilentLogger } from '../../src/logger';
import { eventually } from '../fixtures/eventually';
import { clearOfMidnight, dayAt, formatIn } from '../fixtures/instants';
import { cardProblems } from '../teams/validate-card';
import { activity, alice, bob, botAccount, mention, startTeamsHarness, type TeamsHarness } from './teams-harness';

/**
 * Meets for later in Teams, end to end: the time read in the zone the person's Teams client gives
 * (clientInfo), the card with {{DATE}}/{{TIME}} (each reader's zone) and calendar actions, the
 * reminder as a reply to the card once, `cancel` by the creator only, and the form's date and time.
 */

const minute = 60_000;
const channelId = '19:general@thread.tacv2';
const newYork = 'America/New_York';
const logger = createSilentLogger();

// biome-ignore lint/suspicious/noExplicitAny: invoke response bodies
type Body = any;

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('Meets for later in Teams', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    await clearOfMidnight([newYork]);
    h = await startTeamsHarness({ watching: true });
  });
  afterEach(() => h.close());

  const remind = (at: Date) => runReminderTick({ store: h.store, logger, announcers: { teams: h.bot.announcer } }, at);

  /** A message typed by `from` in the channel, from a Teams client in New York. */
  function say(text: string, from: { id: string; name: string; aadObjectId: string } = bob) {
    const me = mention(botAccount);
    const al = mention(alice);
    return h.post(
      activity(h.connector, {
        text: `${me.text} ${text.replace('@Alice', al.text)}`,
        entities: [me.entity, al.entity, { type: 'clientInfo', locale: 'en-US', timezone: newYork }],
        from,
      }),
    );
  }

  async function scheduleInterview(title: string) {
    await say(`interview @Alice candidate@x.com "${title}" tomorrow 15:00 45m`);
    const meeting = h.sandbox.meetings.at(-1)!;
    const scheduled = await eventually(async () => h.store.findScheduled(meeting.code), 'the schedule');
    const card = h.connector.sent.find(
      (s) => s.conversationId === channelId && JSON.stringify(s.activity).includes(title),
    )!;
    return { meeting, scheduled, card };
  }

  it('the card shows the time in each reader’s zone and calendar actions; the reminder replies to it once, mentioning the people', async () => {
    const start = dayAt(new Date(), 1, '15:00', newYork);
    const end = new Date(start.getTime() + 45 * minute);
    const { meeting, scheduled, card } = await scheduleInterview('Backend L2');
    expect(h.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/meetings')).toHaveLength(1);
    expect(h.sandbox.meetings[0].schedulingInfo).toEqual({ duration: 45 });
    expect(scheduled.startsAt.toISOString()).toBe(start.toISOString());

    const content = card.activity.attachments[0].content;
    expect(cardProblems(content)).toEqual([]);
    const text = JSON.stringify(content);
    expect(text).toContain(`{{DATE(${iso(start)}, SHORT)}} {{TIME(${iso(start)})}} – {{TIME(${iso(end)})}}`);
    expect(text).toContain('Reminder in this thread 10m before');
    // Where a card cannot be drawn (notifications), the time in the organizer's zone.
    expect(card.activity.summary).toBe(`Meet created: Backend L2, ${formatSpan(start, end, newYork)}`);
    const links = calendarLinks({ title: 'Backend L2', startsAt: start, endsAt: end, joinUrl: meeting.joinUrl });
    expect(content.actions).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', title: 'Join', url: meeting.joinUrl }),
      { type: 'Action.OpenUrl', title: 'Google Calendar', url: links.google },
      { type: 'Action.OpenUrl', title: 'Outlook', url: links.outlook },
    ]);
    // The private card has the calendar actions too, and the passcode; the links never have it.
    const privately = h.connector.sent.find(
      (s) => s.conversationId !== channelId && JSON.stringify(s.activity).includes('40000001'),
    );
    expect(privately?.activity.attachments[0].content.actions.map((a: { title: string }) => a.title)).toEqual([
      'Join',
      'Google Calendar',
      'Outlook',
    ]);
    expect(links.google + links.outlook).not.toContain('40000001');

    const before = h.connector.sent.length;
    await remind(new Date(scheduled.remindAt!.getTime() - minute));
    expect(h.connector.sent).toHaveLength(before);
    await remind(scheduled.remindAt!);
    await remind(scheduled.remindAt!);
    await remind(new Date(scheduled.remindAt!.getTime() + minute));
    const sent = h.connector.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ conversationId: channelId, replyToId: card.id });
    const reminder = sent[0].activity.attachments[0].content;
    expect(cardProblems(reminder)).toEqual([]);
    expect(reminder.body[0].text).toContain('**Backend L2** starts in 10m, at');
    expect(reminder.body[0].text).toContain(`{{DATE(${iso(start)}, SHORT)}} {{TIME(${iso(start)})}}`);
    expect(reminder.msteams.entities.map((e: { mentioned: { id: string } }) => e.mentioned.id).sort()).toEqual(
      [alice.id, bob.id].sort(),
    );
    expect(reminder.actions[0]).toMatchObject({ title: 'Join', url: meeting.joinUrl });
  });

  it('cancel: not by someone else; by the creator the card says Cancelled (no Join, no calendar) and no reminder comes', async () => {
    const { meeting, scheduled, card } = await scheduleInterview('Called off');
    const before = h.connector.sent.length;
    await say(`cancel ${meeting.code}`, alice);
    expect(JSON.stringify(h.connector.sent.slice(before))).toContain(
      `Only the person who created ${meeting.code} can cancel it`,
    );
    expect((await h.store.findScheduled(meeting.code))?.state).toBe('scheduled');

    await say(`cancel ${meeting.code}`);
    expect(JSON.stringify(h.connector.sent.at(-1)?.activity)).toContain('the Meet API cannot delete a Meet');
    const updated = h.connector.updated.at(-1)!;
    expect(updated).toMatchObject({ id: card.id, conversationId: channelId });
    const content = updated.activity.attachments[0].content;
    expect(cardProblems(content)).toEqual([]);
    expect(JSON.stringify(content)).toContain('Cancelled by its organizer');
    expect(content.actions ?? []).toEqual([]);

    const sentBefore = h.connector.sent.length;
    await remind(scheduled.remindAt!);
    expect(h.connector.sent).toHaveLength(sentBefore);
  });

  it('the message extension’s form: a day and a time in the person’s zone; a past one is shown on the date field', async () => {
    const submit = (data: Record<string, string>) =>
      h.post(
        activity(h.connector, {
          type: 'invoke',
          name: 'composeExtension/submitAction',
          text: undefined,
          localTimezone: newYork,
          value: { commandId: 'createMeet', commandContext: 'compose', data: { action: 'createMeet', ...data } },
        }),
      );
    const yesterday = formatIn(new Date(Date.now() - 24 * 3600_000), 'yyyy-MM-dd', newYork);
    const refused = (
      await submit({ template: 'meeting', title: 'Too late', emails: 'g@example.org', date: yesterday, time: '10:00' })
    ).body as Body;
    const form = refused.task.value.card.content;
    expect(cardProblems(form)).toEqual([]);
    const dateAt = form.body.findIndex((e: { id?: string }) => e.id === 'date');
    expect(form.body[dateAt].value).toBe(yesterday);
    expect(form.body[dateAt + 1].text).toMatch(/America\/New\\?_York is in the past\. Pick a later day or time\./);
    expect(h.sandbox.meetings).toHaveLength(0);

    const tomorrow = formatIn(dayAt(new Date(), 1, '12:00', newYork), 'yyyy-MM-dd', newYork);
    const created = (
      await submit({ template: 'meeting', title: 'Planned', emails: 'g@example.org', date: tomorrow, time: '09:30' })
    ).body as Body;
    const inserted = created.composeExtension.attachments[0].content;
    expect(cardProblems(inserted)).toEqual([]);
    const start = dayAt(new Date(), 1, '09:30', newYork);
    expect(JSON.stringify(inserted)).toContain(`{{DATE(${iso(start)}, SHORT)}}`);
    const scheduled = await eventually(async () => h.store.findScheduled(h.sandbox.meetings[0].code), 'the schedule');
    expect(scheduled.startsAt.toISOString()).toBe(start.toISOString());
  });
});
