import path from 'node:path';
import type { Clock } from '../core/clock';
import { checkConfig } from './check-config';
import { checkMeet } from './check-meet';
import { type CheckResult, fail, skip } from './check-result';
import { checkSlack } from './check-slack';
import { checkSso } from './check-sso';
import { checkStore } from './check-store';
import { checkTeams } from './check-teams';
import { findProjectRoot } from './teams-manifest';

export interface DoctorDeps {
  env: Record<string, string | undefined>;
  /** Bound on every network wait of one check (default 5 s). */
  timeoutMs?: number;
  /** Microsoft's login endpoint (default https://login.microsoftonline.com); tests pass a fake. */
  loginUrl?: string;
  /** Where manifests/ and build/ are (default: this checkout). */
  projectRoot?: string;
  clock?: Clock;
}

const families = ['store', 'meet', 'slack', 'teams', 'sso'];

/**
 * Runs every check that applies to the settings in `env`, live, and returns one result per check in
 * a fixed order: config, store, meet, slack, teams, sso. Families run side by side (Slack after the
 * store, whose installations it checks); nothing here throws.
 */
export async function runDoctor(deps: DoctorDeps): Promise<CheckResult[]> {
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const { results: configResults, config } = checkConfig(deps.env);
  if (!config) {
    return [...configResults, ...families.map((name) => skip(name, 'not checked: fix the settings above first'))];
  }
  const root = deps.projectRoot ?? findProjectRoot();
  const storeAndSlack = guard('store', async () => {
    const store = await checkStore(config.databaseUrl, {
      timeoutMs,
      readSlackBots: Boolean(config.slack?.oauth),
      clock: deps.clock,
    });
    const slack = await guard('slack', () => checkSlack(config.slack, { timeoutMs, slackBots: store.slackBots }));
    return [...store.results, ...slack];
  });
  const [storeSlack, meet, teams, sso] = await Promise.all([
    storeAndSlack,
    guard('meet', () => checkMeet(config, { timeoutMs, clock: deps.clock })),
    guard('teams', () =>
      checkTeams(config.teams, {
        timeoutMs,
        loginUrl: deps.loginUrl,
        manifestFile: path.join(root, 'manifests', 'teams', 'manifest.json'),
        packageFile: path.join(root, 'build', 'meetbot-teams.zip'),
      }),
    ),
    guard('sso', async () => checkSso(config.sso, deps.env.MEET_SSO_DOMAINS)),
  ]);
  const storeResults = storeSlack.filter((r) => !r.name.startsWith('slack'));
  const slackResults = storeSlack.filter((r) => r.name.startsWith('slack'));
  const results = [...configResults, ...storeResults, ...meet, ...slackResults, ...teams, ...sso];
  return results.map((result) => redact(result, secretsOf(deps.env)));
}

/** A check that throws is a bug in doctor: one failed line for its family, not a crash of the others. */
async function guard(family: string, check: () => Promise<CheckResult[]>): Promise<CheckResult[]> {
  try {
    return await check();
  } catch (error) {
    const e = error as { name?: string; code?: string };
    const what = [e?.name, e?.code].filter(Boolean).join(' ');
    return [
      fail(
        family,
        `doctor could not check it (${what || 'unexpected error'})`,
        'report this with the output of meetbot doctor --json',
      ),
    ];
  }
}

/** The values no line may show, whatever a check or an upstream answer put in it. */
function secretsOf(env: Record<string, string | undefined>): string[] {
  const names = [
    'MEET_CLIENT_SECRET',
    'SLACK_SIGNING_SECRET',
    'SLACK_BOT_TOKEN',
    'SLACK_CLIENT_SECRET',
    'SLACK_STATE_SECRET',
    'SLACK_APP_TOKEN',
    'MICROSOFT_APP_PASSWORD',
  ];
  const values = names.map((name) => env[name]);
  const dbPassword = /^[a-z]+:\/\/[^:/@]*:([^@]*)@/i.exec(env.DATABASE_URL ?? '')?.[1];
  return [...values, dbPassword].filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

function redact(result: CheckResult, secrets: string[]): CheckResult {
  const clean = (text: string) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  return { ...result, message: clean(result.message), ...(result.fix ? { fix: clean(result.fix) } : {}) };
}
