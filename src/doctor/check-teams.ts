import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { type CheckResult, fail, pass, skip, warn } from './check-result';
import { describeNetworkFailure, postForm } from './http-probe';
import { appIdPlaceholder, manifestBotIds, readManifest, readPackagedManifest } from './teams-manifest';

/** Microsoft's login endpoint; tests pass a loopback fake. */
export const microsoftLoginUrl = 'https://login.microsoftonline.com';

export interface TeamsCheckDeps {
  timeoutMs: number;
  /** Base URL of the Microsoft identity platform (default `microsoftLoginUrl`). */
  loginUrl?: string;
  /** manifests/teams/manifest.json of this checkout. */
  manifestFile: string;
  /** The package `npm run package:teams` writes (build/meetbot-teams.zip). */
  packageFile: string;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const repackage = (appId: string) =>
  `run MICROSOFT_APP_ID=${appId} npm run package:teams and upload the new build/meetbot-teams.zip in Teams (Apps > Manage your apps > Upload an app, or the Teams admin center)`;

/**
 * Teams: a Bot Framework token for the app id and password from Microsoft's login endpoint (the
 * same client-credentials request botbuilder makes), and the manifest's bot id against
 * MICROSOFT_APP_ID.
 */
type BotTeams = Extract<NonNullable<Config['teams']>, { mode: 'bot' }>;

export async function checkTeams(teams: Config['teams'], deps: TeamsCheckDeps): Promise<CheckResult[]> {
  if (teams?.mode === 'emulator') {
    return [
      warn(
        'teams',
        'TEAMS_EMULATOR=1: Teams answers unauthenticated activities from this machine (the Bot Framework Emulator); Teams itself cannot reach it',
        'for Teams, unset TEAMS_EMULATOR and set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID',
      ),
    ];
  }
  if (!teams) {
    return [
      skip(
        'teams',
        'Teams is off',
        'to turn it on set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (README: Microsoft Teams setup)',
      ),
    ];
  }
  return [await checkToken(teams, deps), ...checkManifests(teams.appId, deps)];
}

async function checkToken(teams: BotTeams, deps: TeamsCheckDeps): Promise<CheckResult> {
  const appId = teams.appId;
  if (teams.appType === 'UserAssignedMSI') {
    return skip(
      'teams.token',
      'a user-assigned managed identity gets its token from Azure itself, which answers only inside Azure: doctor cannot check it from here',
    );
  }
  if (!guid.test(appId)) {
    return fail(
      'teams.token',
      `MICROSOFT_APP_ID "${appId}" is not a GUID`,
      "copy the bot's Microsoft App ID from the Azure Bot resource (Configuration)",
    );
  }
  // A MultiTenant bot gets its token from the Bot Framework's own tenant; the others from theirs.
  const tenant = teams.appType === 'MultiTenant' ? 'botframework.com' : (teams.tenantId ?? '');
  const base = (deps.loginUrl ?? microsoftLoginUrl).replace(/\/+$/, '');
  const url = `${base}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
  let res: Awaited<ReturnType<typeof postForm>>;
  try {
    res = await postForm(
      url,
      {
        grant_type: 'client_credentials',
        client_id: appId,
        client_secret: teams.appPassword ?? '',
        scope: 'https://api.botframework.com/.default',
      },
      { timeoutMs: deps.timeoutMs },
    );
  } catch (error) {
    return fail(
      'teams.token',
      `cannot reach ${base}: ${describeNetworkFailure(error, deps.timeoutMs)}`,
      'let this host reach login.microsoftonline.com on port 443 (firewall, proxy)',
    );
  }
  if (res.status === 200 && typeof res.json?.access_token === 'string') {
    return pass(
      'teams.token',
      `Microsoft issued a Bot Framework token for app ${appId} (${teams.appType}, tenant ${tenant})`,
    );
  }
  return describeRefusal(res.status, res.json, teams, tenant);
}

/** What Microsoft's AADSTS error codes mean for the person fixing the settings. */
function describeRefusal(
  status: number,
  body: Record<string, unknown> | undefined,
  teams: BotTeams,
  tenant: string,
): CheckResult {
  const codes = Array.isArray(body?.error_codes) ? body.error_codes.map(Number) : [];
  const error = typeof body?.error === 'string' ? body.error : `HTTP ${status}`;
  const aadsts = codes.length > 0 ? ` (AADSTS${codes[0]})` : '';
  const newSecret =
    'create a client secret under Certificates & secrets of the app registration and set MICROSOFT_APP_PASSWORD to its Value (not its Secret ID)';
  const known: Array<[number[], string, string]> = [
    [[7000215], 'MICROSOFT_APP_PASSWORD is not a valid client secret of this app', newSecret],
    [[7000222], 'the client secret in MICROSOFT_APP_PASSWORD has expired', newSecret],
    [
      [700016],
      `Microsoft does not know app ${teams.appId} in tenant ${tenant}`,
      teams.appType === 'MultiTenant'
        ? 'check MICROSOFT_APP_ID, and whether the Azure Bot is Single Tenant (then set MICROSOFT_APP_TYPE=SingleTenant and MICROSOFT_APP_TENANT_ID)'
        : 'check MICROSOFT_APP_ID and MICROSOFT_APP_TENANT_ID against the Azure Bot resource (Configuration)',
    ],
    [
      [90002, 900023, 90013],
      `tenant ${tenant} was not found`,
      'set MICROSOFT_APP_TENANT_ID to your Entra ID tenant id (a GUID; Entra ID > Overview)',
    ],
  ];
  if (status >= 500 || status === 429) {
    return fail(
      'teams.token',
      `Microsoft's login endpoint answered HTTP ${status} (${error})`,
      'try again in a few minutes (https://status.azure.com shows outages)',
    );
  }
  const match = known.find(([list]) => list.some((code) => codes.includes(code)));
  if (match) return fail('teams.token', `${match[1]}${aadsts}`, match[2]);
  return fail(
    'teams.token',
    `Microsoft refused the app id and password: ${error}${aadsts}`,
    'check MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID and MICROSOFT_APP_TYPE against the Azure Bot resource',
  );
}

