import { connectMeet } from '../app';
import { type Config, loadConfig, readEnvironment } from '../config';
import { type Clock, systemClock } from '../core/clock';
import { describeFailure } from '../core/describe-failure';
import { AppError } from '../core/errors';
import { parseCommand } from '../core/parse-command';
import { newReferenceId } from '../core/reference-id';
import { buildHelpReply, buildUserErrorReply } from '../core/replies';
import { helpEntries } from '../core/usage-lines';
import { runDoctorCli } from '../doctor/doctor-command';
import { createLogger, type Logger } from '../logger';
import { serve } from '../main';
import { isMeetApiError } from '../meet/errors';
import { startSandbox } from '../sandbox/server';
import { rememberConfiguredSecrets } from '../secrets/scrubber';
import { type CliIo, joinGrammar, processIo, takeFlag, takeOption } from './args';
import { runDigestCli } from './digest-command';
import { createMeetFromCli } from './meet-command';
import { failureLine, meetApiWhere, renderForTerminal } from './render';
import { printConfigs, printReport } from './report-command';
import { printMeetStatus } from './status-command';
import { runWatchCli } from './watch-command';

const usage = `meetbot: create Meets from Slack and Teams, and from here

  meetbot serve                      the bot (same as npm start)
  meetbot sandbox [--port N] [--host H] [--speed N]
                                     the Meet API sandbox alone (--speed 60: a Meet minute a second)
  meetbot meet <grammar> [--as EMAIL] [--json]
                                     create a Meet (same grammar as /meet; people are emails)
  meetbot usage [RANGE | --from DAY --to DAY] [tenant:X] [--json]
  meetbot feedback [RANGE | --from DAY --to DAY] [tenant:X] [--json]
  meetbot configs [--json]           addon configurations
  meetbot status CODE [--json]       where a Meet is: not started, live or ended
  meetbot watch run [--at ISO] [--json]
                                     one watcher tick (for cron): update Meet messages, send ratings
                                     and the reminders of Meets for later due then
  meetbot digest run [--at ISO] [--json]
  meetbot digest preview --channel ID | --tenant CODE [--tz ZONE]
  meetbot doctor [--json]            check every configured part live and say what to fix;
                                     exit 0 when nothing failed (warnings allowed), 1 otherwise

RANGE: this week, last week (default), this month, last month, 7d, 30d, YYYY-MM-DD..YYYY-MM-DD
Examples:
  meetbot meet "Weekly sync"
  meetbot meet interview candidate@example.com "Backend L2" 45m --as you@acme.com
  meetbot usage last month`;

export interface CliDeps {
  env?: Record<string, string | undefined>;
  io?: CliIo;
  clock?: Clock;
}

/** Runs one CLI command; resolves to the process exit code (0 ok, 1 failure, 2 bad usage). */
export async function runCli(argv: string[], deps: CliDeps = {}): Promise<number> {
  const io = deps.io ?? processIo;
  const args = [...argv];
  const name = args.shift();
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage);
    return name ? 0 : 2;
  }
  const env = deps.env ?? readEnvironment();
  if (name === 'serve') return serve(env);
  if (name === 'sandbox') return runSandbox(args, io);
  // Before loadConfig: doctor reports bad settings itself, one line each, next to everything else.
  if (name === 'doctor') return runDoctorCli(args, { env, io, clock: deps.clock });

  const loaded = loadConfig(env);
  if (!loaded.ok) {
    io.err(loaded.message);
    return 1;
  }
  const config = loaded.config;
  rememberConfiguredSecrets(config);
  // The terminal gets one line per failure; JSON logs only with LOG_LEVEL=debug, and for digest
  // runs (an operator wants to see a channel unsubscribed) warnings too.
  const level = config.logLevel === 'debug' ? 'debug' : name === 'digest' || name === 'watch' ? 'warn' : 'silent';
  const logger = createLogger({ level, destination: process.stderr });
  const clock = deps.clock ?? systemClock;
  try {
    if (name === 'digest') return await runDigestCli(args, { config, logger, io, clock });
    if (name === 'watch') return await runWatchCli(args, { config, logger, io, clock });
    if (name === 'status') {
      const json = takeFlag(args, 'json');
      if (args.length !== 1) {
        io.err('usage: meetbot status CODE [--json]  (the code is the part after https://meet.rs/)');
        return 2;
      }
      return await printMeetStatus(args[0], { config, logger, io, clock, json });
    }
    if (['meet', 'usage', 'feedback', 'configs'].includes(name)) {
      return await runMeetCommand(name, args, { config, logger, io, clock });
    }
    io.err(`meetbot: unknown command "${name}"\n\n${usage}`);
    return 2;
  } catch (error) {
    const expected = error instanceof AppError && error.code === 'not_found';
    if (!expected) logger.error({ err: error }, `meetbot ${name} failed`);
    io.err(describeCliFailure(error, config));
    return expected ? 2 : 1;
  }
}

