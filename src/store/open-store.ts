import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Clock, systemClock } from '../core/clock';
import { AppError } from '../core/errors';
import { createSilentLogger, type Logger } from '../logger';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import type { Store } from './store';
import { guardStore } from './store-records';

export interface OpenStoreOptions {
  logger?: Logger;
  /** What "now" is for idempotency expiry and `createdAt`/`updatedAt` stamps. */
  clock?: Clock;
  /** PostgreSQL only: connections per process (default 10). */
  poolSize?: number;
}

/**
 * Opens the store named by `DATABASE_URL` and brings its schema up to date:
 * `sqlite:PATH` (the folder is created), `sqlite::memory:`, `postgres://…` or `postgresql://…`.
 * Safe when several processes open the same database at once.
 */
export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const logger = options.logger ?? createSilentLogger();
  const clock = options.clock ?? systemClock;
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const store = await guardStore('open PostgreSQL', () =>
      openPostgresStore(databaseUrl, { clock, logger, poolSize: options.poolSize }),
    );
    logger.info({ database: describeDatabaseUrl(databaseUrl) }, 'store opened');
    return store;
  }
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file === '')
      throw new AppError('config_invalid', 'DATABASE_URL sqlite: needs a path, e.g. sqlite:./data/meetbot.db');
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const store = await guardStore('open SQLite', () => openSqliteStore(file, { clock, logger }));
    logger.info({ database: describeDatabaseUrl(databaseUrl) }, 'store opened');
    return store;
  }
  throw new AppError(
    'config_invalid',
    `DATABASE_URL ${describeDatabaseUrl(databaseUrl)} is not sqlite:PATH, sqlite::memory: or postgres://…`,
  );
}

/** The URL with any password blanked, for logs and error messages. */
export function describeDatabaseUrl(databaseUrl: string): string {
  return databaseUrl.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}
