import type { Pool } from 'pg';
import type { Migration } from './load-migrations';

/**
 * Applies the migrations the current schema lacks in one transaction, under a transaction-level
 * advisory lock keyed on the schema: replicas starting at once queue on the lock, and the later
 * ones find everything applied. Returns the versions this call applied.
 */
export async function migratePostgres(pool: Pool, migrations: Migration[], now: Date): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('meetbot.migrate.' || coalesce(current_schema(), '')))");
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now,
      ]);
      done.push(migration.version);
    }
    await client.query('COMMIT');
    client.release();
    return done;
  } catch (error) {
    // Destroying the connection ends its transaction and frees the lock on the server.
    client.release(true);
    throw error;
  }
}
