import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { PersonRef } from '../core/command';
import type { Result, UserError } from '../core/errors';
import { canonicalTimeZone } from '../core/parse-time-zone';
import type { ResolvedPerson } from '../core/people';

/**
 * Slack users → ResolvedPerson, through `users.info` (email needs `users:read.email`) and, for an
 * unescaped `@name`, `users.list`. Both are cached briefly: a busy channel does not hammer Slack.
 */

type Member = NonNullable<webApi.UsersInfoResponse['user']>;

export interface PeopleResolver {
  /** The typist or a mentioned user; an error value when Slack does not know them. */
  resolveUser(client: webApi.WebClient, teamId: string | undefined, userId: string): Promise<Result<ResolvedPerson>>;
  /** Every person of a command, in order; the first one that cannot be resolved is the error. */
  resolveRefs(
    client: webApi.WebClient,
    teamId: string | undefined,
    refs: PersonRef[],
  ): Promise<Result<Array<{ ref: PersonRef; person: ResolvedPerson }>>>;
}

export function toResolvedPerson(user: Member): ResolvedPerson {
  const profile = user.profile ?? {};
  const realName = profile.real_name || user.real_name || '';
  const [first, ...rest] = realName.split(/\s+/).filter(Boolean);
  const usable = !user.deleted && !user.is_bot;
  // The zone of their Slack profile: times they type (or pick in the form) are read in it.
  const timeZone = user.tz ? canonicalTimeZone(user.tz) : undefined;
  return {
    source: 'workspace',
    platform: 'slack',
    userId: user.id,
    displayName: profile.display_name || realName || user.name || user.id || 'someone',
    firstName: profile.first_name || first || undefined,
    lastName: profile.last_name || (rest.length > 0 ? rest.join(' ') : undefined),
    email: usable && profile.email ? profile.email.toLowerCase() : undefined,
    ...(timeZone ? { timeZone } : {}),
  };
}

function outsider(email: string): ResolvedPerson {
  return { source: 'outsider', platform: 'slack', displayName: email, email };
}

export function createPeopleResolver(options: { maxEntries?: number; ttlMs?: number } = {}): PeopleResolver {
  const max = options.maxEntries ?? 500;
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const users = new LRUCache<string, Member>({ max, ttl: ttlMs });
  const directories = new LRUCache<string, Member[]>({ max: 20, ttl: ttlMs });

  async function fetchUser(
    client: webApi.WebClient,
    teamId: string | undefined,
    userId: string,
  ): Promise<Member | undefined> {
    const key = `${teamId ?? ''}:${userId}`;
    const cached = users.get(key);
    if (cached) return cached;
    try {
      const response = await client.users.info({ user: userId });
      if (response.user) users.set(key, response.user);
      return response.user;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === 'user_not_found' || code === 'user_not_visible') return undefined;
      throw error;
    }
  }

  async function directory(client: webApi.WebClient, teamId: string | undefined): Promise<Member[]> {
    const cached = directories.get(teamId ?? '');
    if (cached) return cached;
    const members: Member[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.users.list({ limit: 200, cursor });
      members.push(...((page.members ?? []) as Member[]));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    directories.set(teamId ?? '', members);
    return members;
  }

  async function byName(
    client: webApi.WebClient,
    teamId: string | undefined,
    name: string,
    token: string,
  ): Promise<Result<ResolvedPerson>> {
    const wanted = name.toLowerCase();
    const found = (await directory(client, teamId)).filter(
      (m) =>
        !m.deleted && [m.name, m.profile?.display_name, m.profile?.real_name].some((n) => n?.toLowerCase() === wanted),
    );
    if (found.length === 1) return { ok: true, value: toResolvedPerson(found[0]) };
    const error: UserError =
      found.length === 0
        ? { message: `Nobody in this workspace is called @${name}. Mention them so Slack completes the name.`, token }
        : {
            message: `@${name} matches ${found.length} people. Mention the one you mean so Slack completes the name.`,
            token,
          };
    return { ok: false, error };
  }

  const resolver: PeopleResolver = {
    async resolveUser(client, teamId, userId) {
      const user = await fetchUser(client, teamId, userId);
      if (!user)
        return { ok: false, error: { message: `Slack does not know the user ${userId}.`, token: `<@${userId}>` } };
      return { ok: true, value: toResolvedPerson(user) };
    },
    async resolveRefs(client, teamId, refs) {
      const resolved = await Promise.all(
        refs.map(async (ref): Promise<Result<ResolvedPerson>> => {
          if (ref.kind === 'email') return { ok: true, value: outsider(ref.email) };
          if (ref.kind === 'userName') return byName(client, teamId, ref.name, ref.token);
          const result = await resolver.resolveUser(client, teamId, ref.id);
          return result.ok ? result : { ok: false, error: { ...result.error, token: ref.token } };
        }),
      );
      const people: Array<{ ref: PersonRef; person: ResolvedPerson }> = [];
      for (const [i, r] of resolved.entries()) {
        if (!r.ok) return r;
        people.push({ ref: refs[i], person: r.value });
      }
      return { ok: true, value: people };
    },
  };
  return resolver;
}
