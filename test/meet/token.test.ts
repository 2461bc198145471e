import { createTokenCache, expiresAtToMs, type Token } from '../../src/meet/token';

describe('expiresAtToMs', () => {
  it.each([
    [1_700_000_000, 1_700_000_000_000],
    [1_700_000_000_000, 1_700_000_000_000],
    [99_999_999_999, 99_999_999_999_000],
  ])('%d → %d', (value, ms) => {
    expect(expiresAtToMs(value)).toBe(ms);
  });
});

describe('createTokenCache', () => {
  function setup(lifetimeMs = 3_600_000) {
    let clock = 1_000_000;
    let fetches = 0;
    let release: (() => void) | undefined;
    const gate = { closed: false };
    const cache = createTokenCache({
      now: () => clock,
      marginMs: 60_000,
      fetchToken: async (): Promise<Token> => {
        fetches++;
        const n = fetches;
        if (gate.closed) await new Promise<void>((r) => (release = r));
        return { accessToken: `t${n}`, expiresAtMs: clock + lifetimeMs };
      },
    });
    return {
      cache,
      gate,
      release: () => release?.(),
      advance: (ms: number) => (clock += ms),
      fetches: () => fetches,
    };
  }

  it('shares one in-flight request among concurrent callers', async () => {
    const s = setup();
    s.gate.closed = true;
    const all = Promise.all(Array.from({ length: 20 }, () => s.cache.get()));
    await new Promise((r) => setImmediate(r));
    s.release();
    expect(await all).toEqual(Array(20).fill('t1'));
    expect(s.fetches()).toBe(1);
  });

  it('renews a margin before expiry', async () => {
    const s = setup();
    expect(await s.cache.get()).toBe('t1');
    s.advance(3_600_000 - 60_001);
    expect(await s.cache.get()).toBe('t1');
    s.advance(2);
    expect(await s.cache.get()).toBe('t2');
  });

  it('keeps a short-lived token for half its life instead of refetching every call', async () => {
    const s = setup(10_000);
    expect(await s.cache.get()).toBe('t1');
    s.advance(4_000);
    expect(await s.cache.get()).toBe('t1');
    s.advance(1_001);
    expect(await s.cache.get()).toBe('t2');
  });

  it('invalidates only the token that was refused', async () => {
    const s = setup();
    await s.cache.get();
    s.cache.invalidate('t-old');
    expect(await s.cache.get()).toBe('t1');
    s.cache.invalidate('t1');
    expect(await s.cache.get()).toBe('t2');
  });

  it('does not cache a failure', async () => {
    let n = 0;
    const cache = createTokenCache({
      now: () => 0,
      marginMs: 0,
      fetchToken: async () => {
        n++;
        if (n === 1) throw new Error('down');
        return { accessToken: 'ok', expiresAtMs: 1e12 };
      },
    });
    await expect(cache.get()).rejects.toThrow('down');
    expect(await cache.get()).toBe('ok');
  });
});

describe('createTokenCache: a waiter that gives up', () => {
  function gated() {
    let fetches = 0;
    let release: (() => void) | undefined;
    const cache = createTokenCache({
      now: () => 0,
      marginMs: 0,
      fetchToken: async (): Promise<Token> => {
        fetches++;
        await new Promise<void>((r) => (release = r));
        return { accessToken: 'shared', expiresAtMs: 1e12 };
      },
    });
    return { cache, release: () => release?.(), fetches: () => fetches };
  }

  it('stops waiting when its signal aborts; the request goes on for the others and its token is cached', async () => {
    const s = gated();
    const quitter = new AbortController();
    const patient = s.cache.get();
    const impatient = s.cache.get(quitter.signal);
    quitter.abort();
    await expect(impatient).rejects.toMatchObject({ name: 'MeetApiError', code: 'timeout', retryable: false });
    s.release();
    expect(await patient).toBe('shared');
    expect(s.cache.peek()).toBe('shared');
    expect(s.fetches()).toBe(1);
  });

  it('a signal already aborted starts no request', async () => {
    const s = gated();
    await expect(s.cache.get(AbortSignal.abort())).rejects.toMatchObject({ code: 'timeout' });
    expect(s.fetches()).toBe(0);
  });

  it('a waiter whose signal never fires gets the token like anyone', async () => {
    const s = gated();
    const waiting = s.cache.get(new AbortController().signal);
    await new Promise((r) => setImmediate(r));
    s.release();
    expect(await waiting).toBe('shared');
  });
});
