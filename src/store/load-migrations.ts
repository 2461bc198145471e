import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

export type SqlDialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * `tsc` does not copy .sql files: from `src/store/` (ts-jest) they sit next to this module, from
 * `dist/src/store/` (compiled `npm start`, `npm run bench`) they are read from the source tree.
 */
export function findMigrationsFolder(dialect: SqlDialect, here: string = __dirname): string {
  const candidates = [
    path.join(here, 'migrations', dialect),
    path.resolve(here, '..', '..', '..', 'src', 'store', 'migrations', dialect),
  ];
  const found = candidates.find((folder) => existsSync(folder));
  if (!found) {
    throw new AppError('store_error', `no ${dialect} migrations folder (looked in ${candidates.join(', ')})`);
  }
  return found;
}

/** The versioned `NNN_name.sql` files of one dialect, in order; gaps and duplicates are refused. */
export function loadMigrations(dialect: SqlDialect, folder: string = findMigrationsFolder(dialect)): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(folder).sort()) {
    const match = /^(\d+)_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) continue;
    migrations.push({
      version: Number(match[1]),
      name: match[2],
      sql: readFileSync(path.join(folder, file), 'utf8'),
    });
  }
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new AppError(
        'store_error',
        `${dialect} migrations must be numbered 1, 2, 3…: found ${m.version} at ${i + 1}`,
      );
    }
  });
  if (migrations.length === 0) throw new AppError('store_error', `no ${dialect} migrations in ${folder}`);
  return migrations;
}
