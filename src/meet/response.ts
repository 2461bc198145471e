import type { z } from 'zod';
import { codeOfStatus, MeetApiError, scrubSecrets } from './errors';
import { headerValue, type RawResponse } from './http';
import { parseRetryAfter } from './retry';

export interface CallContext {
  method: string;
  /** The path without its query. */
  path: string;
  /** Literal secrets to blank in anything the API says back (secret, tokens, passcodes); only read on failure. */
  secrets: () => readonly string[];
  /** Epoch ms, to read a Retry-After date. */
  now: () => number;
}

/** The MeetApiError of a non-2xx answer, with the API's own words (cleaned) as `detail`. */
export function errorOfResponse(res: RawResponse, ctx: CallContext): MeetApiError {
  const code = codeOfStatus(res.status);
  const raw = readDetail(res.text);
  const detail = raw ? scrubSecrets(raw, ctx.secrets()) : undefined;
  const retryAfterMs = parseRetryAfter(headerValue(res.headers, 'retry-after'), ctx.now());
  const what = `${ctx.method} ${ctx.path}`;
  const message = `Meet API ${what} answered ${res.status}${detail ? `: ${detail}` : ''}`;
  return new MeetApiError(code, message, { status: res.status, detail, retryAfterMs });
}

/**
 * The error body format is undocumented (the API is ASP.NET): ProblemDetails `detail`/`title`,
 * ASP.NET validation `errors`, a `message`, or plain text are all read.
 */
function readDetail(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    return trimmed.startsWith('<') ? undefined : trimmed;
  }
  if (typeof body === 'string') return body;
  if (typeof body !== 'object' || body === null) return undefined;
  const o = body as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['detail', 'message', 'error_description', 'error', 'title']) {
    if (typeof o[key] === 'string' && o[key]) {
      parts.push(o[key] as string);
      break;
    }
  }
  if (o.errors && typeof o.errors === 'object') {
    for (const [field, msgs] of Object.entries(o.errors as Record<string, unknown>)) {
      parts.push(`${field}: ${Array.isArray(msgs) ? msgs.join(' ') : String(msgs)}`);
    }
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Parses a 2xx body tolerantly: unknown fields are kept, a documented field of the wrong type is an error. */
export function parseBody<S extends z.ZodType>(res: RawResponse, schema: S, ctx: CallContext): z.output<S> {
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    throw invalidResponse(ctx, res.status, 'the body is not JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidResponse(ctx, res.status, describeIssues(parsed.error));
  return parsed.data;
}

function invalidResponse(ctx: CallContext, status: number, why: string): MeetApiError {
  return new MeetApiError(
    'invalid_response',
    `Meet API ${ctx.method} ${ctx.path} answered ${status} with an unexpected body: ${why}`,
    {
      status,
      retryable: false,
    },
  );
}

/**
 * Names the fields and what is wrong with them, never the values (which could be passcodes).
 * zod's own messages say what was expected, not what was received.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${formatPath(issue.path) || '(the body)'}: ${issue.message}`)
    .join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
