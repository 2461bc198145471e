import { describeNetworkFailure, postForm } from './http-probe';

/** What one Slack Web API call told doctor. */
export type SlackAnswer =
  | {
      ok: true;
      body: Record<string, unknown>;
      /** The token's granted scopes (`x-oauth-scopes`); undefined when Slack did not send the header. */
      scopes?: string[];
    }
  /** `reason` is Slack's error code (`invalid_auth`), an HTTP status, or why there was no answer. */
  | { ok: false; reason: string; slackError?: string };

/**
 * Calls one Slack Web API method with `token`, once, within `timeoutMs`. Never throws: doctor turns
 * every outcome into a line. The token is sent as a header and never appears in what is returned.
 */
export async function callSlack(
  apiUrl: string,
  method: string,
  token: string,
  timeoutMs: number,
): Promise<SlackAnswer> {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  try {
    const res = await postForm(`${base}${method}`, {}, { timeoutMs, headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) return { ok: false, reason: `Slack answered HTTP ${res.status}` };
    if (!res.json) return { ok: false, reason: 'the answer was not JSON: is SLACK_API_URL the Slack Web API?' };
    if (res.json.ok !== true) {
      const slackError = typeof res.json.error === 'string' ? res.json.error : 'unknown_error';
      return { ok: false, reason: slackError, slackError };
    }
    const header = res.headers['x-oauth-scopes'];
    const scopes =
      typeof header === 'string'
        ? header
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
    return { ok: true, body: res.json, scopes };
  } catch (error) {
    return { ok: false, reason: `cannot reach ${base}: ${describeNetworkFailure(error, timeoutMs)}` };
  }
}
