import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * An endpoint that an adapter (slack/, teams/) mounts on the one HTTP server (server.ts).
 * `path` is matched exactly against the request path, without the query string.
 */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}
