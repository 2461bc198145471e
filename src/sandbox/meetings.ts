import { randomInt, randomUUID } from 'node:crypto';
import { badRequest, type Reply } from './problem';
import { toDotnetIso } from './random';
import type { Dated, SandboxMeeting, SandboxState, SandboxUsageRecord } from './state';
import { validateMeetingRequest } from './validate';

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function newCode(taken: ReadonlySet<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 8; i++) code += alphanumeric[randomInt(alphanumeric.length)];
    if (!taken.has(code)) return code;
  }
}

/** `Quick meet 07/22 - 265`, as in the docs' usage sample (month/day in UTC). */
function quickMeetTitle(at: Date): string {
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(at.getUTCDate()).padStart(2, '0');
  return `Quick meet ${mm}/${dd} - ${randomInt(100, 1000)}`;
}

/** POST /v1/meetings */
export function createMeeting(state: SandboxState, body: unknown): Reply {
  const checked = validateMeetingRequest(body);
  if (!checked.ok) return badRequest(checked.detail);
  const request = checked.value;

  let addonConfigurationId: string | null = null;
  if (request.addonConfigurationId !== undefined) {
    const wanted = request.addonConfigurationId.toLowerCase();
    const found = state.addonConfigurations.find((c) => c.id.toLowerCase() === wanted);
    if (!found)
      return badRequest(`addonConfigurationId: no addon configuration with id '${request.addonConfigurationId}'`);
    addonConfigurationId = found.id;
  } else {
    addonConfigurationId = state.addonConfigurations.find((c) => c.isDefault)?.id ?? null;
  }

  const now = state.now();
  const code = newCode(state.meetingCodes);
  const meeting: SandboxMeeting = {
    id: randomUUID(),
    code,
    joinUrl: `https://meet.rs/${code}`,
    title: request.title || quickMeetTitle(now),
    description: request.description ?? null,
    partitionKey: state.tenants[0]!.id,
    addonConfigurationId,
    participants: request.participants,
    schedulingInfo: { duration: request.duration },
    createdAt: toDotnetIso(now.getTime()),
  };
  state.meetings.push(meeting);
  state.meetingCodes.add(code);
  return { status: 201, body: meeting, headers: { location: `/v1/meetings/${meeting.id}` } };
}

/**
 * Usage of the Meets created in the sandbox, as of `nowMs`. Nobody really joins them, so the
 * sandbox pretends: until its scheduled end (createdAt + duration) a Meet shows with no
 * participants, no start or end and zero durations; from then on it shows as held from one
 * minute after creation to its scheduled end, with its named participants (at least one).
 * So `meetbot usage` shows a Meet at once, and its minutes once it "has happened".
 */
export function usageOfCreatedMeetings(state: SandboxState, nowMs: number): Dated<SandboxUsageRecord>[] {
  const tenant = state.tenants[0]!;
  return state.meetings.map((m) => {
    const createdMs = Date.parse(m.createdAt);
    const endMs = createdMs + m.schedulingInfo.duration * 60_000;
    const held = nowMs >= endMs;
    const startMs = createdMs + 60_000;
    const seconds = held ? Math.max(0, Math.round((endMs - startMs) / 1000)) : 0;
    const record: SandboxUsageRecord = {
      code: m.code,
      title: m.title,
      description: m.description,
      participants: held ? Math.max(1, m.participants.length) : 0,
      createdAt: m.createdAt,
      startedAt: held ? toDotnetIso(startMs) : null,
      endedAt: held ? toDotnetIso(endMs) : null,
      totalDurationInSeconds: seconds,
      billableDurationInSeconds: seconds,
      isFree: seconds < 20 * 60,
      isSubscriptionCovered: true,
      subscriptionId: tenant.subscriptionId,
      id: m.id,
    };
    return { tenantCode: tenant.code, atMs: createdMs, record };
  });
}
