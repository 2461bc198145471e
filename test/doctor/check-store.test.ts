import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkStore } from '../../src/doctor/check-store';
import { inspectPostgres, inspectSqlite } from '../../src/doctor/store-inspection';
import { loadMigrations } from '../../src/store/load-migrations';
import { openStore } from '../../src/store/open-store';
import { createTestSchema, queryTestSchema, type TestSchema } from '../store/postgres-test-schema';

const deps = { timeoutMs: 5_000, readSlackBots: false };
const statuses = (results: Array<{ name: string; status: string }>) => results.map((r) => `${r.name}:${r.status}`);

describe('doctor: a SQLite store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meetbot-doctor-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a store meetbot opened passes reach, migrations and a write that leaves nothing behind', async () => {
    const file = join(dir, 'meetbot.db');
    await (await openStore(`sqlite:${file}`)).close();
    const { results } = await checkStore(`sqlite:${file}`, deps);
    expect(results).toEqual([
      { name: 'store.reach', status: 'pass', message: `sqlite:${file} answers` },
      {
        name: 'store.migrations',
        status: 'pass',
        message: `all ${loadMigrations('sqlite').length} migrations applied`,
      },
      { name: 'store.write', status: 'pass', message: 'writable (claimed and released a test key)' },
    ]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM idempotency_keys').pluck().get()).toBe(0);
    db.close();
  });

  test('a database without meetbot tables is reported, and doctor does not create them', async () => {
    const file = join(dir, 'empty.db');
    new Database(file).close();
    const { results } = await checkStore(`sqlite:${file}`, deps);
    expect(statuses(results)).toEqual(['store.reach:pass', 'store.migrations:warn', 'store.write:skip']);
    expect(results[1].message).toBe('the database has no meetbot tables yet: meetbot creates them when it starts');
    expect(results[2]).toMatchObject({
      message: 'not checked: opening the store would apply the pending migrations',
      fix: 'start meetbot (it applies them), then run meetbot doctor again',
    });
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    db.close();
  });

  test('migrations a newer meetbot applied are a warning; the store is still checked for writes', async () => {
    const file = join(dir, 'newer.db');
    await (await openStore(`sqlite:${file}`)).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01')").run();
    db.close();
    const { results } = await checkStore(`sqlite:${file}`, deps);
    expect(statuses(results)).toEqual(['store.reach:pass', 'store.migrations:warn', 'store.write:pass']);
    expect(results[1].message).toBe(
      'the database has migrations this meetbot does not know (99): a newer meetbot migrated it',
    );
  });

  test('a file that is not a database fails with what to do', async () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'these are not the tables you are looking for\n'.repeat(100));
    const { results } = await checkStore(`sqlite:${file}`, deps);
    expect(results).toEqual([
      {
        name: 'store.reach',
        status: 'fail',
        message: `sqlite:${file}: the file is not a SQLite database (SQLITE_NOTADB)`,
        fix: 'restore the file from a backup, or point DATABASE_URL elsewhere',
      },
    ]);
  });

  test('no file yet: a warning that meetbot creates it; a path it cannot create fails', async () => {
    const fresh = await checkStore(`sqlite:${join(dir, 'data', 'meetbot.db')}`, deps);
    expect(fresh.results).toEqual([
      expect.objectContaining({
        name: 'store',
        status: 'warn',
        message: expect.stringContaining('meetbot creates it'),
      }),
    ]);
    writeFileSync(join(dir, 'a-file'), '');
    const blocked = await checkStore(`sqlite:${join(dir, 'a-file', 'meetbot.db')}`, deps);
    expect(blocked.results).toEqual([
      {
        name: 'store',
        status: 'fail',
        message: `no SQLite file at ${join(dir, 'a-file', 'meetbot.db')}, and meetbot cannot create it: ${join(dir, 'a-file')} is a file, not a folder`,
        fix: 'point DATABASE_URL=sqlite:PATH at a path in a folder',
      },
    ]);
  });

  test('an in-memory store is a warning: everything is lost at restart', async () => {
    const { results } = await checkStore('sqlite::memory:', deps);
    expect(results).toEqual([expect.objectContaining({ name: 'store', status: 'warn' })]);
    expect(results[0].message).toContain('lost at every restart');
  });

  test('the inspection reads the installations the store saved', async () => {
    const url = `sqlite:${join(dir, 'installs.db')}`;
    const store = await openStore(url);
    await store.saveSlackInstallation({
      teamId: 'T0002',
      isEnterpriseInstall: false,
      installation: { team: { id: 'T0002', name: 'Beta' }, bot: { token: 'xoxb-beta' } },
    });
    await store.saveSlackInstallation({
      enterpriseId: 'E0001',
      isEnterpriseInstall: true,
      installation: { enterprise: { id: 'E0001', name: 'Acme Corp' }, bot: { token: 'xoxb-org' } },
    });
    await store.close();
    const inspection = inspectSqlite(join(dir, 'installs.db'));
    expect(await inspection.slackBots()).toEqual([
      { label: 'org Acme Corp (E0001)', botToken: 'xoxb-org' },
      { label: 'Beta (T0002)', botToken: 'xoxb-beta' },
    ]);
    await inspection.close();
  });
});

