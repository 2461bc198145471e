import { monitorEventLoopDelay } from 'node:perf_hooks';
import { feedbackCommentMaxChars, meetTitleMaxChars } from '../../src/core/text-caps';
import { cardProblems } from '../teams/validate-card';
import { type Harness, startHarness } from './slack-harness';
import { activity, botAccount, mention, startTeamsHarness, type TeamsHarness } from './teams-harness';

/**
 * Text from the Meet API is the API's to choose. A feedback comment of 60,000 spaces once blocked
 * the event loop for 2.8 s in Teams' `feedback`; here the sandbox serves one (and a 60,000-
 * character title), and each platform must answer without stalling, with the text capped.
 */

const comment = `Too loud${' '.repeat(60_000)}the end`;
const title = `Planning ${'x'.repeat(60_000)}`;
const recently = new Date(Date.now() - 2 * 24 * 3600_000).toISOString();

/** The sandbox's next answer to `/v1/feedbacks` or `/v1/usage` holds the huge text. */
function serveHugeText(sandbox: Harness['sandbox'], command: string): void {
  if (command.startsWith('feedback')) {
    sandbox.injectFault({
      method: 'GET',
      path: /^\/v1\/feedbacks/,
      status: 200,
      body: [{ rating: 1, text: comment, timestamp: recently }],
    });
    return;
  }
  sandbox.injectFault({
    method: 'GET',
    path: /^\/v1\/usage/,
    status: 200,
    body: [
      {
        code: 'abcd1234',
        title,
        participants: 3,
        createdAt: recently,
        totalDurationInSeconds: 3600,
        billableDurationInSeconds: 3600,
        isFree: false,
        isSubscriptionCovered: true,
      },
    ],
  });
}

/** The longest stall of the event loop while `work` runs, in milliseconds. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    await work();
  } finally {
    histogram.disable();
  }
  return histogram.max / 1e6;
}

/** The run of `text` that starts at `start`: what the reply kept of the comment or title. */
function shownRun(text: string, start: string): string {
  const at = text.indexOf(start);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(at, text.indexOf('…', at) + 1);
}

describe('Slack: huge text from the Meet API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it.each(['feedback 7d', 'usage 7d'])('/meet %s answers without stalling, the text capped', async (command) => {
    serveHugeText(h.sandbox, command);
    let body = '';
    const stall = await longestStall(async () => {
      const sent = await h.slash(command);
      const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
      body = JSON.stringify(reply.body);
    });
    expect(stall).toBeLessThan(1000);
    if (command.startsWith('feedback')) {
      expect(shownRun(body, 'Too loud')).toHaveLength(feedbackCommentMaxChars);
      expect(body).not.toContain('the end');
    } else {
      expect(shownRun(body, 'Planning ')).toHaveLength(meetTitleMaxChars);
    }
    expect(body.length).toBeLessThan(8000);
  });
});

describe('Teams: huge text from the Meet API', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(() => h.close());

  it.each(['feedback 7d', 'usage 7d'])('"%s" answers without stalling, the text capped', async (command) => {
    serveHugeText(h.sandbox, command);
    const before = h.connector.sent.length;
    const me = mention(botAccount);
    const stall = await longestStall(() =>
      h.post(activity(h.connector, { text: `${me.text} ${command}`, entities: [me.entity] })),
    );
    expect(stall).toBeLessThan(1000);
    const sent = h.connector.sent.slice(before);
    expect(sent).toHaveLength(1);
    const card = sent[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const all = JSON.stringify(card);
    if (command.startsWith('feedback')) {
      expect(shownRun(all, 'Too loud')).toHaveLength(feedbackCommentMaxChars);
      expect(all).not.toContain('the end');
    } else {
      expect(shownRun(all, 'Planning ')).toHaveLength(meetTitleMaxChars);
    }
    expect(all.length).toBeLessThan(8000);
  });
});
