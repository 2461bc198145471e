import { createRandom, hashSeed, randomGuid } from './random';
import type { ValidParticipant } from './validate';

/** A tenant the sandbox knows; `tenants[0]` is the one the API key belongs to, the others its subtenants. */
export interface Tenant {
  id: string;
  code: string;
  name: string;
  subscriptionId: string;
  /** Meets per month the subscription covers; later ones are charged (isSubscriptionCovered: false). */
  includedMeetsPerMonth: number;
}

export interface SandboxMeeting {
  [key: string]: unknown;
  id: string;
  code: string;
  joinUrl: string;
  title: string;
  description: string | null;
  partitionKey: string;
  addonConfigurationId: string | null;
  participants: ValidParticipant[];
  schedulingInfo: { duration: number };
  createdAt: string;
}

export interface StoredAddonConfiguration {
  [key: string]: unknown;
  id: string;
  name: string;
  description: string | null;
  partitionKey: string;
  isDefault: boolean;
  type: number;
  items: { identifier: string; configuration: string | null }[];
}

/** A usage record as the docs show it, field for field. */
export interface SandboxUsageRecord {
  code: string;
  title: string;
  description: string | null;
  participants: number;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  totalDurationInSeconds: number;
  billableDurationInSeconds: number;
  isFree: boolean;
  isSubscriptionCovered: boolean;
  subscriptionId: string;
  id: string;
}

/** A feedback record as the docs show it, field for field. */
export interface SandboxFeedbackRecord {
  rating: number;
  text: string | null;
  userId: string;
  resourceId: string;
  resourceType: number;
  tenantId: string;
  timestamp: string;
  appVersion: string;
  browser: string;
  operatingSystem: string;
  screenHeight: string;
  screenWidth: string;
  isTouchEnabled: boolean;
  id: string;
}

/** A record with what filtering needs: its tenant and its instant (createdAt / timestamp). */
export interface Dated<T> {
  tenantCode: string;
  atMs: number;
  /** Hidden until now() reaches this (a seeded Meet shows once it has ended). */
  visibleFromMs?: number;
  record: T;
}

export interface SandboxState {
  now: () => Date;
  /** How fast created Meets live (meet-life.ts): 1 is real time, 60 a minute a second. */
  speed: number;
  tenants: Tenant[];
  /** Meets created through the API, in order. */
  meetings: SandboxMeeting[];
  /** The codes of `meetings`, so a new code is checked for duplicates without a scan. */
  meetingCodes: Set<string>;
  addonConfigurations: StoredAddonConfiguration[];
  seededUsage: Dated<SandboxUsageRecord>[];
  feedback: Dated<SandboxFeedbackRecord>[];
  /** Demo usage and feedback are generated on the first report request (most tests never ask). */
  pendingSeed?: () => void;
}

function makeTenant(code: string, name: string, includedMeetsPerMonth: number): Tenant {
  const random = createRandom(hashSeed('tenant', code));
  return { id: randomGuid(random), code, name, subscriptionId: randomGuid(random), includedMeetsPerMonth };
}

/** The same tenants with or without demo data: every Meet needs a partitionKey. */
export function createTenants(): Tenant[] {
  return [
    makeTenant('ACME01', 'Acme Corporation', 60),
    makeTenant('ACMEUK', 'Acme UK Ltd', 25),
    makeTenant('ACMEDE', 'Acme Deutschland GmbH', 15),
  ];
}

/** Finds a tenant by code (any case) or by id, as `/v1/usage/{tenant}` takes either. */
export function findTenant(state: SandboxState, codeOrId: string): Tenant | undefined {
  const key = codeOrId.toLowerCase();
  return state.tenants.find((t) => t.code.toLowerCase() === key || t.id.toLowerCase() === key);
}

export function createState(now: () => Date, speed = 1): SandboxState {
  return {
    now,
    speed,
    tenants: createTenants(),
    meetings: [],
    meetingCodes: new Set(),
    addonConfigurations: [],
    seededUsage: [],
    feedback: [],
  };
}
