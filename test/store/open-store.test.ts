import { describeDatabaseUrl, openStore } from '../../src/store/open-store';

describe('openStore', () => {
  it.each(['mysql://root@localhost/meetbot', 'sqlite:', './data/meetbot.db'])(
    'refuses %s with a config error that names the accepted forms',
    async (url) => {
      await expect(openStore(url)).rejects.toMatchObject({
        code: 'config_invalid',
        message: expect.stringContaining('sqlite:'),
      });
    },
  );

  it('never puts a database password in a message', async () => {
    const failure = openStore('mysql://meetbot:s3cr3t-pw@db.internal/meetbot');
    await expect(failure).rejects.toMatchObject({ message: expect.not.stringContaining('s3cr3t-pw') });
    expect(describeDatabaseUrl('postgres://meetbot:s3cr3t-pw@db:5432/meetbot')).toBe(
      'postgres://meetbot:***@db:5432/meetbot',
    );
  });

  it('reports an unreachable PostgreSQL as a store error without the password', async () => {
    // Port 1 on loopback refuses connections at once.
    const failure = openStore('postgres://meetbot:s3cr3t-pw@127.0.0.1:1/meetbot');
    await expect(failure).rejects.toMatchObject({ code: 'store_error' });
    await expect(failure).rejects.toMatchObject({ message: expect.not.stringContaining('s3cr3t-pw') });
  });
});
