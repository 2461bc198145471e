import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every metric meetbot exposes at `GET /metrics` (METRICS_PORT), in one registry with the default
 * process metrics (prom-client). Labels stay bounded: platforms, templates, outcomes, error codes,
 * API operations by route, never a user, a code, a channel or a tenant.
 *
 * The registry is the process's, like the log scrubber's: what is counted anywhere must be seen at
 * the one endpoint, and a part that was handed no metrics would count silently nowhere.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'meetbot_' });

const registers = [metricsRegistry];

/** Recorders that batch their observations (meet-api-metrics.ts) hand them over here, before each read of a metric. */
const beforeRead = new Set<() => void>();
export function flushBeforeRead(flush: () => void): void {
  beforeRead.add(flush);
}
function flushAll(): void {
  for (const flush of beforeRead) flush();
}
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  meetsCreated: new Counter({
    name: 'meetbot_meets_created_total',
    help: 'Meets created, by platform and template.',
    labelNames: ['platform', 'template'] as const,
    registers,
  }),
  meetsFailed: new Counter({
    name: 'meetbot_meets_failed_total',
    help: 'Create attempts that ended without a Meet, by platform, template and reason (invalid input, or the error code).',
    labelNames: ['platform', 'template', 'reason'] as const,
    registers,
  }),
  idempotencyHits: new Counter({
    name: 'meetbot_idempotency_hits_total',
    help: 'Redelivered requests stopped by their idempotency key (no second Meet).',
    labelNames: ['platform'] as const,
    registers,
  }),
  meetApiRequests: new Counter({
    name: 'meetbot_meet_api_requests_total',
    help: 'Meet API calls, by operation and outcome (the HTTP status, or timeout / network).',
    labelNames: ['operation', 'status'] as const,
    registers,
    collect: flushAll,
  }),
  meetApiSeconds: new Histogram({
    name: 'meetbot_meet_api_request_duration_seconds',
    help: 'Meet API calls, from the first attempt to the last answer (retries included).',
    labelNames: ['operation'] as const,
    buckets: latencyBuckets,
    registers,
    collect: flushAll,
  }),
  tokenRefreshes: new Counter({
    name: 'meetbot_meet_api_token_refreshes_total',
    help: 'Meet API token requests, by outcome.',
    labelNames: ['outcome'] as const,
    registers,
  }),
  slackRequests: new Counter({
    name: 'meetbot_slack_requests_total',
    help: 'Requests Slack sent to /slack/events, by HTTP status of the ack.',
    labelNames: ['status'] as const,
    registers,
  }),
  slackSocketEnvelopes: new Counter({
    name: 'meetbot_slack_socket_envelopes_total',
    help: 'Envelopes Slack sent over Socket Mode (each is acked over the socket; see the ack histogram).',
    registers,
  }),
  slackAckSeconds: new Histogram({
    name: 'meetbot_slack_ack_duration_seconds',
    help: 'From a Slack request (HTTP or Socket Mode envelope) arriving to its ack (Slack gives up after 3 s).',
    buckets: latencyBuckets,
    registers,
  }),
  teamsActivities: new Counter({
    name: 'meetbot_teams_activities_total',
    help: 'Activities posted to /api/messages, by activity type and HTTP status of the answer.',
    labelNames: ['type', 'status'] as const,
    registers,
  }),
  digests: new Counter({
    name: 'meetbot_digests_total',
    help: 'Weekly digests, by outcome (sent, skipped, failed, in_doubt).',
    labelNames: ['outcome'] as const,
    registers,
  }),
  watcherTicks: new Counter({
    name: 'meetbot_watcher_ticks_total',
    help: 'Watcher ticks, by outcome (ok, or failed for a tick that threw); tenant polls are counted apart.',
    labelNames: ['outcome'] as const,
    registers,
  }),
  watcherPolls: new Counter({
    name: 'meetbot_watcher_tenant_polls_total',
    help: 'Tenants polled by the watcher, by outcome (ok, failed: the Meet API did not answer).',
    labelNames: ['outcome'] as const,
    registers,
  }),
  watcherOpenMeets: new Gauge({
    name: 'meetbot_watcher_open_meets',
    help: 'Meets the watcher follows (not started, live, or waiting for ratings), at the last tick.',
    registers,
  }),
  watcherUpdates: new Counter({
    name: 'meetbot_watcher_message_updates_total',
    help: 'Meet messages changed by the watcher, by platform and the state shown.',
    labelNames: ['platform', 'state'] as const,
    registers,
  }),
  ratingsSent: new Counter({
    name: 'meetbot_watcher_ratings_sent_total',
    help: 'Ratings messages sent to the creators of ended Meets.',
    labelNames: ['platform'] as const,
    registers,
  }),
  reminders: new Counter({
    name: 'meetbot_reminders_total',
    help: 'Reminders of Meets for later, by platform and outcome (sent, skipped: too late or nowhere to post, failed).',
    labelNames: ['platform', 'outcome'] as const,
    registers,
  }),
  storeErrors: new Counter({
    name: 'meetbot_store_errors_total',
    help: 'Store operations that failed (the database was unreachable, full, refused…), by operation.',
    labelNames: ['operation'] as const,
    registers,
  }),
};
