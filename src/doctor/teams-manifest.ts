import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';

/** The placeholder `npm run package:teams` (scripts/package-teams.js) replaces with the app id. */
export const appIdPlaceholder = '{{MICROSOFT_APP_ID}}';

/** The bot ids a Teams manifest names: its bots and message extensions. */
export function manifestBotIds(manifest: unknown): string[] {
  const m = manifest as { bots?: Array<{ botId?: unknown }>; composeExtensions?: Array<{ botId?: unknown }> };
  return [...(m.bots ?? []), ...(m.composeExtensions ?? [])]
    .map((entry) => entry.botId)
    .filter((id): id is string => typeof id === 'string');
}

/** `manifest.json` inside the package zip; throws when the zip cannot be read or lacks it. */
export function readPackagedManifest(zipFile: string): unknown {
  const entry = new AdmZip(zipFile).getEntry('manifest.json');
  if (!entry) throw new Error('the zip has no manifest.json at its root');
  return JSON.parse(entry.getData().toString('utf8'));
}

export function readManifest(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The repository root (where manifests/ and build/ are): from src/doctor/ under ts-jest, or from
 * dist/src/doctor/ when compiled (tsc does not copy manifests/ into dist/).
 */
export function findProjectRoot(here: string = __dirname): string {
  const candidates = [path.resolve(here, '..', '..'), path.resolve(here, '..', '..', '..')];
  return candidates.find((root) => existsSync(path.join(root, 'manifests'))) ?? candidates[0];
}
