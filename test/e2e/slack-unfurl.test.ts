import { eventually } from '../fixtures/eventually';
import type { FakeSlackApi } from '../fixtures/fake-slack-api';
import { passcodesSentTo } from '../fixtures/log-capture';
import { type Harness, startHarness, waitForChannelMessage } from './slack-harness';

/**
 * Slack link unfurling end to end: a Meet created with /meet, its link pasted in a message or still
 * in the composer, Slack's link_shared event through the real Bolt listener, and what chat.unfurl
 * received on the fake Slack Web API.
 */

const minute = 60_000;
let seq = 0;

/** link_shared as Slack sends it: a posted message (channel + ts), or the composer (unfurl_id). */
function linkShared(urls: string[], where: 'message' | 'composer' = 'message') {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
  const links = urls.map((url) => ({ domain: 'meet.rs', url }));
  if (where === 'composer') {
    const draft = `UINT-909b5454-75f8-4ac4-b325-${String(++seq).padStart(12, '0')}`;
    return {
      type: 'link_shared',
      channel: 'COMPOSER',
      is_bot_user_member: true,
      user: 'UINT',
      message_ts: draft,
      unfurl_id: draft,
      source: 'composer',
      links,
      event_ts: ts,
    };
  }
  return {
    type: 'link_shared',
    channel: 'C0CHAN',
    is_bot_user_member: true,
    user: 'UINT',
    message_ts: ts,
    unfurl_id: `C0CHAN.${ts}.abc${seq}`,
    source: 'conversations_history',
    links,
    event_ts: ts,
  };
}

/** The chat.unfurl call made after `before` calls (the fake records the accepted ones). */
function nextUnfurl(slack: FakeSlackApi, before: number) {
  return slack.waitFor(() => slack.unfurls[before]);
}

