import { openStore } from '../../src/store/open-store';
import { createTestSchema } from './postgres-test-schema';
import { describeStoreContract } from './store-contract';

describeStoreContract('PostgreSQL', async () => {
  const schema = await createTestSchema();
  return {
    open: (clock) => openStore(schema.url, { clock, poolSize: 4 }),
    dispose: () => schema.drop(),
  };
});
