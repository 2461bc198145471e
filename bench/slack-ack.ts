import { type ChildProcess, fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
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
import type { PeerReply, PeerRequest } from './lib-slack-peer';
import { median } from './lib-timing';
import type { BenchResult } from './types';

/**
 * Signed `/meet help` acks per second and p99 through our server vs bare Bolt apps acking the
 * same requests, same run. This process holds only the servers under test (and the Meet
 * sandbox); the fake Slack (Web API and response_url receiver), autocannon and the end-to-end
 * timer run in a forked process (bench/lib-slack-peer.ts), so the reply posts and the load
 * generator do not compete with the server for its event loop.
 * - "bare Bolt, ack only": a Bolt App whose /meet listener only calls ack().
 * - "bare Bolt, ack + same reply": ack(), then respond() with the same help message to response_url.
 * - meetbot: our receiver (timestamp window, Bolt's signature check), ack, parse the command,
 *   render the help reply, post it to response_url (the peer counts the posts that arrive).
 * Then the end-to-end median from a signed `/meet meeting` to the channel message, minus the
 * median of the same create call made directly against the sandbox.
 */

const peerSecret = 'bench-signing-secret';
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 4);
const connections = 10;
const e2eRuns = 40;

function startPeer(): Promise<{ peer: ChildProcess; apiUrl: string }> {
  const peer = fork(join(__dirname, 'lib-slack-peer.js'), [peerSecret], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    peer.once('error', reject);
    peer.once('message', (m: PeerReply) => {
      if (m.type === 'ready') resolve({ peer, apiUrl: m.apiUrl });
    });
  });
}

function ask<T extends PeerReply['type']>(peer: ChildProcess, request: PeerRequest, type: T) {
  return new Promise<Extract<PeerReply, { type: T }>>((resolve) => {
    const onMessage = (m: PeerReply) => {
      if (m.type !== type) return;
      peer.off('message', onMessage);
      resolve(m as Extract<PeerReply, { type: T }>);
    };
    peer.on('message', onMessage);
    peer.send(request);
  });
}

export async function run(): Promise<BenchResult[]> {
  const logger = createSilentLogger();
  const { peer, apiUrl } = await startPeer();
  const sandbox = await startSandbox();
  const store = await openStore('sqlite::memory:');
  const meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  const ours = await createSlackApp({
    config: { signingSecret: peerSecret, botToken: 'xoxb-bench', apiUrl },
    meet,
    store,
    logger,
    clock: () => new Date(),
    sso: { domains: { 'acme.com': 'google' } },
    defaultTimeZone: 'UTC',
  });
  const server = createHttpServer({ routes: ours.routes, logger });
  const { url } = await server.listen(0, '127.0.0.1');

  const boltOptions = {
    signingSecret: peerSecret,
    token: 'xoxb-bench',
    tokenVerificationEnabled: false,
    logger: toBoltLogger(logger),
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } },
  };
  const bare = new App(boltOptions);
  bare.command('/meet', async ({ ack }) => {
    await ack();
  });
  const bareServer = (await bare.start(0)) as unknown as { address(): AddressInfo };
  const bareUrl = `http://127.0.0.1:${bareServer.address().port}/slack/events`;
  const helpMessage = { response_type: 'ephemeral' as const, ...renderReply(buildHelpReply()) };
  const sameJob = new App(boltOptions);
  sameJob.command('/meet', async ({ ack, respond }) => {
    await ack();
    await respond(helpMessage);
  });
  const sameJobServer = (await sameJob.start(0)) as unknown as { address(): AddressInfo };
  const sameJobUrl = `http://127.0.0.1:${sameJobServer.address().port}/slack/events`;
  const oursUrl = `${url}/slack/events`;

  const hammer = (target: string, seconds = durationSeconds) =>
    ask(peer, { type: 'hammer', url: target, text: 'help', connections, seconds }, 'hammered');

  try {
    for (const target of [bareUrl, sameJobUrl, oursUrl]) await hammer(target, 2); // warm-up (JIT, sockets)
    // Two passes in A-B-C-C-B-A order, so drift on the shared machine falls on every side alike.
    const order = [bareUrl, sameJobUrl, oursUrl, oursUrl, sameJobUrl, bareUrl];
    const results = new Map<string, Extract<PeerReply, { type: 'hammered' }>[]>();
    for (const target of order) {
      const r = await hammer(target);
      results.set(target, [...(results.get(target) ?? []), r]);
    }
    const sum = (target: string) => {
      const rs = results.get(target) ?? [];
      return {
        rps: rs.reduce((s, r) => s + r.rps, 0) / rs.length,
        p99: Math.max(...rs.map((r) => r.p99)),
        failed: rs.reduce((s, r) => s + r.failed, 0),
        replies: rs.reduce((s, r) => s + r.replies, 0),
      };
    };
    const baseline = sum(bareUrl);
    const sameJobFigures = sum(sameJobUrl);
    const mine = sum(oursUrl);

    const { ms: createdAt } = await ask(peer, { type: 'e2e', url: oursUrl, runs: e2eRuns }, 'e2e');
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
        name: `signed /meet help acks, ${connections} connections × ${durationSeconds} s × 2 passes (load and fake Slack in a separate process)`,
        figures: {
          'bare Bolt, ack only: acks/s': Math.round(baseline.rps),
          'bare Bolt, ack only: p99 ms': baseline.p99,
          'bare Bolt, ack + same reply: acks/s': Math.round(sameJobFigures.rps),
          'bare Bolt, ack + same reply: p99 ms': sameJobFigures.p99,
          'bare Bolt, ack + same reply: replies': sameJobFigures.replies,
          'meetbot acks/s': Math.round(mine.rps),
          'meetbot p99 ms': mine.p99,
          'meetbot replies posted': mine.replies,
          'meetbot / Bolt same job (target ≥ 0.9)': Number((mine.rps / sameJobFigures.rps).toFixed(3)),
          'meetbot / Bolt ack only': Number((mine.rps / baseline.rps).toFixed(3)),
          'non-2xx or errors (all)': baseline.failed + sameJobFigures.failed + mine.failed,
        },
      },
      {
        name: `signed /meet meeting → channel message, median of ${e2eRuns}`,
        figures: {
          'request → channel message ms': Number(e2e.toFixed(2)),
          'sandbox create (direct) ms': Number(sandboxMedian.toFixed(2)),
          'ours = difference ms (target ≤ 5)': Number((e2e - sandboxMedian).toFixed(2)),
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
    peer.send({ type: 'close' } satisfies PeerRequest);
    await new Promise((r) => peer.once('exit', r));
  }
}
