import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTeams } from '../../src/doctor/check-teams';
import { runDoctor } from '../../src/doctor/run-doctor';
import { type FakeMicrosoftLogin, startFakeMicrosoftLogin } from '../fixtures/fake-microsoft-login';

const { packageTeamsApp } = require('../../scripts/package-teams.js') as {
  packageTeamsApp(options: { appId?: string; outFile: string }): Record<string, unknown>;
};

const appId = '3c5e9b1a-4f2d-4e8a-9b7c-1d2e3f4a5b6c';
const otherId = '00000000-1111-4222-8333-444444444444';
const tenant = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const password = 'Teams~Secret.Value_123';
const repoManifests = join(__dirname, '..', '..', 'manifests', 'teams');

describe('doctor: Teams', () => {
  let login: FakeMicrosoftLogin;
  let root: string;
  const deps = () => ({
    timeoutMs: 5_000,
    loginUrl: login.url,
    manifestFile: join(root, 'manifests', 'teams', 'manifest.json'),
    packageFile: join(root, 'build', 'meetbot-teams.zip'),
  });
  type BotTeams = Extract<NonNullable<Parameters<typeof checkTeams>[0]>, { mode: 'bot' }>;
  const teams = (over: Partial<BotTeams> = {}): BotTeams => ({
    mode: 'bot',
    appId,
    appPassword: password,
    tenantId: tenant,
    appType: 'SingleTenant',
    ...over,
  });

  beforeEach(async () => {
    login = await startFakeMicrosoftLogin();
    login.addApp({ appId, password, tenant });
    login.addApp({ appId, password, tenant: 'botframework.com' });
    root = mkdtempSync(join(tmpdir(), 'meetbot-doctor-teams-'));
    mkdirSync(join(root, 'manifests'));
    cpSync(repoManifests, join(root, 'manifests', 'teams'), { recursive: true });
  });
  afterEach(async () => {
    await login.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('SingleTenant: a token from its own tenant, with the Bot Framework scope', async () => {
    const [token] = await checkTeams(teams(), deps());
    expect(token).toEqual({
      name: 'teams.token',
      status: 'pass',
      message: `Microsoft issued a Bot Framework token for app ${appId} (SingleTenant, tenant ${tenant})`,
    });
    expect(login.requests).toEqual([
      {
        tenant,
        form: {
          grant_type: 'client_credentials',
          client_id: appId,
          client_secret: '[redacted]',
          scope: 'https://api.botframework.com/.default',
        },
      },
    ]);
  });

  test('MultiTenant asks the Bot Framework tenant', async () => {
    const [token] = await checkTeams(teams({ appType: 'MultiTenant', tenantId: undefined }), deps());
    expect(token.status).toBe('pass');
    expect(login.requests.map((r) => r.tenant)).toEqual(['botframework.com']);
  });

  test('a wrong password fails with how to make a new secret, and is never shown', async () => {
    const [token] = await checkTeams(teams({ appPassword: 'Not~The.Right_Secret' }), deps());
    expect(token).toEqual({
      name: 'teams.token',
      status: 'fail',
      message: 'MICROSOFT_APP_PASSWORD is not a valid client secret of this app (AADSTS7000215)',
      fix: 'create a client secret under Certificates & secrets of the app registration and set MICROSOFT_APP_PASSWORD to its Value (not its Secret ID)',
    });
    expect(JSON.stringify(token)).not.toContain('Not~The.Right_Secret');
  });

  test('an unknown tenant or app id fails naming the setting to check', async () => {
    const [badTenant] = await checkTeams(teams({ tenantId: otherId }), deps());
    expect(badTenant).toMatchObject({
      status: 'fail',
      message: `tenant ${otherId} was not found (AADSTS90002)`,
      fix: expect.stringContaining('MICROSOFT_APP_TENANT_ID'),
    });
    const [badApp] = await checkTeams(teams({ appId: otherId }), deps());
    expect(badApp).toMatchObject({
      status: 'fail',
      message: `Microsoft does not know app ${otherId} in tenant ${tenant} (AADSTS700016)`,
      fix: 'check MICROSOFT_APP_ID and MICROSOFT_APP_TENANT_ID against the Azure Bot resource (Configuration)',
    });
  });

  test('a login endpoint in trouble or out of reach fails with the reason', async () => {
    login.failNext(503);
    const [busy] = await checkTeams(teams(), deps());
    expect(busy).toMatchObject({
      status: 'fail',
      message: "Microsoft's login endpoint answered HTTP 503 (temporarily_unavailable)",
    });
    const url = login.url;
    await login.close();
    const [away] = await checkTeams(teams(), { ...deps(), loginUrl: url });
    expect(away).toMatchObject({ status: 'fail', message: `cannot reach ${url}: connection refused` });
    login = await startFakeMicrosoftLogin();
  });

  test('a managed identity cannot be checked from outside Azure: a skip, not a failure', async () => {
    const [token] = await checkTeams(teams({ appType: 'UserAssignedMSI', appPassword: undefined }), deps());
    expect(token).toMatchObject({ name: 'teams.token', status: 'skip' });
    expect(login.requests).toEqual([]);
  });

  test("the checkout's manifest: its placeholder passes, another bot id fails with how to fix it", async () => {
    expect((await checkTeams(teams(), deps()))[1]).toEqual({
      name: 'teams.manifest',
      status: 'pass',
      message: 'manifests/teams/manifest.json is filled with MICROSOFT_APP_ID when packaged',
    });
    const file = deps().manifestFile;
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('{{MICROSOFT_APP_ID}}', otherId));
    expect((await checkTeams(teams(), deps()))[1]).toEqual({
      name: 'teams.manifest',
      status: 'fail',
      message: `manifests/teams/manifest.json names bot ${otherId}, not MICROSOFT_APP_ID ${appId}`,
      fix: `put back {{MICROSOFT_APP_ID}} (git checkout manifests/teams/manifest.json), then run MICROSOFT_APP_ID=${appId} npm run package:teams and upload the new build/meetbot-teams.zip in Teams (Apps > Manage your apps > Upload an app, or the Teams admin center)`,
    });
  });

  test('the built package: absent is a skip, built for this app passes, built for another fails', async () => {
    const { packageFile } = deps();
    expect((await checkTeams(teams(), deps()))[2]).toMatchObject({ name: 'teams.package', status: 'skip' });
    packageTeamsApp({ appId, outFile: packageFile });
    expect((await checkTeams(teams(), deps()))[2]).toEqual({
      name: 'teams.package',
      status: 'pass',
      message: `build/meetbot-teams.zip names bot ${appId} (make sure this is the package uploaded to Teams)`,
    });
    packageTeamsApp({ appId: otherId, outFile: packageFile });
    expect((await checkTeams(teams(), deps()))[2]).toEqual({
      name: 'teams.package',
      status: 'fail',
      message: `build/meetbot-teams.zip was built for bot ${otherId}, not MICROSOFT_APP_ID ${appId}`,
      fix: `run MICROSOFT_APP_ID=${appId} npm run package:teams and upload the new build/meetbot-teams.zip in Teams (Apps > Manage your apps > Upload an app, or the Teams admin center)`,
    });
  });

  test('through runDoctor: Teams settings reach the check, and the password never reaches a line', async () => {
    const results = await runDoctor({
      env: {
        DATABASE_URL: 'sqlite::memory:',
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_PASSWORD: 'Wrong~Password.Value',
        MICROSOFT_APP_TENANT_ID: tenant,
      },
      loginUrl: login.url,
      projectRoot: root,
    });
    expect(results.filter((r) => r.name.startsWith('teams')).map((r) => `${r.name}:${r.status}`)).toEqual([
      'teams.token:fail',
      'teams.manifest:pass',
      'teams.package:skip',
    ]);
    expect(JSON.stringify(results)).not.toContain('Wrong~Password.Value');
  });

  test('Teams off is a skip that says how to turn it on', async () => {
    expect(await checkTeams(undefined, deps())).toEqual([
      {
        name: 'teams',
        status: 'skip',
        message: 'Teams is off',
        fix: 'to turn it on set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (README: Microsoft Teams setup)',
      },
    ]);
  });

  test('the local Emulator mode is a warning: Teams itself cannot reach it', async () => {
    const [emulator] = await checkTeams({ mode: 'emulator' }, deps());
    expect(emulator).toMatchObject({
      name: 'teams',
      status: 'warn',
      message: expect.stringContaining('TEAMS_EMULATOR=1'),
    });
    expect(login.requests).toHaveLength(0);
  });
});
