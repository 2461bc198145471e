import { randomInt } from 'node:crypto';

/**
 * 8 digits from a cryptographically secure source. The first digit is never 0, so the code
 * survives tools that treat it as a number (spreadsheets, some mail clients).
 */
export function generatePasscode(): string {
  return String(randomInt(10_000_000, 100_000_000));
}
