/**
 * Checks a POST /v1/meetings body the way the real (ASP.NET) API would: wrong types and
 * unknown enum values are a 400 with a detail naming the field; unknown fields are ignored.
 * Role and provider names are matched case-insensitively (ASP.NET's string enum converter
 * does, and the docs themselves write `facebook` once) and answered in canonical case.
 */
export const sandboxRoles = ['Admin', 'PowerUser', 'User', 'Guest'] as const;
export const sandboxProviders = ['Passcode', 'Google', 'Microsoft', 'LinkedIn', 'Facebook', 'Guest'] as const;

export interface ValidAccessRule {
  provider: (typeof sandboxProviders)[number];
  condition?: string;
}
export interface ValidParticipant {
  user?: { firstName?: string; lastName?: string; email?: string };
  role: (typeof sandboxRoles)[number];
  accessRules: ValidAccessRule[];
}
export interface ValidMeetingRequest {
  title?: string;
  description?: string;
  participants: ValidParticipant[];
  addonConfigurationId?: string;
  /** Minutes. */
  duration: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; detail: string };

const fail = (detail: string): { ok: false; detail: string } => ({ ok: false, detail });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function canonical<T extends string>(names: readonly T[], value: string): T | undefined {
  return names.find((n) => n.toLowerCase() === value.toLowerCase());
}

function optionalString(value: unknown, field: string, max: number): Checked<string | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'string') return fail(`${field}: must be a string`);
  if (value.length > max) return fail(`${field}: must be at most ${max} characters`);
  return { ok: true, value };
}

function checkRule(value: unknown, at: string): Checked<ValidAccessRule> {
  if (!isObject(value)) return fail(`${at}: an access rule must be an object { provider, condition? }`);
  if (typeof value.provider !== 'string') return fail(`${at}.provider: is required`);
  const provider = canonical(sandboxProviders, value.provider);
  if (!provider) {
    return fail(`${at}.provider: '${value.provider}' is not a provider (${sandboxProviders.join(', ')})`);
  }
  const condition = optionalString(value.condition, `${at}.condition`, 320);
  if (!condition.ok) return condition;
  // The passcode itself never appears in a detail.
  if (provider === 'Passcode' && !condition.value)
    return fail(`${at}: a Passcode rule needs a condition (the passcode)`);
  return { ok: true, value: condition.value ? { provider, condition: condition.value } : { provider } };
}

function checkUser(value: unknown, at: string): Checked<ValidParticipant['user']> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (!isObject(value)) return fail(`${at}: must be an object { firstName, lastName, email }`);
  const user: NonNullable<ValidParticipant['user']> = {};
  for (const key of ['firstName', 'lastName', 'email'] as const) {
    const checked = optionalString(value[key], `${at}.${key}`, key === 'email' ? 320 : 200);
    if (!checked.ok) return checked;
    if (checked.value !== undefined) user[key] = checked.value;
  }
  if (user.email !== undefined && !emailPattern.test(user.email)) {
    return fail(`${at}.email: '${user.email}' is not a valid email address`);
  }
  return { ok: true, value: user };
}

function checkParticipant(value: unknown, at: string): Checked<ValidParticipant> {
  if (!isObject(value)) return fail(`${at}: a participant must be an object { user, role, accessRules }`);
  if (typeof value.role !== 'string') return fail(`${at}.role: is required (${sandboxRoles.join(', ')})`);
  const role = canonical(sandboxRoles, value.role);
  if (!role) return fail(`${at}.role: '${value.role}' is not a role (${sandboxRoles.join(', ')})`);
  const user = checkUser(value.user, `${at}.user`);
  if (!user.ok) return user;
  if (role !== 'Guest' && !user.value?.email) return fail(`${at}: a ${role} participant needs user.email`);
  const rawRules = value.accessRules ?? [];
  if (!Array.isArray(rawRules)) return fail(`${at}.accessRules: must be an array`);
  const accessRules: ValidAccessRule[] = [];
  for (const [i, raw] of rawRules.entries()) {
    const rule = checkRule(raw, `${at}.accessRules[${i}]`);
    if (!rule.ok) return rule;
    accessRules.push(rule.value);
  }
  // "a participant with a role and no rules": the API adds the Guest rule implicitly.
  if (accessRules.length === 0) accessRules.push({ provider: 'Guest' });
  return { ok: true, value: { ...(user.value ? { user: user.value } : {}), role, accessRules } };
}

function checkDuration(value: unknown): Checked<number> {
  if (value === undefined || value === null) return { ok: true, value: 60 };
  if (!isObject(value)) return fail('schedulingInfo: must be an object { duration }');
  const duration = value.duration;
  if (duration === undefined || duration === null) return { ok: true, value: 60 };
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 1 || duration > 1440) {
    return fail(
      `schedulingInfo.duration: must be a whole number of minutes from 1 to 1440, got ${JSON.stringify(duration)}`,
    );
  }
  return { ok: true, value: duration };
}

export function validateMeetingRequest(body: unknown): Checked<ValidMeetingRequest> {
  // An empty body is read as `{}` (the docs' quick Meet).
  const input = body === undefined ? {} : body;
  if (!isObject(input)) return fail('the body must be a JSON object');
  const title = optionalString(input.title, 'title', 500);
  if (!title.ok) return title;
  const description = optionalString(input.description, 'description', 4000);
  if (!description.ok) return description;
  const addonConfigurationId = optionalString(input.addonConfigurationId, 'addonConfigurationId', 100);
  if (!addonConfigurationId.ok) return addonConfigurationId;
  const duration = checkDuration(input.schedulingInfo);
  if (!duration.ok) return duration;
  const rawParticipants = input.participants ?? [];
  if (!Array.isArray(rawParticipants)) return fail('participants: must be an array');
  const participants: ValidParticipant[] = [];
  for (const [i, raw] of rawParticipants.entries()) {
    const participant = checkParticipant(raw, `participants[${i}]`);
    if (!participant.ok) return participant;
    participants.push(participant.value);
  }
  return {
    ok: true,
    value: {
      title: title.value,
      description: description.value,
      participants,
      addonConfigurationId: addonConfigurationId.value,
      duration: duration.value,
    },
  };
}
