import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { createScrubber, loggedForms } from '../../src/secrets/scrubber';
import { worstInputs, worstSize } from '../fixtures/worst-text';

/**
 * The scrubber sees every log line, so it must be linear in the line whatever it holds: 100 kB of
 * each worst input, with a full registry (10,000 passcodes, 1,000 tokens), well under a second
 * (`npm run bench -- log-scrub` has the figures). And whatever the text, the line stays JSON.
 */

let seed = 11;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
const stringOf = (alphabet: string[], length: number) => Array.from({ length }, () => pick(alphabet)).join('');

function fullScrubber() {
  const scrubber = createScrubber();
  for (let i = 0; i < 10_000; i++) scrubber.add(String(10_000_000 + Math.floor(random() * 89_999_999)), 'passcode');
  const base64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
  for (let i = 0; i < 1_000; i++) scrubber.add(stringOf(base64, 40), 'token');
  for (const secret of ['meet-client-secret', 'signing-secret-0123456789', 'client-secret', 'state-secret-xyz'])
    scrubber.add(secret, 'configured');
  return scrubber;
}

describe('100 kB of each worst input, with a full registry', () => {
  const scrubber = fullScrubber();
  const inputs: Record<string, string> = {
    ...worstInputs,
    digits: '1'.repeat(worstSize),
    'passcode after passcode': '48151623'.repeat(worstSize / 8),
    'a configured secret, over and over': 'client-secret '.repeat(worstSize / 14),
  };
  scrubber.add('48151623', 'passcode');

  test.each(Object.entries(inputs))('%s: well under a second, and still JSON', (_name, text) => {
    const line = `{"level":30,"time":"2026-12-01T09:00:00.000Z","app":"meetbot","msg":${JSON.stringify(text)}}\n`;
    const started = performance.now();
    const scrubbed = scrubber.scrub(line, 46);
    expect(performance.now() - started).toBeLessThan(1000);
    const entry = JSON.parse(scrubbed) as { msg: string; time: string };
    expect(entry.time).toBe('2026-12-01T09:00:00.000Z');
    expect(entry.msg).not.toContain('client-secret');
    expect(entry.msg).not.toContain('48151623');
  });
});

describe('whatever the text and the secrets, no secret is left and the line stays JSON', () => {
  const alphabet = ['a', 'b', '1', '2', '"', '\\', '\n', '\u0001', '&', '<', '>', '%', ' ', '=', ':', 'é', '😀', 'u'];
  const forms = (secret: string) => {
    const slack = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return [secret, slack, JSON.stringify(secret), JSON.stringify(slack), encodeURIComponent(secret)];
  };

  test('500 random lines', () => {
    for (let round = 0; round < 500; round++) {
      const scrubber = createScrubber();
      const lines: string[] = [];
      const destination = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const logger = createLogger({ level: 'info', destination, scrubber });
      const secrets = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        stringOf(alphabet, 8 + Math.floor(random() * 10)),
      );
      for (const secret of secrets) scrubber.add(secret, random() < 0.5 ? 'passcode' : 'configured');
      const parts: string[] = [];
      for (let i = 0; i < 6; i++) {
        parts.push(stringOf(alphabet, Math.floor(random() * 12)));
        parts.push(pick(forms(pick(secrets))));
      }
      const message = parts.join('');
      logger.info({ field: message }, message);
      const entry = JSON.parse(lines[0]) as { msg: string; field: string };
      for (const secret of secrets) {
        for (const text of [entry.msg, entry.field]) {
          for (const form of forms(secret)) expect([secret, text.includes(form)]).toEqual([secret, false]);
        }
        for (const form of loggedForms(secret)) expect(lines[0].includes(form)).toBe(false);
      }
    }
  });
});
