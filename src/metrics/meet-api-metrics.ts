import { isMeetApiError } from '../meet/errors';
import { flushBeforeRead, metrics } from './metrics';

/*
 * Why Meet API calls are handed to prom-client in batches: counting a call (a counter and a
 * histogram, each hashing its labels) cost about 0.8 µs in a loop of its own but 3 to 4 µs between
 * two HTTP exchanges, its data out of the CPU's caches by then: a third of the Meet client's cost
 * over bare undici in `npm run bench -- meet-client`. Kept in three arrays and handed over 256 at a
 * time, the same prom-client calls run warm. Nothing is lost or late to a reader: every read of
 * either metric (a scrape, a test) hands over what is pending first.
 */
const batchSize = 256;
const operations: string[] = [];
const statuses: string[] = [];
const durations: number[] = [];

function handOver(): void {
  for (let i = 0; i < operations.length; i++) {
    metrics.meetApiRequests.inc({ operation: operations[i], status: statuses[i] });
    metrics.meetApiSeconds.observe({ operation: operations[i] }, durations[i]);
  }
  operations.length = 0;
  statuses.length = 0;
  durations.length = 0;
}
flushBeforeRead(handOver);

/** One finished Meet API call: its outcome (the last HTTP status, or the error's kind) and how long it took. `route` names the variable parts of the path (`/v1/usage/{tenant}`), so a label never holds a tenant or an id. */
export function recordMeetApiCall(
  method: string,
  route: string,
  result: { status?: number; error?: unknown },
  seconds: number,
) {
  const error = result.error;
  const status =
    result.status !== undefined
      ? String(result.status)
      : isMeetApiError(error)
        ? error.status !== undefined
          ? String(error.status)
          : error.code
        : 'error';
  operations.push(`${method} ${route}`);
  statuses.push(status);
  durations.push(seconds);
  if (operations.length >= batchSize) handOver();
}
