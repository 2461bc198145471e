import { activityKey } from '../../src/teams/create-meet';
import { eventually } from '../fixtures/eventually';
import { clearOfMidnight, dayAt, formatIn, nextGapDay } from '../fixtures/instants';
import { cardProblems } from '../teams/validate-card';
import { activity, alice, bob, botAccount, mention, startTeamsHarness, type TeamsHarness } from './teams-harness';

/**
 * Meets for later typed in Teams messages, end to end: a time in the past or in a daylight-saving
 * gap is refused where it was typed (how it was read, in which zone) and creates nothing; `upcoming`
 * answers with the typist's own Meets for later only; `cancel` by anyone but the creator changes nothing.
 */

const channelId = '19:general@thread.tacv2';
const newYork = 'America/New_York';
const berlin = 'Europe/Berlin';
const ttl = 60_000;

type Person = { id: string; name: string; aadObjectId: string };

// biome-ignore lint/suspicious/noExplicitAny: cards as the bot sent them
type Card = any;

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** How the bot shows a wall-clock time it read: `Thu 30 Apr 2026 10:00`. */
const shownAt = (instant: Date, timeZone: string) => formatIn(instant, 'EEE d MMM yyyy HH:mm', timeZone);
const ymd = (instant: Date, timeZone: string) => formatIn(instant, 'yyyy-MM-dd', timeZone);

