import {
  createRandom,
  hashSeed,
  pickInt,
  pickOne,
  pickWeighted,
  type Random,
  randomCode,
  randomGuid,
  toDotnetIso,
} from './random';
import { seedFeedback } from './seed-feedback';
import type { Dated, SandboxState, SandboxUsageRecord, StoredAddonConfiguration, Tenant } from './state';

/**
 * Demo data relative to `state.now()`: the last ~90 days of Meets of three tenants, weekday-heavy,
 * with feedback, and a few addon configurations. Each (tenant, day) has its own seeded PRNG, so a
 * given day always holds the same Meets, whatever the hour the sandbox starts.
 */
const dayMs = 86_400_000;

/** Meets per weekday [min, max] by tenant code; weekends have at most one. */
const weekdayLoad: Record<string, [number, number]> = { ACME01: [3, 9], ACMEUK: [1, 4], ACMEDE: [0, 3] };

const titles = [
  'Interview: Senior backend engineer',
  'Interview: Product designer',
  'Interview: Data analyst',
  'Weekly team sync',
  'Sprint planning',
  'Customer demo – Globex',
  'Vendor call – Initech',
  '1:1 Ana / Marko',
  'Board prep',
] as const;

function seedAddonConfigurations(tenant: Tenant): StoredAddonConfiguration[] {
  const random = createRandom(hashSeed('addon-configurations', tenant.code));
  const make = (
    name: string,
    description: string,
    isDefault: boolean,
    type: 1 | 3,
    items: [string, object][],
  ): StoredAddonConfiguration => ({
    id: randomGuid(random),
    name,
    description,
    partitionKey: tenant.id,
    isDefault,
    type,
    items: items.map(([identifier, settings]) => ({ identifier, configuration: JSON.stringify(settings) })),
  });
  return [
    make('Meeting', 'Chat, roster and calling', true, 1, [
      ['orpheus', { history: true }],
      ['roster', { showRoles: false }],
      ['twilio', { video: true, maxParticipants: 50 }],
    ]),
    make('Interview', 'Code editor, whiteboard and roster for technical interviews', false, 1, [
      ['monaco', { languages: ['typescript', 'python', 'csharp', 'java'], theme: 'vs-dark' }],
      ['rnto', { grid: true }],
      ['roster', { showRoles: true }],
    ]),
    make('Webcast', 'One presenter, many listeners', false, 1, [
      ['twilio', { video: true, presenterOnly: true, maxParticipants: 250 }],
      ['orpheus', { history: false }],
      ['roster', { showRoles: true }],
    ]),
    make('Teams interview', 'Editor and whiteboard inside a Teams call', false, 3, [
      ['monaco', { languages: ['typescript', 'python'], theme: 'vs' }],
      ['rnto', { grid: false }],
    ]),
  ];
}

function pickMinutes(random: Random): number {
  const band = pickWeighted(random, [
    ['short', 25],
    ['hour', 45],
    ['long', 30],
  ] as const);
  if (band === 'short') return pickInt(random, 2, 19);
  if (band === 'hour') return pickInt(random, 20, 60);
  return pickInt(random, 61, 120);
}

function seedMeet(
  random: Random,
  tenant: Tenant,
  dayStart: number,
): SandboxUsageRecord & { atMs: number; endMs: number } {
  const createdMs = dayStart + pickInt(random, 7 * 3600, 17 * 3600 + 3599) * 1000 + pickInt(random, 0, 999);
  const startMs = createdMs + pickInt(random, 5, 240) * 1000;
  const total = pickMinutes(random) * 60 + pickInt(random, 0, 59);
  const billable = total - pickInt(random, 0, Math.min(90, Math.floor(total / 10)));
  const endMs = startMs + total * 1000;
  const code = randomCode(random);
  const quick = random() < 0.35;
  const day = new Date(createdMs);
  const mmdd = `${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}`;
  return {
    code,
    title: quick ? `Quick meet ${mmdd} - ${pickInt(random, 100, 999)}` : pickOne(random, titles),
    description: quick ? '' : pickOne(random, [null, 'Agenda in the invite', 'Guest ']),
    participants: pickWeighted(random, [
      [2, 40],
      [3, 25],
      [4, 15],
      [5, 10],
      [8, 10],
    ] as const),
    createdAt: toDotnetIso(createdMs, pickInt(random, 0, 9999)),
    startedAt: toDotnetIso(startMs, pickInt(random, 0, 9999)),
    endedAt: toDotnetIso(endMs, pickInt(random, 0, 9999)),
    totalDurationInSeconds: total,
    billableDurationInSeconds: billable,
    isFree: billable < 20 * 60,
    isSubscriptionCovered: true, // settled below, month by month
    subscriptionId: tenant.subscriptionId,
    id: randomGuid(random),
    atMs: createdMs,
    endMs,
  };
}

/** The tenant's included Meets per month are covered; the chargeable ones after that are not. */
function settleSubscriptions(tenant: Tenant, records: Dated<SandboxUsageRecord>[]): void {
  const used = new Map<string, number>();
  for (const entry of records) {
    if (entry.record.isFree) continue;
    const month = entry.record.createdAt.slice(0, 7);
    const count = (used.get(month) ?? 0) + 1;
    used.set(month, count);
    entry.record.isSubscriptionCovered = count <= tenant.includedMeetsPerMonth;
  }
}

/**
 * Seeds the addon configurations now and the usage and feedback on first use. The days run from
 * `days` before the start's now() to its end of day; a Meet (and its feedback) shows once now()
 * has passed its end, so a test that moves the clock sees Meets "happen".
 */
export function seedState(state: SandboxState, days = 90): void {
  const startMs = state.now().getTime();
  state.addonConfigurations.push(...seedAddonConfigurations(state.tenants[0]!));
  state.pendingSeed = () => seedReports(state, startMs, days);
}

function seedReports(state: SandboxState, startMs: number, days: number): void {
  const today = Math.floor(startMs / dayMs) * dayMs;
  for (const tenant of state.tenants) {
    const meets: Dated<SandboxUsageRecord>[] = [];
    for (let dayStart = today - days * dayMs; dayStart <= today; dayStart += dayMs) {
      const random = createRandom(hashSeed('usage', tenant.code, new Date(dayStart).toISOString().slice(0, 10)));
      const weekday = new Date(dayStart).getUTCDay();
      const [min, max] = weekdayLoad[tenant.code] ?? [1, 3];
      const count = weekday === 0 || weekday === 6 ? (random() < 0.3 ? 1 : 0) : pickInt(random, min, max);
      for (let i = 0; i < count; i++) {
        const { atMs, endMs, ...record } = seedMeet(random, tenant, dayStart);
        meets.push({ tenantCode: tenant.code, atMs, visibleFromMs: endMs, record });
        state.feedback.push(...seedFeedback(random, tenant, record.code, endMs));
      }
    }
    meets.sort((a, b) => a.atMs - b.atMs);
    settleSubscriptions(tenant, meets);
    state.seededUsage.push(...meets);
  }
}
