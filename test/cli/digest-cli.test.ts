import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { openStore } from '../../src/store/open-store';
import { slackAppEnv } from '../fixtures/app-env';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';

const bin = join(__dirname, '..', '..', 'bin', 'meetbot.js');

function meetbot(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('meetbot digest run / preview, as an operator runs them from cron', () => {
  let sandbox: Sandbox;
  let slack: FakeSlackApi;
  let dir: string;
  let env: Record<string, string>;
  const at = '2026-11-30T09:00:30Z';

  beforeAll(async () => {
    sandbox = await startSandbox({ now: () => new Date('2026-11-30T09:00:00Z') });
    slack = await startFakeSlackApi();
    dir = mkdtempSync(join(tmpdir(), 'meetbot-digest-cli-'));
    const databaseUrl = `sqlite:${join(dir, 'meetbot.db')}`;
    // Subscribed a week before the run: a subscription saved with the real clock would be "created
    // after" the fixed instant below and nothing would be due (main went red on 2026-12-01).
    const store = await openStore(databaseUrl, { clock: () => new Date('2026-11-23T09:00:00Z') });
    await store.saveDigestSubscription({
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'CDIGEST',
      weekday: 1,
      time: '09:00',
      timeZone: 'UTC',
      tenant: 'ACME01',
      createdBy: 'UREC',
    });
    await store.close();
    env = { ...slackAppEnv(sandbox, slack), DATABASE_URL: databaseUrl };
  });

  afterAll(async () => {
    await slack.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('preview prints the channel’s digest and sends nothing', async () => {
    const run = await meetbot(['digest', 'preview', '--channel', 'CDIGEST', '--at', at], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Weekly Meet digest');
    expect(run.stdout).toContain('ACME01');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  test('run sends the due digest once; the same run again sends nothing', async () => {
    const first = await meetbot(['digest', 'run', '--at', at], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^sent 1, failed 0, skipped 0/);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0].args.channel).toBe('CDIGEST');
    expect(JSON.stringify(posts[0].args.blocks)).toContain('Weekly Meet digest');
    const usage = sandbox.requests.filter((r) => r.path === '/v1/usage/ACME01');
    expect(usage.at(-1)!.query.from).toBe('2026-11-16T00:00:00.000Z');

    const again = await meetbot(['digest', 'run', '--at', at, '--json'], env);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { sent: unknown[]; skipped: Array<{ reason: string }> };
    expect(report.sent).toHaveLength(0);
    expect(report.skipped.map((s) => s.reason)).toEqual(['already_sent']);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  test('preview of a channel without a subscription says how to subscribe, in one line', async () => {
    const run = await meetbot(['digest', 'preview', '--channel', 'CNOPE', '--at', at], env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('CNOPE has no digest subscription')]);
  });

  test('preview --tenant shows a tenant’s digest before anyone subscribes, and sends nothing', async () => {
    const sent = slack.callsTo('chat.postMessage').length;
    const run = await meetbot(['digest', 'preview', '--tenant', 'ACMEDE', '--tz', 'Europe/Berlin', '--at', at], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Preview for tenant ACMEDE, Europe/Berlin (not sent)');
    expect(run.stdout).toContain('Weekly Meet digest');
    expect(sandbox.requests.at(-1)?.path).toMatch(/^\/v1\/(usage|feedbacks)\/ACMEDE$/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(sent);
  });

  test('preview needs exactly one of --channel and --tenant', async () => {
    const run = await meetbot(['digest', 'preview', '--at', at], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--tenant CODE');
  });

  test('a bad --at is refused with an example', async () => {
    const run = await meetbot(['digest', 'run', '--at', 'monday'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2026-11-30T09:00:00Z');
  });
});
