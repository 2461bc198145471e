import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { CreateCommand, PersonRef } from '../core/command';
import { generatePasscode } from '../core/passcode';
import type { ResolvedPerson } from '../core/people';
import { buildUserErrorReply } from '../core/replies';
import { createMeet } from '../flows/create-meet';
import { createInFlight } from '../flows/in-flight';
import type { Logger } from '../logger';
import type { MeetApi } from '../meet/meet-api';
import type { CliIo } from './args';
import { failureLine, meetApiWhere, renderForTerminal } from './render';

export interface CreateFromCliInput {
  command: CreateCommand;
  organizerEmail: string;
  meet: MeetApi;
  config: Config;
  io: CliIo;
  json: boolean;
  clock: Clock;
  logger: Logger;
}

/** `meetbot meet …`: people are emails; the typist is `--as` or MEET_ORGANIZER_EMAIL. Returns the exit code. */
export async function createMeetFromCli(input: CreateFromCliInput): Promise<number> {
  const { command, io } = input;
  const outcome = await createMeet(
    {
      meet: input.meet,
      logger: input.logger,
      clock: input.clock,
      sso: input.config.sso,
      generatePasscode,
      inFlight: createInFlight(input.logger),
      defaultTimeZone: input.config.digestTimeZone,
      // A terminal has no channel to remind: it prints when, and the calendar links.
      reminderMinutes: 0,
    },
    {
      platform: 'cli',
      command,
      creator: { userId: input.organizerEmail },
      resolve: async () => resolveFromEmails(command.people, input.organizerEmail),
      // The terminal is both the channel and the creator: the whole outcome is printed below.
      deliver: { public: async () => {}, private: async () => {} },
    },
  );
  switch (outcome.kind) {
    case 'invalid':
      io.err(renderForTerminal(buildUserErrorReply(outcome.error)));
      return 2;
    case 'failed':
      io.err(failureLine(outcome.reply, meetApiWhere(input.config)));
      return 1;
    case 'duplicate':
      return 0;
    case 'created':
      break;
  }
  const reply = outcome.reply;
  if (!input.json) {
    io.out(renderForTerminal(reply));
    return 0;
  }
  io.out(
    JSON.stringify(
      {
        code: reply.private.code,
        joinUrl: reply.private.joinUrl,
        title: reply.private.title,
        passcodes: reply.private.passcodes.map((p) => ({
          person: p.person.email ?? p.person.displayName,
          passcode: p.passcode,
        })),
        guestPasscode: reply.private.guestPasscode,
      },
      null,
      2,
    ),
  );
  return 0;
}

/** In a terminal people are emails: a colleague is someone given a role prefix. */
function resolveFromEmails(refs: PersonRef[], organizerEmail: string) {
  const people: Array<{ ref: PersonRef; person: ResolvedPerson }> = [];
  for (const ref of refs) {
    if (ref.kind !== 'email') {
      return {
        ok: false as const,
        error: { message: `In the terminal, name people by email: ${ref.token} is not an email.`, token: ref.token },
      };
    }
    people.push({ ref, person: { source: 'outsider', platform: 'cli', displayName: ref.email, email: ref.email } });
  }
  const typist: ResolvedPerson = {
    source: 'workspace',
    platform: 'cli',
    displayName: organizerEmail,
    email: organizerEmail,
    ...namesFromEmail(organizerEmail),
  };
  return { ok: true as const, value: { typist, people } };
}

function namesFromEmail(email: string): { firstName?: string; lastName?: string } {
  const local = email.split('@')[0] ?? '';
  const parts = local.split(/[._-]+/).filter(Boolean);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (parts.length >= 2) return { firstName: cap(parts[0]), lastName: cap(parts.slice(1).join(' ')) };
  return parts.length === 1 ? { firstName: cap(parts[0]) } : {};
}
