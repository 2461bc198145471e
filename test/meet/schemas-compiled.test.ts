import { z } from 'zod';
import {
  AddonConfigurationInputSchema,
  AddonConfigurationListSchema,
  AddonConfigurationSchema,
  CreateMeetingRequestSchema,
  FeedbackListSchema,
  MeetingSchema,
  ReportQuerySchema,
  TokenResponseSchema,
  UsageListSchema,
} from '../../src/meet/schemas';

/**
 * `z.compile` falls back to the regular parser, silently, for a schema it cannot compile (an async
 * refinement, some transforms): the client would still be right, only slower. Compiling again in
 * strict mode throws instead, so a change that loses the fast path fails here.
 */
describe('the schemas the client parses on every call are compiled', () => {
  it.each(
    Object.entries({
      CreateMeetingRequestSchema,
      MeetingSchema,
      TokenResponseSchema,
      AddonConfigurationSchema,
      AddonConfigurationInputSchema,
      AddonConfigurationListSchema,
      ReportQuerySchema,
      UsageListSchema,
      FeedbackListSchema,
    }),
  )('%s', (_name, schema) => {
    expect(() => z.compile(schema, { strict: true })).not.toThrow();
  });

  it('a compiled schema refuses what the regular parser refuses, with the same issues', () => {
    // A schema derived from a compiled one is not compiled: `.extend({})` is the regular parser.
    const regular = CreateMeetingRequestSchema.extend({});
    const requests = [
      { participants: [{ role: 'User', accessRules: [{ provider: 'Passcode' }] }], startAt: 'now' },
      { title: 7, schedulingInfo: { duration: 0 } },
      { participants: [{ role: 'Host', user: { email: 'not-an-email' } }] },
    ];
    for (const request of requests) {
      const compiled = CreateMeetingRequestSchema.safeParse(request);
      expect(compiled.success).toBe(false);
      expect(compiled.error?.issues).toEqual(regular.safeParse(request).error?.issues);
    }
    expect(CreateMeetingRequestSchema.safeParse(requests[0]).error?.issues.map((i) => i.message)).toEqual([
      // The access rule's own rule is checked as the rule is read, before its participant's.
      'a Passcode rule needs the passcode as its condition',
      'a User participant needs user.email',
      'Unrecognized key: "startAt"',
    ]);
  });
});
