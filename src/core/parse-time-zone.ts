import type { Result } from './errors';

/** `tz:ZONE`: an IANA time zone this runtime knows, in its canonical spelling. */

const zoneShape = /^[A-Za-z][A-Za-z0-9_+-]{0,40}(?:\/[A-Za-z0-9_+-]{1,40}){0,3}$/;
const known = new Map<string, string | undefined>();
const cacheLimit = 500;

/** `zone` spelled as the runtime does (`europe/berlin` → `Europe/Berlin`), or undefined if it is none. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!zoneShape.test(zone)) return undefined;
  if (known.has(zone)) return known.get(zone);
  const canonical = resolveZone(zone);
  if (known.size >= cacheLimit) known.clear();
  known.set(zone, canonical);
  return canonical;
}

function resolveZone(zone: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    // Fix the case, but keep an alias as typed (Asia/Kolkata, not the runtime's Asia/Calcutta).
    return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  } catch {
    // RangeError: not a zone this runtime knows.
    return undefined;
  }
}

/** `tz:ZONE` as typed (`raw`) → the canonical zone, or the mistake with examples. */
export function readTimeZone(value: string, raw: string): Result<string> {
  const zone = canonicalTimeZone(value);
  if (zone !== undefined) return { ok: true, value: zone };
  return {
    ok: false,
    error: {
      message: `Unknown time zone "${value}". Use an IANA zone such as tz:Europe/Berlin or tz:America/New_York.`,
      token: raw,
    },
  };
}
