import type { Template } from './command';
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

const templateNames: Record<Template, string> = {
  quick: 'Quick Meet',
  interview: 'Interview',
  meeting: 'Meeting',
  webcast: 'Webcast',
};

/** `Interview`, `Quick Meet`: a template as people read it. */
export function templateName(template: Template | string): string {
  return templateNames[template as Template] ?? template.charAt(0).toUpperCase() + template.slice(1);
}

/** `1 person`, `3 people`; a quick Meet has no list: `anyone with the link`. */
export function peopleWords(template: Template | string, count: number): string {
  if (template === 'quick' && count === 0) return 'anyone with the link';
  return count === 1 ? '1 person' : `${count} people`;
}
