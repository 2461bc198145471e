import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The test server; `.ci/run` sets it, and locally PostgreSQL runs on this machine. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  /** The test database URL with `search_path` set to this schema. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabaseUrl });
  try {
    await client.connect();
  } catch (error) {
    // No skipping: the PostgreSQL suite is part of the contract (REQUIRE_POSTGRES in CI).
    throw new Error(
      `PostgreSQL at ${testDatabaseUrl} is unreachable (REQUIRE_POSTGRES=${process.env.REQUIRE_POSTGRES ?? 'unset'}): start it or set TEST_DATABASE_URL`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, uniquely named schema, so parallel jest workers and other test files never collide. */
export async function createTestSchema(): Promise<TestSchema> {
  const name = `meetbot_store_${randomBytes(6).toString('hex')}`;
  await withClient((client) => client.query(`CREATE SCHEMA ${name}`));
  const separator = testDatabaseUrl.includes('?') ? '&' : '?';
  return {
    name,
    url: `${testDatabaseUrl}${separator}options=${encodeURIComponent(`-c search_path=${name}`)}`,
    drop: async () => {
      await withClient((client) => client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`));
    },
  };
}

/** Runs one query in `schema` (for assertions on what the store wrote). */
export async function queryTestSchema<T extends Record<string, unknown>>(
  schema: TestSchema,
  text: string,
): Promise<T[]> {
  const client = new Client({ connectionString: schema.url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** A database for one test: its URL and how to drop what it made. */
export type TestDatabase = Pick<TestSchema, 'url' | 'drop'>;

/**
 * For `describe.each(bothStores)('… (%s)', (_name, database) => …)`: an end-to-end test on SQLite
 * (in memory) and on PostgreSQL (a schema of its own), from one table.
 */
export const bothStores: Array<[string, () => Promise<TestDatabase>]> = [
  ['SQLite', async () => ({ url: 'sqlite::memory:', drop: async () => {} })],
  ['PostgreSQL', createTestSchema],
];
