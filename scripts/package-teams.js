#!/usr/bin/env node
// `npm run package:teams`: fills the bot's app id into manifests/teams/manifest.json and writes the
// zip to upload to Teams (build/meetbot-teams.zip: manifest.json, color.png, outline.png at its root).
// The app id comes from `--app-id GUID` or MICROSOFT_APP_ID; `--out FILE` writes elsewhere.
const { readFileSync, mkdirSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const AdmZip = require('adm-zip');

const root = join(__dirname, '..');
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns the filled-in manifest; writes the zip to `outFile`. */
function packageTeamsApp({ appId, outFile = join(root, 'build', 'meetbot-teams.zip'), manifestDir }) {
  const dir = manifestDir ?? join(root, 'manifests', 'teams');
  if (!appId || !guid.test(appId)) {
    throw new Error(
      `the bot's Microsoft App ID is ${appId ? `"${appId}", not a GUID` : 'missing'}: set MICROSOFT_APP_ID or pass --app-id`,
    );
  }
  const text = readFileSync(join(dir, 'manifest.json'), 'utf8').replaceAll('{{MICROSOFT_APP_ID}}', appId.toLowerCase());
  const left = /\{\{[A-Z_]+\}\}/.exec(text);
  if (left) throw new Error(`manifest.json still has the placeholder ${left[0]}`);
  const manifest = JSON.parse(text);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  zip.addFile(manifest.icons.color, readFileSync(join(dir, manifest.icons.color)));
  zip.addFile(manifest.icons.outline, readFileSync(join(dir, manifest.icons.outline)));
  mkdirSync(dirname(outFile), { recursive: true });
  zip.writeZip(outFile);
  return manifest;
}

function argument(name) {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

if (require.main === module) {
  try {
    const outFile = resolve(argument('--out') ?? join(root, 'build', 'meetbot-teams.zip'));
    const manifest = packageTeamsApp({ appId: argument('--app-id') ?? process.env.MICROSOFT_APP_ID, outFile });
    console.log(`wrote ${outFile} (${manifest.name.short} ${manifest.version}, bot ${manifest.bots[0].botId})`);
    console.log('Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.');
  } catch (error) {
    console.error(`package:teams: ${error.message}`);
    process.exitCode = 1;
  }
}

module.exports = { packageTeamsApp };
