import { bothStores, type TestDatabase } from '../store/postgres-test-schema';
import { cardProblems } from '../teams/validate-card';
import { createWatchedInterview, startTeamsHarness, type TeamsHarness } from './teams-harness';

/** The Meet's life on its Teams card: updated in place, the ratings to the creator's 1:1 chat once. */

const minute = 60_000;
const channelId = '19:general@thread.tacv2';

describe.each(bothStores)('the watcher on Teams (%s)', (_name, database) => {
  let h: TeamsHarness;
  let schema: TestDatabase;
  let now: Date;

  beforeEach(async () => {
    now = new Date();
    schema = await database();
    h = await startTeamsHarness({ watching: true, sandbox: { now: () => now }, databaseUrl: schema.url });
  });
  afterEach(async () => {
    await h.close();
    await schema.drop();
  });

  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * minute);
    return now;
  };
  const tick = (at: Date) => h.watchTick(at);

  const createInterview = () => createWatchedInterview(h, 'Backend L2');

  it('the card says "Not started yet", then Live (in each reader’s zone), then Ended without Join; ratings once, privately', async () => {
    const { meeting, watch } = await createInterview();
    const card = h.connector.sent.find((s) => s.conversationId === channelId);
    expect(JSON.stringify(card?.activity)).toContain('Not started yet');
    expect(watch.message).toMatchObject({ kind: 'teams', conversationId: channelId, activityId: card?.id });

    await tick(later(2));
    expect(h.connector.updated).toHaveLength(1);
    const live = h.connector.updated[0];
    expect(live).toMatchObject({ id: card?.id, conversationId: channelId });
    const liveCard = live.activity.attachments[0].content;
    expect(cardProblems(liveCard)).toEqual([]);
    expect(JSON.stringify(liveCard)).toMatch(
      /Live\*\* · started \{\{TIME\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\}\} · 3 people/,
    );

    await tick(later(1));
    expect(h.connector.updated).toHaveLength(1);

    await tick(later(30));
    expect(h.connector.updated).toHaveLength(2);
    const ended = h.connector.updated[1].activity.attachments[0].content;
    expect(JSON.stringify(ended)).toContain('Ended** · 30m · 3 people');
    expect(ended.actions ?? []).toEqual([]);
    expect(JSON.stringify(ended)).not.toContain(meeting.joinUrl);

    const sentBefore = h.connector.sent.length;
    await tick(later(2));
    const ratings = h.connector.sent.slice(sentBefore);
    expect(ratings).toHaveLength(1);
    expect(ratings[0].conversationId).not.toBe(channelId);
    expect(h.connector.conversations.at(-1)?.params.members).toEqual([expect.objectContaining({ id: '29:bob' })]);
    expect(JSON.stringify(ratings[0].activity)).toContain('How it went: Backend L2');
    expect(cardProblems(ratings[0].activity.attachments[0].content)).toEqual([]);
    await tick(later(1));
    expect(h.connector.sent).toHaveLength(sentBefore + 1);
  });

  it('a conversation the bot was removed from (403) ends the watch, without retries', async () => {
    const { watch } = await createInterview();
    h.connector.injectFailure({ status: 403, method: 'PUT', times: 5 });
    await tick(later(2));
    expect((await h.store.findWatch(watch.code))?.state).toBe('gone');
    const puts = h.connector.requests.filter((r) => r.method === 'PUT').length;
    await tick(later(31));
    expect(h.connector.requests.filter((r) => r.method === 'PUT')).toHaveLength(puts);
  });
});