describe('Slack: a pasted Meet link unfurls', () => {
  let h: Harness;
  let now: Date;

  beforeEach(async () => {
    now = new Date();
    h = await startHarness({ watching: true, sandbox: { now: () => now }, passcodes: ['11112222', '33334444'] });
  });
  afterEach(() => h.close());

  const tick = (minutes: number) => {
    now = new Date(now.getTime() + minutes * minute);
    return h.watchTick(now);
  };

  async function createInterview(title: string, teamId?: string) {
    await h.slash(`interview <@UINT|ian> jane@example.com guests:passcode "${title}" 30m`, teamId ? { teamId } : {});
    await waitForChannelMessage(h.slack, title);
    const meeting = h.sandbox.meetings.at(-1)!;
    await eventually(async () => h.store.findWatch(meeting.code), 'the watch');
    return meeting;
  }

  it('in a message: title, status, organizer, people, Join; then Live, then Ended without Join; never a passcode', async () => {
    const meeting = await createInterview('Backend L2');
    expect(meeting.joinUrl).toMatch(/^https:\/\/meet\.rs\/[A-Za-z0-9]{8}$/);

    await h.event(linkShared([meeting.joinUrl]));
    const first = await nextUnfurl(h.slack, 0);
    expect(first).toMatchObject({ channel: 'C0CHAN', ts: expect.stringMatching(/^\d+\.\d+$/) });
    expect(first.unfurl_id).toBeUndefined();
    expect(Object.keys(first.unfurls)).toEqual([meeting.joinUrl]);
    const shown = JSON.stringify(first.unfurls[meeting.joinUrl]);
    expect(shown).toContain('*Backend L2*');
    expect(shown).toContain('Interview');
    expect(shown).toContain('organized by <@UREC>');
    expect(shown).toContain('3 people invited');
    expect(shown).toContain('Not started yet');
    expect(first.unfurls[meeting.joinUrl].blocks).toContainEqual(
      expect.objectContaining({
        accessory: expect.objectContaining({ type: 'button', url: meeting.joinUrl, action_id: 'join_meet' }),
      }),
    );

    // The sandbox starts the Meet a minute after its creation; the watcher records it.
    await tick(2);
    await h.event(linkShared([meeting.joinUrl]));
    const live = JSON.stringify((await nextUnfurl(h.slack, 1)).unfurls);
    expect(live).toContain('Live');
    expect(live).toMatch(/started <!date\^\d+\^\{time\}\|\d\d:\d\d UTC>/);
    expect(live).toContain('"action_id":"join_meet"');

    await tick(31);
    await h.event(linkShared([meeting.joinUrl]));
    const ended = JSON.stringify((await nextUnfurl(h.slack, 2)).unfurls);
    expect(ended).toContain('Ended');
    expect(ended).toContain('30m');
    expect(ended).not.toContain('"action_id":"join_meet"');

    const secrets = passcodesSentTo(h.sandbox);
    expect(secrets.length).toBeGreaterThan(0);
    for (const unfurl of h.slack.unfurls) {
      const text = JSON.stringify(unfurl);
      for (const secret of secrets) expect(text).not.toContain(secret);
      // Nor who signs in how.
      expect(text).not.toMatch(/passcode|Microsoft|Google|jane@example\.com/i);
    }
  });

  it('in the composer: unfurled by unfurl_id and source, with its status', async () => {
    const meeting = await createInterview('Draft check');
    const event = linkShared([meeting.joinUrl], 'composer');
    await h.event(event);
    const unfurl = await nextUnfurl(h.slack, 0);
    expect(unfurl).toEqual({
      unfurl_id: event.unfurl_id,
      source: 'composer',
      unfurls: { [meeting.joinUrl]: expect.anything() },
    });
    expect(JSON.stringify(unfurl.unfurls)).toContain('Draft check');
    expect(JSON.stringify(unfurl.unfurls)).toContain('Not started yet');
  });

  it('a Meet of another workspace, of Teams, or unknown to meetbot: "Meet CODE" and Join, nothing else', async () => {
    const theirs = await createInterview('Their secret project', 'T0OTHER');
    // A Meet created from Teams whose tenant id happens to equal this workspace id: still not ours.
    await h.store.watchMeet({
      code: 'TeAm5Mt1',
      platform: 'teams',
      workspaceId: h.slack.team.id,
      creatorId: 'aad-bob',
      shown: { title: 'Teams only', joinUrl: 'https://meet.rs/TeAm5Mt1' },
      createdAt: now,
      watchFrom: now,
    });
    const unknown = 'https://meet.rs/Zz9Yy8Xx';
    await h.event(linkShared([theirs.joinUrl, 'https://meet.rs/TeAm5Mt1', unknown]));
    const unfurl = await nextUnfurl(h.slack, 0);
    expect(Object.keys(unfurl.unfurls)).toEqual([theirs.joinUrl, 'https://meet.rs/TeAm5Mt1', unknown]);
    for (const [url, code] of [
      [theirs.joinUrl, theirs.code],
      ['https://meet.rs/TeAm5Mt1', 'TeAm5Mt1'],
      [unknown, 'Zz9Yy8Xx'],
    ]) {
      expect(unfurl.unfurls[url].blocks).toEqual([
        {
          type: 'section',
          text: { type: 'mrkdwn', text: `*Meet ${code}*\nA Meet video meeting` },
          accessory: expect.objectContaining({ type: 'button', url: `https://meet.rs/${code}` }),
        },
      ]);
    }
    expect(JSON.stringify(unfurl)).not.toMatch(/secret project|Teams only|UREC|Not started/);
  });

  it('Enterprise Grid: a Meet created from the org (recorded with the enterprise id) gets its details', async () => {
    const meeting = await createInterview('Org-wide sync');
    const watch = await h.store.findWatch(meeting.code);
    const orgMeet = { ...watch!, code: 'OrG5yNc1', workspaceId: 'E0ORG' };
    await h.store.watchMeet({ ...orgMeet, shown: { ...(orgMeet.shown as object), title: 'Org meeting' } });
    const extra = {
      team_id: 'T0GRID',
      enterprise_id: 'E0ORG',
      authorizations: [
        { enterprise_id: 'E0ORG', team_id: null, user_id: 'UBOT', is_bot: true, is_enterprise_install: true },
      ],
    };
    await h.event(linkShared(['https://meet.rs/OrG5yNc1', meeting.joinUrl]), extra);
    const unfurl = await nextUnfurl(h.slack, 0);
    // The org's Meet has its details; the one created in workspace T0001 is another workspace's here.
    expect(JSON.stringify(unfurl.unfurls['https://meet.rs/OrG5yNc1'])).toContain('Org meeting');
    expect(unfurl.unfurls[meeting.joinUrl].blocks).toHaveLength(1);
    expect(JSON.stringify(unfurl.unfurls[meeting.joinUrl])).toContain(`*Meet ${meeting.code}*`);
  });

  it('links that are not Meets get nothing: meet.rs pages, malformed codes, page-like words it does not know', async () => {
    const meeting = await createInterview('Mixed message');
    const pages = [
      'https://meet.rs/pricing',
      'https://meet.rs/pro',
      'https://meet.rs/features',
      'https://meet.rs/le3YHk',
      'https://meet.rs/docs/le3YHkUb',
    ];
    await h.event(linkShared(pages));
    // A second message with one Meet among the pages: only the Meet is unfurled.
    await h.event(linkShared([...pages, meeting.joinUrl]));
    const unfurl = await nextUnfurl(h.slack, 0);
    expect(Object.keys(unfurl.unfurls)).toEqual([meeting.joinUrl]);
    // The first message, processed before the second was even sent, unfurled nothing.
    expect(h.slack.callsTo('chat.unfurl')).toHaveLength(1);
  });

  it('without links:write Slack refuses the unfurl: an information line, no failure', async () => {
    const meeting = await createInterview('No scope');
    h.slack.grantedScopes = ['commands', 'chat:write', 'chat:write.public', 'users:read', 'users:read.email'];
    await h.event(linkShared([meeting.joinUrl]));
    await h.slack.waitFor(() => h.slack.callsTo('chat.unfurl').find((c) => c.error === 'missing_scope'));
    const line = await eventually(
      () => h.logs.find((l) => String(l.msg).includes('no links:write scope')),
      'the information line',
    );
    expect(line.level).toBe(30);
    expect(h.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
