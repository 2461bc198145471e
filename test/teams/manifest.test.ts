import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const { packageTeamsApp } = require('../../scripts/package-teams.js') as {
  packageTeamsApp(options: { appId?: string; outFile: string }): Record<string, unknown>;
};

const root = join(__dirname, '..', '..');
const appId = '3f1c2a6e-8b9d-4e0f-a1b2-c3d4e5f60718';

function schemaFor(manifestVersion: string): object {
  const file = join(
    root,
    'node_modules/@microsoft/app-manifest/build/json-schemas/teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  return JSON.parse(readFileSync(file, 'utf8'));
}

function validate(manifest: { manifestVersion: string }): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(schemaFor(manifest.manifestVersion));
  check(manifest);
  return (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Width, height and colour type of a PNG, from its IHDR chunk. */
function pngInfo(png: Buffer): { width: number; height: number; colorType: number } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png[25] };
}

describe('Teams app manifest', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meetbot-teams-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the packaged zip holds a manifest that the official JSON schema accepts, and both icons', () => {
    const outFile = join(dir, 'meetbot-teams.zip');
    packageTeamsApp({ appId, outFile });
    const zip = new AdmZip(outFile);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(validate(manifest)).toEqual([]);
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0]).toMatchObject({ botId: appId, scopes: ['personal', 'team', 'groupChat'] });
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toContain('interview');
    expect(manifest.composeExtensions[0]).toMatchObject({
      botId: appId,
      commands: [expect.objectContaining({ id: 'createMeet', type: 'action', fetchTask: true })],
      // Link unfurling: Teams sends composeExtension/queryLink for pasted meet.rs links.
      messageHandlers: [{ type: 'link', value: { domains: ['meet.rs'] } }],
    });
    expect(manifest.validDomains).toContain('meet.rs');
    expect(pngInfo(zip.readFile('color.png')!)).toEqual({ width: 192, height: 192, colorType: 6 });
    expect(pngInfo(zip.readFile('outline.png')!)).toEqual({ width: 32, height: 32, colorType: 6 });
  });

  test('the schema check would catch a broken manifest', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'manifests/teams/manifest.json'), 'utf8'));
    expect(validate({ ...manifest, id: 'not-a-guid', bots: [{ scopes: ['everywhere'] }] }).length).toBeGreaterThan(0);
  });

  test('packaging refuses a missing or malformed app id', () => {
    const outFile = join(dir, 'x.zip');
    expect(() => packageTeamsApp({ appId: undefined, outFile })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => packageTeamsApp({ appId: 'my-bot', outFile })).toThrow(/not a GUID/);
  });
});
