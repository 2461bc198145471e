import { codeOfStatus, isMeetApiError, MeetApiError, scrubSecrets } from '../../src/meet/errors';

describe('MeetApiError', () => {
  it('has the shared shape and says whether a retry may help', () => {
    const e = new MeetApiError('rate_limited', 'slow down', { status: 429, retryAfterMs: 2000 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: 'MeetApiError',
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 2000,
      retryable: true,
    });
    expect(new MeetApiError('bad_request', 'x', { status: 400 }).retryable).toBe(false);
    expect(new MeetApiError('server_error', 'x', { status: 500 }).retryable).toBe(true);
    expect(new MeetApiError('invalid_request', 'x').retryable).toBe(false);
  });

  it('is recognised duck-typed', () => {
    expect(isMeetApiError(new MeetApiError('network', 'x'))).toBe(true);
    expect(isMeetApiError({ name: 'MeetApiError', code: 'network', message: 'x' })).toBe(true);
    expect(isMeetApiError(new Error('x'))).toBe(false);
    expect(isMeetApiError(null)).toBe(false);
  });

  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'bad_request'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [503, 'server_error'],
  ])('status %d is %s', (status, code) => {
    expect(codeOfStatus(status)).toBe(code);
  });
});

describe('scrubSecrets', () => {
  it.each([
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefgh expired', 'token [redacted] expired'],
    ['header was Bearer abc.def-123', 'header was Bearer [redacted]'],
    ['passcode=482913 is weak', 'passcode=[redacted] is weak'],
    ['{"client_secret":"s3cr3t-value"}', '{"client_secret":"[redacted]"}'],
    ['condition: 112233 rejected', 'condition: [redacted] rejected'],
    [
      'participants[1]: a Passcode rule needs a condition (the passcode)',
      'participants[1]: a Passcode rule needs a condition (the passcode)',
    ],
  ])('%s', (input, output) => {
    expect(scrubSecrets(input)).toBe(output);
  });

  it('blanks known literal values wherever they appear', () => {
    expect(scrubSecrets('bad code 839201 for jack', ['839201'])).toBe('bad code [redacted] for jack');
  });

  it('caps the length', () => {
    expect(scrubSecrets('x'.repeat(2000)).length).toBeLessThanOrEqual(501);
  });
});
