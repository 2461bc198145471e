import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { enterWal } from '../../src/store/sqlite-wal';

/** Several processes opening a new SQLite file at once: the one SQLite answers SQLITE_BUSY asks again. */

function busy(): Error {
  return Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
}

test('a real file is switched to WAL, and stays so for the next opener', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'meetbot-wal-'));
  try {
    const file = path.join(folder, 'meetbot.db');
    const first = new Database(file);
    expect(enterWal(first)).toBe('wal');
    const second = new Database(file);
    expect(second.pragma('journal_mode', { simple: true })).toBe('wal');
    first.close();
    second.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('SQLITE_BUSY while another process switches: asked again until it goes through', () => {
  const asked: string[] = [];
  const pauses: number[] = [];
  const db = {
    pragma(source: string) {
      asked.push(source);
      if (asked.length < 3) throw busy();
      return 'wal';
    },
  };
  expect(enterWal(db, 10_000, (ms) => pauses.push(ms))).toBe('wal');
  expect(asked).toEqual(['journal_mode = WAL', 'journal_mode = WAL', 'journal_mode = WAL']);
  expect(pauses).toEqual([25, 25]);
});

test('other errors at once, and SQLITE_BUSY past the timeout, are thrown', () => {
  const broken = {
    pragma() {
      throw Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' });
    },
  };
  expect(() => enterWal(broken, 10_000, () => {})).toThrow('file is not a database');

  let tries = 0;
  const stuck = {
    pragma() {
      tries += 1;
      throw busy();
    },
  };
  expect(() => enterWal(stuck, 0, () => {})).toThrow('database is locked');
  expect(tries).toBe(1);
});
