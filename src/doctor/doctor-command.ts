import type { CliIo } from '../cli/args';
import { takeFlag } from '../cli/args';
import { doctorExitCode } from './check-result';
import { renderDoctor } from './render-doctor';
import { type DoctorDeps, runDoctor } from './run-doctor';

export const doctorUsage = 'usage: meetbot doctor [--json]';

/**
 * `meetbot doctor [--json]`: every check, one line each (or the results array as JSON). Exit 0 when
 * nothing failed (warnings allowed), 1 when a check failed, 2 for bad usage.
 */
export async function runDoctorCli(args: string[], deps: DoctorDeps & { io: CliIo }): Promise<number> {
  const rest = [...args];
  const json = takeFlag(rest, 'json');
  if (rest.length > 0) {
    deps.io.err(`meetbot doctor: unexpected "${rest[0]}"\n${doctorUsage}`);
    return 2;
  }
  const results = await runDoctor(deps);
  deps.io.out(json ? JSON.stringify(results, null, 2) : renderDoctor(results));
  return doctorExitCode(results);
}
