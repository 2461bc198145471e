import { type ChildProcess, fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Agent, request } from 'undici';
import { startSandbox } from '../src/sandbox/server';
import { type FakeBotConnector, startFakeBotConnector } from '../test/fixtures/fake-bot-connector';
import { type FakeSlackApi, startFakeSlackApi } from '../test/fixtures/fake-slack-api';
import type { SoakServerReply, SoakServerRequest } from './lib-soak-server';
import type { BenchResult } from './types';

/**
 * The soak: the server in its own process (bench/lib-soak-server.ts: the real composition root,
 * its digest and watcher schedulers, a SQLite file or SOAK_DATABASE_URL) under steady mixed load
 * for SOAK_SECONDS (default 300) at SOAK_RATE operations per second (default 20), against the Meet
 * sandbox playing each Meet's life at speed 60, the fake Slack Web API and the fake Bot Connector.
 *
 * The load, in a fixed cycle of ten: two `/meet meeting`, one for later (`in 2m remind:1m`), one `/meet interview`, one `/meet usage`,
 * one `/meet status`, one `/meet help` from Slack; two Teams messages that create a Meet and one
 * `usage`. Five channels subscribe to the weekly digest due two minutes in. The watcher polls every
 * 5 s, so each Meet goes live, ends and gets its rating on its message during the run.
 *
 * Reported: operations per second, p50/p99 per kind from the request to what the user sees (the
 * channel message for a create, the reply for the rest) and of the HTTP answer itself; errors,
 * which must be 0 (a non-200 answer, a reply that never came, a refused Slack call, a Meet without
 * exactly one message, a digest not posted exactly once, a failed Meet API call, any warning or
 * error the server logged); memory after a full collection in the server process at each minute,
 * and the growth from minute 2 to the end (must stay under 10 %). Sign-in is Google for colleagues
 * as the README recommends (SOAK_SSO_PROVIDER= gives everyone a passcode: the log scrubber then
 * holds each for a day, up to 10,000, about 0.5 kB apiece, which shows as growth until the cap).
 * SOAK_HEAP_SNAPSHOTS=DIR writes a heap snapshot at each measure, to compare when memory grows.
 */

const signingSecret = 'soak-signing-secret-0123456789';
const tenantId = 'a1b2c3d4-0000-4000-8000-00000000aaaa';
const bot = { id: '28:meetbot', name: 'Meet' };
const bob = { id: '29:bob', name: 'Bob Jones', aadObjectId: 'aad-bob' };
const alice = { id: '29:alice', name: 'Alice Smith', aadObjectId: 'aad-alice' };
const digestChannels = ['C0DIG1', 'C0DIG2', 'C0DIG3', 'C0DIG4', 'C0DIG5'];
const cycle = [
  'slack meeting',
  'teams meeting',
  'slack usage',
  'slack meeting',
  'slack interview',
  'teams usage',
  'slack status',
  'slack later',
  'teams meeting',
  'slack help',
] as const;
type Kind = (typeof cycle)[number] | 'slack digest';

interface Pending {
  kind: Kind;
  started: number;
  answered?: number;
}

interface Samples {
  seen: number[];
  answer: number[];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; metricsUrl: string }> {
  const child = fork(join(__dirname, 'lib-soak-server.js'), [], {
    env: { PATH: process.env.PATH ?? '', ...env },
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`soak server exited with ${code}`)));
    child.once('message', (m: SoakServerReply) => {
      if (m.type === 'ready') resolve({ child, url: m.url, metricsUrl: m.metricsUrl ?? '' });
      else if (m.type === 'failed') reject(new Error(m.message));
    });
  });
}

function ask<T extends SoakServerReply['type']>(child: ChildProcess, req: SoakServerRequest, type: T) {
  return new Promise<Extract<SoakServerReply, { type: T }>>((resolve) => {
    const onMessage = (m: SoakServerReply) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m as Extract<SoakServerReply, { type: T }>);
    };
    child.on('message', onMessage);
    child.send(req);
  });
}

/**
 * A SQLite file in `dir`, or on PostgreSQL (SOAK_DATABASE_URL) a schema of its own, dropped at
 * the end, so the soak never mixes with (or leaves rows in) what else uses that database.
 */
