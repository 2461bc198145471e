import { MeetApiError } from '../../src/meet/errors';
import { backoffDelayMs, isWorthRetrying, parseRetryAfter, runWithRetry } from '../../src/meet/retry';

const policy = { maxAttempts: 4, minDelayMs: 100, maxDelayMs: 1000, maxTotalMs: 10_000 };

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it.each([
    ['2', 2000],
    ['0', 0],
    ['1.5', 1500],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0],
  ])('reads %s as %d ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([[undefined], [''], ['soon'], [['3', '4']]])('reads %p', (value) => {
    const expected = Array.isArray(value) ? 3000 : undefined;
    expect(parseRetryAfter(value as string | string[] | undefined, now)).toBe(expected);
  });
});

describe('backoffDelayMs', () => {
  it('grows exponentially, is capped, and keeps half of each step fixed', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(50);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(100);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(200);
    expect(backoffDelayMs(3, policy, () => 1)).toBe(400);
    expect(backoffDelayMs(10, policy, () => 1)).toBe(1000);
  });
});

describe('isWorthRetrying', () => {
  it.each([
    [new MeetApiError('network', 'x'), true],
    [new MeetApiError('timeout', 'x'), true],
    [new MeetApiError('rate_limited', 'x', { status: 429 }), true],
    [new MeetApiError('server_error', 'x', { status: 503 }), true],
    [new MeetApiError('server_error', 'x', { status: 500 }), false],
    [new MeetApiError('bad_request', 'x', { status: 400 }), false],
    [new MeetApiError('timeout', 'cancelled', { retryable: false }), false],
    [new MeetApiError('invalid_response', 'body over the limit', { status: 503, retryable: false }), false],
    [new Error('x'), false],
  ])('%p → %p', (error, expected) => {
    expect(isWorthRetrying(error)).toBe(expected);
  });
});

describe('runWithRetry', () => {
  const fast = { ...policy, minDelayMs: 1, maxDelayMs: 2 };

  it('repeats a repeatable call until it succeeds', async () => {
    let n = 0;
    const result = await runWithRetry(
      async () => {
        n++;
        if (n < 3) throw new MeetApiError('server_error', 'x', { status: 502 });
        return 'ok';
      },
      { policy: fast, repeatable: true },
    );
    expect(result).toBe('ok');
    expect(n).toBe(3);
  });

  it('never repeats a call that is not repeatable', async () => {
    let n = 0;
    const attempt = async () => {
      n++;
      throw new MeetApiError('network', 'reset');
    };
    await expect(runWithRetry(attempt, { policy: fast, repeatable: false })).rejects.toMatchObject({ code: 'network' });
    expect(n).toBe(1);
  });

  it('stops at maxAttempts with the last error', async () => {
    let n = 0;
    const attempt = async () => {
      n++;
      throw new MeetApiError('server_error', `try ${n}`, { status: 503 });
    };
    await expect(runWithRetry(attempt, { policy: fast, repeatable: true })).rejects.toThrow('try 4');
    expect(n).toBe(4);
  });

  it('gives up at once with retryAfterMs when Retry-After exceeds the budget left', async () => {
    let n = 0;
    const attempt = async () => {
      n++;
      throw new MeetApiError('rate_limited', 'slow down', { status: 429, retryAfterMs: 60_000 });
    };
    await expect(runWithRetry(attempt, { policy, repeatable: true })).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 60_000,
    });
    expect(n).toBe(1);
  });

  it('honours the veto of mayRetry', async () => {
    let n = 0;
    const attempt = async () => {
      n++;
      throw new MeetApiError('network', 'x');
    };
    await expect(runWithRetry(attempt, { policy: fast, repeatable: true, mayRetry: () => false })).rejects.toThrow();
    expect(n).toBe(1);
  });

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController();
    const attempt = async () => {
      setTimeout(() => controller.abort(), 5);
      throw new MeetApiError('rate_limited', 'x', { status: 429, retryAfterMs: 5000 });
    };
    await expect(runWithRetry(attempt, { policy, repeatable: true, signal: controller.signal })).rejects.toMatchObject({
      code: 'timeout',
      retryable: false,
    });
  });
});
