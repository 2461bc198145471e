import { randomInt, randomUUID } from 'node:crypto';
import { badRequest, type Reply } from './problem';
import { toDotnetIso } from './random';
import type { SandboxMeeting, SandboxState } from './state';
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
