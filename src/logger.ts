import { inspect } from 'node:util';
import pino, { type Logger } from 'pino';
import { processSecrets, type Scrubber } from './secrets/scrubber';

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

/** pino's options for meetbot's JSON lines (the benchmark compares against them without the scrubber). */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: { app: 'meetbot' },
    redact: { paths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

/**
 * Where pino's own prefix ends: `{"level":30,"time":"…"` holds no secret, and a short passcode
 * such as `2026` must not blank the timestamp.
 */
function afterTime(line: string): number {
  const time = line.indexOf(',"time":"');
  if (time < 0 || time > 16) return 0;
  const end = line.indexOf('"', time + 9);
  return end < 0 ? 0 : end + 1;
}

/** Every serialized line goes through the scrubber on its way out, whichever library logged it. */
export function scrubbingDestination(destination: pino.DestinationStream, scrubber: Scrubber): pino.DestinationStream {
  const target = destination as pino.DestinationStream & { flush?: (cb?: () => void) => void; flushSync?: () => void };
  return {
    write: (line: string) => target.write(scrubber.scrub(line, afterTime(line))),
    ...(target.flush ? { flush: (cb?: () => void) => target.flush?.(cb) } : {}),
    ...(target.flushSync ? { flushSync: () => target.flushSync?.() } : {}),
  } as pino.DestinationStream;
}

/**
 * Structured JSON logs with secrets blanked: keys by pino's redaction, values anywhere in the line
 * (library messages are strings) by the scrubber. `destination` lets tests capture the output;
 * `scrubber` lets a test use its own registry instead of the process's.
 */
export function createLogger(
  options: { level?: string; destination?: pino.DestinationStream; scrubber?: Scrubber } = {},
): Logger {
  const destination = options.destination ?? pino.destination({ fd: process.stdout.fd || 1 });
  return pino(
    loggerOptions(options.level ?? 'info'),
    scrubbingDestination(destination, options.scrubber ?? processSecrets),
  );
}

/** A logger that writes nothing, for tests that do not look at logs. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

type ConsoleMethod = 'error' | 'warn' | 'info' | 'log' | 'debug';
const consoleLevels: Record<ConsoleMethod, 'error' | 'warn' | 'info' | 'debug'> = {
  error: 'error',
  warn: 'warn',
  info: 'info',
  log: 'info',
  debug: 'debug',
};

/**
 * Libraries that write to the console (botbuilder's `console.error(err)` with a stack trace when
 * it refuses a request) go through `logger` instead: one JSON line, scrubbed like every other,
 * an Error's stack in `err`. Returns what puts the console back (if no one replaced it since).
 */
export function routeConsoleToLogger(logger: Logger): () => void {
  const child = logger.child({ component: 'console' });
  const original = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  const routed = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of Object.keys(consoleLevels) as ConsoleMethod[]) {
    const level = consoleLevels[method];
    const write = (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const message = args
        .map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : inspect(a)))
        .join(' ');
      if (err) child[level]({ err }, message);
      else child[level](message);
    };
    original.set(method, console[method]);
    routed.set(method, write);
    console[method] = write;
  }
  return () => {
    for (const [method, write] of routed)
      if (console[method] === write) console[method] = original.get(method) ?? write;
  };
}
