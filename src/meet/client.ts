import { performance } from 'node:perf_hooks';
import { Agent, type Dispatcher } from 'undici';
import { z } from 'zod';
import { createSilentLogger, type Logger } from '../logger';
import { processSecrets } from '../secrets/scrubber';
import { createCaller } from './caller';
import { MeetApiError } from './errors';
import type { MeetApi } from './meet-api';
import { describeIssues } from './response';
import { defaultRetryPolicy, type RetryPolicy } from './retry';
import {
  AddonConfigurationInputSchema,
  AddonConfigurationListSchema,
  AddonConfigurationSchema,
  CreateMeetingRequestSchema,
  FeedbackListSchema,
  MeetingSchema,
  ReportQuerySchema,
  UsageListSchema,
} from './schemas';

/** Options of `createMeetClient`. */
export interface MeetClientOptions {
  /** e.g. https://api.meet.rs or the sandbox's url; a trailing slash is ignored. */
  baseUrl: string;
  clientKey: string;
  clientSecret: string;
  /** Failed calls are logged here, once each, without secrets. Default: silent. */
  logger?: Logger;
  /** Defaults: connect 5 s, headers 10 s, body 10 s. */
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  /** Retries of calls safe to repeat. Defaults: 3 attempts, 200 ms..5 s backoff, 15 s in all. */
  retry?: Partial<RetryPolicy>;
  /** A token is renewed this long before it expires (at most half its lifetime). Default 60 s. */
  tokenMarginMs?: number;
  /** Largest response body read, in bytes; a larger one fails (`invalid_response`) unread. Default 1 MB. */
  maxBodyBytes?: number;
  /**
   * The same for usage and feedback reports, one array for a whole range (no paging): a usage
   * record weighs ~430 bytes, so 1 MB is ~2,400 Meets, less than a month of a tenant holding 100
   * a working day. Default 16 MB: ~39,000 records; a runaway answer still stops long before memory.
   */
  maxReportBodyBytes?: number;
  /** Epoch ms; decides when the token expires and reads Retry-After dates. Default Date.now. */
  now?: () => number;
  /**
   * The undici dispatcher to send through. Default: an Agent of this client with the connect
   * timeout, closed by `close()`. A dispatcher passed in is not closed (its owner closes it).
   */
  dispatcher?: Dispatcher;
}

const IdSchema = z.string().min(1).max(200);

/**
 * The Meet API client: token exchange and caching, every documented call, strict validation of
 * requests before they leave, tolerant validation of responses, retries of the calls that are
 * safe to repeat, and `MeetApiError` for every failure (no secret in any message or log line).
 */
