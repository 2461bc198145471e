import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { openStore } from '../../src/store/open-store';
import { slackAppEnv } from '../fixtures/app-env';
import { eventually } from '../fixtures/eventually';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { type SpawnedServer, spawnServer } from '../fixtures/spawn-server';
import { addDefaultUsers, sendSlash, signingSecret } from './slack-harness';

/**
 * A supervisor stops meetbot (SIGTERM to its process group) while a Meet is being created: what
 * Slack's ack started still finishes, the channel and the creator get the Meet, the store records
 * it, and the process exits 0.
 */

let sandbox: Sandbox;
let slack: FakeSlackApi;
let dir: string;
let server: SpawnedServer | undefined;

beforeAll(async () => {
  sandbox = await startSandbox();
  slack = await startFakeSlackApi();
  addDefaultUsers(slack);
  dir = mkdtempSync(join(tmpdir(), 'meetbot-shutdown-'));
});

afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  await slack.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

test('SIGTERM during a slow create: the channel gets the join URL, the creator the passcodes, the store the Meet; exit 0', async () => {
  const databaseUrl = `sqlite:${join(dir, 'meetbot.db')}`;
  server = await spawnServer({
    ...slackAppEnv(sandbox, slack, signingSecret),
    DATABASE_URL: databaseUrl,
    MEET_SSO_PROVIDER: 'microsoft',
  });
  sandbox.injectFault({ method: 'POST', path: '/v1/meetings', delayMs: 2_000 });

  const ack = await sendSlash(server.url, slack, 'interview <@UINT|ian> jane@example.com "Backend interview"', {
    responseId: 'slow',
    triggerId: 'trigger.shutdown.1',
  });
  expect(ack.status).toBe(200);
  await eventually(
    () => sandbox.requests.some((r) => r.method === 'POST' && r.path === '/v1/meetings'),
    'the create request to reach the Meet API',
  );

  // What a supervisor does: the whole process group.
  process.kill(-(server.child.pid as number), 'SIGTERM');
  expect(await server.exited).toBe(0);

  const meeting = sandbox.meetings.at(-1);
  expect(meeting?.title).toBe('Backend interview');
  const inChannel = slack.channelMessages().find((m) => JSON.stringify(m.body).includes('Backend interview'));
  const privately = slack.responses.filter((r) => r.id === 'slow' && r.body.response_type === 'ephemeral');
  expect(JSON.stringify(inChannel?.body)).toContain(meeting?.joinUrl);
  const secret = privately.map((p) => JSON.stringify(p.body)).find((text) => text.includes(meeting?.code ?? '?'));
  const passcode = /"condition":"(\d{8})"/.exec(JSON.stringify(sandbox.requests.at(-1)?.body))?.[1];
  expect(passcode).toBeDefined();
  expect(secret).toContain(passcode);
  expect(server.lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['stopped']));
  expect(server.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);

  const store = await openStore(databaseUrl);
  try {
    const audit = await store.listMeetsByUser({ platform: 'slack', userId: 'UREC', limit: 5 });
    expect(audit.map((a) => a.meetCode)).toEqual([meeting?.code]);
    expect(await store.claimIdempotency('slack:trigger:trigger.shutdown.1', 60_000)).toEqual({
      status: 'taken',
      outcome: { code: meeting?.code, joinUrl: meeting?.joinUrl },
    });
  } finally {
    await store.close();
  }
});
