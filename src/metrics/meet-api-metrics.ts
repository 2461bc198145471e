import { isMeetApiError } from '../meet/errors';
import { metrics } from './metrics';

/** One finished Meet API call: its outcome (the last HTTP status, or the error's kind) and how long it took. `route` names the variable parts of the path (`/v1/usage/{tenant}`), so a label never holds a tenant or an id. */
export function recordMeetApiCall(
  method: string,
  route: string,
  result: { status?: number; error?: unknown },
  seconds: number,
) {
  const operation = `${method} ${route}`;
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
