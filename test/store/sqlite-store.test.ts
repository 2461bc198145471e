import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('sqlite::memory:', async () => ({
  open: (clock) => openStore('sqlite::memory:', { clock }),
  dispose: async () => {},
}));

describeStoreContract('SQLite file (WAL)', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'meetbot-store-'));
  return {
    // A folder that does not exist yet: openStore creates it.
    open: (clock) => openStore(`sqlite:${path.join(folder, 'data', 'meetbot.db')}`, { clock }),
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
});
