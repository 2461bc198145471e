import { readFileSync } from 'node:fs';
import path from 'node:path';
import { botScopes } from '../../src/slack/scopes';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../manifests/slack/manifest.json'), 'utf8'));

describe('Slack app manifest', () => {
  it('declares /meet with escaping, on /slack/events', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: '/meet',
        should_escape: true,
        url: expect.stringMatching(/\/slack\/events$/),
      }),
    ]);
  });

  it('declares the shortcuts the app listens to', () => {
    expect(
      manifest.features.shortcuts.map((s: { type: string; callback_id: string }) => [s.type, s.callback_id]),
    ).toEqual([
      ['global', 'create_meet'],
      ['message', 'create_meet_from_message'],
    ]);
  });

  it('has interactivity, App Home and the events the app handles', () => {
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: expect.stringMatching(/\/slack\/events$/),
    });
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_uninstalled',
      'tokens_revoked',
    ]);
    expect(manifest.oauth_config.redirect_urls).toEqual([expect.stringMatching(/\/slack\/oauth_redirect$/)]);
  });

  it('asks for exactly the scopes the OAuth install asks for', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...botScopes].sort());
    expect(botScopes).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read', 'users:read.email']));
  });
});
