import pino, { type Logger } from 'pino';

export type { Logger };

/** Keys whose values never reach a log line, wherever they sit in a logged object. */
export const redactedKeys = [
  'client_secret',
  'clientSecret',
  'access_token',
  'accessToken',
  'authorization',
  'Authorization',
  'token',
  'botToken',
  'passcode',
  'passcodes',
  'guestPasscode',
  'condition',
  'signingSecret',
  'appPassword',
  'password',
  'secret',
];

const paths = redactedKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]);

/** Structured JSON logs with secrets blanked. `destination` lets tests capture the output. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'meetbot' },
      redact: { paths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

/** A logger that writes nothing, for tests that do not look at logs. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
