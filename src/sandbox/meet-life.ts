import { createRandom, hashSeed, pickInt, pickOne, randomGuid, toDotnetIso } from './random';
import type { Dated, SandboxFeedbackRecord, SandboxMeeting, SandboxState, SandboxUsageRecord } from './state';

/**
 * Nobody really joins a sandbox Meet, so the sandbox plays its life: it starts a minute after it
 * was created, runs for its scheduled duration, ends, and a minute later leaves a rating or two.
 * `speed` compresses that (60: a minute passes in a second), so the whole life can be watched
 * locally; the durations reported stay the Meet's own (a 60-minute Meet reports 3,600 seconds).
 */
export interface MeetLife {
  startMs: number;
  endMs: number;
  ratedMs: number;
}

export function lifeOf(meeting: SandboxMeeting, speed: number): MeetLife {
  const minute = 60_000 / speed;
  const startMs = Date.parse(meeting.createdAt) + minute;
  const endMs = startMs + meeting.schedulingInfo.duration * minute;
  return { startMs, endMs, ratedMs: endMs + minute };
}

/** Usage of the Meets created in the sandbox as of `nowMs`: not started, live, or ended. */
export function usageOfCreatedMeetings(state: SandboxState, nowMs: number): Dated<SandboxUsageRecord>[] {
  const tenant = state.tenants[0]!;
  return state.meetings.map((m) => {
    const life = lifeOf(m, state.speed);
    const started = nowMs >= life.startMs;
    const ended = nowMs >= life.endMs;
    // Seconds of the Meet's own time; a live Meet counts up.
    const seconds = ended
      ? m.schedulingInfo.duration * 60
      : started
        ? Math.floor(((nowMs - life.startMs) * state.speed) / 1000)
        : 0;
    const record: SandboxUsageRecord = {
      code: m.code,
      title: m.title,
      description: m.description,
      participants: started ? Math.max(1, m.participants.length) : 0,
      createdAt: m.createdAt,
      startedAt: started ? toDotnetIso(life.startMs) : null,
      endedAt: ended ? toDotnetIso(life.endMs) : null,
      totalDurationInSeconds: seconds,
      billableDurationInSeconds: seconds,
      isFree: seconds < 20 * 60,
      isSubscriptionCovered: true,
      subscriptionId: tenant.subscriptionId,
      id: m.id,
    };
    return { tenantCode: tenant.code, atMs: Date.parse(m.createdAt), record };
  });
}

const comments = [
  'Great conversation, thanks!',
  'Audio dropped for a minute in the middle.',
  'Smooth, the shared editor worked well.',
  null,
];

/** The rating or two each created Meet leaves a minute after it ended (the same ones every time). */
export function feedbackOfCreatedMeetings(state: SandboxState): Dated<SandboxFeedbackRecord>[] {
  const tenant = state.tenants[0]!;
  return state.meetings.flatMap((m) => {
    const { ratedMs } = lifeOf(m, state.speed);
    const random = createRandom(hashSeed('rating', m.code));
    return Array.from({ length: pickInt(random, 1, 2) }, (_, i) => {
      const at = ratedMs + i * 1000;
      const record: SandboxFeedbackRecord = {
        rating: pickInt(random, 3, 5),
        text: pickOne(random, comments),
        userId: randomGuid(random),
        resourceId: m.code,
        resourceType: 1,
        tenantId: tenant.id,
        timestamp: toDotnetIso(at),
        appVersion: '2.7.21.1050',
        browser: 'Chrome',
        operatingSystem: 'Windows',
        screenHeight: '1080',
        screenWidth: '1920',
        isTouchEnabled: false,
        id: randomGuid(random),
      };
      return { tenantCode: tenant.code, atMs: at, visibleFromMs: at, record };
    });
  });
}
