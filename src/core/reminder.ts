import type { MeetCreatedPublic, ShownPerson } from './reply-model';

/**
 * The reminder of a Meet for later, as every platform shows it in the message's thread: the title,
 * when it starts (in each reader's zone; the organizer's as fallback), Join, and the people to
 * notify: the workspace users among its participants and its creator (outsiders get Meet's email).
 */
export interface MeetReminder {
  title: string;
  joinUrl: string;
  startsAt: Date;
  /** The organizer's zone, for text that cannot show each reader's own. */
  timeZone: string;
  /** Whole minutes from the reminder to the start; 0 or less: it has started. */
  minutesToStart: number;
  people: ShownPerson[];
}

export function buildMeetReminder(shown: MeetCreatedPublic, now: Date): MeetReminder | undefined {
  const schedule = shown.schedule;
  if (!schedule) return undefined;
  const startsAt = new Date(schedule.startsAt);
  const people: ShownPerson[] = [];
  const seen = new Set<string>();
  for (const person of [shown.createdBy, ...shown.participants.flatMap((group) => group.people)]) {
    if (!person.userId || seen.has(person.userId)) continue;
    seen.add(person.userId);
    people.push(person);
  }
  return {
    title: shown.title,
    joinUrl: shown.joinUrl,
    startsAt,
    timeZone: schedule.timeZone,
    minutesToStart: Math.round((startsAt.getTime() - now.getTime()) / 60_000),
    people,
  };
}
