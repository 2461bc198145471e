import type { Database } from 'better-sqlite3';
import type { Migration } from './load-migrations';

/**
 * Applies the migrations `db` lacks, all in one `BEGIN IMMEDIATE` transaction: a second process
 * opening the same file waits (busy_timeout) for the write lock, then finds them applied.
 * Returns the versions this call applied.
 */
export function migrateSqlite(db: Database, migrations: Migration[], now: Date): number[] {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now.toISOString());
      done.push(migration.version);
    }
    db.exec('COMMIT');
    return done;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
