import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { openStore } from '../../src/store/open-store';
import { activityKey } from '../../src/teams/create-meet';
import { meetEnv } from '../fixtures/app-env';
import { eventually } from '../fixtures/eventually';
import { type FakeBotConnector, type SentActivity, startFakeBotConnector } from '../fixtures/fake-bot-connector';
import { type SpawnedServer, spawnServer } from '../fixtures/spawn-server';
import { cardProblems } from '../teams/validate-card';
import { activity, alice, bob, botAccount, mention } from './teams-harness';

// Timeouts: the first spawn may compile dist/ (bin/meetbot.js), about 15 s; test 2 waits 7 s for the Meet API.

/**
 * A supervisor stops meetbot (SIGTERM to its process group) while a Meet asked for in Teams is
 * being created: the turn still finishes (or, for a message-extension submit already answered
 * "being created", its late result is still posted), the channel gets the card with the join link,
 * the creator's 1:1 chat the code and passcode, the store the Meet, and the process exits 0.
 * The spawned meetbot runs in the Emulator mode (TEAMS_EMULATOR=1), replying to a fake Bot
 * Connector on loopback.
 */

const channelId = '19:general@thread.tacv2';

let sandbox: Sandbox;
let connector: FakeBotConnector;
let dir: string;
let server: SpawnedServer | undefined;

beforeEach(async () => {
  sandbox = await startSandbox();
  connector = await startFakeBotConnector();
  connector.addMember(bob);
  connector.addMember(alice);
  dir = mkdtempSync(join(tmpdir(), 'meetbot-shutdown-teams-'));
});