/** One line for the operator at the terminal: what failed and where, never a stack or a secret. */
function describeCliFailure(error: unknown, config: Config): string {
  if (error instanceof AppError) return `meetbot: ${error.message}`;
  return failureLine(describeFailure(error, newReferenceId()), isMeetApiError(error) ? meetApiWhere(config) : '');
}

async function runMeetCommand(
  name: string,
  args: string[],
  deps: { config: Config; logger: Logger; io: CliIo; clock: Clock },
): Promise<number> {
  const { config, io } = deps;
  const json = takeFlag(args, 'json');
  const as = takeOption(args, 'as');
  const range = name === 'usage' || name === 'feedback' ? takeDayRange(args) : { ok: true as const, words: [] };
  if (!range.ok) {
    io.err(range.message);
    return 2;
  }
  const words = [...args, ...range.words];
  const text = name === 'meet' ? joinGrammar(words) : `${name} ${joinGrammar(words)}`.trim();
  const parsed = parseCommand(text, { platform: 'cli' });
  if (!parsed.ok) {
    io.err(renderForTerminal(buildUserErrorReply(parsed.error)));
    return 2;
  }
  const command = parsed.command;
  // Reply-only commands of chat (they need a person and a channel): the terminal shows its own usage.
  if (
    command.kind === 'help' ||
    command.kind === 'new' ||
    command.kind === 'digest' ||
    command.kind === 'status' ||
    command.kind === 'upcoming' ||
    command.kind === 'cancel'
  ) {
    io.out(command.kind === 'help' ? renderForTerminal(buildHelpReply(helpEntries)) : usage);
    return command.kind === 'help' ? 0 : 2;
  }
  const organizerEmail = as ?? config.meet.organizerEmail;
  if (command.kind === 'create' && !organizerEmail && command.template !== 'quick') {
    io.err('Who is organizing? Pass --as you@company.com or set MEET_ORGANIZER_EMAIL.');
    return 2;
  }
  const { meet, sandbox } = await connectMeet(config, deps.logger);
  if (sandbox) {
    io.err(
      'note: no MEET_CLIENT_KEY/MEET_CLIENT_SECRET set, so this used a throwaway local Meet sandbox; set them to use the real Meet API.',
    );
  }
  try {
    if (command.kind === 'create') {
      return await createMeetFromCli({
        command,
        organizerEmail: organizerEmail ?? 'organizer@example.com',
        meet,
        config,
        io,
        json,
        clock: deps.clock,
        logger: deps.logger,
      });
    }
    if (command.kind === 'configs') return await printConfigs({ meet, io, json });
    return await printReport(command, { meet, io, json, clock: deps.clock, timeZone: config.digestTimeZone });
  } finally {
    await meet.close();
    await sandbox?.close();
  }
}

async function runSandbox(args: string[], io: CliIo): Promise<number> {
  const portText = takeOption(args, 'port') ?? '4010';
  const host = takeOption(args, 'host') ?? '127.0.0.1';
  const speedText = takeOption(args, 'speed') ?? '60';
  const speed = Number(speedText);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 3600) {
    io.err(`--speed must be a number above 0 (1 is real time, 60 a Meet minute a second), not "${speedText}"`);
    return 2;
  }
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`--port must be a port number (0-65535), not "${portText}"`);
    return 2;
  }
  const sandbox = await startSandbox({ port, host, speed });
  io.out(
    [
      `Meet sandbox listening on ${sandbox.url} (Meets live at ${speed}× speed: they start a minute after creation)`,
      'Use it with:',
      `  MEET_API_URL=${sandbox.url} MEET_CLIENT_KEY=sandbox-key MEET_CLIENT_SECRET=sandbox-secret`,
      'Ctrl-C to stop.',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await sandbox.close();
  return 0;
}

/** `--from DAY --to DAY` (both inclusive days) as the grammar's `DAY..DAY`. */
function takeDayRange(args: string[]): { ok: true; words: string[] } | { ok: false; message: string } {
  const from = takeOption(args, 'from');
  const to = takeOption(args, 'to');
  if (from === undefined && to === undefined) return { ok: true, words: [] };
  if (!from || !to)
    return { ok: false, message: '--from and --to go together, e.g. --from 2026-11-01 --to 2026-11-07' };
  return { ok: true, words: [`${from}..${to}`] };
}
