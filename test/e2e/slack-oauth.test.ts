import { type Harness, startHarness, waitForChannelMessage } from './slack-harness';

describe('Slack OAuth install (multi-workspace)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ oauth: true });
  });
  afterAll(() => h.close());

  it('installs, serves the workspace with its own token, and forgets it on uninstall', async () => {
    const install = await fetch(`${h.url}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get('location') ?? '');
    expect(location.pathname).toBe('/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('111.222');
    expect(location.searchParams.get('scope')?.split(',')).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'users:read', 'users:read.email']),
    );
    const state = location.searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0];

    const callback = await fetch(`${h.url}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(callback.status).toBeLessThan(400);
    const exchange = h.slack.callsTo('oauth.v2.access');
    expect(exchange).toHaveLength(1);
    expect(exchange[0].args.code).toBe('the-code');
    const saved = await h.store.findSlackInstallation({ teamId: 'T0001', isEnterpriseInstall: false });
    expect(saved).toBeDefined();

    await h.slash('meeting <@UBOB> "Installed"');
    const meetMessage = await waitForChannelMessage(h.slack, 'Installed');
    expect(h.slack.callsTo('chat.postMessage').find((c) => c.args === meetMessage.body)?.token).toBe(
      'xoxb-installed-T0001',
    );
    expect(h.slack.callsTo('users.info').every((c) => c.token === 'xoxb-installed-T0001')).toBe(true);

    const posted = await h.app.postMessage({ workspaceId: 'T0001', channelId: 'C0DIGEST' }, { text: 'weekly digest' });
    expect(posted.messageId).toBeTruthy();
    expect(h.slack.callsTo('chat.postMessage').at(-1)?.token).toBe('xoxb-installed-T0001');

    const uninstalled = await h.event({ type: 'app_uninstalled', event_ts: '2.2' });
    expect(uninstalled.status).toBe(200);
    for (
      let i = 0;
      i < 100 && (await h.store.findSlackInstallation({ teamId: 'T0001', isEnterpriseInstall: false }));
      i++
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await h.store.findSlackInstallation({ teamId: 'T0001', isEnterpriseInstall: false })).toBeUndefined();
    await expect(
      h.app.postMessage({ workspaceId: 'T0001', channelId: 'C0DIGEST' }, { text: 'x' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses a callback with a forged state', async () => {
    const before = h.slack.callsTo('oauth.v2.access').length;
    const callback = await fetch(`${h.url}/slack/oauth_redirect?code=x&state=forged`, { redirect: 'manual' });
    expect(callback.status).toBeGreaterThanOrEqual(400);
    expect(h.slack.callsTo('oauth.v2.access').length).toBe(before);
  });
});
