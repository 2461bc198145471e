import { pickInt, pickOne, pickWeighted, type Random, randomGuid, toDotnetIso } from './random';
import type { Dated, SandboxFeedbackRecord, Tenant } from './state';

const comments: Record<number, string[]> = {
  1: ['Could not hear the candidate at all', 'Kept disconnecting every few minutes'],
  2: ['Video froze several times', 'Screen sharing was laggy'],
  3: ['Worked, but the editor was slow', 'OK once we found the whiteboard'],
  4: ['Good call, minor echo', 'Nice and simple'],
  5: ['Great experience, no install needed', 'The code editor is perfect for interviews', 'Crystal clear audio'],
};

const devices = [
  { browser: 'Chrome', operatingSystem: 'Windows', screenHeight: '1080', screenWidth: '1920', isTouchEnabled: false },
  { browser: 'Edge', operatingSystem: 'Windows', screenHeight: '1200', screenWidth: '1920', isTouchEnabled: false },
  { browser: 'Safari', operatingSystem: 'macOS', screenHeight: '900', screenWidth: '1440', isTouchEnabled: false },
  { browser: 'Firefox', operatingSystem: 'Linux', screenHeight: '1080', screenWidth: '1920', isTouchEnabled: false },
  { browser: 'Safari', operatingSystem: 'iOS', screenHeight: '844', screenWidth: '390', isTouchEnabled: true },
  { browser: 'Chrome', operatingSystem: 'Android', screenHeight: '915', screenWidth: '412', isTouchEnabled: true },
] as const;

/** Feedback left on one seeded Meet after it ended: none for most, one or two for some. */
export function seedFeedback(
  random: Random,
  tenant: Tenant,
  meetCode: string,
  endMs: number,
): Dated<SandboxFeedbackRecord>[] {
  const count = pickWeighted(random, [
    [0, 67],
    [1, 25],
    [2, 8],
  ] as const);
  const out: Dated<SandboxFeedbackRecord>[] = [];
  for (let i = 0; i < count; i++) {
    const atMs = endMs + pickInt(random, 10, 900) * 1000;
    const rating = pickWeighted(random, [
      [5, 45],
      [4, 30],
      [3, 12],
      [2, 8],
      [1, 5],
    ] as const);
    const text = random() < 0.35 ? pickOne(random, comments[rating]!) : null;
    const record: SandboxFeedbackRecord = {
      rating,
      text,
      userId: randomGuid(random),
      resourceId: meetCode,
      resourceType: 1,
      tenantId: tenant.id,
      timestamp: toDotnetIso(atMs, pickInt(random, 0, 9999)),
      appVersion: pickOne(random, ['2.7.21.1050', '2.7.22.1102', '2.8.0.1140']),
      ...pickOne(random, devices),
      id: randomGuid(random),
    };
    out.push({ tenantCode: tenant.code, atMs, visibleFromMs: atMs, record });
  }
  return out;
}
