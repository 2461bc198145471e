import type { GuestAccess } from './command';
import { editDistance } from './did-you-mean';
import type { Result } from './errors';
import { guestPasscodeRule } from './limits';

/** `guests:anyone`, `guests:none` or `guests:PASSCODE` (4–20 letters or digits). */

const keywords = ['anyone', 'none'] as const;

/** Errors never repeat what was typed: it may be a passcode, and passcodes are secrets. */
export function parseGuests(value: string): Result<GuestAccess> {
  const lower = value.toLowerCase();
  if (lower === 'anyone') return { ok: true, value: { kind: 'anyone' } };
  if (lower === 'none') return { ok: true, value: { kind: 'none' } };
  const near = keywords.find((keyword) => editDistance(lower, keyword) === 1);
  if (near !== undefined) {
    return {
      ok: false,
      error: {
        message: `guests: looks like a typo of ${near}; did you mean guests:${near}? A passcode must not look like anyone or none.`,
        token: 'guests:…',
      },
    };
  }
  if (!guestPasscodeRule.pattern.test(value)) {
    return {
      ok: false,
      error: {
        message: `guests: takes anyone, none or ${guestPasscodeRule.describe}.`,
        token: 'guests:…',
      },
    };
  }
  return { ok: true, value: { kind: 'passcode', passcode: value } };
}
