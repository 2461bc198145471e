import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { DigestPoster, DigestPosters } from '../src/digest/deliver';
import { createLimiter } from '../src/digest/limiter';
import { runDueDigests } from '../src/digest/run-due';
import { periodBefore } from '../src/digest/schedule';
import { summarizeDigest } from '../src/digest/summarize';
import { createSilentLogger } from '../src/logger';
import { createMeetClient } from '../src/meet/client';
import type { SlackMessage } from '../src/slack/block-kit';
import { renderDigestBlocks } from '../src/slack/digest-blocks';
import { openStore } from '../src/store/open-store';
import { renderDigestCard } from '../src/teams/digest-card';
import { startFakeMeetApi, startFakePlatform } from './lib-digest-fakes';
import type { BenchResult } from './types';

/**
 * 10,000 subscriptions over 100 tenants, all due at the same minute (Monday 09:00 Berlin),
 * sqlite in a temp file, a loopback fake Meet API (through the real Meet client) and a loopback
 * fake platform (half Slack-shaped posts, half Teams-shaped). Figures: Meet API requests (target
 * 200: one usage and one feedback per tenant and period), time to send all, peak memory; the
 * baseline is the same number of bare posts of a digest-sized message (~3 KB) to the same fake
 * with the same concurrency, without store, fetch or rendering. Then the same instant again: nothing may be sent twice.
 */

const SUBSCRIPTIONS = 10_000;
const TENANTS = 100;
const CONCURRENCY = 16;
const due = new Date('2026-12-07T08:00:00Z');

function memorySampler() {
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      const mb = (n: number) => Number((n / 2 ** 20).toFixed(1));
      return { startRssMb: mb(start.rss), peakRssMb: mb(rss), startHeapMb: mb(start.heapUsed), peakHeapMb: mb(heap) };
    },
  };
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'meetbot-digest-bench-'));
  const meetApi = await startFakeMeetApi(60);
  const platform = await startFakePlatform();
  const agent = new Agent({ connections: CONCURRENCY * 2 });
  const meet = createMeetClient({ baseUrl: meetApi.url, clientKey: 'bench', clientSecret: 'bench' });
  const store = await openStore(`sqlite:${path.join(dir, 'digest.db')}`, { clock: () => new Date('2026-11-01') });
  const post = async (channel: string, body: unknown) => {
    const res = await request(`${platform.url}/post/${encodeURIComponent(channel)}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      dispatcher: agent,
    });
    const answer = (await res.body.json()) as { id: string };
    return { messageId: answer.id };
  };
  const slack: DigestPoster<SlackMessage> = {
    render: renderDigestBlocks,
    post: (target, message) => post(target.channelId, { channel: target.channelId, ...message }),
  };
  const posters: DigestPosters = {
    slack,
    teams: { render: renderDigestCard, post: (target, activity) => post(target.channelId, activity) },
  };

  try {
    let started = performance.now();
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      await store.saveDigestSubscription({
        platform: i % 2 === 0 ? 'slack' : 'teams',
        workspaceId: `W${i % TENANTS}`,
        channelId: `CH${i}`,
        weekday: 1,
        time: '09:00',
        timeZone: 'Europe/Berlin',
        tenant: `TENANT${i % TENANTS}`,
        createdBy: 'bench',
      });
    }
    const seedMs = performance.now() - started;

    // Baseline: bare posts of a digest-sized message (one rendered digest, posted as is), same
    // count, same concurrency, same fake: what posting alone costs, without store, fetch or render.
    const sample = renderDigestBlocks(
      summarizeDigest({ period: periodBefore(due, 'Europe/Berlin'), usage: [], feedbacks: [] }),
    );
    const filler = 'x'.repeat(2900);
    const limit = createLimiter(CONCURRENCY);
    started = performance.now();
    await Promise.all(
      Array.from({ length: SUBSCRIPTIONS }, (_, i) =>
        limit(() => post(`B${i}`, { channel: `B${i}`, ...sample, filler })),
      ),
    );
    const baselineMs = performance.now() - started;

    const memory = memorySampler();
    const deps = {
      store,
      meet,
      posters,
      clock: () => due,
      logger: createSilentLogger(),
      options: { concurrency: CONCURRENCY },
    };
    started = performance.now();
    const report = await runDueDigests(deps, due);
    const sendMs = performance.now() - started;
    const mem = memory.stop();

    started = performance.now();
    const again = await runDueDigests(deps, due);
    const againMs = performance.now() - started;

    const { bytes } = platform.stats();
    return [
      {
        name: `digest fan-out: ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions, ${TENANTS} tenants, one minute`,
        figures: {
          'meet api: usage requests': meetApi.counts.usage,
          'meet api: feedback requests': meetApi.counts.feedbacks,
          'meet api: report requests (target 200)': meetApi.counts.usage + meetApi.counts.feedbacks,
          'meet api: token requests': meetApi.counts.token,
          'digests sent': report.sent.length,
          'digests failed': report.failed.length,
          'time to send all (ms)': Math.round(sendMs),
          'digests per second': Math.round(report.sent.length / (sendMs / 1000)),
          'baseline: bare posts (ms)': Math.round(baselineMs),
          'ratio to baseline': Number((sendMs / baselineMs).toFixed(2)),
          'posted bytes (all, MB)': Number((bytes / 2 ** 20).toFixed(1)),
          'peak RSS (MB)': mem.peakRssMb,
          'RSS before run (MB)': mem.startRssMb,
          'peak heap used (MB)': mem.peakHeapMb,
          'heap before run (MB)': mem.startHeapMb,
          'same instant again: sent': again.sent.length,
          'same instant again (ms)': Math.round(againMs),
          'seeding 10k subscriptions (ms)': Math.round(seedMs),
          concurrency: CONCURRENCY,
        },
      },
    ];
  } finally {
    await store.close();
    await meet.close();
    await agent.close();
    await platform.close();
    await meetApi.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
