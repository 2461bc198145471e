import { type Config, envSchema, loadConfig } from '../config';
import { suggest } from '../core/did-you-mean';
import { type CheckResult, fail, pass, warn } from './check-result';

const settingsFix = 'fix it in the environment or in .env (empty values count as unset)';

/**
 * The settings, validated by the server's own `loadConfig`: one `fail` per problem it names, or
 * one `pass` saying what is turned on. Near misses of setting names (`SLACK_BOT_TOKN`) are warned
 * about, since a misspelt variable is silently ignored.
 */
export function checkConfig(env: Record<string, string | undefined>): { results: CheckResult[]; config?: Config } {
  const loaded = loadConfig(env);
  const results = misspeltSettings(env);
  if (!loaded.ok) {
    results.unshift(...splitProblems(loaded.message).map((problem) => fail('config', problem, settingsFix)));
    return { results };
  }
  results.unshift(pass('config', `every setting is valid; ${describeConfig(loaded.config)}`));
  return { results, config: loaded.config };
}

/** `loadConfig`'s message is a heading and one `  - problem` line per problem. */
function splitProblems(message: string): string[] {
  const problems = message
    .split('\n')
    .map((line) => /^\s+- (.+)$/.exec(line)?.[1])
    .filter((line): line is string => Boolean(line));
  return problems.length > 0 ? problems : [message];
}

function describeConfig(config: Config): string {
  const meet = config.useSandbox ? 'Meet API: the embedded sandbox' : `Meet API: ${config.meet.apiUrl}`;
  const store = config.databaseUrl.startsWith('sqlite:') ? 'store: SQLite' : 'store: PostgreSQL';
  const slack = !config.slack
    ? 'Slack: off'
    : config.slack.appToken
      ? 'Slack: Socket Mode'
      : config.slack.oauth
        ? 'Slack: OAuth install (many workspaces)'
        : 'Slack: one workspace';
  const teams = !config.teams
    ? 'Teams: off'
    : config.teams.mode === 'emulator'
      ? 'Teams: local Emulator mode'
      : `Teams: on (${config.teams.appType})`;
  return [meet, store, slack, teams].join(', ');
}

const ourPrefixes = /^(MEET|SLACK|MICROSOFT|TEAMS|DIGEST|METRICS|DATABASE)_/;

function misspeltSettings(env: Record<string, string | undefined>): CheckResult[] {
  const known = Object.keys(envSchema.shape);
  const lowerKnown = known.map((name) => name.toLowerCase());
  const results: CheckResult[] = [];
  for (const name of Object.keys(env).sort()) {
    if (known.includes(name) || !ourPrefixes.test(name) || env[name] === '') continue;
    const near = suggest(name, lowerKnown);
    if (!near) continue;
    const meant = known[lowerKnown.indexOf(near)];
    results.push(
      warn('config', `${name} is not a meetbot setting, so it is ignored`, `did you mean ${meant}? Rename it`),
    );
  }
  return results;
}
