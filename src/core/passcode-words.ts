import type { MeetCreatedPrivate, RoleLabel } from './reply-model';
import { roleOrder, roleWords } from './words';

/**
 * What the creator reads next to the passcodes, the same on every platform. Meet emails each
 * participant their invitation with their own passcode ("John will enter the passcode he will
 * receive in his email", the API docs), so the creator's copy is a spare; a guest passcode has no
 * email to go to, so the creator shares it.
 */
export const passcodeHandOut =
  'Meet emails each of these people their own passcode with the invitation: you do not need to send them. Keep this copy for when an invitation goes astray.';

export const guestPasscodeHandOut =
  'Nobody gets this one by email: share it with your guests yourself. Anyone who knows it joins as a guest.';

/** Passcodes by role, in the order of the Meet message, so a 30-person list stays readable. */
export function groupPasscodes(
  passcodes: MeetCreatedPrivate['passcodes'],
): Array<{ label: string; entries: MeetCreatedPrivate['passcodes'] }> {
  const groups = new Map<RoleLabel, MeetCreatedPrivate['passcodes']>();
  for (const entry of passcodes) groups.set(entry.label, [...(groups.get(entry.label) ?? []), entry]);
  return roleOrder
    .filter((label) => groups.has(label))
    .map((label) => {
      const entries = groups.get(label) ?? [];
      return { label: roleWords(label, entries.length), entries };
    });
}
