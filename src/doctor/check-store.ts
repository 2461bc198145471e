import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Clock, systemClock } from '../core/clock';
import { loadMigrations } from '../store/load-migrations';
import { describeDatabaseUrl, openStore } from '../store/open-store';
import { type CheckResult, fail, pass, skip, warn } from './check-result';
import { formatTimeout } from './http-probe';
import { inspectPostgres, inspectSqlite, type StoredSlackBot, type StoreInspection } from './store-inspection';

export interface StoreCheckDeps {
  timeoutMs: number;
  /** Read the stored Slack installations too (the OAuth install checks each one's token). */
  readSlackBots: boolean;
  clock?: Clock;
}

export interface StoreCheckOutcome {
  results: CheckResult[];
  /** The stored Slack installations; undefined when they could not be read. */
  slackBots?: StoredSlackBot[];
}

/**
 * The store: it answers, its migrations are applied, and it takes a write. Doctor inspects the
 * database read-only first and opens it as a Store (whose opening applies pending migrations) only
 * when nothing is pending: doctor never changes the schema behind an operator's back.
 */
export async function checkStore(databaseUrl: string, deps: StoreCheckDeps): Promise<StoreCheckOutcome> {
  const where = describeDatabaseUrl(databaseUrl);
  if (databaseUrl === 'sqlite::memory:') {
    return {
      results: [
        warn(
          'store',
          'DATABASE_URL is sqlite::memory:: Slack installations, Teams conversations and digest subscriptions are lost at every restart',
          'use sqlite:./data/meetbot.db (one process) or postgres://… (several replicas)',
        ),
      ],
      slackBots: [],
    };
  }
  const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);
  const sqliteFile = isPostgres ? undefined : databaseUrl.slice('sqlite:'.length);
  if (sqliteFile !== undefined && !existsSync(sqliteFile))
    return { results: [missingSqliteFile(sqliteFile)], slackBots: [] };

  let inspection: StoreInspection | undefined;
  try {
    inspection =
      sqliteFile !== undefined ? inspectSqlite(sqliteFile) : await inspectPostgres(databaseUrl, deps.timeoutMs);
    await inspection.ping();
  } catch (error) {
    // The failure to report is the ping's; closing what did open adds nothing to it.
    await inspection?.close().catch(() => undefined);
    return {
      results: [fail('store.reach', `${where}: ${describeStoreError(error, deps.timeoutMs)}`, storeFix(error))],
    };
  }
  try {
    const results = [pass('store.reach', `${where} answers`)];
    const migrations = await checkMigrations(inspection);
    results.push(migrations.result);
    results.push(
      migrations.upToDate
        ? await withDeadline(checkWritable(databaseUrl, deps), deps.timeoutMs * 3)
        : skip(
            'store.write',
            'not checked: opening the store would apply the pending migrations',
            'start meetbot (it applies them), then run meetbot doctor again',
          ),
    );
    return { results, slackBots: deps.readSlackBots ? await inspection.slackBots() : undefined };
  } finally {
    await inspection.close();
  }
}

function missingSqliteFile(file: string): CheckResult {
  const folder = nearestExistingFolder(path.dirname(path.resolve(file)));
  if (!statSync(folder).isDirectory()) {
    return fail(
      'store',
      `no SQLite file at ${file}, and meetbot cannot create it: ${folder} is a file, not a folder`,
      'point DATABASE_URL=sqlite:PATH at a path in a folder',
    );
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    return fail(
      'store',
      `no SQLite file at ${file}, and meetbot cannot create it: ${folder} is not writable (${(error as { code?: string }).code ?? 'error'})`,
      `make ${folder} writable by the user meetbot runs as, or point DATABASE_URL=sqlite:PATH elsewhere`,
    );
  }
  return warn(
    'store',
    `no SQLite file at ${file} yet: meetbot creates it, with its tables, when it starts (the folder is writable)`,
    'start meetbot once; if you expected existing data here, check DATABASE_URL and the working directory',
  );
}

