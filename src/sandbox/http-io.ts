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

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const isProblem =
    reply.status >= 400 && typeof reply.body === 'object' && reply.body !== null && 'title' in reply.body;
  headers['content-type'] ??= isProblem ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}
