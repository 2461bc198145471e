/** What a route answers; server.ts writes it. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusTitle(status: number): string {
  return titles[status] ?? `HTTP ${status}`;
}

/** An RFC 7807 ProblemDetails body, the shape ASP.NET answers errors with. */
export function problemBody(status: number, detail?: string): Record<string, unknown> {
  return { type: 'about:blank', title: statusTitle(status), status, ...(detail ? { detail } : {}) };
}

export function problem(status: number, detail?: string, headers?: Record<string, string>): Reply {
  return { status, body: problemBody(status, detail), headers };
}

export function badRequest(detail: string): Reply {
  return problem(400, detail);
}

export function notFound(detail: string): Reply {
  return problem(404, detail);
}
