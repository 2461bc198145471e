import { performance } from 'node:perf_hooks';
import type { Store } from '../../src/store/store';
import { eventually } from '../fixtures/eventually';
import { passcodesSentTo } from '../fixtures/log-capture';
import { cardProblems } from '../teams/validate-card';
import { activity, alice, botAccount, mention, startTeamsHarness, type TeamsHarness, tenantId } from './teams-harness';

/**
 * Teams link unfurling end to end: a Meet created by a message to the bot, its link pasted in the
 * compose box (Teams' composeExtension/queryLink invoke through the real HTTP shim and botbuilder),
 * and the invoke's answer: the preview card and its thumbnail, or nothing.
 */

const minute = 60_000;

// biome-ignore lint/suspicious/noExplicitAny: invoke response bodies
type Body = any;

function queryLink(h: TeamsHarness, url: string, tenant = tenantId) {
  const base = activity(h.connector, {
    type: 'invoke',
    name: 'composeExtension/queryLink',
    value: { url },
    text: undefined,
  });
  const conversation = base.conversation as Record<string, unknown>;
  return {
    ...base,
    conversation: { ...conversation, tenantId: tenant },
    channelData: { ...(base.channelData as Record<string, unknown>), tenant: { id: tenant } },
  };
}

describe('Teams: a pasted Meet link unfurls', () => {
  let h: TeamsHarness;
  let now: Date;
  afterEach(() => h.close());

  async function start(options: { wrapStore?: (store: Store) => Store; invokeDeadlineMs?: number } = {}) {
    now = new Date();
    h = await startTeamsHarness({ watching: true, sandbox: { now: () => now }, ...options });
  }

  async function createInterview(title: string) {
    const me = mention(botAccount);
    const al = mention(alice);
    await h.post(
      activity(h.connector, {
        text: `${me.text} interview ${al.text} candidate@x.com guests:passcode "${title}" 30m`,
        entities: [me.entity, al.entity],
      }),
    );
    const meeting = h.sandbox.meetings.at(-1)!;
    const watch = await eventually(async () => h.store.findWatch(meeting.code), 'the watch');
    expect(watch.workspaceId).toBe(tenantId);
    return meeting;
  }

  const tick = (minutes: number) => {
    now = new Date(now.getTime() + minutes * minute);
    return h.watchTick(now);
  };

  test('a Meet of this tenant: the card (title, status, organizer, people, Join) and a thumbnail; then Live', async () => {
    await start();
    const meeting = await createInterview('Backend L2');
    const res = await h.post(queryLink(h, meeting.joinUrl));
    expect(res.status).toBe(200);
    const body = res.body as Body;
    expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    expect(body.composeExtension.attachments).toHaveLength(1);
    const [attachment] = body.composeExtension.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: { title: 'Backend L2', text: 'Interview · Not started yet' },
    });
    const card = attachment.content;
    expect(cardProblems(card)).toEqual([]);
    expect(card.body.map((b: { text: string }) => b.text)).toEqual([
      'Backend L2',
      'Interview · organized by Bob Jones · 3 people invited',
      '⏳ **Not started yet**',
    ]);
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', title: 'Join', url: meeting.joinUrl }),
    ]);

    await tick(2);
    const live = (await h.post(queryLink(h, meeting.joinUrl))).body as Body;
    const liveCard = live.composeExtension.attachments[0].content;
    expect(JSON.stringify(liveCard)).toMatch(/Live\*\* · started \{\{TIME\([\dT:Z-]+\)\}\} · \d+ people/);
    expect(live.composeExtension.attachments[0].preview.content.text).toBe('Interview · Live');

    // Every answer well inside Teams' ~5 s (a bound against a hang; bench/teams-link-query.ts measures).
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      expect((await h.post(queryLink(h, meeting.joinUrl))).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(4_900);
    }

    const answers = JSON.stringify([body, live]);
    const secrets = passcodesSentTo(h.sandbox);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(answers).not.toContain(secret);
    // Nor who signs in how (the content types say vnd.microsoft, in lower case).
    expect(answers).not.toMatch(/[Pp]asscode|Microsoft|Google|candidate@x\.com/);
  });

  test('the same Meet seen from another tenant, and a Meet meetbot does not know: "Meet CODE" and Join', async () => {
    await start();
    const meeting = await createInterview('Our secret project');
    for (const [url, tenant] of [
      [meeting.joinUrl, 'ffffffff-0000-4000-8000-00000000bbbb'],
      ['https://meet.rs/Zz9Yy8Xx', tenantId],
    ]) {
      const body = (await h.post(queryLink(h, url, tenant))).body as Body;
      const [attachment] = body.composeExtension.attachments;
      const code = url.slice('https://meet.rs/'.length);
      expect(attachment.preview.content).toEqual({ title: `Meet ${code}`, text: 'A Meet video meeting' });
      expect(cardProblems(attachment.content)).toEqual([]);
      expect(attachment.content.body.map((b: { text: string }) => b.text)).toEqual([
        `Meet ${code}`,
        'A Meet video meeting',
      ]);
      expect(attachment.content.actions).toEqual([
        expect.objectContaining({ type: 'Action.OpenUrl', title: 'Join', url: `https://meet.rs/${code}` }),
      ]);
      expect(JSON.stringify(body)).not.toMatch(/secret project|Bob|Not started/);
    }
  });

  test('links that are not Meets get no attachment', async () => {
    await start();
    for (const url of [
      'https://meet.rs/pricing',
      'https://meet.rs/features',
      'https://meet.rs/le3YHk',
      'https://meet.rs/',
    ]) {
      const res = await h.post(queryLink(h, url));
      expect(res.status).toBe(200);
      expect((res.body as Body).composeExtension).toEqual({
        type: 'result',
        attachmentLayout: 'list',
        attachments: [],
      });
    }
  });

  test('a store that does not answer: a neutral preview within the invoke deadline, not a timeout', async () => {
    let hang = false;
    await start({
      invokeDeadlineMs: 500,
      wrapStore: (store) =>
        new Proxy(store, {
          get(target, prop, receiver) {
            if (prop === 'findWatch' && hang) return () => new Promise(() => undefined);
            const value = Reflect.get(target, prop, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
    });
    const meeting = await createInterview('Slow store');
    hang = true;
    const started = performance.now();
    const body = (await h.post(queryLink(h, meeting.joinUrl))).body as Body;
    const took = performance.now() - started;
    expect(body.composeExtension.attachments[0].preview.content.title).toBe(`Meet ${meeting.code}`);
    // Answered at the deadline (500 ms here, 4 s by default); Teams gives up at about 5 s.
    expect(took).toBeLessThan(4_900);
  });
});