/** The checkout's manifest (a placeholder or the id) and, when there is one, the built package. */
function checkManifests(appId: string, deps: TeamsCheckDeps): CheckResult[] {
  const results: CheckResult[] = [];
  const manifestName = path.relative(path.resolve(deps.manifestFile, '..', '..', '..'), deps.manifestFile);
  if (existsSync(deps.manifestFile)) {
    const ids = safeIds(() => manifestBotIds(readManifest(deps.manifestFile)));
    const wrong = ids.ok ? ids.value.filter((id) => id !== appIdPlaceholder && !sameId(id, appId)) : [];
    if (!ids.ok)
      results.push(fail('teams.manifest', `${manifestName} cannot be read: ${ids.reason}`, 'restore it from git'));
    else if (wrong.length > 0) {
      results.push(
        fail(
          'teams.manifest',
          `${manifestName} names bot ${wrong[0]}, not MICROSOFT_APP_ID ${appId}`,
          `put back ${appIdPlaceholder} (git checkout ${manifestName}), then ${repackage(appId)}`,
        ),
      );
    } else results.push(pass('teams.manifest', `${manifestName} is filled with MICROSOFT_APP_ID when packaged`));
  }
  const packageName = path.join('build', path.basename(deps.packageFile));
  if (!existsSync(deps.packageFile)) {
    results.push(
      skip(
        'teams.package',
        `no ${packageName} here to compare (a package built elsewhere must name bot ${appId})`,
        `to build one: MICROSOFT_APP_ID=${appId} npm run package:teams`,
      ),
    );
    return results;
  }
  const ids = safeIds(() => manifestBotIds(readPackagedManifest(deps.packageFile)));
  if (!ids.ok) {
    results.push(fail('teams.package', `${packageName} cannot be read: ${ids.reason}`, repackage(appId)));
  } else if (ids.value.length === 0 || ids.value.some((id) => !sameId(id, appId))) {
    const other = ids.value.find((id) => !sameId(id, appId)) ?? 'no bot';
    results.push(
      fail(
        'teams.package',
        `${packageName} was built for bot ${other}, not MICROSOFT_APP_ID ${appId}`,
        repackage(appId),
      ),
    );
  } else {
    results.push(
      pass('teams.package', `${packageName} names bot ${appId} (make sure this is the package uploaded to Teams)`),
    );
  }
  return results;
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function safeIds(read: () => string[]): { ok: true; value: string[] } | { ok: false; reason: string } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    // JSON.parse's or adm-zip's message names what is wrong with the file; it holds no secret.
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
