import type { Result } from './errors';

/** `tenant:CODE`: a tenant code or id as the Meet API shows it; it goes into a URL path, so no slashes. */
const tenantPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export function parseTenant(value: string, raw: string): Result<string> {
  if (tenantPattern.test(value)) return { ok: true, value };
  return {
    ok: false,
    error: {
      message: `"${value}" is not a tenant code. Use the code or id from the Meet PRO app's company settings, e.g. tenant:acme.`,
      token: raw,
    },
  };
}
