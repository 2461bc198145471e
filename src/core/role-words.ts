import type { RoleLabel } from './reply-model';

const plurals: Record<RoleLabel, string> = {
  Organizer: 'Organizers',
  Interviewer: 'Interviewers',
  Candidate: 'Candidates',
  Host: 'Hosts',
  'Co-host': 'Co-hosts',
  Participant: 'Participants',
  Guest: 'Guests',
};

/** `Candidate`, `Candidates`: how a group of people of one role is headed, on every platform. */
export function roleWords(label: RoleLabel, count: number): string {
  return count === 1 ? label : plurals[label];
}

/** The order roles are listed in, the people who run the Meet first. */
export const roleOrder: readonly RoleLabel[] = [
  'Organizer',
  'Host',
  'Interviewer',
  'Co-host',
  'Candidate',
  'Participant',
  'Guest',
];
