import type { Config } from '../config';
import { botScopes, optionalBotScopes } from '../slack/scopes';
import { type CheckResult, fail, pass, skip, warn } from './check-result';
import { callSlack, type SlackAnswer } from './slack-probe';
import type { StoredSlackBot } from './store-inspection';

export interface SlackCheckDeps {
  timeoutMs: number;
  /** The OAuth install's stored workspaces; undefined when the store could not be read. */
  slackBots?: StoredSlackBot[];
  /** The bot scopes meetbot needs (the manifest's; slack/scopes.ts is kept in step with it by a test). */
  requiredScopes?: readonly string[];
}

const tokenErrors = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/**
 * Slack: the signing secret's shape, the bot token (or every installed workspace's) against
 * `auth.test` with the scopes Slack says it granted, and Socket Mode's app token. Never prints a
 * token or the secret.
 */
export async function checkSlack(slack: Config['slack'], deps: SlackCheckDeps): Promise<CheckResult[]> {
  if (!slack) {
    return [
      skip(
        'slack',
        'Slack is off',
        'to turn it on set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (one workspace) or the SLACK_CLIENT_* variables (OAuth install)',
      ),
    ];
  }
  const required = deps.requiredScopes ?? botScopes;
  const results = [checkSigningSecret(slack.signingSecret)];
  if (slack.oauth) {
    results.push(...(await checkInstallations(slack.apiUrl, deps.slackBots, required, deps.timeoutMs)));
  } else if (slack.botToken) {
    const answer = await callSlack(slack.apiUrl, 'auth.test', slack.botToken, deps.timeoutMs);
    if (answer.ok) {
      results.push(pass('slack.auth', `SLACK_BOT_TOKEN works: ${describeWorkspace(answer.body)}`));
      results.push(checkScopes('slack.scopes', answer.scopes, required, 'Install App > Reinstall to Workspace'));
    } else {
      results.push(
        fail(
          'slack.auth',
          refusal('SLACK_BOT_TOKEN', answer),
          tokenErrors.has(answer.slackError ?? '')
            ? 'copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions; if the app was removed, install it again (Install App)'
            : 'check SLACK_API_URL (default https://slack.com/api/) and that this host reaches slack.com on port 443',
        ),
        skip('slack.scopes', 'not checked: the bot token does not work'),
      );
    }
  }
  if (slack.appToken) results.push(await checkSocketMode(slack.apiUrl, slack.appToken, deps.timeoutMs));
  return results;
}

/** Slack's own refusal, or why there was no answer at all. */
function refusal(what: string, answer: Extract<SlackAnswer, { ok: false }>): string {
  return answer.slackError ? `Slack refused ${what}: ${answer.reason}` : `could not try ${what}: ${answer.reason}`;
}

/** Slack signing secrets are 32 lower-case hex characters; anything else is most likely another credential. */
function checkSigningSecret(secret: string): CheckResult {
  if (/^[0-9a-f]{32}$/.test(secret)) return pass('slack.signing-secret', 'has the shape of a Slack signing secret');
  const looksLike = /^xox[a-z]-|^xapp-/.test(secret) ? ' (it looks like a token)' : '';
  return warn(
    'slack.signing-secret',
    `SLACK_SIGNING_SECRET is not 32 hex characters like Slack's signing secrets${looksLike}: Slack's requests would be refused as "signature mismatch"`,
    'copy Signing Secret from Basic Information > App Credentials (not the Client Secret, not a token)',
  );
}

function describeWorkspace(body: Record<string, unknown>): string {
  const team = typeof body.team === 'string' ? body.team : 'workspace';
  const org = typeof body.enterprise_id === 'string' ? `, org ${body.enterprise_id}` : '';
  const user = typeof body.user === 'string' ? ` as @${body.user}` : '';
  return `${team} (${String(body.team_id ?? '?')}${org})${user}`;
}

