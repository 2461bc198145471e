import { ClaimsIdentity } from 'botframework-connector';
import { processSecrets } from '../../src/secrets/scrubber';
import { createBotAuthentication, registeringTokens, type ServiceClientCredentials } from '../../src/teams/auth';

/**
 * The bot's outbound credentials register each token they sign with the log scrubber, once per
 * credentials object: botbuilder hands the same object out for every turn (in the Emulator mode a
 * shared empty one), and a wrapper per turn nested until the stack overflowed (seen in the soak).
 */

function headersOf(): { get(name: string): string | undefined; set(name: string, value: string): void } {
  const values = new Map<string, string>();
  return { get: (name) => values.get(name.toLowerCase()), set: (name, value) => values.set(name.toLowerCase(), value) };
}

test('the same credentials, handed out for 20,000 turns, still sign in one step', async () => {
  const auth = createBotAuthentication({ mode: 'emulator' });
  const identity = new ClaimsIdentity([], true);
  let client: unknown;
  for (let i = 0; i < 20_000; i++) {
    client = await auth.createConnectorFactory(identity).create('http://127.0.0.1:9/', 'https://api.botframework.com');
  }
  const credentials = (client as { credentials: ServiceClientCredentials }).credentials;
  const request = { headers: headersOf() } as unknown as Parameters<ServiceClientCredentials['signRequest']>[0];
  await expect(credentials.signRequest(request)).resolves.toBe(request);
});

test('a token signed into a request is held by the scrubber from then on', async () => {
  const token = 'bf-token-4be1c0ffee7d2a91';
  const credentials: ServiceClientCredentials = {
    async signRequest(request) {
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  } as ServiceClientCredentials;
  const wrapped = registeringTokens(registeringTokens(credentials));
  expect(wrapped).toBe(credentials);
  expect(processSecrets.scrub(`{"msg":"sent ${token}"}`)).toContain(token);
  await wrapped.signRequest({ headers: headersOf() } as unknown as Parameters<
    ServiceClientCredentials['signRequest']
  >[0]);
  expect(processSecrets.scrub(`{"msg":"sent ${token}"}`)).not.toContain(token);
});