afterEach(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  server = undefined;
  await connector.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

function spawnTeams(databaseUrl: string): Promise<SpawnedServer> {
  return spawnServer({ ...meetEnv(sandbox), DATABASE_URL: databaseUrl, TEAMS_EMULATOR: '1' });
}

/** What the Bot Connector would POST to /api/messages (from loopback, no token: the Emulator mode). */
async function post(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The guest's passcode, as meetbot sent it to the Meet API. */
function passcodeSent(): string | undefined {
  const create = sandbox.requests.find((r) => r.method === 'POST' && r.path === '/v1/meetings');
  return /"condition":"(\d{8})"/.exec(JSON.stringify(create?.body))?.[1];
}

function supervisorStops(running: SpawnedServer): void {
  // What a supervisor does: the whole process group.
  process.kill(-(running.child.pid as number), 'SIGTERM');
}

/** The channel card and the creator's private message, checked against the Meet the sandbox made. */
function expectDelivered(title: string): void {
  const meeting = sandbox.meetings.at(-1);
  expect(meeting?.title).toBe(title);

  const inChannel = connector.sent.filter((s) => s.conversationId === channelId);
  expect(inChannel).toHaveLength(1);
  const card = inChannel[0].activity.attachments[0].content;
  expect(cardProblems(card)).toEqual([]);
  expect(card.actions[0]).toMatchObject({ type: 'Action.OpenUrl', url: meeting?.joinUrl });

  // The private part goes to the creator's 1:1 chat with the bot, which the bot opened for it.
  expect(connector.conversations.map((c) => c.params.members)).toEqual([[expect.objectContaining({ id: bob.id })]]);
  const privately: SentActivity[] = connector.sent.filter((s) => s.conversationId === connector.conversations[0].id);
  expect(privately).toHaveLength(1);
  const passcode = passcodeSent();
  expect(passcode).toBeDefined();
  const secret = JSON.stringify(privately[0].activity);
  expect(secret).toContain(meeting?.code);
  expect(secret).toContain(passcode);
  expect(JSON.stringify(card)).not.toContain(passcode);
}

function expectStoppedCleanly(running: SpawnedServer): void {
  const messages = running.lines.map((l) => l.msg);
  expect(messages).toEqual(expect.arrayContaining(['shutting down: finishing requests in flight', 'stopped']));
  expect(messages.indexOf('stopped')).toBe(messages.length - 1);
  // Nothing was cut off at the end of the grace period, and nothing failed.
  expect(running.lines.filter((l) => (l.level as number) >= 40)).toEqual([
    expect.objectContaining({ msg: expect.stringContaining('Teams: Emulator mode (TEAMS_EMULATOR=1)') }),
  ]);
}

async function expectStored(databaseUrl: string, key: string | undefined): Promise<void> {
  const meeting = sandbox.meetings.at(-1);
  expect(key).toBeDefined();
  const store = await openStore(databaseUrl);
  try {
    const audit = await store.listMeetsByUser({ platform: 'teams', userId: bob.aadObjectId, limit: 5 });
    expect(audit.map((a) => a.meetCode)).toEqual([meeting?.code]);
    expect(await store.claimIdempotency(key as string, 60_000)).toEqual({
      status: 'taken',
      outcome: { code: meeting?.code, joinUrl: meeting?.joinUrl },
    });
  } finally {
    await store.close();
  }
}

test('SIGTERM during a slow create from a message: the turn finishes, the channel gets the card, the creator the passcode, the store the Meet; exit 0', async () => {
  const databaseUrl = `sqlite:${join(dir, 'meetbot.db')}`;
  server = await spawnTeams(databaseUrl);
  sandbox.injectFault({ method: 'POST', path: '/v1/meetings', delayMs: 2_000 });

  const me = mention(botAccount);
  const al = mention(alice);
  const message = activity(connector, {
    text: `${me.text} meeting ${al.text} guest@example.org "Quarterly planning"`,
    entities: [me.entity, al.entity],
  });
  const answered = post(server.url, message);
  await eventually(
    () => sandbox.requests.some((r) => r.method === 'POST' && r.path === '/v1/meetings'),
    'the create request to reach the Meet API',
  );
  expect(connector.sent).toEqual([]);

  supervisorStops(server);
  expect((await answered).status).toBe(200);
  expect(await server.exited).toBe(0);

  expectDelivered('Quarterly planning');
  expectStoppedCleanly(server);
  await expectStored(databaseUrl, activityKey(message as { id: string; conversation: { id: string } }));
}, 60_000);

test('SIGTERM after a message-extension submit was answered "being created": the late card and passcode are still posted; exit 0', async () => {
  const databaseUrl = `sqlite:${join(dir, 'meetbot.db')}`;
  server = await spawnTeams(databaseUrl);
  // Longer than the 4 s the bot waits before it answers an invoke (src/teams/app.ts invokeDeadlineMs).
  sandbox.injectFault({ method: 'POST', path: '/v1/meetings', delayMs: 7_000 });

  const submit = activity(connector, {
    type: 'invoke',
    name: 'composeExtension/submitAction',
    value: {
      commandId: 'createMeet',
      commandContext: 'compose',
      data: { action: 'createMeet', template: 'meeting', title: 'Late planning', emails: 'guest@example.org' },
    },
    text: undefined,
  });
  const res = await post(server.url, submit);
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.body)).toContain('being created');
  // Answered, and the Meet is still being created: nothing delivered yet.
  expect(sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/meetings')).toHaveLength(1);
  expect(sandbox.meetings).toEqual([]);
  expect(connector.sent).toEqual([]);

  supervisorStops(server);
  expect(await server.exited).toBe(0);

  expectDelivered('Late planning');
  // Posted to the conversation, not inserted into the compose box (the invoke was long answered).
  expect(connector.sent.find((s) => s.conversationId === channelId)?.replyToId).toBeUndefined();
  expect(server.lines.map((l) => l.msg)).toEqual(
    expect.arrayContaining(['Teams: the Meet API is slow; the result will be posted']),
  );
  expectStoppedCleanly(server);
  await expectStored(databaseUrl, activityKey(submit as { id: string; conversation: { id: string } }));
}, 60_000);