function nearestExistingFolder(folder: string): string {
  let current = folder;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

async function checkMigrations(inspection: StoreInspection): Promise<{ result: CheckResult; upToDate: boolean }> {
  const known = loadMigrations(inspection.dialect).map((m) => m.version);
  const applied = await inspection.appliedMigrations();
  if (applied === undefined) {
    return {
      upToDate: false,
      result: warn(
        'store.migrations',
        'the database has no meetbot tables yet: meetbot creates them when it starts',
        'start meetbot once (with several replicas, any one of them)',
      ),
    };
  }
  const pending = known.filter((v) => !applied.includes(v));
  const unknown = applied.filter((v) => !known.includes(v));
  if (pending.length > 0) {
    return {
      upToDate: false,
      result: warn(
        'store.migrations',
        `${pending.length} of ${known.length} migrations not applied yet (${pending.join(', ')}): meetbot applies them when it starts`,
        'start (or restart) meetbot; replicas starting together apply them once',
      ),
    };
  }
  if (unknown.length > 0) {
    return {
      upToDate: true,
      result: warn(
        'store.migrations',
        `the database has migrations this meetbot does not know (${unknown.join(', ')}): a newer meetbot migrated it`,
        'run the newer meetbot version here too (migrations are never rolled back)',
      ),
    };
  }
  return { upToDate: true, result: pass('store.migrations', `all ${known.length} migrations applied`) };
}

/** Claims and releases an idempotency key of its own: a real write that leaves nothing behind. */
async function checkWritable(databaseUrl: string, deps: StoreCheckDeps): Promise<CheckResult> {
  const key = `doctor:${randomUUID()}`;
  try {
    const store = await openStore(databaseUrl, { clock: deps.clock ?? systemClock, poolSize: 1 });
    try {
      const claim = await store.claimIdempotency(key, 60_000);
      await store.releaseIdempotency(key);
      if (claim.status !== 'claimed') {
        return fail('store.write', `a fresh key (${key}) was refused as already taken`, 'report this as a bug');
      }
      return pass('store.write', 'writable (claimed and released a test key)');
    } finally {
      await store.close();
    }
  } catch (error) {
    return fail('store.write', `cannot write: ${describeStoreError(error, deps.timeoutMs)}`, storeFix(error));
  }
}

/**
 * Opening a store may wait on a lock (another replica migrating, a stuck writer): past the deadline
 * doctor reports it and moves on; the check still closes its store when it settles.
 */
async function withDeadline(check: Promise<CheckResult>, ms: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(
          fail(
            'store.write',
            `no answer within ${formatTimeout(ms)}`,
            'another process may hold a lock on the database (a replica migrating, a stuck writer): look at its activity',
          ),
        ),
      ms,
    );
    timer.unref();
  });
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

function errorCode(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : e?.code;
  return typeof code === 'string' ? code : '';
}

/** The driver's code in words; never the error's text, which may quote the connection string. */
function describeStoreError(error: unknown, timeoutMs: number): string {
  const code = errorCode(error);
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host name not found (DNS)',
    EAI_AGAIN: 'host name not found (DNS)',
    ETIMEDOUT: `no answer within ${formatTimeout(timeoutMs)}`,
    '28P01': 'the password was refused',
    '28000': 'the user may not connect',
    '3D000': 'the database does not exist',
    '42501': 'permission denied',
    SQLITE_CANTOPEN: 'cannot open the file',
    SQLITE_READONLY: 'the file is read-only for this user',
    SQLITE_NOTADB: 'the file is not a SQLite database',
    SQLITE_CORRUPT: 'the database file is damaged',
    SQLITE_BUSY: 'another process holds the write lock',
  };
  if (words[code]) return `${words[code]} (${code})`;
  if (/timeout/i.test((error as Error)?.message ?? '')) return `no answer within ${formatTimeout(timeoutMs)}`;
  return code ? `store error (${code})` : 'store error';
}

function storeFix(error: unknown): string {
  const code = errorCode(error);
  if (code === '28P01' || code === '28000')
    return "check the user and password in DATABASE_URL (and the server's pg_hba.conf)";
  if (code === '3D000') return 'create the database (createdb NAME) or fix the database name in DATABASE_URL';
  if (code === '42501')
    return "grant meetbot's database user the rights on its schema (it creates and writes its own tables)";
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'SQLITE_CANTOPEN') {
    return 'make the file and its folder readable and writable by the user meetbot runs as';
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return 'restore the file from a backup, or point DATABASE_URL elsewhere';
  if (code === 'SQLITE_BUSY') return 'try again; if it persists, look for a process stuck holding the database';
  return "check DATABASE_URL's host, port and database, and that PostgreSQL is running and reachable from here";
}
