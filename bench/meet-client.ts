import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { createMeetClient } from '../src/meet/client';
import type { CreateMeetingRequest } from '../src/meet/schemas';
import { startSandbox } from '../src/sandbox/server';
import { median } from './lib-timing';
import type { BenchResult } from './types';

/**
 * Creating Meets through the client (token cache, strict request schema, tolerant response
 * schema, retry loop, error mapping, body limit) against bare undici `request()` calls with a
 * token fetched once, both on the same in-process sandbox. Many rounds in an A-B-B-A order, so
 * drift (JIT, colleagues' jobs on a shared machine) falls on both sides alike; the medians of the
 * per-round ratios resist outliers.
 *
 * Each round is 200 calls (about 20 ms a side): with 100 (the first version) one major GC of
 * 5-15 ms landing on one side moved a round's ratio by 10-50% and the totals by up to 7%, so
 * runs of the same code ranged from 0.86 to 1.86. The sandbox's record of requests and Meets is
 * emptied before each batch: kept, it grows by a request and a Meet per call (19,000 a run), and
 * the old generation it fills makes those major GCs longer and more frequent as the run goes on.
 *
 * All the client's work falls inside the rounds, its metrics too: they reach prom-client 256 calls
 * at a time (src/metrics/meet-api-metrics.ts), so at most 255 calls' worth lands after the last one.
 */

const TOTAL = 8000;
const ROUNDS = 40;
const CONCURRENCY = 8;
const WARM_UP = 500;

function interview(i: number): CreateMeetingRequest {
  return {
    title: `Interview ${i}: Jane Doe, backend engineer`,
    description: 'Second round, system design',
    schedulingInfo: { duration: 45 },
    participants: [
      {
        user: { firstName: 'Jack', lastName: 'Sparrow', email: 'jack@acme.com' },
        role: 'PowerUser',
        accessRules: [{ provider: 'Google' }],
      },
      {
        user: { firstName: 'Zumi', lastName: 'Zami', email: 'zumi@acme.com' },
        role: 'PowerUser',
        accessRules: [{ provider: 'Microsoft', condition: 'office365@acme.com' }],
      },
      {
        user: { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com' },
        role: 'User',
        accessRules: [{ provider: 'Passcode', condition: String(100000 + i) }],
      },
    ],
  };
}

interface Batch {
  wallMs: number;
  /** CPU time of this process (client and sandbox alike): on a shared machine it is far less noisy than wall time. */
  cpuMs: number;
}

/** Runs `count` calls of `one` with CONCURRENCY in flight. */
async function timeBatch(count: number, one: (i: number) => Promise<unknown>, forget: () => void): Promise<Batch> {
  forget();
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await one(next++);
    }),
  );
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

export async function run(): Promise<BenchResult[]> {
  const sandbox = await startSandbox({ seed: false });
  const client = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  const bare = new Agent({ connect: { timeout: 5000 }, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const forget = () => {
    sandbox.requests.length = 0;
    sandbox.meetings.length = 0;
  };
  try {
    const tokenRes = await request(`${sandbox.url}/v1/token`, {
      dispatcher: bare,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_key: 'sandbox-key',
        client_secret: 'sandbox-secret',
      }),
    });
    const { access_token } = (await tokenRes.body.json()) as { access_token: string };
    const bareCreate = async (i: number) => {
      const res = await request(`${sandbox.url}/v1/meetings`, {
        dispatcher: bare,
        method: 'POST',
        headers: {
          authorization: `bearer ${access_token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(interview(i)),
      });
      const body = (await res.body.json()) as { joinUrl?: string };
      if (res.statusCode >= 300 || !body.joinUrl) throw new Error(`bare create failed: ${res.statusCode}`);
    };
    const clientCreate = (i: number) => client.createMeeting(interview(i));

    // Warm-up of both paths (JIT, connections, token) until they run optimised code: with only 100
    // calls each the client's extra code (zod parsers compiled on first use, retry loop) was still
    // being optimised during the first rounds, which added ~5 points to the ratio of a 2000-call run.
    for (let i = 0; i < 3; i++) {
      await timeBatch(WARM_UP, clientCreate, forget);
      await timeBatch(WARM_UP, bareCreate, forget);
    }

    const perRound = TOTAL / ROUNDS;
    let clientMs = 0;
    let bareMs = 0;
    let clientCpu = 0;
    let bareCpu = 0;
    const wallRatios: number[] = [];
    const cpuRatios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const clientFirst = round % 4 === 0 || round % 4 === 3;
      const c1 = clientFirst ? await timeBatch(perRound, clientCreate, forget) : undefined;
      const b = await timeBatch(perRound, bareCreate, forget);
      const c = c1 ?? (await timeBatch(perRound, clientCreate, forget));
      clientMs += c.wallMs;
      bareMs += b.wallMs;
      clientCpu += c.cpuMs;
      bareCpu += b.cpuMs;
      wallRatios.push(c.wallMs / b.wallMs);
      cpuRatios.push(c.cpuMs / b.cpuMs);
    }
    return [
      {
        name: `create ${TOTAL} Meets (typical interview body), ${CONCURRENCY} in flight, ${ROUNDS} alternating rounds`,
        figures: {
          'client creates/s': Math.round((TOTAL / clientMs) * 1000),
          'bare undici creates/s': Math.round((TOTAL / bareMs) * 1000),
          'client/bare time, all rounds (target <= 1.10)': Number((clientMs / bareMs).toFixed(3)),
          'client/bare time, median of rounds': Number(median(wallRatios).toFixed(3)),
          'client/bare CPU time (process)': Number((clientCpu / bareCpu).toFixed(3)),
          'client/bare CPU time, median of rounds': Number(median(cpuRatios).toFixed(3)),
          'client CPU us per create (client + sandbox)': Math.round((clientCpu / TOTAL) * 1000),
          'bare CPU us per create (bare + sandbox)': Math.round((bareCpu / TOTAL) * 1000),
          'client mean ms per create': Number((clientMs / TOTAL).toFixed(3)),
          'bare mean ms per create': Number((bareMs / TOTAL).toFixed(3)),
        },
      },
    ];
  } finally {
    await client.close();
    await bare.close();
    await sandbox.close();
  }
}
