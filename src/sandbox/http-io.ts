import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './problem';

/** Bodies over this are answered 413. */
export const maxBodyBytes = 1024 * 1024;

export type BodyRead =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid'; text: string }
  | { kind: 'too-large' };

export async function readBody(req: IncomingMessage): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep draining past the limit so the client gets the 413 instead of a reset.
    if (size <= maxBodyBytes) chunks.push(chunk as Buffer);
  }
  if (size > maxBodyBytes) return { kind: 'too-large' };
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return { kind: 'invalid', text };
  }
}

export function redactSecret(path: string, body: unknown): unknown {
  if (!/^\/v1\/token\/?$/i.test(path) || typeof body !== 'object' || body === null || !('client_secret' in body)) {
    return body;
  }
  return { ...body, client_secret: '[redacted]' };
}

/**
 * Writes a reply: JSON, or ProblemDetails JSON for errors. A string body under a non-JSON
 * content-type (a fault imitating a proxy's HTML error page) is written as it is.
 */
export function send(res: ServerResponse, reply: Reply): void {
  const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const contentType = headers['content-type'];
  if (typeof reply.body === 'string' && contentType !== undefined && !/json/i.test(contentType)) {
    res.writeHead(reply.status, headers).end(reply.body);
    return;
  }
  const isProblem =
    reply.status >= 400 && typeof reply.body === 'object' && reply.body !== null && 'title' in reply.body;
  headers['content-type'] ??= isProblem ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}
