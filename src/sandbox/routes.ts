import {
  createAddonConfiguration,
  deleteAddonConfiguration,
  getAddonConfiguration,
  listAddonConfigurations,
  updateAddonConfiguration,
} from './addon-configurations';
import { createMeeting } from './meetings';
import type { Reply } from './problem';
import { getFeedbacks, getUsage } from './reports';
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

const configs = /^\/v1\/addonConfigurations$/i;
const config = /^\/v1\/addonConfigurations\/([^/]+)$/i;

export function createRoutes(state: SandboxState, tokens: TokenStore): SandboxRoute[] {
  return [
    { method: 'POST', pattern: /^\/v1\/token$/i, auth: false, handle: ({ body }) => tokens.exchange(body) },
    { method: 'POST', pattern: /^\/v1\/meetings$/i, auth: true, handle: ({ body }) => createMeeting(state, body) },
    { method: 'GET', pattern: configs, auth: true, handle: () => listAddonConfigurations(state) },
    { method: 'POST', pattern: configs, auth: true, handle: ({ body }) => createAddonConfiguration(state, body) },
    { method: 'GET', pattern: config, auth: true, handle: ({ params }) => getAddonConfiguration(state, params[0]!) },
    {
      method: 'PUT',
      pattern: config,
      auth: true,
      handle: ({ params, body }) => updateAddonConfiguration(state, params[0]!, body),
    },
    {
      method: 'DELETE',
      pattern: config,
      auth: true,
      handle: ({ params }) => deleteAddonConfiguration(state, params[0]!),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/usage(?:\/([^/]+))?$/i,
      auth: true,
      handle: ({ params, query }) => getUsage(state, params[0], query),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/feedbacks(?:\/([^/]+))?$/i,
      auth: true,
      handle: ({ params, query }) => getFeedbacks(state, params[0], query),
    },
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
    return {
      kind: 'found',
      route,
      params: m.slice(1).map((p) => (p === undefined ? p : decodeURIComponent(p))) as string[],
    };
  }
  return allow.length > 0 ? { kind: 'wrong-method', allow } : { kind: 'none' };
}
