import { isMeetApiError } from '../meet/errors';
import { metrics } from './metrics';

/** `GET /v1/usage/{tenant}`: the route of a call, so a label never holds a tenant or an id. */
export function meetApiOperation(method: string, path: string): string {
  const route = path
    .replace(/^\/v1\/(usage|feedbacks)\/[^/]+$/, '/v1/$1/{tenant}')
    .replace(/^\/v1\/addonConfigurations\/[^/]+$/, '/v1/addonConfigurations/{id}');
  return `${method} ${route}`;
}

/** One finished Meet API call: its outcome (the last HTTP status, or the error's kind) and how long it took. */
export function recordMeetApiCall(
  method: string,
  path: string,
  result: { status?: number; error?: unknown },
  seconds: number,
) {
  const operation = meetApiOperation(method, path);
  const error = result.error;
  const status =
    result.status !== undefined
      ? String(result.status)
      : isMeetApiError(error)
        ? error.status !== undefined
          ? String(error.status)
          : error.code
        : 'error';
  metrics.meetApiRequests.inc({ operation, status });
  metrics.meetApiSeconds.observe({ operation }, seconds);
}
