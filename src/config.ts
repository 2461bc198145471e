import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { SsoProvider, SsoSettings } from './core/people';
import { defaultReminderMinutes } from './core/plan-schedule';

/**
 * The one reader of the environment. Every variable of ../shared/design/running.md, validated
 * once at start; `loadConfig` returns every problem at once so an operator fixes them in one go.
 */

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const ssoProvider = z.enum(['google', 'microsoft']);

const ssoDomains = z
  .string()
  .transform((raw, ctx) => {
    const domains: Record<string, SsoProvider> = {};
    for (const part of raw.split(',').map((p) => p.trim())) {
      if (!part) continue;
      const match = /^([a-z0-9.-]+\.[a-z]{2,})=(google|microsoft)$/i.exec(part);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not DOMAIN=google or DOMAIN=microsoft` });
        return z.NEVER;
      }
      domains[match[1].toLowerCase()] = match[2].toLowerCase() as SsoProvider;
    }
    return domains;
  })
  .optional();

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978).describe('a port number, e.g. 3978'),
  HOST: z.string().min(1).default('0.0.0.0').describe('an interface address, e.g. 0.0.0.0 or 127.0.0.1'),
  MEET_API_URL: z.url().default('https://api.meet.rs').describe('an http(s) URL, e.g. https://api.meet.rs'),
  MEET_CLIENT_KEY: optionalString.describe('the API key from Meet Pro > Settings > Company profile'),
  MEET_CLIENT_SECRET: optionalString.describe('the API secret that goes with MEET_CLIENT_KEY'),
  MEET_ORGANIZER_EMAIL: z
    .preprocess((v) => (v === '' ? undefined : v), z.email().optional())
    .describe('the email the CLI creates Meets as, e.g. you@acme.com'),
  SLACK_SIGNING_SECRET: optionalString.describe("the app's Signing Secret (Basic Information page)"),
  SLACK_BOT_TOKEN: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().startsWith('xoxb-').optional())
    .describe('a bot token starting with xoxb-'),
  SLACK_CLIENT_ID: optionalString.describe("the app's Client ID"),
  SLACK_CLIENT_SECRET: optionalString.describe("the app's Client Secret"),
  SLACK_STATE_SECRET: optionalString.describe('any long random string'),
  SLACK_APP_TOKEN: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().startsWith('xapp-').optional())
    .describe('an app-level token starting with xapp-'),
  SLACK_API_URL: z.url().default('https://slack.com/api/').describe('an http(s) URL ending in /api/'),
  MICROSOFT_APP_ID: optionalString.describe("the bot's Microsoft App ID (a GUID)"),
  MICROSOFT_APP_PASSWORD: optionalString.describe("the bot's client secret"),
  MICROSOFT_APP_TENANT_ID: optionalString.describe('your Entra ID tenant id (a GUID)'),
  MICROSOFT_APP_TYPE: z
    .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'])
    .default('SingleTenant')
    .describe('SingleTenant, MultiTenant or UserAssignedMSI'),
  TEAMS_EMULATOR: z
    .preprocess((v) => (v === '' || v === '0' ? undefined : v), z.literal('1').optional())
    .describe('1 (local Bot Framework Emulator mode, without MICROSOFT_APP_ID) or unset'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/)
    .default('sqlite:./data/meetbot.db')
    .describe('sqlite:PATH, sqlite::memory: or postgres://user@host:5432/db'),
  MEET_SSO_PROVIDER: z
    .preprocess((v) => (v === '' ? undefined : typeof v === 'string' ? v.toLowerCase() : v), ssoProvider.optional())
    .describe('google or microsoft'),
  MEET_SSO_DOMAINS: ssoDomains.describe('DOMAIN=PROVIDER pairs, e.g. acme.com=microsoft,acme.io=google'),
  DIGEST_TIME_ZONE: z.string().refine(isTimeZone).default('UTC').describe('an IANA time zone, e.g. Europe/Berlin'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info').describe('debug, info, warn or error'),
  METRICS_PORT: z
    .preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(65535).optional())
    .describe('a port for GET /metrics, e.g. 9464 (unset: no metrics listener)'),
  METRICS_HOST: z.string().min(1).default('127.0.0.1').describe("the metrics listener's interface, e.g. 127.0.0.1"),
  MEET_SANDBOX_SPEED: z.coerce
    .number()
    .positive()
    .max(3600)
    .default(60)
    .describe('how fast Meets in the embedded sandbox live: 1 is real time, 60 (the default) a minute a second'),
  MEET_STATUS_POLL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(60)
    .describe('seconds between status checks of Meets created from chat, 0 to turn it off (at most 3600)'),
  MEET_REMINDER_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1440)
    .default(defaultReminderMinutes)
    .describe('minutes before a Meet for later that its channel is reminded, 0 for no reminder (at most 1440)'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  meet: { apiUrl: string; clientKey?: string; clientSecret?: string; organizerEmail?: string };
  /** No credentials: the embedded sandbox stands in for the Meet API. */
  useSandbox: boolean;
  /** How fast Meets in the embedded sandbox live (minutes per minute). */
  sandboxSpeed: number;
  slack?: {
    signingSecret: string;
    botToken?: string;
    oauth?: { clientId: string; clientSecret: string; stateSecret: string };
    appToken?: string;
    apiUrl: string;
  };
  /** Unset: Teams is off (no MICROSOFT_APP_ID and no TEAMS_EMULATOR=1), `/api/messages` refuses everything. */
  teams?: TeamsConfig;
  databaseUrl: string;
  sso: SsoSettings;
  digestTimeZone: string;
  logLevel: Env['LOG_LEVEL'];
  /** 0: the watcher is off. */
  statusPollSeconds: number;
  /** Prometheus metrics on their own listener; absent: none. */
  metrics?: { port: number; host: string };
  /** The reminder lead of Meets for later unless `remind:` says otherwise; 0: none by default. */
  reminderMinutes: number;
}

/** How `/api/messages` authenticates activities (README "Security"). */
export type TeamsConfig =
  /** Production: every activity carries a Bot Framework token issued for this app id. */
  | {
      mode: 'bot';
      appId: string;
      appPassword?: string;
      tenantId?: string;
      appType: Env['MICROSOFT_APP_TYPE'];
    }
  /** TEAMS_EMULATOR=1: unauthenticated activities from this machine only, replies to loopback only. */
  | { mode: 'emulator' };

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Validates the environment; the message names every bad variable and what it should look like. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      const shape = envSchema.shape[name as keyof Env]?.description;
      const got = env[name] === undefined ? 'unset' : 'invalid';
      const detail = issue.code === 'custom' && issue.message ? ` (${issue.message})` : '';
      problems.push(`${name} is ${got}${detail}: expected ${shape ?? issue.message}`);
    }
    return { ok: false, message: formatProblems(problems) };
  }
  const e = parsed.data;
  if (Boolean(e.MEET_CLIENT_KEY) !== Boolean(e.MEET_CLIENT_SECRET)) {
    problems.push(
      'MEET_CLIENT_KEY and MEET_CLIENT_SECRET go together: set both (real Meet API) or neither (embedded sandbox)',
    );
  }
  const slackVars = [
    e.SLACK_BOT_TOKEN,
    e.SLACK_CLIENT_ID,
    e.SLACK_CLIENT_SECRET,
    e.SLACK_STATE_SECRET,
    e.SLACK_APP_TOKEN,
  ];
  if (slackVars.some(Boolean) && !e.SLACK_SIGNING_SECRET) {
    problems.push("SLACK_SIGNING_SECRET is unset: expected the app's Signing Secret (Basic Information page)");
  }
  const oauthVars = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  if (oauthVars.some(Boolean) && !oauthVars.every(Boolean)) {
    problems.push('SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together for the OAuth install');
  }
  if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN && !oauthVars.every(Boolean)) {
    problems.push(
      'Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth install)',
    );
  }
  if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN) {
    problems.push('SLACK_APP_TOKEN (Socket Mode) needs SLACK_BOT_TOKEN: Socket Mode serves one workspace');
  }
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD) {
    problems.push("MICROSOFT_APP_PASSWORD is unset: expected the bot's client secret (needed with MICROSOFT_APP_ID)");
  }
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE !== 'MultiTenant' && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push(
      `MICROSOFT_APP_TENANT_ID is unset: expected your Entra ID tenant id (needed with MICROSOFT_APP_TYPE=${e.MICROSOFT_APP_TYPE})`,
    );
  }
  if (e.TEAMS_EMULATOR && e.MICROSOFT_APP_ID) {
    problems.push(
      'TEAMS_EMULATOR=1 and MICROSOFT_APP_ID exclude each other: the Emulator mode is for local work without an app id; unset one of them',
    );
  }
  if (problems.length > 0) return { ok: false, message: formatProblems(problems) };

  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      meet: {
        apiUrl: e.MEET_API_URL,
        clientKey: e.MEET_CLIENT_KEY,
        clientSecret: e.MEET_CLIENT_SECRET,
        organizerEmail: e.MEET_ORGANIZER_EMAIL,
      },
      useSandbox: !e.MEET_CLIENT_KEY && !e.MEET_CLIENT_SECRET,
      sandboxSpeed: e.MEET_SANDBOX_SPEED,
      slack: e.SLACK_SIGNING_SECRET
        ? {
            signingSecret: e.SLACK_SIGNING_SECRET,
            botToken: e.SLACK_BOT_TOKEN,
            oauth:
              e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
                ? {
                    clientId: e.SLACK_CLIENT_ID,
                    clientSecret: e.SLACK_CLIENT_SECRET,
                    stateSecret: e.SLACK_STATE_SECRET,
                  }
                : undefined,
            appToken: e.SLACK_APP_TOKEN,
            apiUrl: e.SLACK_API_URL,
          }
        : undefined,
      teams: e.MICROSOFT_APP_ID
        ? {
            mode: 'bot',
            appId: e.MICROSOFT_APP_ID,
            appPassword: e.MICROSOFT_APP_PASSWORD,
            tenantId: e.MICROSOFT_APP_TENANT_ID,
            appType: e.MICROSOFT_APP_TYPE,
          }
        : e.TEAMS_EMULATOR
          ? { mode: 'emulator' }
          : undefined,
      databaseUrl: e.DATABASE_URL,
      sso: { defaultProvider: e.MEET_SSO_PROVIDER, domains: e.MEET_SSO_DOMAINS ?? {} },
      digestTimeZone: e.DIGEST_TIME_ZONE,
      logLevel: e.LOG_LEVEL,
      statusPollSeconds: e.MEET_STATUS_POLL_SECONDS,
      ...(e.METRICS_PORT === undefined ? {} : { metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST } }),
      reminderMinutes: e.MEET_REMINDER_MINUTES,
    },
  };
}

function formatProblems(problems: string[]): string {
  return `meetbot cannot start; fix these settings (environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}

/**
 * The process environment, after loading `.env` from the working directory when there is one
 * (variables already set win). The only place that touches `process.env`.
 */
export function readEnvironment(envFile = '.env'): Record<string, string | undefined> {
  if (existsSync(envFile)) {
    // Node ≥ 20.12: does not override variables that are already set.
    process.loadEnvFile(envFile);
  }
  return { ...process.env };
}
