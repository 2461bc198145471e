import type { DigestCommand, Weekday } from './command';
import { suggest } from './did-you-mean';
import type { Result } from './errors';
import type { Arg } from './parse-args';
import { parseTenant } from './parse-tenant';
import { readTimeZone } from './parse-time-zone';

/** `digest`, `digest off`, `digest weekly [DAY] [HH:MM] [tz:ZONE] [tenant:CODE]`. */

const weekdays: ReadonlyMap<string, Weekday> = new Map<string, Weekday>([
  ['monday', 'monday'],
  ['mon', 'monday'],
  ['tuesday', 'tuesday'],
  ['tue', 'tuesday'],
  ['tues', 'tuesday'],
  ['wednesday', 'wednesday'],
  ['wed', 'wednesday'],
  ['thursday', 'thursday'],
  ['thu', 'thursday'],
  ['thur', 'thursday'],
  ['thurs', 'thursday'],
  ['friday', 'friday'],
  ['fri', 'friday'],
  ['saturday', 'saturday'],
  ['sat', 'saturday'],
  ['sunday', 'sunday'],
  ['sun', 'sunday'],
]);
const dayNames: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const actions: ReadonlyMap<string, 'show' | 'off' | 'weekly'> = new Map<string, 'show' | 'off' | 'weekly'>([
  ['weekly', 'weekly'],
  ['on', 'weekly'],
  ['subscribe', 'weekly'],
  ['off', 'off'],
  ['stop', 'off'],
  ['unsubscribe', 'off'],
  ['show', 'show'],
  ['status', 'show'],
]);

const timePattern = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/i;
const timeHelp = 'Write the time as HH:MM, 24-hour (09:00, 17:30), or like 9am.';

/** `HH:MM`, 24-hour, or undefined when `text` is not a time of day. */
export function parseTimeOfDay(text: string): string | undefined {
  const match = timePattern.exec(text);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.toLowerCase().replaceAll('.', '');
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Weekday names (`monday`, `mon`, `Mondays`), case-insensitive. */
export function parseWeekday(text: string): Weekday | undefined {
  const lower = text.toLowerCase();
  return weekdays.get(lower) ?? (lower.endsWith('s') ? weekdays.get(lower.slice(0, -1)) : undefined);
}

function fail(message: string, token?: string): Result<DigestCommand> {
  return { ok: false, error: { message, token } };
}

export function buildDigest(args: readonly Arg[]): Result<DigestCommand> {
  const first = args[0];
  const action = first?.kind === 'word' ? actions.get(first.text.toLowerCase()) : undefined;
  if (first === undefined) return { ok: true, value: { kind: 'digest', action: 'show' } };
  if (action === 'show' || action === 'off') {
    const extra = args[1];
    if (extra !== undefined) return fail(`digest ${action} takes nothing more; remove ${rawOf(extra)}.`, rawOf(extra));
    return { ok: true, value: { kind: 'digest', action } };
  }
  return buildWeekly(action === 'weekly' ? args.slice(1) : args, action === undefined);
}

function rawOf(arg: Arg): string {
  return arg.kind === 'person' ? arg.ref.token : arg.raw;
}

function buildWeekly(args: readonly Arg[], implied: boolean): Result<DigestCommand> {
  const command: Extract<DigestCommand, { action: 'weekly' }> = { kind: 'digest', action: 'weekly' };
  for (const [index, arg] of args.entries()) {
    if (arg.kind === 'option') {
      if (arg.key === 'tz') {
        if (command.timeZone !== undefined) return fail('tz: is given twice. Give it once.', arg.raw);
        const zone = readTimeZone(arg.value, arg.raw);
        if (!zone.ok) return zone;
        command.timeZone = zone.value;
      } else if (arg.key === 'tenant') {
        if (command.tenant !== undefined) return fail('tenant: is given twice. Give it once.', arg.raw);
        const tenant = parseTenant(arg.value, arg.raw);
        if (!tenant.ok) return tenant;
        command.tenant = tenant.value;
      } else {
        return fail(`${arg.key}: is not used by digest weekly; it takes a day, a time, tz: and tenant:.`, arg.raw);
      }
      continue;
    }
    if (arg.kind !== 'word')
      return fail(`digest weekly takes a day, a time, tz: and tenant:, not ${rawOf(arg)}.`, rawOf(arg));
    const weekday = parseWeekday(arg.text);
    if (weekday !== undefined) {
      if (command.weekday !== undefined) return fail('The day is given twice. Give one day.', arg.raw);
      command.weekday = weekday;
      continue;
    }
    const next = args[index + 1];
    const meridiem = next?.kind === 'word' && /^(?:am|pm|a\.m\.|p\.m\.)$/i.test(next.text) ? next.text : '';
    if (/^\d/.test(arg.text)) {
      if (command.time !== undefined) return fail('The time is given twice. Give one time.', arg.raw);
      const time = parseTimeOfDay(arg.text + meridiem);
      if (time === undefined) return fail(`"${arg.raw}" is not a time of day. ${timeHelp}`, arg.raw);
      command.time = time;
      continue;
    }
    const previous = args[index - 1];
    if (
      meridiem === '' &&
      /^(?:am|pm|a\.m\.|p\.m\.)$/i.test(arg.text) &&
      previous?.kind === 'word' &&
      /^\d/.test(previous.text)
    ) {
      continue;
    }
    const near = suggest(arg.text, implied && index === 0 ? [...dayNames, 'weekly', 'off'] : dayNames);
    const hint = near
      ? ` Did you mean "${near}"?`
      : ' Use a day (monday…sunday), a time (09:00), tz:ZONE or tenant:CODE.';
    return fail(`Unknown word "${arg.raw}" in digest weekly.${hint}`, arg.raw);
  }
  return { ok: true, value: command };
}
