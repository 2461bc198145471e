import { checkCreate, effectiveTemplate, tooManyPeople } from './check-create';
import type { CreateCommand, ParseResult, Template } from './command';
import { suggest } from './did-you-mean';
import type { UserError } from './errors';
import { createLimits } from './limits';
import type { Arg } from './parse-args';
import { describeDurationProblem, looksLikeDuration, maxDurationMinutes, parseDuration } from './parse-duration';
import { parseGuests } from './parse-guests';
import { takeStart } from './parse-start';
import { readTimeZone } from './parse-time-zone';
import { usageLines } from './usage-lines';

/** `/meet [TEMPLATE] [PERSON ...] [OPTION ...] ["TITLE"]` into a create command. */

const templates: ReadonlyMap<string, Template> = new Map<string, Template>([
  ['interview', 'interview'],
  ['meeting', 'meeting'],
  ['webcast', 'webcast'],
  ['webinar', 'webcast'],
  ['quick', 'quick'],
]);
export const templateWords: readonly string[] = ['interview', 'meeting', 'webcast', 'quick'];
const subcommandWords: readonly string[] = [
  'usage',
  'feedback',
  'configs',
  'digest',
  'help',
  'new',
  'status',
  'upcoming',
  'cancel',
];

const hoursOnly = /^\d{1,2}(?:h|hr|hrs|hour|hours)$/i;
const minutesOnly = /^\d{1,2}(?:m|min|mins|minute|minutes)$/i;

/** The usage line of a create command whose words are `words` (the first template word decides). */
export function createUsage(words: Iterable<string>): string {
  for (const word of words) {
    const template = templates.get(word.toLowerCase());
    if (template !== undefined) return usageLines[template === 'quick' ? 'create' : template];
  }
  return usageLines.create;
}

function* wordsOf(args: readonly Arg[]): Generator<string> {
  for (const arg of args) if (arg.kind === 'word') yield arg.text;
}

