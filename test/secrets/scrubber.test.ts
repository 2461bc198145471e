import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { createLogger, redactedKeys } from '../../src/logger';
import { createScrubber, loggedForms, rememberConfiguredSecrets, type Scrubber } from '../../src/secrets/scrubber';

/** A logger on its own scrubber, and its lines as written. */
function capture(scrubber: Scrubber = createScrubber()) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk).trimEnd());
      done();
    },
  });
  return { scrubber, lines, logger: createLogger({ level: 'debug', destination, scrubber }) };
}

const parse = (line: string) => JSON.parse(line) as Record<string, unknown>;

describe('registered values', () => {
  test('are blanked in messages and fields, at every level, and the line stays JSON', () => {
    const { scrubber, lines, logger } = capture();
    scrubber.add('slack-client-secret-9c2d', 'configured');
    logger.debug('http request body: {"client_id":"1","client_secret":"slack-client-secret-9c2d"}');
    logger.info({ detail: 'sent with slack-client-secret-9c2d' }, 'exchange');
    logger.error({ err: new Error('refused slack-client-secret-9c2d') }, 'failed');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain('slack-client-secret-9c2d');
      expect(line).toContain('[redacted]');
      parse(line);
    }
    expect(parse(lines[1]).detail).toBe('sent with [redacted]');
  });

  test('in every form a line holds them: JSON inside a string, Slack text, URL-encoded', () => {
    const { scrubber, lines, logger } = capture();
    const passcode = 'open-"sesame&<x>\\';
    scrubber.add(passcode, 'passcode');
    // What the Slack WebClient logs: its request body as JSON, inside our JSON line.
    logger.debug(
      `http request body: ${JSON.stringify({ text: `\`${passcode.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}\`` })}`,
    );
    logger.debug(`http request body: ${JSON.stringify({ guest: passcode })}`);
    logger.debug(`form: guest=${encodeURIComponent(passcode)}&x=1 or ${new URLSearchParams({ guest: passcode })}`);
    logger.info({ raw: passcode }, 'raw');
    for (const line of lines) {
      for (const form of loggedForms(passcode)) expect(line).not.toContain(form);
      expect(JSON.stringify(parse(line))).not.toContain('sesame');
    }
  });

  test('a value of letters, digits, dot, dash and underscore has one form: each encoding leaves it as it is', () => {
    const plain = 'AZaz09._-';
    for (const value of [plain, '48151623', 'xoxb-123-abc_DEF.ghi', ...[...plain].map((c) => `abc${c}def`)]) {
      const slack = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const encodings = [
        slack,
        JSON.stringify(value).slice(1, -1),
        JSON.stringify(JSON.stringify(value).slice(1, -1)).slice(1, -1),
        encodeURIComponent(value),
        new URLSearchParams({ v: value }).toString().slice(2),
      ];
      expect(new Set(encodings)).toEqual(new Set([value]));
      expect(loggedForms(value)).toEqual([value]);
    }
    // One more character (here `~`, which URLSearchParams encodes) and the forms are computed.
    expect(loggedForms('abc~def')).toEqual(['abc~def', 'abc%7Edef']);
  });

  test('any text can be registered, even one with a lone surrogate (which cannot be URL-encoded)', () => {
    const { scrubber, lines, logger } = capture();
    expect(() => scrubber.add('pass\ud800word', 'passcode')).not.toThrow();
    logger.info({ typed: 'pass\ud800word' }, 'typed');
    expect(lines[0]).not.toMatch(/pass.{1,6}word/);
  });

  test('a short value is blanked only as a whole word, and never in pino’s timestamp', () => {
    const { scrubber, lines, logger } = capture();
    scrubber.add('2026', 'passcode');
    logger.info('guests join with 2026; not 20261 nor A2026');
    const entry = parse(lines[0]);
    expect(entry.msg).toBe('guests join with [redacted]; not 20261 nor A2026');
    expect(String(entry.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('a passcode logged as a number becomes a string, so the line stays JSON', () => {
    const { scrubber, lines, logger } = capture();
    scrubber.add('48151623', 'passcode');
    logger.info({ code: 48151623, other: 481516230 }, 'numbers');
    const entry = parse(lines[0]);
    expect(entry.code).toBe('[redacted]');
    expect(entry.other).toBe('[redacted]');
  });

  test('a match that starts inside an escape sequence takes the whole sequence', () => {
    const { scrubber, lines, logger } = capture();
    scrubber.add('nabc1234', 'passcode');
    scrubber.add('01fghij9', 'passcode');
    logger.info('line\nabc1234 and \u0001fghij9 end');
    const entry = parse(lines[0]);
    expect(entry.msg).toBe('line[redacted] and [redacted] end');
  });
});

describe('secret-shaped text, registered or not', () => {
  test.each([
    ['a Slack bot token', 'token xoxb-1234-5678-abcdEFGH in the text', 'token [redacted] in the text'],
    ['an app-level token', 'xapp-1-A0001-123-abcdef', '[redacted]'],
    ['a workflow step execution token', 'token xwfp-7351-9861-9fa13c2e in the text', 'token [redacted] in the text'],
    ['a JWT', 'bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_1 done', 'bearer [redacted] done'],
    ['a Bearer header', 'Authorization: Bearer abcdefgh12345678', 'Authorization: Bearer [redacted]'],
    [
      'client_secret in a form',
      'code=x&client_secret=p%40ss&client_id=1',
      'code=x&client_secret=[redacted]&client_id=1',
    ],
    ['a password field', 'password: hunter2!!', 'password: [redacted]'],
  ])('%s', (_name, message, expected) => {
    const { lines, logger } = capture();
    logger.info(message);
    expect(parse(lines[0]).msg).toBe(expected);
  });

  test('a named secret inside JSON inside the message', () => {
    const { lines, logger } = capture();
    logger.debug(
      `http request body: ${JSON.stringify({ code: 'c', client_secret: 's3cr3t-value', passcode: '1234x' })}`,
    );
    expect(parse(lines[0]).msg).toBe(
      'http request body: {"code":"c","client_secret":"[redacted]","passcode":"[redacted]"}',
    );
  });

  test("pino's key redaction still blanks objects", () => {
    const { lines, logger } = capture();
    logger.info(Object.fromEntries(redactedKeys.map((k) => [k, 'v'])), 'keys');
    const entry = parse(lines[0]);
    for (const key of redactedKeys) expect(entry[key]).toBe('[redacted]');
  });
});

describe('memory stays flat', () => {
  test('only so many passcodes are kept, the oldest go first', () => {
    const scrubber = createScrubber({ limits: { passcode: { max: 3, ttlMs: 60_000 } } });
    for (const p of ['p1-aaaa1', 'p2-bbbb2', 'p3-cccc3', 'p4-dddd4']) scrubber.add(p, 'passcode');
    expect(scrubber.counts().passcode).toBe(3);
    expect(scrubber.scrub('{"msg":"p1-aaaa1 p4-dddd4"}')).toBe('{"msg":"p1-aaaa1 [redacted]"}');
  });

  test('a passcode is kept for its time to live, then dropped', () => {
    let now = 0;
    const scrubber = createScrubber({ now: () => now, limits: { passcode: { max: 100, ttlMs: 1000 } } });
    scrubber.add('old-passcode', 'passcode');
    now = 500;
    scrubber.add('old-passcode', 'passcode'); // used again: kept longer
    now = 1400;
    scrubber.add('new-passcode', 'passcode');
    expect(scrubber.scrub('{"msg":"old-passcode"}')).toBe('{"msg":"[redacted]"}');
    now = 1600;
    scrubber.add('newer-passcode', 'passcode');
    expect(scrubber.counts().passcode).toBe(2);
    expect(scrubber.scrub('{"msg":"old-passcode"}')).toBe('{"msg":"old-passcode"}');
  });

  test('a value held under two kinds stays blanked until both let it go', () => {
    let now = 0;
    const scrubber = createScrubber({ now: () => now, limits: { token: { max: 1, ttlMs: 1000 } } });
    // A configured bot token that is also read from an installation (a token, held a while).
    scrubber.add('xoxb-configured-and-installed', 'configured');
    scrubber.add('xoxb-configured-and-installed', 'token');
    now = 2000;
    scrubber.add('xoxb-another-workspace', 'token');
    expect(scrubber.counts()).toMatchObject({ configured: 1, token: 1 });
    expect(scrubber.scrub('{"msg":"xoxb-configured-and-installed"}')).toBe('{"msg":"[redacted]"}');
    // Held only as a token, it goes when the token does.
    scrubber.add('a-token-only-here', 'token');
    now = 4000;
    scrubber.add('yet-another-token', 'token');
    expect(scrubber.scrub('{"msg":"a-token-only-here"}')).toBe('{"msg":"a-token-only-here"}');
  });

  test('configured secrets never expire', () => {
    let now = 0;
    const scrubber = createScrubber({ now: () => now });
    scrubber.add('configured-secret', 'configured');
    now = 365 * 24 * 3600_000;
    scrubber.add('a-later-token', 'token');
    expect(scrubber.scrub('{"msg":"configured-secret"}')).toBe('{"msg":"[redacted]"}');
  });
});

test('the configuration’s secrets are all registered', () => {
  const env = {
    MEET_CLIENT_KEY: 'key',
    MEET_CLIENT_SECRET: 'meet-secret-1',
    SLACK_SIGNING_SECRET: 'signing-secret-2',
    SLACK_BOT_TOKEN: 'xoxb-bot-token-3',
    SLACK_APP_TOKEN: 'xapp-app-token-4',
    SLACK_CLIENT_ID: '1.2',
    SLACK_CLIENT_SECRET: 'client-secret-5',
    SLACK_STATE_SECRET: 'state-secret-6',
    MICROSOFT_APP_ID: 'app-id',
    MICROSOFT_APP_PASSWORD: 'app-password-7',
    MICROSOFT_APP_TENANT_ID: 'tenant',
  };
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.message);
  const scrubber = createScrubber();
  rememberConfiguredSecrets(loaded.config, scrubber);
  const secrets = Object.entries(env)
    .filter(([name]) => /SECRET|TOKEN|PASSWORD/.test(name))
    .map(([, value]) => value);
  expect(secrets).toHaveLength(7);
  expect(scrubber.counts().configured).toBe(7);
  const line = JSON.stringify({ msg: secrets.join(' ') });
  expect(scrubber.scrub(line)).toBe(JSON.stringify({ msg: secrets.map(() => '[redacted]').join(' ') }));
  // Without the registry only the token shapes would go.
  expect(createScrubber().scrub(line)).toContain('meet-secret-1');
});
