import type {
  AddonConfiguration,
  AddonConfigurationInput,
  CreateMeetingRequest,
  FeedbackRecord,
  Meeting,
  ReportQuery,
  UsageRecord,
} from './schemas';

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * What the rest of meetbot needs from the Meet API. `createMeetClient` (client.ts) implements it
 * over HTTP; tests may hand in their own. Every method rejects with `MeetApiError` (errors.ts).
 */
export interface MeetApi {
  /** POST /v1/meetings. Never retried once the request may have reached the server. */
  createMeeting(request: CreateMeetingRequest, options?: CallOptions): Promise<Meeting>;
  listAddonConfigurations(options?: CallOptions): Promise<AddonConfiguration[]>;
  getAddonConfiguration(id: string, options?: CallOptions): Promise<AddonConfiguration>;
  createAddonConfiguration(input: AddonConfigurationInput, options?: CallOptions): Promise<AddonConfiguration>;
  updateAddonConfiguration(
    id: string,
    input: AddonConfigurationInput,
    options?: CallOptions,
  ): Promise<AddonConfiguration>;
  deleteAddonConfiguration(id: string, options?: CallOptions): Promise<void>;
  /** GET /v1/usage[/TENANT]?from&to */
  getUsage(query: ReportQuery, options?: CallOptions): Promise<UsageRecord[]>;
  /** GET /v1/feedbacks[/TENANT]?from&to */
  getFeedbacks(query: ReportQuery, options?: CallOptions): Promise<FeedbackRecord[]>;
  /**
   * Obtains (or reuses) a token; used by /readyz. An aborted `signal` ends this wait only: a token
   * request other calls are waiting for goes on.
   */
  checkToken(options?: CallOptions): Promise<void>;
  close(): Promise<void>;
}
