import { feedbackCommentMaxChars } from '../../src/core/text-caps';
import type { Sandbox } from '../../src/sandbox/server';
import { checkMessage } from '../../src/slack/limits';
import { eventually } from '../fixtures/eventually';
import { cardProblems } from '../teams/validate-card';
import { type Harness, startHarness, waitForChannelMessage } from './slack-harness';
import { bob, createWatchedInterview, startTeamsHarness, type TeamsHarness } from './teams-harness';

/**
 * The ratings of an ended Meet carry comments typed by outsiders (a candidate): hostile text.
 * Here the Meet API (the sandbox) answers `/v1/feedbacks` with comments that try Slack's and
 * Teams' markup and with 60,000-character ones; the creator's one private message must show them
 * escaped and capped, the channel's message never shows them, and a second tick sends nothing.
 */

const minute = 60_000;
const zwsp = '\u200b';
const wordJoiner = '\u2060';

/** 60,000 characters; the reader sees its first 499 and `…` (feedbackCommentMaxChars = 500). */
const longComment = `Too long ${'x'.repeat(60_000 - 17)} the end`;
/** What is left of it: 9 + 490 characters, then the ellipsis. */
const longShown = `Too long ${'x'.repeat(490)}…`;

/** The sandbox answers every `/v1/feedbacks` from now on with these ratings of the Meet `code`. */
function serveRatings(sandbox: Sandbox, code: string, ratings: Array<{ rating: number; text?: string }>): void {
  sandbox.injectFault({
    method: 'GET',
    path: /^\/v1\/feedbacks/,
    status: 200,
    times: Number.POSITIVE_INFINITY,
    body: ratings.map((r, i) => ({
      id: `rating-${i}`,
      rating: r.rating,
      text: r.text ?? null,
      resourceId: code,
      resourceType: 1,
      timestamp: new Date().toISOString(),
    })),
  });
}

describe('Slack: hostile rating comments reach the creator defused and capped', () => {
  let h: Harness;
  let now: Date;

  beforeEach(async () => {
    now = new Date();
    h = await startHarness({ watching: true, sandbox: { now: () => now } });
  });
  afterEach(() => h.close());

  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * minute);
    return now;
  };
  const tick = (at: Date) => h.watchTick(at);
  const dms = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UREC');

  // Mentions, a broadcast, a link, formatting, an entity the candidate typed, and a bare @here.
  const hostile = 'Hi <!channel> and <@U123>, see <https://evil.example|click> for *bold*\n&lt; @here';
  // 66,000 characters of broadcasts: 45 whole `<!channel> ` and `<!ch` fit in the first 499.
  const hostileLong = '<!channel> '.repeat(6_000);

  it('one direct message: no live broadcast, mention, link or formatting, each comment capped at 500, within Slack limits; the channel never sees them; a second tick sends nothing', async () => {
    await h.slash('interview <@UINT|ian> jane@example.com "Ratings check" 30m');
    await waitForChannelMessage(h.slack, 'Ratings check');
    const meeting = h.sandbox.meetings.at(-1)!;
    await eventually(async () => h.store.findWatch(meeting.code), 'the watch');
    await tick(later(2));
    await tick(later(30));
    expect((await h.store.findWatch(meeting.code))?.state).toBe('ended');
    const channelUpdates = h.slack.callsTo('chat.update').length;
    expect(channelUpdates).toBe(2);

    serveRatings(h.sandbox, meeting.code, [
      { rating: 1, text: hostile },
      { rating: 2, text: longComment },
      { rating: 3, text: hostileLong },
      { rating: 5 },
    ]);
    await tick(later(2));

    expect(dms()).toHaveLength(1);
    const dm = dms()[0];
    // Not refused by the fake (it answers invalid_blocks past Block Kit limits), and within them.
    expect(dm.error).toBeUndefined();
    expect(checkMessage(dm.args as { text?: string; blocks?: unknown[] })).toEqual([]);
    // Outsiders' links and images are not previewed in the creator's DM.
    expect(dm.args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' }); // as the WebClient's form sends them
    const blocks = dm.args.blocks as Array<{ type: string; text?: { text: string }; elements?: { text: string }[] }>;
    expect(blocks[0].text?.text).toBe('How it went: Ratings check');
    expect(blocks[1].elements?.[0].text).toContain('4 ratings  ·  average 2.8 of 5');
    const lines = blocks
      .filter((b) => b.type === 'section')
      .flatMap((b) => b.text?.text.split('\n') ?? [])
      .filter((line) => /^[★☆]{5}/.test(line));
    expect(lines).toEqual([
      '★★★★★',
      `★★★☆☆  “${'&lt;!channel&gt; '.repeat(45)}&lt;!ch…”`,
      `★★☆☆☆  “${longShown}”`,
      `★☆☆☆☆  “Hi &lt;!channel&gt; and &lt;@U123&gt;, see &lt;https://evil.example|click&gt; for ∗bold∗ &amp;lt; @${wordJoiner}here”`,
    ]);
    expect(longShown).toHaveLength(feedbackCommentMaxChars);
    const all = JSON.stringify(dm.args);
    expect(all).not.toContain('the end');
    // No control sequence at all: every `<` Slack would parse was escaped.
    expect(all).not.toContain('<');
    expect(all).not.toMatch(/@(channel|here|everyone)\b/);
    expect(all).not.toContain('*bold*');
    expect(all.length).toBeLessThan(8_000);

    // The channel: two updates (Live, Ended), none after the ratings, and no comment anywhere in it.
    expect(h.slack.callsTo('chat.update')).toHaveLength(channelUpdates);
    const channel = JSON.stringify([
      h.slack.callsTo('chat.update').map((c) => c.args),
      h.slack.channelMessages().filter((m) => m.channel !== 'UREC'),
      [...h.slack.messages.values()].filter((m) => m.channel !== 'UREC'),
      h.slack.callsTo('chat.postEphemeral').map((c) => c.args),
    ]);
    for (const mark of ['★', 'evil.example', 'Too long', 'channel&gt;', '<!channel>', 'U123']) {
      expect(channel).not.toContain(mark);
    }

    // The Meet API still serves the ratings; the next tick sends nothing.
    await tick(later(1));
    expect(dms()).toHaveLength(1);
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args).includes('evil.example')),
    ).toHaveLength(1);
    expect((await h.store.findWatch(meeting.code))?.feedback).toBe('sent');
  });
});

