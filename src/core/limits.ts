import { requestLimits } from '../meet/schemas';

/**
 * Every limit and rule of a create command, once: the `/meet` parser, the form reader (Slack modal,
 * Teams form) and the forms' input widgets all read them here. The request limits themselves are the
 * Meet request schema's (meet/schemas.ts), so nothing a form accepts is refused when it is sent.
 */
export const createLimits = {
  titleChars: requestLimits.titleChars,
  descriptionChars: requestLimits.descriptionChars,
  durationMinutes: requestLimits.durationMinutes,
  /** People named in one command or form (the roster adds the creator and guests). */
  people: 200,
  configChars: 200,
} as const;

/** A guest passcode that anyone who knows it joins with: 4 to 20 letters or digits. */
export const guestPasscodeRule = {
  pattern: /^[A-Za-z0-9]{4,20}$/,
  describe: 'a passcode of 4–20 letters or digits (no spaces or symbols)',
} as const;
