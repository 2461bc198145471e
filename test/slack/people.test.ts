import type { webApi } from '@slack/bolt';
import { createPeopleResolver } from '../../src/slack/people';

/** A stand-in for the Web API client that counts `users.info` calls. */
function fakeClient() {
  const asked: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        asked.push(user);
        return {
          ok: true,
          user: {
            id: user,
            name: user.toLowerCase(),
            profile: { email: `${user.toLowerCase()}@acme.com`, first_name: user },
          },
        };
      },
    },
  } as unknown as webApi.WebClient;
  return { client, asked };
}

describe('Slack people cache', () => {
  test('a user is looked up once while cached, per workspace', async () => {
    const { client, asked } = fakeClient();
    const people = createPeopleResolver();
    const first = await people.resolveUser(client, 'T1', 'UALICE');
    const again = await people.resolveUser(client, 'T1', 'UALICE');
    await people.resolveUser(client, 'T2', 'UALICE');
    expect(first).toEqual(again);
    expect(first.ok && first.value.email).toBe('ualice@acme.com');
    expect(asked).toEqual(['UALICE', 'UALICE']);
  });

  test('the cache is bounded: the least recently used user is asked again', async () => {
    const { client, asked } = fakeClient();
    const people = createPeopleResolver({ maxEntries: 2 });
    for (const id of ['U1', 'U2', 'U3', 'U1']) await people.resolveUser(client, 'T1', id);
    expect(asked).toEqual(['U1', 'U2', 'U3', 'U1']);
  });

  test('entries expire after the time to live', async () => {
    const { client, asked } = fakeClient();
    const people = createPeopleResolver({ ttlMs: 20 });
    await people.resolveUser(client, 'T1', 'U1');
    await new Promise((r) => setTimeout(r, 40));
    await people.resolveUser(client, 'T1', 'U1');
    expect(asked).toEqual(['U1', 'U1']);
  });
});
