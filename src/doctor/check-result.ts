/**
 * What `meetbot doctor` reports: one result per check, as plain data. `fail` makes doctor exit 1;
 * `warn` is worth reading but meetbot works; `skip` is a part that is not configured (or could not
 * be checked because an earlier check failed), never a failure by itself.
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  /** Dotted family and check, e.g. `store.migrations`, `slack.auth`. */
  name: string;
  status: CheckStatus;
  /** What was found, in one sentence; never a secret. */
  message: string;
  /** What to do about it (warn and fail; sometimes skip). */
  fix?: string;
}

export const pass = (name: string, message: string): CheckResult => ({ name, status: 'pass', message });

export const warn = (name: string, message: string, fix?: string): CheckResult => ({
  name,
  status: 'warn',
  message,
  ...(fix ? { fix } : {}),
});

export const fail = (name: string, message: string, fix?: string): CheckResult => ({
  name,
  status: 'fail',
  message,
  ...(fix ? { fix } : {}),
});

export const skip = (name: string, message: string, fix?: string): CheckResult => ({
  name,
  status: 'skip',
  message,
  ...(fix ? { fix } : {}),
});

/** Exit status of `meetbot doctor`: 0 unless a check failed (warnings allowed). */
export function doctorExitCode(results: readonly CheckResult[]): 0 | 1 {
  return results.some((r) => r.status === 'fail') ? 1 : 0;
}
