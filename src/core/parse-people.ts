import type { Role } from '../meet/schemas';
import type { MentionEntity, ParseContext, PersonRef } from './command';
import type { Result } from './errors';
import { decodeAll } from './scan-text';
import type { Token } from './tokenize';

/** PERSON of the `/meet` grammar: Slack and Teams mentions, unescaped `@name`, emails. */

const localPart = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*$/;
const domainPart = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const slackUserId = /^[UW][A-Z0-9]{1,40}$/;
const userName = /^[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}._'\u2019-]{0,79}$/u;
const broadcasts = new Set(['here', 'channel', 'everyone', 'all']);

/** The lower-cased address, or undefined when it is not one the Meet API accepts. */
export function normalizeEmail(text: string): string | undefined {
  if (text.length > 254) return undefined;
  const at = text.indexOf('@');
  if (at <= 0 || at > 64 || at !== text.lastIndexOf('@')) return undefined;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (!localPart.test(local) || local.endsWith("'") || !domainPart.test(domain)) return undefined;
  return `${local.toLowerCase()}@${domain}`;
}

function fail(message: string, token: string): { ok: false; error: { message: string; token: string } } {
  return { ok: false, error: { message, token } };
}

function invalidEmail(token: string): Result<PersonRef> {
  return fail(invalidEmailMessage([token]), token);
}

/** What is said about addresses that are not ones the Meet API accepts, typed or filled in. */
export function invalidEmailMessage(typed: readonly string[]): string {
  const shown = typed
    .slice(0, 3)
    .map((t) => `"${t}"`)
    .join(', ');
  return typed.length === 1
    ? `${shown} is not a valid email address. Type it like bob@example.com.`
    : `${shown} are not valid email addresses. Type them like bob@example.com.`;
}

/**
 * A person typed as text (`@alice`, `@josé`, `bob@x.com`), or undefined when the text is not
 * meant as a person at all (no `@`).
 */
export function parsePersonText(text: string, role?: Role): Result<PersonRef> | undefined {
  const trimmed = text.endsWith('.') ? text.replace(/\.+$/, '') : text;
  if (trimmed.startsWith('@')) {
    const name = trimmed.slice(1);
    if (name.includes('@')) {
      const email = normalizeEmail(name);
      return email ? { ok: true, value: { kind: 'email', email, role, token: text } } : invalidEmail(text);
    }
    if (broadcasts.has(name.toLowerCase())) {
      return fail(
        `${text} notifies everyone but is not a person. Mention people one by one or type their emails.`,
        text,
      );
    }
    if (!userName.test(name)) {
      return fail(`"${text}" is not a name I can look up. Mention a person (@alice) or type their email.`, text);
    }
    return { ok: true, value: { kind: 'userName', name, role, token: text } };
  }
  if (!trimmed.includes('@')) return undefined;
  const email = normalizeEmail(trimmed);
  return email ? { ok: true, value: { kind: 'email', email, role, token: text } } : invalidEmail(text);
}

/**
 * Finds the mention entity of each `<at>` in order; the same name twice takes the next entity.
 * `peek` looks without taking it.
 */
export type MentionMatcher = (token: Token, peek?: boolean) => MentionEntity | undefined;

function normalizeMention(text: string): string {
  return decodeAll(text.replace(/<\/?at(?:\s[^<>]{0,200})?>/gi, ''))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function createMentionMatcher(context: ParseContext): MentionMatcher {
  const mentions = context.mentions ?? [];
  const used: boolean[] = [];
  const find = (accept: (entity: MentionEntity) => boolean): number =>
    mentions.findIndex((entity, i) => !used[i] && typeof entity?.id === 'string' && accept(entity));
  return (token, peek) => {
    let index = find((entity) => entity.text === token.extra);
    if (index < 0) {
      const wanted = normalizeMention(token.value);
      index = find(
        (entity) =>
          normalizeMention(String(entity.text ?? '')) === wanted ||
          normalizeMention(String(entity.name ?? '')) === wanted,
      );
    }
    if (index < 0) return undefined;
    if (!peek) used[index] = true;
    return mentions[index];
  };
}

/** Teams bot ids are `28:<app id>`; the adapter may pass either spelling. */
export function isBotMention(entity: MentionEntity, botId: string | undefined): boolean {
  if (botId === undefined || botId === '') return entity.id.startsWith('28:');
  return entity.id === botId || entity.id === `28:${botId}` || `28:${entity.id}` === botId;
}

function slackOtherMessage(raw: string): string {
  if (raw.startsWith('<#')) return `${raw} is a channel, not a person. Mention people or type their emails.`;
  if (raw.startsWith('<!')) {
    return `${raw} notifies a whole group, not a person. Mention people one by one or type their emails.`;
  }
  return `${raw} is a link, not a person or an option. Quote it if it belongs in the title.`;
}

/** The person a mention or mailto token stands for; 'bot' for the bot's own Teams mention. */
export function personFromToken(
  token: Token,
  role: Role | undefined,
  context: ParseContext,
  match: MentionMatcher,
): Result<PersonRef | 'bot'> {
  switch (token.kind) {
    case 'slackUser':
      if (!slackUserId.test(token.value)) {
        return fail(`${token.raw} is not a person I can invite. Mention a person or type their email.`, token.raw);
      }
      return {
        ok: true,
        value: { kind: 'user', id: token.value, label: token.extra || undefined, role, token: token.raw },
      };
    case 'mailto': {
      const email = normalizeEmail(token.value);
      if (!email) return invalidEmail(token.extra || token.value);
      return { ok: true, value: { kind: 'email', email, role, token: token.extra || token.value } };
    }
    case 'teamsAt': {
      const shown = `@${token.value}`;
      const entity = match(token);
      if (!entity) {
        return fail(
          `I can't tell who ${shown} is. Pick the person from the @ list so Teams links them, or type their email.`,
          shown,
        );
      }
      if (isBotMention(entity, context.botId)) return { ok: true, value: 'bot' };
      return {
        ok: true,
        value: { kind: 'user', id: entity.id, label: entity.name || token.value, role, token: shown },
      };
    }
    default:
      return fail(slackOtherMessage(token.raw), token.raw);
  }
}
