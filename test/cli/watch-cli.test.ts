import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import type { ReminderTickReport } from '../../src/flows/reminders';
import type { WatchTickReport } from '../../src/flows/watch-meets';
import type { SlackMessageRef } from '../../src/slack/channel-message';
import type { WatchedMeet } from '../../src/store/watch-records';
import { type Harness, signingSecret, startHarness, waitForChannelMessage } from '../e2e/slack-harness';
import { slackAppEnv } from '../fixtures/app-env';
import { eventually } from '../fixtures/eventually';

/**
 * `meetbot watch run [--at ISO] [--json]`, the watcher tick a cron deployment runs once a minute:
 * a Meet created from Slack (by /meet, through the Slack harness, into an SQLite file) is followed
 * by the command, run against the same file, the same Meet sandbox and the same fake Slack API, and
 * each run changes the Meet's channel message in place. Every instant is relative to the real clock
 * at the start (the sandbox's clock and `--at` move together), so the test passes on any day.
 */

const minute = 60_000;

/** What `--json` prints: the watcher's tick and the reminders' (src/cli/watch-command.ts). */
type WatchReport = WatchTickReport & { reminders: ReminderTickReport };

describe('meetbot watch run, the watcher tick for cron', () => {
  let h: Harness;
  let dir: string;
  let databaseUrl: string;
  /** The sandbox's clock. */
  let now: Date;
  /** The CLI's clock (what a run without --at goes by): left behind unless a test moves it. */
  let cliNow: Date;
  let watch: WatchedMeet;
  let ref: Extract<SlackMessageRef, { kind: 'slack' }>;

  beforeAll(async () => {
    now = new Date();
    cliNow = now;
    dir = mkdtempSync(join(tmpdir(), 'meetbot-watch-cli-'));
    databaseUrl = `sqlite:${join(dir, 'meetbot.db')}`;
    h = await startHarness({
      watching: true,
      databaseUrl,
      sandbox: { now: () => now },
      passcodes: ['11112222', '33334444'],
    });
    // Created from chat the way the product does it: /meet in #hiring, the watch saved in the store file.
    await h.slash('interview <@UINT|ian> jane@example.com "Cron sync" 30m');
    const message = await waitForChannelMessage(h.slack, 'Cron sync');
    expect(message.via).toBe('bot');
    expect(JSON.stringify(message.body)).toContain('Not started yet');
    watch = await eventually(async () => h.store.findWatch(h.sandbox.meetings.at(-1)!.code), 'the watch');
    const saved = watch.message as SlackMessageRef;
    if (saved.kind !== 'slack') throw new Error(`expected a bot-posted message, got ${saved.kind}`);
    ref = saved;
  });

  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function meetbot(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, {
      env: { ...slackAppEnv(h.sandbox, h.slack, signingSecret), DATABASE_URL: databaseUrl },
      io: { out: (t) => out.push(t), err: (t) => err.push(t) },
      clock: () => cliNow,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  /** Moves the sandbox's clock; returns the instant as `--at` takes it. */
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * minute);
    return now.toISOString();
  };
  const updates = () => h.slack.callsTo('chat.update').filter((c) => !c.error);
  const ratingDms = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UREC');
  const usageRequests = () => h.sandbox.requests.filter((r) => r.path.startsWith('/v1/usage'));
  const shownText = () => String(h.slack.messages.get(`${ref.channel}:${ref.ts}`)?.text);

  // The first two tests follow the Meet's life: the second starts where the first left it.
  test('a Meet gone live: one chat.update of its message, a JSON report that counts it; the same --at again changes nothing', async () => {
    // The sandbox starts a Meet a minute after its creation.
    const at = later(2);
    const first = await meetbot(['watch', 'run', '--at', at, '--json']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out) as WatchReport).toEqual({
      tenants: 1,
      polled: 1,
      usageRequests: 1,
      feedbackRequests: 0,
      updated: 1,
      feedbackSent: 0,
      failures: 0,
      reminders: { due: 0, sent: 0, skipped: 0, failed: 0 },
    });
    expect(updates()).toHaveLength(1);
    expect(updates()[0].args).toMatchObject({ channel: 'C0CHAN', ts: ref.ts });
    const live = JSON.stringify(updates()[0].args);
    expect(live).toContain('Live');
    expect(live).toContain('Cron sync');
    expect(live).toContain('"action_id":"join_meet"');
    expect(shownText()).toContain('Live');
    // The usage asked is up to the --at instant, not the CLI clock's now (two minutes earlier).
    expect(usageRequests().at(-1)?.query.to).toBe(at);
    expect((await h.store.findWatch(watch.code))?.state).toBe('live');

    // cron fires twice for the same minute, or an operator re-runs it: the tick is claimed in the
    // store, so the run polls nothing (as a replica next to it would) and updates nothing.
    const usageAsked = usageRequests().length;
    const again = await meetbot(['watch', 'run', '--at', at, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out) as WatchReport).toMatchObject({ tenants: 1, polled: 0, updated: 0, failures: 0 });
    expect(usageRequests()).toHaveLength(usageAsked);
    expect(updates()).toHaveLength(1);

    // The next minute it is still live, with the same people: polled, and the message left as it is.
    const next = await meetbot(['watch', 'run', '--at', later(1), '--json']);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.out) as WatchReport).toMatchObject({ polled: 1, updated: 0, failures: 0 });
    expect(usageRequests()).toHaveLength(usageAsked + 1);
    expect(updates()).toHaveLength(1);
    expect(shownText()).toContain('Live');
  });

  test('without --json one line of counts; without --at the clock decides: the Meet ended, then its ratings go to the creator once', async () => {
    // It started a minute after creation and its 30 minutes are over; no --at: the run is at the clock's now.
    later(31);
    cliNow = now;
    const ended = await meetbot(['watch', 'run']);
    expect(ended.err).toBe('');
    expect(ended.code).toBe(0);
    expect(ended.out).toBe(
      'polled 1 of 1 tenants, updated 1 messages, sent 0 ratings, 0 failed; reminders: 0 sent, 0 skipped, 0 failed',
    );
    expect(updates()).toHaveLength(2);
    const text = JSON.stringify(updates()[1].args);
    expect(text).toContain('Ended');
    expect(text).toContain('30m');
    expect(text).not.toContain('"action_id":"join_meet"');
    expect(shownText()).toContain('Ended');
    // Its Slack Call is ended with the Meet's duration.
    expect(h.slack.slackCalls.get(String(ref.callId))?.ended).toMatchObject({ duration: '1800' });
    expect(usageRequests().at(-1)?.query.to).toBe(now.toISOString());

    // A minute after the end the sandbox has ratings: the next run sends them to the creator, privately.
    const rated = await meetbot(['watch', 'run', '--at', later(2)]);
    expect(rated.code).toBe(0);
    expect(rated.out).toMatch(/^polled 1 of 1 tenants, updated 0 messages, sent 1 ratings, 0 failed;/);
    expect(ratingDms()).toHaveLength(1);
    expect(JSON.stringify(ratingDms()[0].args)).toContain('How it went: Cron sync');
    expect((await h.store.findWatch(watch.code))?.feedback).toBe('sent');

    const after = await meetbot(['watch', 'run', '--at', later(1)]);
    expect(after.code).toBe(0);
    expect(ratingDms()).toHaveLength(1);
    expect(updates()).toHaveLength(2);
  });

  test('the Meet API failing: exit 1, the message left as it was, a warning on stderr; the next run catches up', async () => {
    await h.slash('interview <@UINT|ian> jane@example.com "Flaky sync" 30m');
    await waitForChannelMessage(h.slack, 'Flaky sync');
    const flaky = await eventually(async () => h.store.findWatch(h.sandbox.meetings.at(-1)!.code), 'the second watch');
    const flakyRef = flaky.message as Extract<SlackMessageRef, { kind: 'slack' }>;
    const flakyUpdates = () => updates().filter((c) => c.args.ts === flakyRef.ts);

    h.sandbox.injectFault({ path: /^\/v1\/usage/, status: 503, times: Number.POSITIVE_INFINITY });
    const stderr: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    let failed: { code: number; out: string; err: string };
    try {
      failed = await meetbot(['watch', 'run', '--at', later(2), '--json']);
    } finally {
      spy.mockRestore();
      h.sandbox.clearFaults();
    }
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.out) as WatchReport).toMatchObject({ polled: 1, updated: 0, failures: 1 });
    expect(flakyUpdates()).toHaveLength(0);
    expect((await h.store.findWatch(flaky.code))?.state).toBe('created');
    // The CLI logs warnings of a watch run to stderr (JSON lines), for cron's mail or journal.
    expect(stderr.join('')).toContain('watcher: tenant poll failed');

    const recovered = await meetbot(['watch', 'run', '--at', later(1), '--json']);
    expect(recovered.code).toBe(0);
    expect(JSON.parse(recovered.out) as WatchReport).toMatchObject({ updated: 1, failures: 0 });
    expect(flakyUpdates()).toHaveLength(1);
    expect(JSON.stringify(flakyUpdates()[0].args)).toContain('Live');
  });

  test('a bad --at or an unknown subcommand: exit 2, one line on stderr, nothing asked or updated', async () => {
    const sent = h.slack.calls.length;
    const asked = h.sandbox.requests.length;
    const before = await h.store.findWatch(watch.code);

    const badAt = await meetbot(['watch', 'run', '--at', 'tomorrow 9am']);
    expect(badAt.code).toBe(2);
    expect(badAt.out).toBe('');
    expect(badAt.err.trim().split('\n')).toEqual([
      '--at must be an ISO 8601 instant such as 2026-12-01T10:00:00Z, not "tomorrow 9am"',
    ]);

    const emptyAt = await meetbot(['watch', 'run', '--at']);
    expect(emptyAt.code).toBe(2);
    expect(emptyAt.err.trim().split('\n')).toEqual([expect.stringContaining('--at must be an ISO 8601 instant')]);

    for (const args of [['watch', 'start'], ['watch'], ['watch', 'run', 'now']]) {
      const run = await meetbot(args);
      expect({ args, code: run.code, out: run.out }).toEqual({ args, code: 2, out: '' });
      expect(run.err.trim().split('\n')).toEqual(['usage: meetbot watch run [--at ISO] [--json]']);
    }

    expect(h.slack.calls).toHaveLength(sent);
    expect(h.sandbox.requests).toHaveLength(asked);
    expect(await h.store.findWatch(watch.code)).toEqual(before);
  });
});
