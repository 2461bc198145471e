import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '../http-route';
import type { Logger } from '../logger';

/** How to turn Teams on: in the start line, and in what `/api/messages` answers while it is off. */
export const teamsOnHint =
  'set MICROSOFT_APP_ID (with MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID) to turn it on, or TEAMS_EMULATOR=1 for the local Bot Framework Emulator';

const teamsOffMessage = `Teams is off: ${teamsOnHint}`;

/**
 * `POST /api/messages` while Teams is off (no MICROSOFT_APP_ID, no TEAMS_EMULATOR=1): every activity
 * is refused unread, so that an operator who points the Emulator or Azure here sees why. botbuilder
 * is not loaded at all in this mode (src/app.ts loads ./app only when Teams is on).
 */
export function createTeamsOffRoute(logger: Logger): Route {
  return {
    method: 'POST',
    path: '/api/messages',
    handle(req: IncomingMessage, res: ServerResponse) {
      logger.warn({ remote: req.socket.remoteAddress }, `teams: refused an activity: ${teamsOffMessage}`);
      req.resume();
      const text = JSON.stringify({ error: teamsOffMessage });
      res.writeHead(403, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    },
  };
}
