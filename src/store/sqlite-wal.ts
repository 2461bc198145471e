/**
 * Puts an SQLite file in WAL mode. The switch takes the file's exclusive lock, and when several
 * processes open a new file at once SQLite may answer SQLITE_BUSY at once, without waiting out
 * busy_timeout (it does not wait where waiting could deadlock). WAL is a property of the file:
 * whoever wins switches it for all, so a loser only has to ask again, a little later.
 */
export function enterWal(
  db: { pragma(source: string, options?: { simple: boolean }): unknown },
  timeoutMs = 10_000,
  pause: (ms: number) => void = sleepSync,
): string {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return String(db.pragma('journal_mode = WAL', { simple: true }));
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= until) throw error;
      pause(25);
    }
  }
}

/** Opening the store is synchronous (better-sqlite3), so is the pause between two tries. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
