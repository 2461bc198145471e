import type { Role } from '../meet/schemas';
import type { ParseContext, PersonRef } from './command';
import { suggest } from './did-you-mean';
import type { Result } from './errors';
import { type MentionMatcher, parsePersonText, personFromToken } from './parse-people';
import type { Token } from './tokenize';

/**
 * Turns tokens into arguments: options (`key:value`, `--key value`, `--key=value`), people (with
 * their role prefix), bare words and quoted text. What each command accepts is decided later.
 */

export type OptionKey = 'title' | 'desc' | 'config' | 'duration' | 'guests' | 'tenant' | 'tz' | 'remind';

export type Arg =
  | { kind: 'option'; key: OptionKey; value: string; raw: string }
  | { kind: 'person'; ref: PersonRef }
  | { kind: 'word'; text: string; raw: string }
  | { kind: 'quoted'; text: string; raw: string };

const optionKeys: ReadonlyMap<string, OptionKey> = new Map<string, OptionKey>([
  ['title', 'title'],
  ['desc', 'desc'],
  ['description', 'desc'],
  ['config', 'config'],
  ['configuration', 'config'],
  ['duration', 'duration'],
  ['length', 'duration'],
  ['guests', 'guests'],
  ['tenant', 'tenant'],
  ['tz', 'tz'],
  ['timezone', 'tz'],
  ['time-zone', 'tz'],
  ['remind', 'remind'],
  ['reminder', 'remind'],
]);

const rolePrefixes: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['admin', 'Admin'],
  ['organizer', 'Admin'],
  ['interviewer', 'PowerUser'],
  ['host', 'PowerUser'],
  ['cohost', 'PowerUser'],
  ['co-host', 'PowerUser'],
  ['candidate', 'User'],
  ['user', 'User'],
  ['participant', 'User'],
  ['guest', 'Guest'],
]);

/** Every key people may type, for "did you mean". */
export const allKeys: readonly string[] = [...optionKeys.keys(), ...rolePrefixes.keys()];
const optionNames: readonly string[] = ['title', 'desc', 'config', 'duration', 'guests', 'tenant', 'tz', 'remind'];
const roleNames: readonly (readonly string[])[] = [
  ['admin'],
  ['interviewer', 'host'],
  ['candidate', 'user'],
  ['guest'],
];

/** How a key is spelled: `title:` or `--title`, as the person typed theirs. */
type KeyStyle = 'colon' | 'dashes';

function spell(name: string, style: KeyStyle): string {
  return style === 'colon' ? `${name}:` : `--${name}`;
}

const keyShape = /^[A-Za-z][A-Za-z-]{0,30}$/;

interface KeyedWord {
  name: string;
  /** The key as typed, without its value: `--Titel`, `titel:`. */
  typed: string;
  style: KeyStyle;
  /** The value typed in the same word; undefined when it follows as the next token. */
  inline: string | undefined;
}

/** `--key=value`, `--key`, `key:value` or `key:`; undefined for any other word. */
function splitKey(token: Token): KeyedWord | undefined {
  const text = token.value;
  const dashes = text.startsWith('--') ? 2 : text.startsWith('\u2014') || text.startsWith('\u2013') ? 1 : 0;
  if (dashes > 0) {
    const eq = text.indexOf('=');
    const name = eq < 0 ? text.slice(dashes) : text.slice(dashes, eq);
    if (!keyShape.test(name)) return undefined;
    const typed = eq < 0 ? text : text.slice(0, eq);
    return { name: name.toLowerCase(), typed, style: 'dashes', inline: eq < 0 ? undefined : text.slice(eq + 1) };
  }
  if (token.colon <= 0) return undefined;
  const name = text.slice(0, token.colon);
  const rest = text.slice(token.colon + 1);
  if (!keyShape.test(name) || rest.startsWith('//')) return undefined;
  const typed = `${name}:`;
  return { name: name.toLowerCase(), typed, style: 'colon', inline: rest === '' ? undefined : rest };
}

function fail(message: string, token: string): { ok: false; error: { message: string; token: string } } {
  return { ok: false, error: { message, token } };
}

function takesNextToken(next: Token | undefined): next is Token {
  return next !== undefined && !(next.kind === 'word' && splitKey(next) !== undefined);
}

