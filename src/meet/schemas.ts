import { z } from 'zod';

/**
 * zod schemas of every documented Meet API payload (../shared/meet-api-docs.md).
 * Requests are strict (unknown keys are a bug on our side and never leave the process);
 * responses are loose (unknown fields are kept, documented ones are checked).
 *
 * The schemas the client parses on every call are `z.compile`d once, here: a compiled schema
 * checks exactly the same rules (an input the fast path refuses is parsed again by the regular
 * parser, so the issues and messages are the same) about 3x faster on a create, which was most
 * of the client's cost over bare HTTP (bench/meet-client.ts). Compile the final schema: one
 * derived from a compiled schema (.extend(), .refine()) is not compiled.
 */

export const roles = ['Admin', 'PowerUser', 'User', 'Guest'] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

/** `Guest` is the implicit provider of a participant that has a role and no rules. */
export const providers = ['Passcode', 'Google', 'Microsoft', 'LinkedIn', 'Facebook', 'Guest'] as const;
export const ProviderSchema = z.enum(providers);
export type Provider = z.infer<typeof ProviderSchema>;

/*
 * The two rules across fields are `.refine()`s, each on the object it is about: z.compile inlines a
 * predicate, while a `.superRefine()` runs through a helper and a spoofed context, which V8 took
 * tens of thousands of calls to optimise (5 µs a create until then, against 1 µs now). The issues,
 * when one fails, are the same: the runtime parser writes them, with the message and path below.
 */
export const AccessRuleSchema = z
  .strictObject({
    provider: ProviderSchema,
    condition: z.string().min(1).max(320).optional(),
  })
  .refine((rule) => rule.provider !== 'Passcode' || !!rule.condition, {
    message: 'a Passcode rule needs the passcode as its condition',
    path: ['condition'],
  });
export type AccessRule = z.infer<typeof AccessRuleSchema>;

export const ParticipantUserSchema = z.strictObject({
  firstName: z.string().max(200).optional(),
  lastName: z.string().max(200).optional(),
  email: z.email().max(320).optional(),
});
export type ParticipantUser = z.infer<typeof ParticipantUserSchema>;

export const ParticipantSchema = z
  .strictObject({
    user: ParticipantUserSchema.optional(),
    role: RoleSchema,
    accessRules: z.array(AccessRuleSchema).max(10).optional(),
  })
  .refine((p) => p.role === 'Guest' || !!p.user?.email, {
    error: (issue) => `a ${(issue.input as { role: string }).role} participant needs user.email`,
    path: ['user', 'email'],
  });
export type Participant = z.infer<typeof ParticipantSchema>;

/**
 * The limits meetbot holds a create request to (the API documents none): the grammar, both forms and
 * this schema read them from here (core/limits.ts), so a title is refused in the same place everywhere.
 */
export const requestLimits = { titleChars: 500, descriptionChars: 4000, participants: 500, durationMinutes: 24 * 60 };

export const SchedulingInfoSchema = z.strictObject({
  /** Minutes; the API's default is 60. */
  duration: z.number().int().min(1).max(requestLimits.durationMinutes),
});

export const CreateMeetingRequestSchema = z.compile(
  z.strictObject({
    title: z.string().max(requestLimits.titleChars).optional(),
    description: z.string().max(requestLimits.descriptionChars).optional(),
    participants: z.array(ParticipantSchema).max(requestLimits.participants).optional(),
    addonConfigurationId: z.string().min(1).max(100).optional(),
    schedulingInfo: SchedulingInfoSchema.optional(),
  }),
);
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequestSchema>;

export const MeetingSchema = z.compile(
  z.looseObject({
    id: z.string().optional(),
    code: z.string().min(1),
    /** Goes into Join buttons: only http(s). A regex, not z.url(): it runs on every create. */
    joinUrl: z.string().regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL'),
    title: z.string().nullish(),
    description: z.string().nullish(),
    partitionKey: z.string().nullish(),
  }),
);
export type Meeting = z.infer<typeof MeetingSchema>;

export const TokenRequestSchema = z.strictObject({
  grant_type: z.literal('client_credentials'),
  client_key: z.string().min(1),
  client_secret: z.string().min(1),
});
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export const TokenResponseSchema = z.compile(
  z.looseObject({
    access_token: z.string().min(1),
    /** "Unix epoch": seconds or milliseconds, see token.ts. */
    expires_at: z.number().positive(),
  }),
);
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const AddonConfigurationItemSchema = z.looseObject({
  identifier: z.string(),
  /** A JSON string of the addon's own settings. */
  configuration: z.string().nullish(),
});

export const AddonConfigurationSchema = z.compile(
  z.looseObject({
    id: z.string().min(1),
    name: z.string(),
    description: z.string().nullish(),
    partitionKey: z.string().nullish(),
    isDefault: z.boolean().default(false),
    /** 1 = Meet app, 3 = Teams addon. */
    type: z.number().int().nullish(),
    items: z.array(AddonConfigurationItemSchema).default([]),
  }),
);
export type AddonConfiguration = z.infer<typeof AddonConfigurationSchema>;

export const AddonConfigurationInputSchema = z.compile(
  z.strictObject({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    isDefault: z.boolean().optional(),
    type: z.union([z.literal(1), z.literal(3)]).optional(),
    items: z
      .array(
        z.strictObject({ identifier: z.string().min(1).max(100), configuration: z.string().max(20000).optional() }),
      )
      .max(50)
      .optional(),
  }),
);
export type AddonConfigurationInput = z.infer<typeof AddonConfigurationInputSchema>;

export const FeedbackRecordSchema = z.looseObject({
  id: z.string().nullish(),
  rating: z.number(),
  text: z.string().nullish(),
  userId: z.string().nullish(),
  resourceId: z.string().nullish(),
  resourceType: z.number().nullish(),
  tenantId: z.string().nullish(),
  timestamp: z.string(),
  appVersion: z.string().nullish(),
  browser: z.string().nullish(),
  operatingSystem: z.string().nullish(),
  screenHeight: z.string().nullish(),
  screenWidth: z.string().nullish(),
  isTouchEnabled: z.boolean().nullish(),
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

export const UsageRecordSchema = z.looseObject({
  id: z.string().nullish(),
  code: z.string(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  participants: z.number().int().nonnegative(),
  createdAt: z.string(),
  startedAt: z.string().nullish(),
  endedAt: z.string().nullish(),
  totalDurationInSeconds: z.number().nonnegative(),
  billableDurationInSeconds: z.number().nonnegative(),
  isFree: z.boolean(),
  isSubscriptionCovered: z.boolean(),
  subscriptionId: z.string().nullish(),
});
export type UsageRecord = z.infer<typeof UsageRecordSchema>;

/** Query of `/v1/usage[/TENANT]` and `/v1/feedbacks[/TENANT]`: ISO 8601 instants. */
export const ReportQuerySchema = z.compile(
  z.strictObject({
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    tenant: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'a tenant code is letters, digits and dashes')
      .optional(),
  }),
);
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** The report and list answers, compiled whole (their elements are unrolled into one parser). */
export const AddonConfigurationListSchema = z.compile(z.array(AddonConfigurationSchema));
export const UsageListSchema = z.compile(z.array(UsageRecordSchema));
export const FeedbackListSchema = z.compile(z.array(FeedbackRecordSchema));
