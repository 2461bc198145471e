import type { CreateCommand, PersonRef } from '../../src/core/command';
import type { PlanInput, ResolvedPerson } from '../../src/core/people';

/** Synthetic resolved people and plan inputs for core tests. */

export function slackUser(id: string, email: string | undefined, extra: Partial<ResolvedPerson> = {}): ResolvedPerson {
  const name = id.toLowerCase();
  return { source: 'workspace', platform: 'slack', userId: id, displayName: name, email, firstName: name, ...extra };
}

export function teamsUser(id: string, email: string, extra: Partial<ResolvedPerson> = {}): ResolvedPerson {
  return { source: 'workspace', platform: 'teams', userId: id, displayName: id, email, ...extra };
}

export function outsider(email: string): ResolvedPerson {
  return { source: 'outsider', platform: 'slack', displayName: email, email };
}

export function mention(id: string, role?: PersonRef['role']): PersonRef {
  return { kind: 'user', id, token: `<@${id}>`, ...(role ? { role } : {}) };
}

export function emailRef(email: string, role?: PersonRef['role']): PersonRef {
  return { kind: 'email', email, token: email, ...(role ? { role } : {}) };
}

export function personFor(ref: PersonRef): ResolvedPerson {
  if (ref.kind === 'email') return outsider(ref.email);
  if (ref.kind === 'user') return slackUser(ref.id, `${ref.id.toLowerCase()}@acme.com`);
  return slackUser(ref.name.toUpperCase(), `${ref.name.toLowerCase()}@acme.com`);
}

export function createCommand(partial: Partial<CreateCommand> = {}): CreateCommand {
  return { kind: 'create', template: 'meeting', people: [], guests: { kind: 'default' }, ...partial };
}

/** A plan input whose people resolve as `personFor` does, with passcodes 10000001, 10000002, … */
export function planInput(command: CreateCommand, overrides: Partial<PlanInput> = {}): PlanInput {
  let next = 10_000_000;
  return {
    command,
    typist: slackUser('UTYPIST', 'typist@acme.com', { firstName: 'Tina', lastName: 'Typist' }),
    people: command.people.map((ref) => ({ ref, person: personFor(ref) })),
    addonConfigurations: [],
    sso: { domains: {} },
    generatePasscode: () => String(++next),
    ...overrides,
  };
}
