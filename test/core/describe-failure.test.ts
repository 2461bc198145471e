import { describeFailure } from '../../src/core/describe-failure';
import { AppError } from '../../src/core/errors';
import { MeetApiError } from '../../src/meet/errors';

const ref = 'ref-7f3a';

function errorOf(error: unknown, options?: Parameters<typeof describeFailure>[2]) {
  const reply = describeFailure(error, ref, options);
  if (reply.kind !== 'error') throw new Error(reply.kind);
  return reply;
}

describe('describeFailure', () => {
  test.each([
    [
      'unauthorized',
      new MeetApiError('unauthorized', 'token request failed', { status: 401 }),
      /could not sign in to Meet/,
      /MEET_CLIENT_KEY and MEET_CLIENT_SECRET/,
      false,
    ],
    [
      'rate_limited with Retry-After',
      new MeetApiError('rate_limited', 'x', { status: 429, retryAfterMs: 12_300 }),
      /busy/,
      /in 13 seconds/,
      true,
    ],
    [
      'rate_limited without Retry-After',
      new MeetApiError('rate_limited', 'x', { status: 429 }),
      /busy/,
      /in a minute/,
      true,
    ],
    ['timeout', new MeetApiError('timeout', 'x'), /did not answer in time/, /Try again/, true],
    ['network', new MeetApiError('network', 'x'), /could not reach Meet/, /Try again/, true],
    [
      'server_error',
      new MeetApiError('server_error', 'x', { status: 503 }),
      /had a problem \(HTTP 503\)/,
      /Try again/,
      true,
    ],
    [
      'bad_request with detail',
      new MeetApiError('bad_request', 'x', { status: 400, detail: 'title: too long' }),
      /did not accept the request: title: too long/,
      /Check/,
      false,
    ],
    ['not_found', new MeetApiError('not_found', 'x', { status: 404 }), /could not find/, /tenant code/, false],
    [
      'invalid_request',
      new MeetApiError('invalid_request', 'x'),
      /went wrong between meetbot and Meet/,
      /reference id/,
      false,
    ],
    [
      'AppError store_error',
      new AppError('store_error', 'SQLITE_BUSY: database is locked'),
      /could not read or save/,
      /reference id/,
      true,
    ],
    [
      'a TypeError',
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      /went wrong on our side/,
      /reference id/,
      false,
    ],
    ['a thrown string', 'a string', /went wrong on our side/, /reference id/, false],
    ['null', null, /went wrong on our side/, /reference id/, false],
  ])('%s', (_name, error, message, hint, retryable) => {
    const reply = errorOf(error);
    expect(reply.message).toMatch(message);
    expect(reply.hint).toMatch(hint);
    expect(reply.retryable).toBe(retryable);
    expect(reply.referenceId).toBe(ref);
  });

  test('a MeetApiError that crossed a realm is recognised by its shape', () => {
    expect(errorOf({ name: 'MeetApiError', code: 'unauthorized' }).message).toMatch(/could not sign in/);
  });

  test.each(['timeout', 'network'] as const)('a %s while creating says the Meet may exist', (code) => {
    expect(errorOf(new MeetApiError(code, 'x'), { operation: 'create' }).hint).toMatch(/may have been created anyway/);
  });

  test('a 5xx while creating says the Meet was probably not created', () => {
    expect(errorOf(new MeetApiError('server_error', 'x', { status: 500 }), { operation: 'create' }).hint).toMatch(
      /probably not created/,
    );
  });

  test('never the error message, a stack or a secret', () => {
    const secret = 'sk_live_SECRET123';
    const error = new Error(`POST failed with client_secret=${secret}`);
    const reply = errorOf(error);
    const text = JSON.stringify(reply);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('POST failed');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  test('passcodes in the API detail are blanked', () => {
    const error = new MeetApiError('bad_request', 'x', {
      status: 400,
      detail: 'participants[2]: passcode 48151623 rejected; guest code open-sesame invalid',
    });
    const reply = errorOf(error, { secrets: ['open-sesame'] });
    expect(reply.message).not.toContain('48151623');
    expect(reply.message).not.toContain('open-sesame');
    expect(reply.message).toContain('participants[2]');
  });
});
