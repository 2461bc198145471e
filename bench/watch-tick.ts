import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MeetAnnouncer } from '../src/flows/meet-announcer';
import { runWatchTick } from '../src/flows/watch-meets';
import { createSilentLogger } from '../src/logger';
import { createMeetClient } from '../src/meet/client';
import { openStore } from '../src/store/open-store';
import type { BenchResult } from './types';

/**
 * The watcher at scale: 10,000 open Meets over 100 tenants in a SQLite file, a loopback fake Meet
 * API whose usage report says every one of them has started, and an announcer that counts what it
 * is asked to show. One tick must make 100 usage requests (one per tenant, no feedback request:
 * nothing has ended) and change each message once; the same instant again does nothing (the
 * tenants' ticks are claimed); the next minute, with nothing changed, asks again and shows nothing.
 * Then half the tenants' Meets end: that tick changes those 5,000 messages, and the one after asks
 * for ratings once per tenant with ended Meets (50 feedback requests) and for usage only where
 * Meets are still live (50).
 * Baseline, in the same run: the same 100 usage requests through the same client and the same
 * 10,000 store writes, without the watcher's logic.
 */

const MEETS = 10_000;
const TENANTS = 100;
const start = new Date('2026-12-01T10:00:00Z');
const minute = 60_000;

async function startUsageApi() {
  let usageRequests = 0;
  let feedbackRequests = 0;
  /** Tenants whose Meets have ended (a minute before `endedAt` is asked about). */
  const ended = new Set<string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    req.resume();
    let body: unknown = [];
    if (req.method === 'POST' && url.pathname === '/v1/token') {
      body = { access_token: 'bench', expires_at: Math.floor(Date.now() / 1000) + 3600 };
    } else if (url.pathname.startsWith('/v1/usage/')) {
      usageRequests += 1;
      const tenant = url.pathname.slice('/v1/usage/'.length);
      body = Array.from({ length: MEETS / TENANTS }, (_, i) => ({
        code: `${tenant}m${i}`,
        title: `Meet ${i}`,
        participants: 3,
        createdAt: start.toISOString(),
        startedAt: new Date(start.getTime() + minute).toISOString(),
        endedAt: ended.has(tenant) ? new Date(start.getTime() + 3 * minute).toISOString() : null,
        totalDurationInSeconds: 60,
        billableDurationInSeconds: 60,
        isFree: true,
        isSubscriptionCovered: true,
      }));
    } else if (url.pathname.startsWith('/v1/feedbacks')) {
      feedbackRequests += 1;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ usageRequests, feedbackRequests }),
    end: (tenant: string) => ended.add(tenant),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'meetbot-watch-bench-'));
  const api = await startUsageApi();
  const meet = createMeetClient({ baseUrl: api.url, clientKey: 'bench', clientSecret: 'bench' });
  let now = start;
  const store = await openStore(`sqlite:${path.join(dir, 'watch.db')}`, { clock: () => now });
  const tenants = Array.from({ length: TENANTS }, (_, t) => `T${String(t).padStart(3, '0')}`);
  try {
    for (const tenant of tenants) {
      for (let i = 0; i < MEETS / TENANTS; i++) {
        await store.watchMeet({
          code: `${tenant}m${i}`,
          tenant,
          platform: 'slack',
          workspaceId: 'TBENCH',
          channelId: 'CBENCH',
          creatorId: 'UBENCH',
          message: { kind: 'slack', channel: 'CBENCH', ts: `1.${i}` },
          shown: { title: `Meet ${i}`, joinUrl: `https://meet.rs/${tenant}m${i}`, template: 'meeting' },
          createdAt: start,
          watchFrom: start,
        });
      }
    }
    let shown = 0;
    const announcer: MeetAnnouncer = {
      async show() {
        shown += 1;
        return { outcome: 'shown' };
      },
      async sendFeedback() {},
      // The watcher never reminds: reminders are the reminder scheduler's.
      async remind() {
        throw new Error('the watcher does not remind');
      },
    };
    const deps = {
      store,
      meet,
      logger: createSilentLogger(),
      clock: () => now,
      announcers: { slack: announcer },
      pollMs: minute,
    };

    // Baseline: the requests and the writes alone.
    now = new Date(start.getTime() - 10 * minute);
    const baseStart = performance.now();
    for (const tenant of tenants) {
      await meet.getUsage({ tenant, from: start.toISOString(), to: now.toISOString() });
    }
    for (const tenant of tenants) {
      for (let i = 0; i < MEETS / TENANTS; i++) await store.updateWatch(`${tenant}m${i}`, { shownState: 'created' });
    }
    const baselineMs = performance.now() - baseStart;
    const baseCounts = api.counts();

    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 5);
    now = new Date(start.getTime() + 2 * minute);
    const tickStart = performance.now();
    const first = await runWatchTick(deps, now);
    const tickMs = performance.now() - tickStart;
    clearInterval(sampler);
    const afterFirst = api.counts();
    const shownFirst = shown;

    const again = await runWatchTick(deps, now);
    const afterAgain = api.counts();
    const shownAgain = shown - shownFirst;

    now = new Date(now.getTime() + minute);
    const nextStart = performance.now();
    await runWatchTick(deps, now);
    const nextMs = performance.now() - nextStart;
    const afterNext = api.counts();
    const shownNext = shown;

    // Half the tenants' Meets end.
    for (const tenant of tenants.slice(0, TENANTS / 2)) api.end(tenant);
    now = new Date(now.getTime() + minute);
    const endStart = performance.now();
    await runWatchTick(deps, now);
    const endMs = performance.now() - endStart;
    const afterEnd = api.counts();
    const shownEnd = shown - shownNext;
    now = new Date(now.getTime() + minute);
    await runWatchTick(deps, now);
    const afterRatings = api.counts();

    const mb = (n: number) => Number((n / 2 ** 20).toFixed(1));
    return [
      {
        name: `watcher tick: ${MEETS.toLocaleString('en-US')} open Meets, ${TENANTS} tenants, every one just started (SQLite file)`,
        figures: {
          'usage requests (target 100)': afterFirst.usageRequests - baseCounts.usageRequests,
          'feedback requests (target 0)': afterFirst.feedbackRequests - baseCounts.feedbackRequests,
          'messages changed (target 10,000)': shownFirst,
          'tick ms': Math.round(tickMs),
          'baseline ms (same requests + writes)': Math.round(baselineMs),
          'ratio tick / baseline': tickMs / baselineMs,
          'peak RSS MB (start)': `${mb(peakRss)} (${mb(before.rss)})`,
          'peak heap MB (start)': `${mb(peakHeap)} (${mb(before.heapUsed)})`,
          'same instant again: requests, changes': `${afterAgain.usageRequests - afterFirst.usageRequests}, ${shownAgain} (polled ${again.polled})`,
          'next minute, nothing changed: requests, changes': `${afterNext.usageRequests - afterAgain.usageRequests}, ${shownNext - shownFirst - shownAgain}`,
          'next minute tick ms': Math.round(nextMs),
          'tenants polled in the first tick': first.polled,
          'half the tenants end: requests, changes (target 100, 5,000)': `${afterEnd.usageRequests - afterNext.usageRequests}, ${shownEnd}`,
          'half the tenants end: tick ms': Math.round(endMs),
          'next minute: usage, feedback requests (target 50, 50)': `${afterRatings.usageRequests - afterEnd.usageRequests}, ${afterRatings.feedbackRequests - afterEnd.feedbackRequests}`,
        },
      },
    ];
  } finally {
    await store.close();
    await meet.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
