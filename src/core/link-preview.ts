import type { Template } from './command';
import type { MeetLink } from './meet-link';
import type { MeetListItem, ShownPerson } from './reply-model';
import { peopleWords } from './words';

/**
 * What a pasted Meet link unfurls into, the same on Slack and Teams. A Meet created from the same
 * Slack workspace or org, or the same Teams tenant, shows its title, status, organizer, how many
 * people and Join; any other Meet link shows only "Meet CODE" and Join: the Meet API cannot read one
 * Meet, and another company's Meet is not ours to describe. Never a passcode, never who signs in how:
 * only the fields below are read from what the Meet's message showed, and nothing else is copied.
 */

export type MeetLinkPreview =
  | {
      kind: 'details';
      /** The link as it was shared: platforms match the preview to it. */
      url: string;
      code: string;
      title: string;
      joinUrl: string;
      template: Template;
      organizer: ShownPerson;
      /** Everyone invited, the organizer included. */
      people: number;
      status: MeetListItem['status'];
    }
  | { kind: 'neutral'; url: string; code: string; joinUrl: string };

/** Who is looking: the platform and its workspace, org or tenant ids (Slack: team and enterprise). */
export interface LinkViewer {
  platform: 'slack' | 'teams';
  workspaceIds: readonly string[];
}

/** Where a Meet was created from: a watched Meet's platform and workspace (team, enterprise or tenant) id. */
export interface MeetOrigin {
  platform: string;
  workspaceId?: string;
}

/** The visibility rule: the same platform and the same workspace, org or tenant. Unknown is never the same. */
export function isSameInstallation(origin: MeetOrigin, viewer: LinkViewer): boolean {
  if (origin.platform !== viewer.platform || !origin.workspaceId) return false;
  return viewer.workspaceIds.includes(origin.workspaceId);
}

export function neutralPreview(url: string, link: MeetLink): MeetLinkPreview {
  return { kind: 'neutral', url, code: link.code, joinUrl: link.joinUrl };
}

/** `3 people invited`; a quick Meet without a list: `anyone with the link`. The same words on every platform. */
export function invitedWords(template: Template, people: number): string {
  const words = peopleWords(template, people);
  return template === 'quick' && people === 0 ? words : `${words} invited`;
}

const templates: readonly Template[] = ['quick', 'meeting', 'interview', 'webcast'];

/**
 * The details of a Meet of this installation, from the public part its message showed (stored as
 * JSON, so read field by field) and its status. Missing pieces fall back to neutral words.
 */
export function detailsPreview(
  url: string,
  link: MeetLink,
  shown: unknown,
  status: MeetListItem['status'],
): MeetLinkPreview {
  const s = (shown && typeof shown === 'object' ? shown : {}) as Record<string, unknown>;
  const template = templates.find((t) => t === s.template) ?? 'meeting';
  const title = typeof s.title === 'string' && s.title.trim() ? s.title : `Meet ${link.code}`;
  const joinUrl = typeof s.joinUrl === 'string' && /^https:\/\//.test(s.joinUrl) ? s.joinUrl : link.joinUrl;
  return {
    kind: 'details',
    url,
    code: link.code,
    title,
    joinUrl,
    template,
    organizer: readPerson(s.createdBy),
    people: countPeople(s.participants),
    status,
  };
}

/** Only what identifies the person publicly: a workspace user by id, else a name or email. */
function readPerson(value: unknown): ShownPerson {
  const p = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const platform = p.platform === 'slack' || p.platform === 'teams' ? p.platform : 'cli';
  const person: ShownPerson = { displayName: text(p.displayName) ?? text(p.email) ?? 'someone', platform };
  const userId = text(p.userId);
  if (userId) person.userId = userId;
  else if (text(p.email)) person.email = text(p.email);
  return person;
}

function countPeople(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  return value.reduce((sum: number, group: unknown) => {
    const people = (group as { people?: unknown } | null)?.people;
    return sum + (Array.isArray(people) ? people.length : 0);
  }, 0);
}
