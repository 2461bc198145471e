import { createMeeting } from './meetings';
import type { Reply } from './problem';
import type { SandboxState } from './state';
import type { TokenStore } from './tokens';

export interface RouteContext {
  body: unknown;
  query: Record<string, string>;
  /** The path's captured segments, URI-decoded. */
  params: string[];
}

export interface SandboxRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Matched case-insensitively, like ASP.NET routes. */
  pattern: RegExp;
  /** Needs a valid bearer token. */
  auth: boolean;
  handle(context: RouteContext): Reply;
}

export function createRoutes(state: SandboxState, tokens: TokenStore): SandboxRoute[] {
  return [
    { method: 'POST', pattern: /^\/v1\/token$/i, auth: false, handle: ({ body }) => tokens.exchange(body) },
    { method: 'POST', pattern: /^\/v1\/meetings$/i, auth: true, handle: ({ body }) => createMeeting(state, body) },
  ];
}

export type RouteMatch =
  | { kind: 'found'; route: SandboxRoute; params: string[] }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'none' };

export function matchRoute(routes: SandboxRoute[], method: string, path: string): RouteMatch {
  const allow: string[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.method !== method) {
      allow.push(route.method);
      continue;
    }
    return { kind: 'found', route, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return allow.length > 0 ? { kind: 'wrong-method', allow } : { kind: 'none' };
}
