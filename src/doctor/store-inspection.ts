import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { SqlDialect } from '../store/load-migrations';

/**
 * A read-only look into meetbot's database for doctor: which migrations are applied and which Slack
 * workspaces are installed. The Store interface has neither (and opening a Store migrates), so this
 * reads the two tables the store keeps them in: `schema_migrations` (store/migrate-*.ts) and
 * `slack_installations` (store/migrations/*). test/doctor/check-store.test.ts opens real stores
 * with openStore and reads them back through this, so a rename there fails a test here.
 */
export interface StoreInspection {
  dialect: SqlDialect;
  /** A cheap query: the database answers. */
  ping(): Promise<void>;
  /** The versions in `schema_migrations`; undefined when the table is missing (never migrated). */
  appliedMigrations(): Promise<number[] | undefined>;
  /** Every stored Slack installation's bot token and names (an empty list before the first install). */
  slackBots(): Promise<StoredSlackBot[]>;
  close(): Promise<void>;
}

export interface StoredSlackBot {
  /** How an operator recognises it: `Acme (T0001)`, `org Acme Corp (E0001)`. */
  label: string;
  botToken?: string;
}

interface InstallationRow {
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: boolean | number;
  installation: unknown;
}

/** Opens a SQLite file read-only; throws (code `SQLITE_CANTOPEN`…) when it cannot. */
export function inspectSqlite(file: string): StoreInspection {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const hasTable = (name: string) =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  return {
    dialect: 'sqlite',
    ping: async () => {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    },
    appliedMigrations: async () =>
      hasTable('schema_migrations')
        ? (db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[])
        : undefined,
    slackBots: async () => {
      if (!hasTable('slack_installations')) return [];
      const rows = db
        .prepare(
          'SELECT team_id, enterprise_id, is_enterprise_install, installation FROM slack_installations ORDER BY install_key',
        )
        .all() as InstallationRow[];
      return rows.map((row) => toSlackBot({ ...row, installation: JSON.parse(String(row.installation)) }));
    },
    close: async () => {
      db.close();
    },
  };
}

/** Connects to PostgreSQL with every wait bounded by `timeoutMs`; throws the driver's error (with its `code`). */
export async function inspectPostgres(connectionString: string, timeoutMs: number): Promise<StoreInspection> {
  const client = new Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // A connection the server drops while doctor waits surfaces on the next query; the event itself
  // must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    // The connect error is the one to report; ending a client that never connected adds nothing.
    await client.end().catch(() => undefined);
    throw error;
  }
  const hasTable = async (name: string) =>
    (await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [name])).rows[0]?.found !==
    null;
  return {
    dialect: 'postgres',
    ping: async () => {
      await client.query('SELECT 1');
    },
    appliedMigrations: async () =>
      (await hasTable('schema_migrations'))
        ? (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
            (r) => r.version,
          )
        : undefined,
    slackBots: async () => {
      if (!(await hasTable('slack_installations'))) return [];
      const { rows } = await client.query<InstallationRow>(
        'SELECT team_id, enterprise_id, is_enterprise_install, installation FROM slack_installations ORDER BY install_key',
      );
      return rows.map(toSlackBot);
    },
    close: () => client.end(),
  };
}

function toSlackBot(row: InstallationRow): StoredSlackBot {
  const installation = (row.installation ?? {}) as {
    team?: { name?: string } | null;
    enterprise?: { name?: string } | null;
    bot?: { token?: string };
  };
  const orgWide = row.is_enterprise_install === true || row.is_enterprise_install === 1;
  const label = orgWide
    ? `org ${installation.enterprise?.name ?? ''} (${row.enterprise_id ?? '?'})`
    : `${installation.team?.name ?? 'workspace'} (${row.team_id ?? '?'})`;
  return { label: label.replace(/\s+/g, ' '), botToken: installation.bot?.token };
}