describe('Meets for later typed in Teams messages', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    await clearOfMidnight([newYork, berlin]);
    h = await startTeamsHarness({ watching: true });
  });
  afterEach(() => h.close());

  /**
   * A message typed by `from` in the channel, from a Teams client in New York: the zone in the
   * clientInfo entity (what Teams clients send) or, with `via: 'localTimezone'`, on the activity.
   * Resolves with the activity posted and what the bot sent in answer.
   */
  async function say(text: string, options: { from?: Person; via?: 'clientInfo' | 'localTimezone' } = {}) {
    const { from = bob, via = 'clientInfo' } = options;
    const me = mention(botAccount);
    const al = mention(alice);
    const typed = activity(h.connector, {
      text: `${me.text} ${text.replace('@Alice', al.text)}`,
      entities: [
        me.entity,
        al.entity,
        via === 'clientInfo' ? { type: 'clientInfo', locale: 'en-US', timezone: newYork } : { type: 'clientInfo' },
      ],
      ...(via === 'localTimezone' ? { localTimezone: newYork } : {}),
      from,
    });
    const before = h.connector.sent.length;
    const res = await h.post(typed);
    expect(res.status).toBe(200);
    return { typed: typed as { id: string; conversation: { id: string } }, answers: h.connector.sent.slice(before) };
  }

  /** The one answer to `typed`: a threaded reply in the channel that mentions the person who typed. */
  function replyTo(typed: { id: string }, answers: typeof h.connector.sent, who: Person = bob) {
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    expect(answer).toMatchObject({ conversationId: channelId, replyToId: typed.id });
    expect(answer.activity).toMatchObject({
      text: `<at>${who.name}</at>`,
      entities: [{ type: 'mention', mentioned: { id: who.id, name: who.name } }],
    });
    const card: Card = answer.activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    return { summary: answer.activity.summary as string, card, text: JSON.stringify(card) };
  }

  /** Nothing reached the Meet API, no private chat, no record, and the activity's key was released. */
  async function expectNothingCreated(typed: { id: string; conversation: { id: string } }) {
    expect(h.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/meetings')).toEqual([]);
    expect(h.sandbox.meetings).toEqual([]);
    expect(h.connector.conversations).toEqual([]);
    const now = new Date();
    expect(await h.store.listUpcoming({ platform: 'teams', creatorId: bob.aadObjectId, now, limit: 25 })).toEqual([]);
    expect(await h.store.listMeetsByUser({ platform: 'teams', userId: bob.aadObjectId, limit: 25 })).toEqual([]);
    // Released, not held as if a Meet were on its way: the same activity may be tried again.
    expect(await h.store.claimIdempotency(activityKey(typed) as string, ttl)).toEqual({ status: 'claimed' });
  }

  it('a past time typed in a channel is answered there, to the typist: how it was read in their zone, and that it is past; no Meet', async () => {
    const yesterdayAt10 = dayAt(new Date(), -1, '10:00', newYork);
    const { typed, answers } = await say(`meeting @Alice "Retro" ${ymd(yesterdayAt10, newYork)} 10:00`);

    const { summary, text } = replyTo(typed, answers);
    // Read in the zone the Teams client gave (the bot's default zone is UTC), shown as read.
    const read = `${shownAt(yesterdayAt10, newYork)} America/New_York is in the past.`;
    expect(summary).toBe(
      `${read} Give a time from now on. Write it like tomorrow 15:00, fri 10:30, at 9, 2026-12-04 09:00 or in 2h.`,
    );
    expect(text).toContain(`${shownAt(yesterdayAt10, newYork)} America/New\\\\_York is in the past.`);
    expect(text).toMatch(/Usage: @Meet .* WHEN /);
    expect(text).not.toContain('Retro');
    await expectNothingCreated(typed);
  });

  it('a time the clocks skip in the typist’s zone (localTimezone) is refused with the zone named; no Meet', async () => {
    const day = nextGapDay(new Date(), '02:30', newYork);
    const { typed, answers } = await say(`meeting @Alice "Early" ${day} 02:30`, { via: 'localTimezone' });

    const { summary } = replyTo(typed, answers);
    const written = shownAt(new Date(`${day}T02:30:00Z`), 'UTC');
    expect(summary).toBe(
      `${written} does not exist in America/New_York: the clocks skip that hour for daylight saving time. Pick a time outside it.`,
    );
    await expectNothingCreated(typed);
  });

  it('tz: decides over the typist’s zone: 02:30 on Berlin’s spring-forward day is refused, naming Europe/Berlin; no Meet', async () => {
    const day = nextGapDay(new Date(), '02:30', berlin);
    const { typed, answers } = await say(`"Standup" ${day} 02:30 tz:Europe/Berlin`);

    const { summary, text } = replyTo(typed, answers);
    const written = shownAt(new Date(`${day}T02:30:00Z`), 'UTC');
    expect(summary).toBe(
      `${written} does not exist in Europe/Berlin: the clocks skip that hour for daylight saving time. Pick a time outside it.`,
    );
    expect(text).not.toContain('New_York');
    await expectNothingCreated(typed);
  });

  it('upcoming: the typist’s own Meets for later, soonest first with their codes; not another person’s, not a cancelled one', async () => {
    const now = new Date();
    const later = dayAt(now, 2, '16:00', newYork);
    const sooner = dayAt(now, 1, '09:30', newYork);
    const aliceAt = dayAt(now, 1, '11:00', newYork);
    // Created out of order, so "soonest first" is the list's doing.
    await say(`meeting @Alice "Later one" ${ymd(later, newYork)} 16:00`);
    await say('meeting @Alice "Sooner one" tomorrow 09:30');
    await say('meeting @Alice "Dropped one" tomorrow 12:00');
    await say('"Alice own" tomorrow 11:00', { from: alice });
    const codeOf = (title: string) => h.sandbox.meetings.find((m) => m.title === title)!.code;
    const [laterCode, soonerCode, droppedCode, aliceCode] = ['Later one', 'Sooner one', 'Dropped one', 'Alice own'].map(
      codeOf,
    );
    for (const code of [laterCode, soonerCode, droppedCode, aliceCode]) {
      await eventually(async () => h.store.findScheduled(code), `the schedule of ${code}`);
    }
    const cancelled = await say(`cancel ${droppedCode}`);
    expect(JSON.stringify(cancelled.answers)).toContain(`Cancelled the Meet ${droppedCode}`);
    expect((await h.store.findScheduled(droppedCode))?.state).toBe('cancelled');

    const mine = await say('upcoming');
    expect(mine.answers).toHaveLength(1);
    expect(mine.answers[0]).toMatchObject({ conversationId: channelId, replyToId: mine.typed.id });
    expect(mine.answers[0].activity.summary).toBe('Your Meets for later: 2');
    const card: Card = mine.answers[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const items = card.body.filter((e: { type: string }) => e.type === 'Container');
    expect(items.map((c: Card) => c.items[0].text)).toEqual([
      `**Sooner one** · Meeting · code ${soonerCode}`,
      `**Later one** · Meeting · code ${laterCode}`,
    ]);
    expect(items[0].items[1].text).toContain(`{{DATE(${iso(sooner)}, SHORT)}} {{TIME(${iso(sooner)})}}`);
    expect(items[1].items[1].text).toContain(`{{DATE(${iso(later)}, SHORT)}} {{TIME(${iso(later)})}}`);
    const listed = JSON.stringify(card);
    for (const absent of [droppedCode, 'Dropped one', aliceCode, 'Alice own']) expect(listed).not.toContain(absent);

    const hers = await say('upcoming', { from: alice });
    expect(hers.answers).toHaveLength(1);
    expect(hers.answers[0].activity.summary).toBe('Your Meets for later: 1');
    const herCard: Card = hers.answers[0].activity.attachments[0].content;
    expect(cardProblems(herCard)).toEqual([]);
    const herItems = herCard.body.filter((e: { type: string }) => e.type === 'Container');
    expect(herItems.map((c: Card) => c.items[0].text)).toEqual([`**Alice own** · Quick Meet · code ${aliceCode}`]);
    expect(herItems[0].items[1].text).toContain(`{{DATE(${iso(aliceAt)}, SHORT)}}`);
    for (const absent of [soonerCode, laterCode, droppedCode]) expect(JSON.stringify(herCard)).not.toContain(absent);
  });

  it('cancel CODE by someone other than its creator is refused where typed and changes nothing', async () => {
    await say('meeting @Alice "Keep me" tomorrow 15:00');
    const { code } = h.sandbox.meetings[0];
    const before = await eventually(async () => h.store.findScheduled(code), 'the schedule');
    const watchBefore = await h.store.findWatch(code);
    const updatedBefore = h.connector.updated.length;

    const { typed, answers } = await say(`cancel ${code}`, { from: alice });
    const { summary, text } = replyTo(typed, answers, alice);
    expect(summary).toBe(`Only the person who created ${code} can cancel it.`);
    expect(text).toContain('Ask them to.');
    expect(text).not.toContain('Cancelled');

    // Nothing changed: the schedule (its reminder still pending), the watch, the card in the channel.
    expect(await h.store.findScheduled(code)).toEqual(before);
    expect(before).toMatchObject({ state: 'scheduled', reminder: 'pending' });
    expect(await h.store.findWatch(code)).toEqual(watchBefore);
    expect(h.connector.updated).toHaveLength(updatedBefore);
    expect(h.sandbox.meetings).toHaveLength(1);
    // It is still listed for its creator.
    const still = await say('upcoming');
    expect(still.answers[0].activity.summary).toBe('Your Meets for later: 1');
    expect(JSON.stringify(still.answers[0].activity)).toContain(`code ${code}`);
  });
});