async function soakDatabase(
  postgresUrl: string | undefined,
  dir: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) return { url: `sqlite:${join(dir, 'soak.db')}`, drop: async () => {} };
  const schema = `meetbot_soak_${process.pid}_${Date.now()}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  const separator = postgresUrl.includes('?') ? '&' : '?';
  return {
    url: `${postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

/** `HH:MM` and weekday, in UTC, of the first whole minute at least `ms` from now. */
function digestTime(ms: number): { at: Date; day: string; time: string } {
  const at = new Date(Math.ceil((Date.now() + ms) / 60_000) * 60_000);
  const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][at.getUTCDay()];
  const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  return { at, day, time };
}

export async function run(): Promise<BenchResult[]> {
  const seconds = Number(process.env.SOAK_SECONDS ?? 300);
  const rate = Number(process.env.SOAK_RATE ?? 20);
  const dir = mkdtempSync(join(tmpdir(), 'meetbot-soak-'));
  const ssoProvider = process.env.SOAK_SSO_PROVIDER ?? 'google';
  const database = await soakDatabase(process.env.SOAK_DATABASE_URL, dir);
  const databaseUrl = database.url;

  const sandbox = await startSandbox({ speed: 60, seed: false });
  const slack: FakeSlackApi = await startFakeSlackApi();
  slack.addUser({ id: 'UREC', name: 'rita', email: 'rita@acme.com', firstName: 'Rita', lastName: 'Recruiter' });
  slack.addUser({ id: 'UINT', name: 'ian', email: 'ian@acme.com', firstName: 'Ian', lastName: 'Interviewer' });
  const connector: FakeBotConnector = await startFakeBotConnector();
  connector.addMember({ ...bob, email: 'bob@contoso.com', userPrincipalName: 'bob@contoso.com' });
  connector.addMember({ ...alice, email: 'alice@contoso.com', userPrincipalName: 'alice@contoso.com' });

  const { child, url, metricsUrl } = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    METRICS_PORT: '0',
    DATABASE_URL: databaseUrl,
    MEET_API_URL: sandbox.url,
    MEET_CLIENT_KEY: 'sandbox-key',
    MEET_CLIENT_SECRET: 'sandbox-secret',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: 'xoxb-soak-token',
    SLACK_API_URL: slack.apiUrl,
    TEAMS_EMULATOR: '1',
    MEET_STATUS_POLL_SECONDS: '5',
    // As the README recommends: colleagues sign in, only outsiders get passcodes. SOAK_SSO_PROVIDER=
    // (empty) gives everyone a passcode, which the log scrubber then holds (up to 10,000, for a day).
    ...(ssoProvider ? { MEET_SSO_PROVIDER: ssoProvider } : {}),
  });
  const agent = new Agent({ connections: 32, keepAliveTimeout: 10_000 });

  const pending = new Map<string, Pending>();
  const samples = new Map<Kind, Samples>();
  const errors: string[] = [];
  const fail = (what: string) => {
    if (errors.length < 50) errors.push(what);
    else errors[49] = `… and more (last: ${what})`;
  };
  let done = 0;

  const seen = (key: string) => {
    const op = pending.get(key);
    if (!op) return;
    pending.delete(key);
    const s = samples.get(op.kind) ?? { seen: [], answer: [] };
    s.seen.push(performance.now() - op.started);
    samples.set(op.kind, s);
    done += 1;
  };
  const titleKey = (value: unknown): string | undefined => /Soak (s\d+)\b/.exec(JSON.stringify(value))?.[1];
  const createMessages = new Map<string, number>();
  const reminders = new Map<string, number>();
  const later = new Map<string, number>();
  let digestPosts = 0;
  const digestPerChannel = new Map<string, number>();
  slack.onCall = (call) => {
    if (call.error) fail(`Slack refused ${call.method}: ${call.error}`);
    if (call.method !== 'chat.postMessage') return;
    const channel = String(call.args.channel ?? '');
    if (digestChannels.includes(channel)) {
      digestPosts += 1;
      digestPerChannel.set(channel, (digestPerChannel.get(channel) ?? 0) + 1);
      return;
    }
    const key = titleKey(call.args.blocks ?? call.args.text);
    if (key && channel === 'C0SOAK' && call.args.thread_ts) {
      reminders.set(key, (reminders.get(key) ?? 0) + 1);
      return;
    }
    if (key && channel === 'C0SOAK') {
      createMessages.set(key, (createMessages.get(key) ?? 0) + 1);
      seen(key);
    }
  };
  slack.onResponse = (post) => {
    if (post.error) fail(`Slack refused a response_url post: ${post.error}`);
    seen(post.id);
  };
  let teamsWatch = 0;
  const teamsTimer = setInterval(() => {
    for (; teamsWatch < connector.sent.length; teamsWatch++) {
      const sent = connector.sent[teamsWatch];
      if (sent.replyToId) seen(sent.replyToId);
    }
  }, 10);

  async function post(path: string, headers: Record<string, string>, body: string, key: string, kind: Kind) {
    const op: Pending = { kind, started: performance.now() };
    pending.set(key, op);
    try {
      const res = await request(`${url}${path}`, { method: 'POST', headers, body, dispatcher: agent });
      await res.body.dump();
      const s = samples.get(kind) ?? { seen: [], answer: [] };
      s.answer.push(performance.now() - op.started);
      samples.set(kind, s);
      if (res.statusCode !== 200) {
        fail(`${kind} answered ${res.statusCode}`);
        pending.delete(key);
      }
    } catch (error) {
      fail(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
      pending.delete(key);
    }
  }

  function slash(text: string, key: string, kind: Kind, channel = 'C0SOAK') {
    const body = new URLSearchParams({
      team_id: slack.team.id,
      channel_id: channel,
      user_id: 'UREC',
      command: '/meet',
      text,
      response_url: slack.responseUrl(key),
      trigger_id: `trigger.${key}`,
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    };
    return post('/slack/events', headers, body, key, kind);
  }

  function teams(text: string, entities: unknown[], key: string, kind: Kind) {
    const activity = {
      type: 'message',
      id: key,
      timestamp: new Date().toISOString(),
      serviceUrl: connector.url,
      channelId: 'msteams',
      from: bob,
      recipient: bot,
      conversation: { id: '19:soak@thread.tacv2', conversationType: 'channel', tenantId, isGroup: true },
      channelData: { tenant: { id: tenantId }, team: { id: '19:team@thread.tacv2' } },
      locale: 'en-US',
      text,
      entities,
    };
    return post('/api/messages', { 'content-type': 'application/json' }, JSON.stringify(activity), key, kind);
  }

  const atBot = {
    text: `<at>${bot.name}</at>`,
    entity: { type: 'mention', text: `<at>${bot.name}</at>`, mentioned: bot },
  };
  const atAlice = {
    text: `<at>${alice.name}</at>`,
    entity: { type: 'mention', text: `<at>${alice.name}</at>`, mentioned: { id: alice.id, name: alice.name } },
  };
  let n = 0;
  function next(): Promise<void> {
    n += 1;
    const kind = cycle[n % cycle.length];
    const key = `s${n}`;
    switch (kind) {
      case 'slack meeting':
        return slash(`meeting <@UINT|ian> "Soak ${key}" 30m`, key, kind);
      case 'slack later':
        later.set(key, Date.now());
        return slash(`meeting <@UINT|ian> "Soak ${key}" 30m in 2m remind:1m`, key, kind);
      case 'slack interview':
        return slash(`interview <@UINT|ian> cand${n}@example.com "Soak ${key}"`, key, kind);
      case 'slack usage':
        return slash('usage this week', key, kind);
      case 'slack status':
        return slash('status', key, kind);
      case 'slack help':
        return slash('help', key, kind);
      case 'teams meeting':
        return teams(
          `${atBot.text} meeting ${atAlice.text} "Soak ${key}" 30m`,
          [atBot.entity, atAlice.entity],
          key,
          kind,
        );
      case 'teams usage':
        return teams(`${atBot.text} usage this week`, [atBot.entity], key, kind);
    }
  }

  // The digest: five channels, due at the first whole minute two minutes from now.
  const digest = digestTime(120_000);
  for (const [i, channel] of digestChannels.entries()) {
    await slash(`digest weekly ${digest.day} ${digest.time} tz:UTC`, `digest${i}`, 'slack digest', channel);
  }

  const memory: Array<{ at: number; rss: number; heapUsed: number; codeUsed: number; passcodesHeld: number }> = [];
  const measure = async (at: number) => {
    const snapshots = process.env.SOAK_HEAP_SNAPSHOTS;
    const snapshot = snapshots ? join(snapshots, `soak-${at}s.heapsnapshot`) : undefined;
    const m = await ask(child, { type: 'memory', ...(snapshot ? { snapshot } : {}) }, 'memory');
    memory.push({ at, rss: m.rss, heapUsed: m.heapUsed, codeUsed: m.codeUsed, passcodesHeld: m.passcodesHeld });
  };
  await measure(0);

  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  const minuteMarks = new Set<number>();
  let scheduled = 0;
  while (performance.now() - started < seconds * 1000) {
    const elapsed = performance.now() - started;
    const minute = Math.floor(elapsed / 60_000);
    if (minute > 0 && !minuteMarks.has(minute)) {
      minuteMarks.add(minute);
      await measure(minute * 60);
    }
    const due = Math.floor((elapsed / 1000) * rate);
    while (scheduled < due) {
      scheduled += 1;
      const p = next().finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const loadEnded = Date.now();
  await Promise.all(inFlight);
  // What was acknowledged gets seen (the watcher also finishes the last Meets' lives).
  const drainUntil = Date.now() + 30_000;
  while (pending.size > 0 && Date.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
  await measure(Math.round(loadSeconds));
  clearInterval(teamsTimer);

  for (const [key, op] of pending) fail(`${op.kind} ${key}: nothing seen within 30 s of the end`);
  // Every Meet the sandbox created has exactly one channel message (Slack or Teams).
  const teamsCards = new Map<string, number>();
  for (const sent of connector.sent) {
    // The card answering the message that created it (usage cards list Meets' titles too).
    const key = sent.replyToId && titleKey(sent.activity?.attachments);
    if (key && key === sent.replyToId) teamsCards.set(key, (teamsCards.get(key) ?? 0) + 1);
  }
  const titles = new Map<string, number>();
  for (const meeting of sandbox.meetings) {
    const key = titleKey(meeting.title);
    if (key) titles.set(key, (titles.get(key) ?? 0) + 1);
  }
  for (const [key, count] of titles) {
    if (count !== 1) fail(`${count} Meets titled Soak ${key}`);
    const messages = (createMessages.get(key) ?? 0) + (teamsCards.get(key) ?? 0);
    if (messages !== 1) fail(`Soak ${key}: ${messages} channel messages`);
  }
  // A Meet for later: its reminder in the message's thread once, a minute before its start (which
  // is two minutes after creation, to the minute); those due before the end are checked.
  let remindersChecked = 0;
  for (const [key, createdAt] of later) {
    const count = reminders.get(key) ?? 0;
    if (count > 1) fail(`Soak ${key}: ${count} reminders`);
    if (createdAt + 90_000 < loadEnded && count !== 1) fail(`Soak ${key}: no reminder`);
    if (createdAt + 90_000 < loadEnded) remindersChecked += 1;
  }
  const digestDue = digest.at.getTime() + 5_000 < Date.now();
  if (digestDue) {
    for (const channel of digestChannels) {
      const count = digestPerChannel.get(channel) ?? 0;
      if (count !== 1) fail(`digest in ${channel} posted ${count} times`);
    }
  }

  // The server's own account: failed creates and Meet API errors, warnings and errors logged.
  const scrape = await request(metricsUrl);
  if (scrape.statusCode !== 200) fail(`/metrics answered ${scrape.statusCode}`);
  const metrics = await scrape.body.text();
  const sum = (match: RegExp) =>
    metrics
      .split('\n')
      .filter((line) => match.test(line))
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  const failedCreates = sum(/^meetbot_meets_failed_total\{/);
  const meetApiErrors = sum(/^meetbot_meet_api_requests_total\{.*status="(?:[45]\d\d|timeout|network)"/);
  const slackUpdates = sum(/^meetbot_watcher_message_updates_total\{platform="slack"/);
  const teamsUpdates = sum(/^meetbot_watcher_message_updates_total\{platform="teams"/);
  const watcherPolls = sum(/^meetbot_watcher_tenant_polls_total\{outcome="ok"/);
  const ratings = sum(/^meetbot_watcher_ratings_sent_total/);
  if (failedCreates > 0) fail(`${failedCreates} creates failed (meetbot_meets_failed_total)`);
  if (meetApiErrors > 0) fail(`${meetApiErrors} Meet API calls failed (meetbot_meet_api_requests_total)`);
  const logs = await ask(child, { type: 'logs' }, 'logs');
  if (logs.errors + logs.warnings > 0) {
    fail(
      `server logged ${logs.warnings} warnings and ${logs.errors} errors, e.g. ${logs.samples.slice(0, 3).join(' | ')}`,
    );
  }

  await ask(child, { type: 'close' }, 'closed');
  await agent.close();
  await Promise.all([connector.close(), slack.close(), sandbox.close()]);
  await database.drop();
  rmSync(dir, { recursive: true, force: true });

  const growth = { heap: 'n/a', rss: 'n/a' };
  const fromMinute2 = memory.find((m) => m.at === 120);
  const last = memory[memory.length - 1];
  if (fromMinute2 && last !== fromMinute2) {
    const heapGrowth = (last.heapUsed - fromMinute2.heapUsed) / fromMinute2.heapUsed;
    const rssGrowth = (last.rss - fromMinute2.rss) / fromMinute2.rss;
    growth.heap = `${(heapGrowth * 100).toFixed(1)} %`;
    growth.rss = `${(rssGrowth * 100).toFixed(1)} %`;
    if (heapGrowth > 0.1) errors.push(`heap grew ${(heapGrowth * 100).toFixed(1)} % from minute 2`);
  }
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const figures: Record<string, number | string> = {
    'seconds under load': Math.round(loadSeconds),
    'operations sent': scheduled,
    'operations per second': scheduled / loadSeconds,
    'completed (reply or message seen)': done,
    'Meets created': titles.size,
    'watcher tenant polls': watcherPolls,
    'watcher message updates (Slack)': slackUpdates,
    'watcher message updates (Teams)': teamsUpdates,
    'watcher ratings posted': ratings,
    'reminders posted (due before the end)': `${[...reminders.values()].reduce((a, b) => a + b, 0)} (${remindersChecked})`,
    'digest posts': digestDue ? `${digestPosts} of ${digestChannels.length}` : 'not due in this run',
    errors: errors.length,
  };
  for (const [kind, s] of [...samples].sort(([a], [b]) => a.localeCompare(b))) {
    figures[`${kind} seen p50/p99 ms`] = `${percentile(s.seen, 50).toFixed(1)} / ${percentile(s.seen, 99).toFixed(1)}`;
    figures[`${kind} answer p50/p99 ms`] =
      `${percentile(s.answer, 50).toFixed(1)} / ${percentile(s.answer, 99).toFixed(1)}`;
  }
  for (const m of memory) {
    figures[`memory at ${m.at} s: RSS / heap (code) MB, passcodes`] =
      `${mb(m.rss)} / ${mb(m.heapUsed)} (${mb(m.codeUsed)}), ${m.passcodesHeld}`;
  }
  figures['heap growth minute 2 → end'] = growth.heap;
  figures['RSS growth minute 2 → end'] = growth.rss;
  for (const [i, error] of errors.entries()) figures[`error ${i + 1}`] = error;
  // The soak fails the bench run: errors must be 0.
  if (errors.length > 0) process.exitCode = 1;
  return [
    {
      name: `soak: ${rate}/s mixed load for ${seconds} s on ${databaseUrl.split(':')[0]}, sign-in ${ssoProvider || 'passcodes for everyone'}`,
      figures,
    },
  ];
}
