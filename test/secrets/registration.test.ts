import { createMeetClient } from '../../src/meet/client';
import { startSandbox } from '../../src/sandbox/server';
import { processSecrets } from '../../src/secrets/scrubber';
import { createInstallationStore, findBotToken } from '../../src/slack/installation-store';
import { openStore } from '../../src/store/open-store';
import { interviewRequest } from '../meet/fixtures/harness';

/**
 * Where the process obtains a secret, it registers it with the process's scrubber. The values
 * here have no secret's shape (no `xoxb-`, no `eyJ`), so only the registration can blank them.
 */
const scrubbed = (value: string) => processSecrets.scrub(JSON.stringify({ msg: `it was ${value}` }));
const blank = JSON.stringify({ msg: 'it was [redacted]' });

describe('the Meet client', () => {
  test('registers each access token it obtains, and each passcode it sends', async () => {
    const sandbox = await startSandbox({ seed: false });
    const client = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
    try {
      sandbox.injectFault({
        method: 'POST',
        path: '/v1/token',
        status: 200,
        body: { access_token: 'opaque-meet-token-7f3a9c2e', expires_at: Math.floor(Date.now() / 1000) + 3600 },
      });
      expect(scrubbed('opaque-meet-token-7f3a9c2e')).not.toBe(blank);
      await client.checkToken();
      expect(scrubbed('opaque-meet-token-7f3a9c2e')).toBe(blank);

      // The sandbox answers the create itself, whatever the token.
      sandbox.injectFault({
        method: 'POST',
        path: '/v1/meetings',
        status: 201,
        body: { id: 'm1', code: 'c1', joinUrl: 'https://meet.rs/c1' },
      });
      const request = interviewRequest('Typed-Guest-7');
      request.participants?.push({ role: 'Guest', accessRules: [{ provider: 'Passcode', condition: '90817263' }] });
      expect(scrubbed('Typed-Guest-7')).not.toBe(blank);
      await client.createMeeting(request);
      expect(scrubbed('Typed-Guest-7')).toBe(blank);
      expect(scrubbed('90817263')).toBe(blank);
      // An SSO condition is an identity, not a secret: it stays readable.
      expect(scrubbed('jack@acme.com')).not.toBe(blank);
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});

describe('the Slack installation store', () => {
  test('registers the tokens of an installation it saves or reads', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      const installations = createInstallationStore(store);
      const installation = (team: string, token: string) => ({
        team: { id: team },
        enterprise: undefined,
        isEnterpriseInstall: false,
        bot: { id: 'B1', userId: 'UBOT', scopes: ['commands'], token },
        user: { id: 'U1', token: undefined, scopes: undefined },
      });
      await installations.storeInstallation(installation('T1', 'saved-bot-token-31415'));
      expect(scrubbed('saved-bot-token-31415')).toBe(blank);

      // Saved by another replica: this process first holds the token when it reads it.
      await store.saveSlackInstallation({
        teamId: 'T2',
        isEnterpriseInstall: false,
        installation: installation('T2', 'other-replica-token-27182'),
      });
      expect(scrubbed('other-replica-token-27182')).not.toBe(blank);
      await installations.fetchInstallation({ teamId: 'T2', isEnterpriseInstall: false, enterpriseId: undefined });
      expect(scrubbed('other-replica-token-27182')).toBe(blank);

      await store.saveSlackInstallation({
        teamId: 'T3',
        isEnterpriseInstall: false,
        installation: installation('T3', 'digest-only-token-16180'),
      });
      expect(await findBotToken(store, 'T3')).toBe('digest-only-token-16180');
      expect(scrubbed('digest-only-token-16180')).toBe(blank);
    } finally {
      await store.close();
    }
  });
});
