import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Client, Pool } from 'pg';
import { openStore } from '../src/store/open-store';
import type { Store } from '../src/store/store';
import type { BenchResult } from './types';

/**
 * Claims per second (`claimIdempotency`, `claimDigestRun`) through the store, against a plain
 * single-row INSERT (no ON CONFLICT) on the same database in the same run; for PostgreSQL also a
 * `SELECT 1` round trip. Sequential: one claim after the other, the way one request claims; and
 * for PostgreSQL also 8 in flight, the way replicas and concurrent requests share a database. The
 * baseline runs before and after the claims and counts as the mean, so drift on this shared
 * machine falls on both sides alike; a short warm-up comes first.
 */

const SQLITE_OPS = 4000;
const POSTGRES_OPS = 1000;
const POSTGRES_CONCURRENCY = 8;
const postgresUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Operations per second of `op(0…n-1)`, `concurrency` at a time. */
async function rate(n: number, op: (i: number) => unknown, concurrency = 1): Promise<number> {
  let next = 0;
  const lane = async () => {
    while (next < n) await op(next++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return Math.round(n / ((performance.now() - started) / 1000));
}

const ratio = (value: number, baseline: number) => Number((value / baseline).toFixed(3));

async function claimFigures(store: Store, n: number, tag: string, concurrency = 1) {
  const sub = await store.saveDigestSubscription({
    platform: 'slack',
    channelId: `C-bench-${tag}`,
    weekday: 1,
    time: '09:00',
    timeZone: 'UTC',
    createdBy: 'bench',
  });
  const now = new Date();
  await store.claimIdempotency(`${tag}-held`, 600_000);
  return {
    idempotency: await rate(n, (i) => store.claimIdempotency(`${tag}-key-${i}`, 600_000), concurrency),
    idempotencyTaken: await rate(n, () => store.claimIdempotency(`${tag}-held`, 600_000), concurrency),
    digestRun: await rate(n, (i) => store.claimDigestRun(sub.id, `period-${i}`, now), concurrency),
  };
}

async function benchSqlite(): Promise<BenchResult> {
  const folder = mkdtempSync(path.join(tmpdir(), 'meetbot-bench-'));
  const file = path.join(folder, 'meetbot.db');
  try {
    const store = await openStore(`sqlite:${file}`);
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.exec('CREATE TABLE bench_baseline (k TEXT PRIMARY KEY, at TEXT NOT NULL)');
    const insert = raw.prepare('INSERT INTO bench_baseline (k, at) VALUES (?, ?)');
    const baselineRound = (tag: string) => rate(SQLITE_OPS, (i) => insert.run(`${tag}-${i}`, new Date().toISOString()));
    await baselineRound('warm');
    await claimFigures(store, 500, 'warm');
    const before = await baselineRound('before');
    const claims = await claimFigures(store, SQLITE_OPS, 'sqlite');
    const baseline = Math.round((before + (await baselineRound('after'))) / 2);
    raw.close();
    await store.close();
    return {
      name: `SQLite file, WAL, synchronous=NORMAL (${SQLITE_OPS} ops each, sequential)`,
      figures: {
        'baseline plain INSERT /s': baseline,
        'claimIdempotency (new key) /s': claims.idempotency,
        'claimIdempotency (taken key) /s': claims.idempotencyTaken,
        'claimDigestRun /s': claims.digestRun,
        'claimIdempotency / baseline': ratio(claims.idempotency, baseline),
        'claimDigestRun / baseline': ratio(claims.digestRun, baseline),
      },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<BenchResult> {
  const name = `PostgreSQL (${POSTGRES_OPS} ops each; pool of 10)`;
  const schema = `meetbot_bench_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: postgresUrl });
  try {
    await admin.connect();
  } catch (error) {
    return { name, figures: { unavailable: `${postgresUrl}: ${(error as Error).message}` } };
  }
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = `${postgresUrl}${postgresUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const pool = new Pool({ connectionString: url, max: 10 });
    await pool.query('CREATE TABLE bench_baseline (k text PRIMARY KEY, at timestamptz NOT NULL)');
    const insert = (i: number, tag: string) =>
      pool.query('INSERT INTO bench_baseline (k, at) VALUES ($1, $2)', [`${tag}-${i}`, new Date()]);
    const inserts = (tag: string, concurrency = 1) => rate(POSTGRES_OPS, (i) => insert(i, tag), concurrency);
    const store = await openStore(url);
    await inserts('warm');
    await claimFigures(store, 200, 'warm');
    const selectOne = await rate(POSTGRES_OPS, () => pool.query('SELECT 1'));
    const seqBefore = await inserts('seq-before');
    const seq = await claimFigures(store, POSTGRES_OPS, 'seq');
    const baseline = Math.round((seqBefore + (await inserts('seq-after'))) / 2);
    const parBefore = await inserts('par-before', POSTGRES_CONCURRENCY);
    const par = await claimFigures(store, POSTGRES_OPS, 'par', POSTGRES_CONCURRENCY);
    const baselineConcurrent = Math.round((parBefore + (await inserts('par-after', POSTGRES_CONCURRENCY))) / 2);
    await pool.end();
    await store.close();
    return {
      name,
      figures: {
        'baseline SELECT 1 /s': selectOne,
        'baseline plain INSERT /s': baseline,
        'claimIdempotency (new key) /s': seq.idempotency,
        'claimIdempotency (taken key) /s': seq.idempotencyTaken,
        'claimDigestRun /s': seq.digestRun,
        'claimIdempotency / INSERT': ratio(seq.idempotency, baseline),
        'claimDigestRun / INSERT': ratio(seq.digestRun, baseline),
        [`baseline INSERT x${POSTGRES_CONCURRENCY} in flight /s`]: baselineConcurrent,
        [`claimIdempotency x${POSTGRES_CONCURRENCY} in flight /s`]: par.idempotency,
        [`claimDigestRun x${POSTGRES_CONCURRENCY} in flight /s`]: par.digestRun,
        [`claimIdempotency x${POSTGRES_CONCURRENCY} / INSERT x${POSTGRES_CONCURRENCY}`]: ratio(
          par.idempotency,
          baselineConcurrent,
        ),
        [`claimDigestRun x${POSTGRES_CONCURRENCY} / INSERT x${POSTGRES_CONCURRENCY}`]: ratio(
          par.digestRun,
          baselineConcurrent,
        ),
      },
    };
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

export async function run(): Promise<BenchResult[]> {
  return [await benchSqlite(), await benchPostgres()];
}
