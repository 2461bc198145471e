/**
 * What a secret looks like, for the ones no one registered (a token of another workspace, a
 * library's request body): Slack tokens, JWTs (Meet API and Bot Framework tokens), `Bearer …`,
 * and the value after a secret's name in `name=value`, `"name":"value"` (also as JSON inside a
 * logged string: `\"name\":\"value\"`) and `name: value`.
 *
 * Linear time by construction: each alternative starts with a literal and, after at most a few
 * bounded characters, only has greedy runs that always succeed, so no match backtracks across a
 * run and no start position is scanned twice.
 */

const names = [
  'client_secret',
  'clientSecret',
  'client_assertion',
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'id_token',
  'bot_token',
  'botToken',
  'app_token',
  'appToken',
  'signing_secret',
  'signingSecret',
  'state_secret',
  'stateSecret',
  'MicrosoftAppPassword',
  'appPassword',
  'password',
  'guestPasscode',
  'passcode',
  'condition',
  'token',
];

const shapes = new RegExp(
  [
    // 1. Slack tokens: bot, user, app-level, refresh, configuration (Slack documents these prefixes),
    //    and a workflow step's execution token (`bot_access_token` of function_executed).
    '(xox[abposre]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|xwfp-[A-Za-z0-9-]+)',
    // 2. JWTs: the header is base64 of `{"`, so `eyJ`; the three parts, whatever follows.
    String.raw`(eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,2})`,
    // 3. A bearer token in a header or a message.
    String.raw`\b[Bb]earer\s+([A-Za-z0-9._~+/=-]{8,})`,
    // 4. The value of a named secret.
    String.raw`(?:${names.join('|')})(?:=|\\*"\s*:\s*\\*"|:\s+)([^&"\\\s,;]+)`,
  ].join('|'),
  'dg',
);

/** Calls `found(start, end)` for the secret part of each match at or after `from`. */
export function findSecretShapes(text: string, from: number, found: (start: number, end: number) => void): void {
  shapes.lastIndex = from;
  for (let match = shapes.exec(text); match; match = shapes.exec(text)) {
    const indices = match.indices;
    if (!indices) continue;
    for (let group = 1; group < indices.length; group++) {
      const span = indices[group];
      if (span) {
        found(span[0], span[1]);
        break;
      }
    }
  }
}
