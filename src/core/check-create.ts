import type { CreateCommand, PersonRef } from './command';
import type { UserError } from './errors';
import { createLimits } from './limits';

/**
 * The rules a create command meets however it was entered: typed (`/meet`, a Teams message, the
 * CLI) or filled in (the Slack modal, the Teams form). Each rule is here once; only the words differ,
 * because a person typing fixes a command and a person filling in fixes a field.
 */

export type CreateSurface = 'command' | 'form';

/** Someone who joins as a candidate: an outside email, or anyone given the `candidate:` role. */
export function isCandidate(person: PersonRef): boolean {
  return person.role === 'User' || (person.role === undefined && person.kind === 'email');
}

/** The template a command means: people without a template make a meeting. */
export function effectiveTemplate(command: CreateCommand, templateGiven: boolean): CreateCommand['template'] {
  return command.template === 'quick' && !templateGiven && command.people.length > 0 ? 'meeting' : command.template;
}

/** The first rule the command breaks, in words for where it was entered; undefined when it is fine. */
export function checkCreate(command: CreateCommand, surface: CreateSurface): UserError | undefined {
  const form = surface === 'form';
  if (command.title !== undefined) {
    if (command.title === '')
      return { field: 'title', message: 'The title is empty. Type it in quotes: "Weekly sync".' };
    if (command.title.length > createLimits.titleChars) {
      return { field: 'title', message: `The title is longer than ${createLimits.titleChars} characters.` };
    }
  }
  if (command.description !== undefined && command.description.length > createLimits.descriptionChars) {
    return {
      field: 'description',
      message: `The description is longer than ${createLimits.descriptionChars} characters.`,
    };
  }
  if (command.people.length > createLimits.people) return tooManyPeople();
  if (command.template === 'quick' && command.people.length > 0) {
    return {
      field: 'template',
      message: form
        ? 'A quick Meet has no invitations: choose Meeting to invite people.'
        : 'A quick Meet has no invitations. Use meeting to invite people: /meet meeting @alice.',
    };
  }
  if (command.template === 'interview' && !command.people.some(isCandidate)) {
    return {
      field: 'emails',
      message: form
        ? 'An interview needs a candidate: add their email under outside emails.'
        : 'An interview needs at least one candidate: type their email (bob@example.com) or prefix a person with candidate:.',
    };
  }
  return undefined;
}

export function tooManyPeople(): UserError {
  return { field: 'people', message: `A Meet from /meet takes at most ${createLimits.people} people.` };
}