/** Reads `tokens[from..]`; a value or person after `key:` / `--key` is consumed with its key. */
export function readArgs(
  tokens: readonly Token[],
  from: number,
  context: ParseContext,
  match: MentionMatcher,
): Result<Arg[]> {
  const args: Arg[] = [];
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'quoted') {
      args.push({ kind: 'quoted', text: token.value, raw: token.raw });
      continue;
    }
    if (token.kind !== 'word') {
      const person = personFromToken(token, undefined, context, match);
      if (!person.ok) return person;
      if (person.value !== 'bot') args.push({ kind: 'person', ref: person.value });
      continue;
    }
    const keyed = splitKey(token);
    if (keyed === undefined) {
      const person = parsePersonText(token.value);
      if (person === undefined) args.push({ kind: 'word', text: token.value, raw: token.raw });
      else if (person.ok) args.push({ kind: 'person', ref: person.value });
      else return person;
      continue;
    }
    const role = rolePrefixes.get(keyed.name);
    const key = optionKeys.get(keyed.name);
    if (role === undefined && key === undefined) return unknownKey(token.raw, keyed);
    let valueToken: Token | undefined;
    if (keyed.inline === undefined && takesNextToken(tokens[i + 1])) {
      valueToken = tokens[i + 1];
      i++;
    }
    const raw = valueToken ? `${token.raw} ${valueToken.raw}` : token.raw;
    if (role !== undefined) {
      const person = readRolePerson(keyed, role, valueToken, raw, context, match);
      if (!person.ok) return person;
      args.push({ kind: 'person', ref: person.value });
      continue;
    }
    const value = (
      keyed.inline ??
      (valueToken?.kind === 'word' || valueToken?.kind === 'quoted' ? valueToken.value : valueToken?.raw) ??
      ''
    ).trim();
    if (value === '') {
      return fail(`${keyed.name}: needs a value, e.g. ${example(key!)}.`, raw);
    }
    args.push({ kind: 'option', key: key!, value, raw });
  }
  return { ok: true, value: args };
}

function example(key: OptionKey): string {
  switch (key) {
    case 'title':
      return 'title:"Weekly sync"';
    case 'desc':
      return 'desc:"Agenda: …"';
    case 'config':
      return 'config:Interview';
    case 'duration':
      return 'duration:45';
    case 'guests':
      return 'guests:anyone';
    case 'tenant':
      return 'tenant:acme';
    case 'remind':
      return 'remind:15m';
    default:
      return 'tz:Europe/Berlin';
  }
}

function readRolePerson(
  keyed: KeyedWord,
  role: Role,
  valueToken: Token | undefined,
  raw: string,
  context: ParseContext,
  match: MentionMatcher,
): Result<PersonRef> {
  let person: Result<PersonRef | 'bot'> | undefined;
  if (keyed.inline !== undefined) person = parsePersonText(keyed.inline, role);
  else if (valueToken?.kind === 'word') person = parsePersonText(valueToken.value, role);
  else if (valueToken !== undefined && valueToken.kind !== 'quoted') {
    person = personFromToken(valueToken, role, context, match);
  }
  if (person !== undefined && !person.ok) return person;
  if (person === undefined || person.value === 'bot') {
    const hint = keyed.name === 'guest' ? ' To open the Meet to guests, use guests:anyone or guests:PASSCODE.' : '';
    return fail(
      `${keyed.name}: needs a person after it: a mention or an email, e.g. ${keyed.name}:@bob or ${keyed.name}:bob@example.com.${hint}`,
      raw,
    );
  }
  return { ok: true, value: person.value };
}

/** The unknown key as typed, "did you mean" and the known keys, all in the spelling the person used. */
function unknownKey(raw: string, keyed: KeyedWord): Result<Arg[]> {
  const { style } = keyed;
  const near = suggest(keyed.name, allKeys);
  const hint = near ? ` Did you mean ${spell(near, style)}?` : '';
  const options = optionNames.map((name) => spell(name, style)).join(', ');
  const roles = roleNames.map((names) => names.map((name) => spell(name, style)).join('/')).join(', ');
  return fail(`Unknown option "${keyed.typed}".${hint} Options: ${options}; role prefixes: ${roles}.`, raw);
}
