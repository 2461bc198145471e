import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { buildHelpReply } from '../src/core/replies';
import { createSilentLogger } from '../src/logger';
import { createMeetClient } from '../src/meet/client';
import { startSandbox } from '../src/sandbox/server';
import { createHttpServer } from '../src/server';
import { createSlackApp } from '../src/slack/app';
import { renderReply } from '../src/slack/blocks';
import { toBoltLogger } from '../src/slack/bolt-logger';
import { openStore } from '../src/store/open-store';
import { startFakeSlackApi } from '../test/fixtures/fake-slack-api';
import type { BenchResult } from './types';

/**
 * Signed `/meet` acks per second and p99 through our server vs a bare Bolt app acking the same
 * requests (same run, same fake Slack), and the end-to-end time from a signed `/meet` to the
 * channel message minus the Meet sandbox's own time for the same create call.
 */

interface CannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
}
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
// autocannon ships no type declarations: this is the part of its API used here.
const autocannon = require('autocannon') as Cannon;

const secret = 'bench-signing-secret';
const durationSeconds = 4;
const connections = 10;
const e2eRuns = 40;

function signed(body: string) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': sig,
  };
}

function slashBody(text: string, responseUrl: string, triggerId: string): string {
  return new URLSearchParams({
    team_id: 'T0001',
    channel_id: 'C0BENCH',
    user_id: 'UREC',
    command: '/meet',
    text,
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

async function hammer(url: string, body: string) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: signed(body),
    body,
    connections,
    duration: durationSeconds,
  });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<BenchResult[]> {
  const logger = createSilentLogger();
  const slack = await startFakeSlackApi();
  slack.addUser({ id: 'UREC', name: 'rita', email: 'rita@acme.com', firstName: 'Rita', lastName: 'Recruiter' });
  slack.addUser({ id: 'UBOB', name: 'bob', email: 'bob@acme.com', firstName: 'Bob', lastName: 'Builder' });
  const sandbox = await startSandbox();
  const store = await openStore('sqlite::memory:');
  const meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  const ours = await createSlackApp({
    config: { signingSecret: secret, botToken: 'xoxb-bench', apiUrl: slack.apiUrl },
    meet,
    store,
    logger,
    clock: () => new Date(),
    sso: { domains: { 'acme.com': 'google' } },
    defaultTimeZone: 'UTC',
  });
  const server = createHttpServer({ routes: ours.routes, logger });
  const { url } = await server.listen(0, '127.0.0.1');

  const bare = new App({
    signingSecret: secret,
    token: 'xoxb-bench',
    tokenVerificationEnabled: false,
    logger: toBoltLogger(logger),
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  bare.command('/meet', async ({ ack }) => {
    await ack();
  });
  const bareServer = (await bare.start(0)) as unknown as { address(): AddressInfo };
  const bareUrl = `http://127.0.0.1:${bareServer.address().port}/slack/events`;
  // The same job done by hand in Bolt: ack, then post the same private reply to the response_url.
  const helpMessage = { response_type: 'ephemeral' as const, ...renderReply(buildHelpReply()) };
  const sameJob = new App({
    signingSecret: secret,
    token: 'xoxb-bench',
    tokenVerificationEnabled: false,
    logger: toBoltLogger(logger),
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  sameJob.command('/meet', async ({ ack, respond }) => {
    await ack();
    await respond(helpMessage);
  });
  const sameJobServer = (await sameJob.start(0)) as unknown as { address(): AddressInfo };
  const sameJobUrl = `http://127.0.0.1:${sameJobServer.address().port}/slack/events`;

  try {
    // `/meet help` acks, then posts a private reply: the work after the ack is part of the price.
    const body = slashBody('help', slack.responseUrl('bench-ack'), 'trigger.bench');
    await hammer(bareUrl, body); // warm-up of every path (JIT, auth.test, sockets)
    await hammer(sameJobUrl, body);
    await hammer(`${url}/slack/events`, body);
    const baseline = await hammer(bareUrl, body);
    const sameJobFigures = await hammer(sameJobUrl, body);
    const mine = await hammer(`${url}/slack/events`, body);

    const createdAt: number[] = [];
    for (let i = 0; i < e2eRuns; i++) {
      const id = `bench-e2e-${i}`;
      const b = slashBody(`meeting <@UBOB> "Bench ${i}"`, slack.responseUrl(id), `trigger.e2e.${i}.${Date.now()}`);
      const arrived = new Promise<number>((resolve) => {
        slack.onResponse = (post) => {
          if (post.id === id && post.body.response_type === 'in_channel') resolve(performance.now());
        };
      });
      const started = performance.now();
      await fetch(`${url}/slack/events`, { method: 'POST', headers: signed(b), body: b });
      createdAt.push((await arrived) - started);
    }
    const sandboxOnly: number[] = [];
    for (let i = 0; i < e2eRuns; i++) {
      const started = performance.now();
      await meet.createMeeting({
        title: `Direct ${i}`,
        participants: [
          {
            user: { email: 'rita@acme.com', firstName: 'Rita', lastName: 'Recruiter' },
            role: 'Admin',
            accessRules: [{ provider: 'Google' }],
          },
          {
            user: { email: 'bob@acme.com', firstName: 'Bob', lastName: 'Builder' },
            role: 'User',
            accessRules: [{ provider: 'Google' }],
          },
        ],
      });
      sandboxOnly.push(performance.now() - started);
    }
    const e2e = median(createdAt);
    const sandboxMedian = median(sandboxOnly);
    return [
      {
        name: `signed /meet help acks, ${connections} connections × ${durationSeconds} s`,
        figures: {
          'bare Bolt, ack only: acks/s': baseline.rps,
          'bare Bolt, ack only: p99 ms': baseline.p99,
          'bare Bolt, ack + same reply: acks/s': sameJobFigures.rps,
          'bare Bolt, ack + same reply: p99 ms': sameJobFigures.p99,
          'meetbot acks/s': mine.rps,
          'meetbot p99 ms': mine.p99,
          'meetbot / Bolt same job (target ≥ 0.9)': mine.rps / sameJobFigures.rps,
          'meetbot / Bolt ack only': mine.rps / baseline.rps,
          'non-2xx or errors (all)': baseline.non2xx + sameJobFigures.non2xx + mine.non2xx,
        },
      },
      {
        name: `signed /meet meeting → channel message, median of ${e2eRuns}`,
        figures: {
          'request → channel message ms': e2e,
          'sandbox create (direct) ms': sandboxMedian,
          'ours = difference ms (target ≤ 5)': e2e - sandboxMedian,
        },
      },
    ];
  } finally {
    await bare.stop();
    await sameJob.stop();
    await server.close();
    await ours.stop();
    await meet.close();
    await store.close();
    await sandbox.close();
    await slack.close();
  }
}
