import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { PersonRef } from '../core/command';
import type { Result } from '../core/errors';
import type { ResolvedPerson } from '../core/people';

/** A Teams member: email (or the UPN when it is an address), names, and the UPN they sign in with. */
export async function resolveMember(
  context: TurnContext,
  userId: string,
  label?: string,
): Promise<Result<ResolvedPerson>> {
  let member: Awaited<ReturnType<typeof TeamsInfo.getMember>>;
  try {
    member = await TeamsInfo.getMember(context, userId);
  } catch (error) {
    if (statusOf(error) === 404) {
      const who = label ? `"${label}"` : 'someone you picked';
      return {
        ok: false,
        error: { message: `I could not find ${who} in this conversation.`, token: label, field: 'people' },
      };
    }
    throw error;
  }
  const upn = member.userPrincipalName?.includes('@') ? member.userPrincipalName.toLowerCase() : undefined;
  const email = member.email?.toLowerCase() ?? upn;
  const person: ResolvedPerson = {
    source: 'workspace',
    platform: 'teams',
    userId: member.id || userId,
    displayName: member.name || label || [member.givenName, member.surname].filter(Boolean).join(' ') || userId,
  };
  if (member.givenName) person.firstName = member.givenName;
  if (member.surname) person.lastName = member.surname;
  if (email) person.email = email;
  if (upn && email && upn !== email) person.signInIdentity = upn;
  return { ok: true, value: person };
}

/** Each person of a command: members through the connector, emails as outsiders. */
export async function resolvePeople(
  context: TurnContext,
  refs: PersonRef[],
): Promise<Result<Array<{ ref: PersonRef; person: ResolvedPerson }>>> {
  const resolved = await Promise.all(
    refs.map(async (ref): Promise<Result<{ ref: PersonRef; person: ResolvedPerson }>> => {
      if (ref.kind === 'email') {
        return {
          ok: true,
          value: { ref, person: { source: 'outsider', platform: 'teams', displayName: ref.email, email: ref.email } },
        };
      }
      if (ref.kind === 'userName') {
        return {
          ok: false,
          error: {
            message: `Mention ${ref.token} with @ so Teams links the person.`,
            token: ref.token,
            field: 'people',
          },
        };
      }
      const member = await resolveMember(context, ref.id, ref.label);
      return member.ok ? { ok: true, value: { ref, person: member.value } } : member;
    }),
  );
  const failed = resolved.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  return { ok: true, value: resolved.flatMap((r) => (r.ok ? [r.value] : [])) };
}

export function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const status = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}