/** The create command the arguments describe. */
export function buildCreate(args: readonly Arg[]): ParseResult {
  const command: CreateCommand = { kind: 'create', template: 'quick', people: [], guests: { kind: 'default' } };
  const fail = (message: string, token?: string): ParseResult => ({
    ok: false,
    error: { message, token, usage: createUsage(wordsOf(args)) } satisfies UserError,
  });
  let templateToken: string | undefined;
  let guestsSet = false;
  let durationFrom = -1;
  // The words of a time (`tomorrow 15:00`, `in 2h`) are taken first, wherever they stand.
  const start = takeStart(args);
  if (start) command.start = start.spec;
  let laterOption: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (start?.taken.has(index)) continue;
    switch (arg.kind) {
      case 'person':
        if (command.people.length >= createLimits.people) return fail(tooManyPeople().message);
        command.people.push(arg.ref);
        break;
      case 'quoted':
        if (command.title !== undefined) return twoTitles(command.title, arg.raw, fail);
        command.title = arg.text.trim();
        break;
      case 'word': {
        const template = templates.get(arg.text.toLowerCase());
        if (template !== undefined) {
          if (templateToken !== undefined) {
            return fail(`Two templates: ${templateToken} and ${arg.raw}. Pick one.`, arg.raw);
          }
          templateToken = arg.raw;
          command.template = template;
          break;
        }
        if (!looksLikeDuration(arg.text)) return unknownWord(arg.raw, index === 0, fail);
        const duration = parseDuration(arg.text, false);
        if (!duration.ok) return fail(describeDurationProblem(duration.problem, arg.raw), arg.raw);
        const previous = args[index - 1];
        if (
          durationFrom === index - 1 &&
          previous?.kind === 'word' &&
          hoursOnly.test(previous.text) &&
          minutesOnly.test(arg.text)
        ) {
          // `1h 30m`, typed with a space.
          const total = (command.durationMinutes ?? 0) + duration.minutes;
          if (total > maxDurationMinutes) return fail(describeDurationProblem('tooLong', arg.raw), arg.raw);
          command.durationMinutes = total;
          break;
        }
        if (command.durationMinutes !== undefined) return fail('The duration is given twice. Give it once.', arg.raw);
        command.durationMinutes = duration.minutes;
        durationFrom = index;
        break;
      }
      case 'option':
        switch (arg.key) {
          case 'title':
            if (command.title !== undefined) return twoTitles(command.title, arg.raw, fail);
            command.title = arg.value;
            break;
          case 'desc':
            if (command.description !== undefined)
              return fail('The description is given twice. Give it once.', arg.raw);
            command.description = arg.value;
            break;
          case 'config':
            if (command.config !== undefined) return fail('config: is given twice. Pick one configuration.', arg.raw);
            if (arg.value.length > createLimits.configChars)
              return fail('That configuration name is too long.', arg.raw);
            command.config = arg.value;
            break;
          case 'duration': {
            if (command.durationMinutes !== undefined)
              return fail('The duration is given twice. Give it once.', arg.raw);
            const duration = parseDuration(arg.value, true);
            if (!duration.ok) return fail(describeDurationProblem(duration.problem, arg.raw), arg.raw);
            command.durationMinutes = duration.minutes;
            break;
          }
          case 'guests': {
            if (guestsSet) return fail('guests: is given twice. Give it once.', 'guests:…');
            const guests = parseGuests(arg.value);
            if (!guests.ok) return fail(guests.error.message, guests.error.token);
            command.guests = guests.value;
            guestsSet = true;
            break;
          }
          case 'tz': {
            if (command.timeZone !== undefined) return fail('tz: is given twice. Give it once.', arg.raw);
            const zone = readTimeZone(arg.value, arg.raw);
            if (!zone.ok) return fail(zone.error.message, zone.error.token);
            command.timeZone = zone.value;
            laterOption ??= arg.raw;
            break;
          }
          case 'remind': {
            if (command.reminderMinutes !== undefined) return fail('remind: is given twice. Give it once.', arg.raw);
            const lead = parseReminder(arg.value);
            if (lead === undefined) {
              return fail(
                `"${arg.raw}" is not a reminder. Say how long before the start: remind:15m, remind:1h, or remind:none.`,
                arg.raw,
              );
            }
            command.reminderMinutes = lead;
            laterOption ??= arg.raw;
            break;
          }
          default:
            return fail(
              `${arg.key}: is not used when creating a Meet (it goes with usage, feedback and digest weekly).`,
              arg.raw,
            );
        }
        break;
    }
  }
  if (laterOption !== undefined && command.start === undefined) {
    return fail(
      `${laterOption} goes with a Meet for later: add when it is, e.g. tomorrow 15:00 ${laterOption}.`,
      laterOption,
    );
  }
  return finish(command, templateToken, fail);
}

/** `remind:15m`, `remind:1h`, `remind:10` (minutes) → minutes before the start; `none`/`off` → 0. */
export function parseReminder(value: string): number | undefined {
  if (/^(?:none|off|no|0)$/i.test(value.trim())) return 0;
  const lead = parseDuration(value.trim(), true);
  return lead.ok ? lead.minutes : undefined;
}

type Fail = (message: string, token?: string) => ParseResult;

function twoTitles(first: string, second: string, fail: Fail): ParseResult {
  return fail(`Two titles: "${first}" and ${second}. Give one title in quotes; longer text goes in desc:"…".`, second);
}

function unknownWord(raw: string, first: boolean, fail: Fail): ParseResult {
  const near = suggest(raw, first ? [...templateWords, ...subcommandWords] : templateWords);
  if (near !== undefined) return fail(`Unknown word "${raw}". Did you mean "${near}"?`, raw);
  return fail(
    `Unknown word "${raw}": it is not a template (interview, meeting, webcast), a person or an option. Put a title in quotes ("${raw} …"), mention people with @ or type their emails.`,
    raw,
  );
}

function finish(command: CreateCommand, templateToken: string | undefined, fail: Fail): ParseResult {
  command.template = effectiveTemplate(command, templateToken !== undefined);
  const problem = checkCreate(command, 'command');
  if (!problem) return { ok: true, command };
  const token =
    problem.field === 'title' && command.title === ''
      ? '""'
      : problem.field === 'template' || problem.field === 'emails'
        ? templateToken
        : undefined;
  return fail(problem.message, token);
}
