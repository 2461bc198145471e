import { randomBytes } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read aloud or retyped. */
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A short id that ties what a person is told about a failure to its log line. */
export function newReferenceId(): string {
  return Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join('');
}
