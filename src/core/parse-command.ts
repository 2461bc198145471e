import type { Command, ParseContext, ParseResult } from './command';
import type { Result } from './errors';
import { type Arg, readArgs } from './parse-args';
import { buildCreate, createUsage } from './parse-create';
import { buildDigest } from './parse-digest';
import { createMentionMatcher, isBotMention, type MentionMatcher } from './parse-people';
import { buildReport } from './parse-report';
import { type Token, tokenize } from './tokenize';
import { findHelpTopic, type UsageForm, usageLines } from './usage-lines';

/**
 * The `/meet` language (../shared/design/commands.md): Slack's slash command text, a Teams message
 * (`activity.text` as is) or the CLI's arguments in, a typed command or the mistake out.
 */

/** Longer text is not a command someone typed; refusing it keeps parsing fast. */
export const maxCommandLength = 10_000;

/** Only seen if the parser has a bug; tests check no input ever produces it. */
export const parserFailureMessage = 'Sorry, I could not read that command. Try /meet help.';

type Subcommand = Exclude<UsageForm, 'create' | 'interview' | 'meeting' | 'webcast' | 'later'>;

const subcommands: ReadonlyMap<string, Subcommand> = new Map<string, Subcommand>([
  ['usage', 'usage'],
  ['feedback', 'feedback'],
  ['feedbacks', 'feedback'],
  ['configs', 'configs'],
  ['config', 'configs'],
  ['configurations', 'configs'],
  ['digest', 'digest'],
  ['help', 'help'],
  ['--help', 'help'],
  ['-h', 'help'],
  ['?', 'help'],
  ['new', 'new'],
  ['form', 'new'],
  ['status', 'status'],
  ['upcoming', 'upcoming'],
  ['scheduled', 'upcoming'],
  ['cancel', 'cancel'],
]);

/** Never throws: every input gets a command or a mistake to show. */
export function parseCommand(text: string, context: ParseContext): ParseResult {
  try {
    return parseText(typeof text === 'string' ? text : '', context ?? { platform: 'cli' });
  } catch {
    // A bug, not a mistake of the person: say so without details (the fuzz test keeps this unreachable).
    return { ok: false, error: { message: parserFailureMessage, usage: usageLines.help } };
  }
}

function parseText(text: string, context: ParseContext): ParseResult {
  if (text.length > maxCommandLength) {
    return {
      ok: false,
      error: {
        message: `That is too long for a command (over ${maxCommandLength} characters).`,
        usage: usageLines.create,
      },
    };
  }
  const tokens = tokenize(text);
  if (!tokens.ok) return { ok: false, error: { ...tokens.error, usage: usageLines.create } };
  const match = createMentionMatcher(context);
  const start = skipLeading(tokens.value, context, match);
  const first = tokens.value[start];
  const subcommand = first?.kind === 'word' ? subcommands.get(first.value.toLowerCase()) : undefined;
  const args = readArgs(tokens.value, subcommand === undefined ? start : start + 1, context, match);
  if (subcommand === undefined) {
    if (args.ok) return buildCreate(args.value);
    const words = tokens.value.filter((token) => token.kind === 'word').map((token) => token.value);
    return { ok: false, error: { ...args.error, usage: createUsage(words) } };
  }
  const usage = usageLines[subcommand];
  const command = args.ok ? buildSubcommand(subcommand, args.value) : args;
  return command.ok ? { ok: true, command: command.value } : { ok: false, error: { ...command.error, usage } };
}

/** The bot's own leading `<at>Meet</at>` and a typed `/meet` are not part of the command. */
function skipLeading(tokens: readonly Token[], context: ParseContext, match: MentionMatcher): number {
  let start = 0;
  for (;;) {
    const token = tokens[start];
    if (token?.kind === 'word' && token.value.toLowerCase() === '/meet') {
      start++;
      continue;
    }
    if (token?.kind === 'teamsAt') {
      const entity = match(token, true);
      if (entity !== undefined && isBotMention(entity, context.botId)) {
        match(token);
        start++;
        continue;
      }
    }
    return start;
  }
}

function buildSubcommand(subcommand: Subcommand, args: readonly Arg[]): Result<Command> {
  switch (subcommand) {
    case 'usage':
    case 'feedback':
      return buildReport(subcommand, args);
    case 'digest':
      return buildDigest(args);
    case 'help':
      return { ok: true, value: helpCommand(args) };
    case 'cancel':
      return buildCancel(args);
    default: {
      const extra = args[0];
      if (extra === undefined) return { ok: true, value: { kind: subcommand } };
      const token = extra.kind === 'person' ? extra.ref.token : extra.raw;
      return { ok: false, error: { message: `${subcommand} takes nothing more; remove ${token}.`, token } };
    }
  }
}

const meetCode = /^[A-Za-z0-9_-]{1,64}$/;

/** `cancel CODE`: the Meet code, or its join link (`https://meet.rs/CODE`) pasted as it is. */
function buildCancel(args: readonly Arg[]): Result<Command> {
  const [first, extra] = args;
  if (first === undefined) {
    return { ok: false, error: { message: 'Which Meet? Give its code: /meet upcoming lists your Meets for later.' } };
  }
  const raw = first.kind === 'person' ? first.ref.token : first.raw;
  if (extra !== undefined) {
    const token = extra.kind === 'person' ? extra.ref.token : extra.raw;
    return { ok: false, error: { message: `cancel takes one Meet code; remove ${token}.`, token } };
  }
  const text = first.kind === 'word' ? first.text : '';
  const code = /^https?:\/\//i.test(text)
    ? (text
        .replace(/[?#].*$/, '')
        .split('/')
        .filter(Boolean)
        .at(-1) ?? '')
    : text;
  if (!meetCode.test(code)) {
    return {
      ok: false,
      error: {
        message: `"${raw}" is not a Meet code. /meet upcoming lists your Meets for later with their codes.`,
        token: raw,
      },
    };
  }
  return { ok: true, value: { kind: 'cancel', code } };
}

/** `help TOPIC`: a known topic narrows the help; anything else shows all of it. */
function helpCommand(args: readonly Arg[]): Command {
  for (const arg of args) {
    const word = arg.kind === 'word' || arg.kind === 'quoted' ? arg.text : arg.kind === 'option' ? arg.key : '';
    const topic = findHelpTopic(word);
    if (topic !== undefined) return { kind: 'help', topic };
  }
  return { kind: 'help' };
}