export function createMeetClient(options: MeetClientOptions): MeetApi {
  const connectMs = options.timeouts?.connectMs ?? 5_000;
  const headersMs = options.timeouts?.headersMs ?? 10_000;
  const bodyMs = options.timeouts?.bodyMs ?? 10_000;
  const logger = options.logger ?? createSilentLogger();
  const owned = options.dispatcher
    ? undefined
    : new Agent({ connect: { timeout: connectMs }, headersTimeout: headersMs, bodyTimeout: bodyMs });
  const dispatcher = options.dispatcher ?? (owned as Agent);
  const maxBodyBytes = byteLimit(options.maxBodyBytes, 1024 * 1024, 'maxBodyBytes');
  const maxReportBodyBytes = byteLimit(options.maxReportBodyBytes, 16 * 1024 * 1024, 'maxReportBodyBytes');
  let closed = false;

  const caller = createCaller({
    dispatcher,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    clientKey: options.clientKey,
    clientSecret: options.clientSecret,
    headersTimeoutMs: headersMs,
    bodyTimeoutMs: bodyMs,
    policy: { ...defaultRetryPolicy, ...options.retry },
    tokenMarginMs: options.tokenMarginMs ?? 60_000,
    maxBodyBytes,
    logger,
    now: options.now ?? Date.now,
  });

  /**
   * Strict check of what we are about to send; on failure nothing is sent. The parsed copy is sent,
   * not the caller's object, whose getters, `toJSON` or inherited fields the schema never saw.
   */
  function validate<S extends z.ZodType>(schema: S, value: unknown, what: string, method: string, path: string) {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data as z.output<S>;
    const error = new MeetApiError(
      'invalid_request',
      `the ${what} is invalid and was not sent: ${describeIssues(parsed.error)}`,
      {
        retryable: false,
      },
    );
    caller.logFailure(method, path, error, 0, performance.now());
    throw error;
  }

  function required<T>(value: T | undefined, method: string, path: string): T {
    if (value !== undefined) return value;
    throw new MeetApiError('invalid_response', `Meet API ${method} ${path} answered with an empty body`, {
      retryable: false,
    });
  }

  const addonRoute = '/v1/addonConfigurations/{id}';
  const addonPath = (id: string, method: string) => {
    validate(IdSchema, id, 'addon configuration id', method, addonRoute);
    return `/v1/addonConfigurations/${encodeURIComponent(id)}`;
  };

  async function getAddon(id: string, signal?: AbortSignal) {
    const path = addonPath(id, 'GET');
    const result = await caller.call(
      { method: 'GET', path, route: addonRoute, schema: AddonConfigurationSchema, repeatable: true },
      signal,
    );
    return required(result, 'GET', path);
  }

  async function getReport<S extends z.ZodType>(
    base: '/v1/usage' | '/v1/feedbacks',
    schema: S,
    query: unknown,
    signal?: AbortSignal,
  ) {
    const q = validate(ReportQuerySchema, query ?? {}, `${base} query`, 'GET', base);
    const path = q.tenant ? `${base}/${q.tenant}` : base;
    const result = await caller.call(
      {
        method: 'GET',
        path,
        route: q.tenant ? `${base}/{tenant}` : base,
        query: { from: q.from, to: q.to },
        schema,
        repeatable: true,
        maxBodyBytes: maxReportBodyBytes,
      },
      signal,
    );
    return required(result, 'GET', path);
  }

  return {
    async createMeeting(request, callOptions) {
      const path = '/v1/meetings';
      const body = validate(CreateMeetingRequestSchema, request, 'create-meeting request', 'POST', path);
      rememberPasscodes(body);
      const secrets = () =>
        (body.participants ?? []).flatMap((p) => (p.accessRules ?? []).map((r) => r.condition ?? ''));
      const result = await caller.call(
        { method: 'POST', path, route: path, body, schema: MeetingSchema, repeatable: false, secrets },
        callOptions?.signal,
      );
      return required(result, 'POST', path);
    },

    async listAddonConfigurations(callOptions) {
      const path = '/v1/addonConfigurations';
      const result = await caller.call(
        { method: 'GET', path, route: path, schema: AddonConfigurationListSchema, repeatable: true },
        callOptions?.signal,
      );
      return required(result, 'GET', path);
    },

    getAddonConfiguration(id, callOptions) {
      return getAddon(id, callOptions?.signal);
    },

    async createAddonConfiguration(input, callOptions) {
      const path = '/v1/addonConfigurations';
      const body = validate(AddonConfigurationInputSchema, input, 'addon configuration', 'POST', path);
      const result = await caller.call(
        { method: 'POST', path, route: path, body, schema: AddonConfigurationSchema, repeatable: false },
        callOptions?.signal,
      );
      return required(result, 'POST', path);
    },

    async updateAddonConfiguration(id, input, callOptions) {
      const path = addonPath(id, 'PUT');
      const body = validate(AddonConfigurationInputSchema, input, 'addon configuration', 'PUT', path);
      const result = await caller.call(
        { method: 'PUT', path, route: addonRoute, body, schema: AddonConfigurationSchema, repeatable: true },
        callOptions?.signal,
      );
      // An API that answers 204 to a PUT says nothing about the result: read it back.
      return result ?? getAddon(id, callOptions?.signal);
    },

    async deleteAddonConfiguration(id, callOptions) {
      const path = addonPath(id, 'DELETE');
      await caller.call(
        { method: 'DELETE', path, route: addonRoute, repeatable: true, notFoundOnRepeatIsDone: true },
        callOptions?.signal,
      );
    },

    getUsage(query, callOptions) {
      return getReport('/v1/usage', UsageListSchema, query, callOptions?.signal);
    },

    getFeedbacks(query, callOptions) {
      return getReport('/v1/feedbacks', FeedbackListSchema, query, callOptions?.signal);
    },

    checkToken(callOptions) {
      return caller.checkToken(callOptions?.signal);
    },

    async close() {
      if (closed) return;
      closed = true;
      await owned?.close();
    },
  };
}

/**
 * Every passcode of a Meet, generated or typed by someone, leaves through here, on every front end
 * (Slack, Teams, the CLI): from now on no log line shows it (the replies that show it to the
 * creator are logged at debug level by the Slack WebClient).
 */
function rememberPasscodes(request: {
  participants?: Array<{ accessRules?: Array<{ provider: string; condition?: string }> }>;
}) {
  for (const participant of request.participants ?? []) {
    for (const rule of participant.accessRules ?? []) {
      if (rule.provider === 'Passcode') processSecrets.add(rule.condition, 'passcode');
    }
  }
}

/** A byte-limit option: its default, or a whole number above 0 (anything else is refused at once). */
function byteLimit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (Number.isSafeInteger(value) && value > 0) return value;
  throw new RangeError(`${name} must be a whole number of bytes above 0, got ${value}`);
}