describe('doctor: a PostgreSQL store', () => {
  let schema: TestSchema;
  beforeEach(async () => {
    schema = await createTestSchema();
  });
  afterEach(() => schema.drop());

  test('a migrated schema passes reach, migrations and write, and keeps no test key', async () => {
    await (await openStore(schema.url)).close();
    const { results } = await checkStore(schema.url, deps);
    expect(statuses(results)).toEqual(['store.reach:pass', 'store.migrations:pass', 'store.write:pass']);
    expect(await queryTestSchema(schema, 'SELECT key FROM idempotency_keys')).toEqual([]);
  });

  test('an empty schema is reported as not migrated, and stays empty', async () => {
    const { results } = await checkStore(schema.url, deps);
    expect(statuses(results)).toEqual(['store.reach:pass', 'store.migrations:warn', 'store.write:skip']);
    const tables = await queryTestSchema(
      schema,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema.name}'`,
    );
    expect(tables).toEqual([]);
  });

  test('the inspection reads installations saved through the store', async () => {
    const store = await openStore(schema.url);
    await store.saveSlackInstallation({
      teamId: 'T0001',
      isEnterpriseInstall: false,
      installation: { team: { id: 'T0001', name: 'Acme' }, bot: { token: 'xoxb-acme' } },
    });
    await store.close();
    const inspection = await inspectPostgres(schema.url, 5_000);
    expect(await inspection.slackBots()).toEqual([{ label: 'Acme (T0001)', botToken: 'xoxb-acme' }]);
    await inspection.close();
  });

  test('a user who may read but not write fails the write check with what to grant', async () => {
    await (await openStore(schema.url)).close();
    const role = `${schema.name}_reader`;
    await queryTestSchema(schema, `CREATE ROLE ${role} LOGIN`);
    try {
      await queryTestSchema(schema, `GRANT USAGE ON SCHEMA ${schema.name} TO ${role}`);
      await queryTestSchema(schema, `GRANT SELECT ON ALL TABLES IN SCHEMA ${schema.name} TO ${role}`);
      const url = new URL(schema.url);
      url.username = role;
      const { results } = await checkStore(url.toString(), deps);
      expect(statuses(results)).toEqual(['store.reach:pass', 'store.migrations:pass', 'store.write:fail']);
      expect(results[2]).toEqual({
        name: 'store.write',
        status: 'fail',
        message: 'cannot write: permission denied (42501)',
        fix: "grant meetbot's database user the rights on its schema (it creates and writes its own tables)",
      });
    } finally {
      await queryTestSchema(schema, `DROP OWNED BY ${role}`);
      await queryTestSchema(schema, `DROP ROLE ${role}`);
    }
  });

  test('an unreachable server fails with what to check, and never shows the password', async () => {
    const { results } = await checkStore('postgres://meetbot:s3cr3t-pw@127.0.0.1:1/meetbot', deps);
    expect(results).toEqual([
      {
        name: 'store.reach',
        status: 'fail',
        message: 'postgres://meetbot:***@127.0.0.1:1/meetbot: connection refused (ECONNREFUSED)',
        fix: "check DATABASE_URL's host, port and database, and that PostgreSQL is running and reachable from here",
      },
    ]);
  });

  test('a database that does not exist fails with how to create it', async () => {
    const url = new URL(schema.url);
    url.pathname = '/meetbot_doctor_missing_db';
    const { results } = await checkStore(url.toString(), deps);
    expect(results).toEqual([
      expect.objectContaining({
        name: 'store.reach',
        status: 'fail',
        message: expect.stringContaining('the database does not exist (3D000)'),
        fix: 'create the database (createdb NAME) or fix the database name in DATABASE_URL',
      }),
    ]);
  });
});
