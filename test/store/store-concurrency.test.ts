import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations } from '../../src/store/load-migrations';
import { openStore } from '../../src/store/open-store';
import { createTestSchema, queryTestSchema } from './postgres-test-schema';
import { runStoreWorkers } from './run-store-workers';

/** A fresh database that separate processes can share, and a way to count rows in it. */
interface SharedDatabase {
  url: string;
  count(table: string): Promise<number>;
  dispose(): Promise<void>;
}

const backends: Array<{ name: string; dialect: 'sqlite' | 'postgres'; create(): Promise<SharedDatabase> }> = [
  {
    name: 'SQLite file',
    dialect: 'sqlite',
    create: async () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'meetbot-race-'));
      const file = path.join(folder, 'meetbot.db');
      return {
        url: `sqlite:${file}`,
        count: async (table) => {
          const db = new Database(file, { readonly: true });
          try {
            return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
          } finally {
            db.close();
          }
        },
        dispose: async () => rmSync(folder, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    dialect: 'postgres',
    create: async () => {
      const schema = await createTestSchema();
      return {
        url: schema.url,
        count: async (table) => Number((await queryTestSchema(schema, `SELECT count(*) AS n FROM ${table}`))[0].n),
        dispose: () => schema.drop(),
      };
    },
  },
];

const processes = 3;
const periods = 1000;

describe.each(backends)('$name shared by $dialect processes', ({ create, dialect }) => {
  let db: SharedDatabase;
  beforeEach(async () => {
    db = await create();
  });
  afterEach(async () => {
    await db.dispose();
  });

  it(`gives each of ${periods} digest periods and idempotency keys exactly one winner among ${processes} processes`, async () => {
    const store = await openStore(db.url);
    const sub = await store.saveDigestSubscription({
      platform: 'slack',
      channelId: 'C-race',
      weekday: 1,
      time: '09:00',
      timeZone: 'UTC',
      createdBy: 'U1',
    });
    await store.close();

    const job = { mode: 'claim' as const, databaseUrl: db.url, subscriptionId: sub.id, count: periods };
    const results = await runStoreWorkers<{ wonPeriods: number[]; wonKeys: number[] }>(
      Array.from({ length: processes }, () => job),
    );

    const periodWins = results.flatMap((r) => r.wonPeriods);
    const keyWins = results.flatMap((r) => r.wonKeys);
    expect(periodWins).toHaveLength(periods);
    expect(new Set(periodWins).size).toBe(periods);
    expect(keyWins).toHaveLength(periods);
    expect(new Set(keyWins).size).toBe(periods);
    expect(await db.count('digest_runs')).toBe(periods);
    expect(await db.count('idempotency_keys')).toBe(periods);
  }, 120_000);

  it(`applies migrations once when ${processes} processes open a fresh database at once`, async () => {
    const results = await runStoreWorkers<{ applied: number[] }>(
      Array.from({ length: processes }, () => ({ mode: 'migrate' as const, databaseUrl: db.url })),
    );
    const versions = loadMigrations(dialect).map((m) => m.version);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(versions);
    expect(await db.count('schema_migrations')).toBe(versions.length);
  }, 120_000);
});