describe('Teams: hostile rating comments reach the creator escaped and capped', () => {
  let h: TeamsHarness;
  let now: Date;
  const channelId = '19:general@thread.tacv2';

  beforeEach(async () => {
    now = new Date();
    h = await startTeamsHarness({ watching: true, sandbox: { now: () => now } });
  });
  afterEach(() => h.close());

  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * minute);
    return now;
  };
  const tick = (at: Date) => h.watchTick(at);

  // A mention, a Markdown link, bold, a script tag.
  const hostile = '<at>x</at> [click](https://evil.example) **bold** <script>alert(1)</script>';
  // 60,000 characters of links: 16 whole ones and `[click](https://evi` fit in the first 499.
  const hostileLong = '[click](https://evil.example) '.repeat(2_000);
  /** `[click](https://evil.example)` as escape.ts leaves it: marks after a backslash, `://` broken by a zero-width space. */
  const escapedLink = `\\[click\\](https:${zwsp}//evil.example)`;

  it('one card in the 1:1 chat: mention, link, bold and tags escaped, each comment capped at 500; the channel card never shows them; a second tick sends nothing', async () => {
    const { meeting } = await createWatchedInterview(h, 'Ratings check');
    await tick(later(2));
    await tick(later(30));
    expect((await h.store.findWatch(meeting.code))?.state).toBe('ended');
    expect(h.connector.updated).toHaveLength(2);

    serveRatings(h.sandbox, meeting.code, [
      { rating: 1, text: hostile },
      { rating: 2, text: longComment },
      { rating: 3, text: hostileLong },
      { rating: 5 },
    ]);
    const sentBefore = h.connector.sent.length;
    await tick(later(2));

    const ratings = h.connector.sent.slice(sentBefore);
    expect(ratings).toHaveLength(1);
    // The creator's 1:1 chat, with them alone.
    expect(ratings[0].conversationId).not.toBe(channelId);
    expect(h.connector.conversations.at(-1)).toMatchObject({ id: ratings[0].conversationId });
    expect(h.connector.conversations.at(-1)?.params.members).toEqual([expect.objectContaining({ id: bob.id })]);

    const card = ratings[0].activity.attachments[0].content;
    // Also: no `<at>…</at>` without its mention entity.
    expect(cardProblems(card)).toEqual([]);
    const texts = (card.body as Array<{ text?: string }>).map((b) => b.text);
    expect(texts.slice(0, 3)).toEqual([
      '🔒 Only you can see this',
      'How it went: Ratings check',
      '4 ratings · average 2.8 of 5',
    ]);
    expect(texts.slice(3)).toEqual([
      '★★★★★',
      '★★★☆☆',
      `“${`${escapedLink} `.repeat(16)}\\[click\\](https:${zwsp}//evi…”`,
      '★★☆☆☆',
      `“${longShown}”`,
      '★☆☆☆☆',
      `“\\<at\\>x\\</at\\> ${escapedLink} \\*\\*bold\\*\\* \\<script\\>alert(1)\\</script\\>”`,
    ]);
    const all = JSON.stringify(ratings[0].activity);
    expect(all).not.toContain('the end');
    expect(all).not.toContain('<at>');
    expect(all).not.toContain('<script>');
    expect(all).not.toContain('https://evil');
    expect(all.length).toBeLessThan(8_000);

    // The channel: its card changed twice (Live, Ended), never with a comment.
    expect(h.connector.updated).toHaveLength(2);
    const channel = JSON.stringify([
      h.connector.updated.map((u) => u.activity),
      h.connector.sent.filter((s) => s.conversationId === channelId).map((s) => s.activity),
    ]);
    for (const mark of ['★', 'evil.example', 'Too long', 'script', 'click']) {
      expect(channel).not.toContain(mark);
    }

    // The Meet API still serves the ratings; the next tick sends nothing.
    await tick(later(1));
    expect(h.connector.sent).toHaveLength(sentBefore + 1);
    expect((await h.store.findWatch(meeting.code))?.feedback).toBe('sent');
  });
});