function checkScopes(
  name: string,
  granted: string[] | undefined,
  required: readonly string[],
  reinstall: string,
): CheckResult {
  if (!granted) {
    return warn(name, 'Slack did not say which scopes the token has (no x-oauth-scopes header)', 'check SLACK_API_URL');
  }
  const missing = required.filter((scope) => !granted.includes(scope));
  const lost = Object.entries(optionalBotScopes).filter(([scope]) => !granted.includes(scope));
  if (missing.length === 0 && lost.length === 0) {
    return pass(name, `every scope meetbot needs is granted (${required.join(', ')})`);
  }
  if (missing.length === 0) {
    return warn(
      name,
      `the bot token lacks ${lost.map(([scope, what]) => `${scope} (${what})`).join('; ')}`,
      `add them under OAuth & Permissions > Bot Token Scopes (or paste manifests/slack/manifest.json again), then ${reinstall}`,
    );
  }
  return fail(
    name,
    `the bot token lacks ${missing.join(', ')} (granted: ${granted.join(', ') || 'none'})`,
    `add them under OAuth & Permissions > Bot Token Scopes (or paste manifests/slack/manifest.json again), then ${reinstall}`,
  );
}

/** Each stored workspace's bot token, one after the other (an answer per workspace, in a stable order). */
async function checkInstallations(
  apiUrl: string,
  bots: StoredSlackBot[] | undefined,
  required: readonly string[],
  timeoutMs: number,
): Promise<CheckResult[]> {
  if (bots === undefined) {
    return [skip('slack.installations', 'not checked: the store could not be read (see store above)')];
  }
  if (bots.length === 0) {
    return [
      warn(
        'slack.installations',
        'no workspace has installed meetbot yet',
        'open https://YOUR-HOST/slack/install in a browser and allow the app',
      ),
    ];
  }
  const reinstall = 'install again at https://YOUR-HOST/slack/install (Slack asks for the new scopes)';
  const results = [pass('slack.installations', `${bots.length} workspace installation(s) stored`)];
  for (const bot of bots) {
    const name = `slack.install ${bot.label}`;
    if (!bot.botToken) {
      results.push(fail(name, 'the installation has no bot token', reinstall));
      continue;
    }
    const answer: SlackAnswer = await callSlack(apiUrl, 'auth.test', bot.botToken, timeoutMs);
    if (!answer.ok) {
      results.push(
        fail(
          name,
          refusal('its bot token', answer),
          tokenErrors.has(answer.slackError ?? '')
            ? `the workspace removed meetbot or revoked its token: ${reinstall}, or ignore it if they left on purpose`
            : 'check SLACK_API_URL and that this host reaches slack.com on port 443',
        ),
      );
      continue;
    }
    const scopes = checkScopes(name, answer.scopes, required, reinstall);
    results.push(
      scopes.status === 'pass' ? pass(name, `the bot token works and has every scope meetbot needs`) : scopes,
    );
  }
  return results;
}

/** Asks for a Socket Mode URL with the app token, and does not connect to it. */
async function checkSocketMode(apiUrl: string, appToken: string, timeoutMs: number): Promise<CheckResult> {
  const answer = await callSlack(apiUrl, 'apps.connections.open', appToken, timeoutMs);
  if (answer.ok) return pass('slack.socket-mode', 'SLACK_APP_TOKEN may open Socket Mode connections (none kept open)');
  const fixes: Record<string, string> = {
    missing_scope:
      'the app-level token needs the connections:write scope: generate one with it (Basic Information > App-Level Tokens)',
    not_allowed_token_type:
      'SLACK_APP_TOKEN must be an app-level token (xapp-…), from Basic Information > App-Level Tokens',
  };
  return fail(
    'slack.socket-mode',
    refusal('SLACK_APP_TOKEN for Socket Mode', answer),
    fixes[answer.slackError ?? ''] ??
      (tokenErrors.has(answer.slackError ?? '')
        ? 'generate a new app-level token (connections:write) under Basic Information > App-Level Tokens'
        : 'turn Socket Mode on for the app, and check that this host reaches slack.com on port 443'),
  );
}
