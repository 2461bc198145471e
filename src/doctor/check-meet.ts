import type { Config } from '../config';
import { type Clock, systemClock } from '../core/clock';
import { createMeetClient } from '../meet/client';
import { isMeetApiError } from '../meet/errors';
import { type CheckResult, fail, pass, skip, warn } from './check-result';
import { formatTimeout } from './http-probe';

const credentialsFix =
  'copy MEET_CLIENT_KEY and MEET_CLIENT_SECRET again from Meet Pro > Settings > Company profile, and check that MEET_API_URL is the API they belong to';

/**
 * The Meet API with meetbot's own credentials: a token, the addon configurations and the usage
 * report of the last day, each once (no retries) within `timeoutMs`.
 */
export async function checkMeet(config: Config, deps: { timeoutMs: number; clock?: Clock }): Promise<CheckResult[]> {
  const { clientKey, clientSecret, apiUrl } = config.meet;
  if (config.useSandbox || !clientKey || !clientSecret) {
    // A warning, not a failure: a laptop trying meetbot is set up right, but a company deployment
    // on the sandbox creates Meets nobody can join, and its reports are invented.
    return [
      warn(
        'meet',
        'no MEET_CLIENT_KEY/MEET_CLIENT_SECRET: meetbot uses its embedded Meet sandbox (demo data; its Meets do not open real meetings)',
        'for real Meets set MEET_CLIENT_KEY and MEET_CLIENT_SECRET (Meet Pro > Settings > Company profile)',
      ),
    ];
  }
  const t = deps.timeoutMs;
  const meet = createMeetClient({
    baseUrl: apiUrl,
    clientKey,
    clientSecret,
    timeouts: { connectMs: t, headersMs: t, bodyMs: t },
    retry: { maxAttempts: 1 },
  });
  const signal = () => AbortSignal.timeout(t);
  try {
    try {
      await meet.checkToken({ signal: signal() });
    } catch (error) {
      return [
        fail('meet.token', `the Meet API at ${apiUrl} gave no token: ${describe(error, t)}`, fixFor(error)),
        skip('meet.addon-configurations', 'not checked: no token'),
        skip('meet.usage', 'not checked: no token'),
      ];
    }
    const results = [pass('meet.token', `the Meet API at ${apiUrl} accepts the key and secret`)];
    try {
      const configs = await meet.listAddonConfigurations({ signal: signal() });
      results.push(pass('meet.addon-configurations', `${configs.length} addon configurations readable`));
    } catch (error) {
      results.push(fail('meet.addon-configurations', `cannot read them: ${describe(error, t)}`, fixFor(error)));
    }
    const now = (deps.clock ?? systemClock)();
    const from = new Date(now.getTime() - 24 * 3600_000).toISOString();
    try {
      const usage = await meet.getUsage({ from, to: now.toISOString() }, { signal: signal() });
      results.push(pass('meet.usage', `the usage report is readable (${usage.length} records in the last 24 hours)`));
    } catch (error) {
      results.push(fail('meet.usage', `cannot read it: ${describe(error, t)}`, fixFor(error)));
    }
    return results;
  } finally {
    await meet.close();
  }
}

/** MeetApiError messages are written for operators and carry no secret. */
function describe(error: unknown, timeoutMs: number): string {
  if (!isMeetApiError(error)) return 'unexpected error';
  // Doctor's own deadline surfaces as "cancelled by its caller": say what it means here.
  if (error.code === 'timeout') return `no answer within ${formatTimeout(timeoutMs)}`;
  return error.message.replace(/\s+/g, ' ');
}

function fixFor(error: unknown): string {
  if (!isMeetApiError(error)) return 'run with LOG_LEVEL=debug meetbot configs to see more';
  switch (error.code) {
    case 'unauthorized':
      return error.status === 403
        ? 'the key lacks this permission: use a key of a Meet Pro admin (Meet Pro > Settings > Company profile)'
        : credentialsFix;
    case 'network':
    case 'timeout':
      return 'check MEET_API_URL, DNS, and that a firewall or proxy lets this host reach it';
    case 'not_found':
    case 'invalid_response':
      return 'MEET_API_URL does not look like the Meet API: use its base URL, e.g. https://api.meet.rs';
    case 'rate_limited':
    case 'server_error':
      return 'the Meet API has trouble right now: try again in a few minutes (meetbot retries by itself)';
    default:
      return 'run LOG_LEVEL=debug meetbot configs to see the Meet API call in full';
  }
}
