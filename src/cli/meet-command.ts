import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { CreateCommand, PersonRef } from '../core/command';
import { generatePasscode } from '../core/passcode';
import type { ResolvedPerson } from '../core/people';
import { planMeeting } from '../core/plan-meeting';
import { buildMeetCreatedReply, buildUserErrorReply } from '../core/replies';
import type { MeetApi } from '../meet/meet-api';
import type { CliIo } from './args';
import { renderForTerminal } from './render';

export interface CreateFromCliInput {
  command: CreateCommand;
  organizerEmail: string;
  meet: MeetApi;
  config: Config;
  io: CliIo;
  json: boolean;
  clock: Clock;
}

/** `meetbot meet …`: people are emails; the typist is `--as` or MEET_ORGANIZER_EMAIL. Returns the exit code. */
export async function createMeetFromCli(input: CreateFromCliInput): Promise<number> {
  const { command, meet, io } = input;
  const people: Array<{ ref: PersonRef; person: ResolvedPerson }> = [];
  for (const ref of command.people) {
    if (ref.kind !== 'email') {
      io.err(
        renderForTerminal(
          buildUserErrorReply({
            message: `In the terminal, name people by email: ${ref.token} is not an email.`,
            token: ref.token,
          }),
        ),
      );
      return 2;
    }
    people.push({ ref, person: { source: 'outsider', platform: 'cli', displayName: ref.email, email: ref.email } });
  }
  const typist: ResolvedPerson = {
    source: 'workspace',
    platform: 'cli',
    displayName: input.organizerEmail,
    email: input.organizerEmail,
    ...namesFromEmail(input.organizerEmail),
  };
  const addonConfigurations = command.config ? await meet.listAddonConfigurations() : [];
  const planned = planMeeting({
    command,
    typist,
    people,
    addonConfigurations,
    sso: input.config.sso,
    generatePasscode,
  });
  if (!planned.ok) {
    io.err(renderForTerminal(buildUserErrorReply(planned.error)));
    return 2;
  }
  const meeting = await meet.createMeeting(planned.value.request);
  const reply = buildMeetCreatedReply(planned.value, meeting);
  if (reply.kind !== 'meetCreated') {
    io.out(renderForTerminal(reply));
    return 0;
  }
  if (input.json) {
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
  io.out(renderForTerminal(reply));
  return 0;
}

function namesFromEmail(email: string): { firstName?: string; lastName?: string } {
  const local = email.split('@')[0] ?? '';
  const parts = local.split(/[._-]+/).filter(Boolean);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (parts.length >= 2) return { firstName: cap(parts[0]), lastName: cap(parts.slice(1).join(' ')) };
  return parts.length === 1 ? { firstName: cap(parts[0]) } : {};
}
