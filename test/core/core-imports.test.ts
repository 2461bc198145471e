import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * core/ is pure (../shared/design/architecture.md): no platform SDK, no HTTP client, no environment,
 * no clock. `clock.ts` is the one exception for the clock: it defines the `systemClock` callers inject.
 */

const coreDir = join(__dirname, '..', '..', 'src', 'core');
const clockFile = 'clock.ts';

const rules: Array<{ name: string; pattern: RegExp; allowIn?: string }> = [
  {
    name: 'imports @slack/bolt, botbuilder or undici',
    pattern:
      /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)['"](?:@slack\/bolt|botbuilder|undici)(?:[/'"-])/,
  },
  {
    // The Meet API's contract (schemas.ts) and error family (errors.ts) are pure; the client is not.
    name: 'imports from meet/ other than schemas.ts or errors.ts',
    pattern: /['"]\.\.\/meet\/(?!schemas['"]|errors['"])/,
  },
  { name: 'reads process.env', pattern: /\bprocess\s*(?:\.\s*env\b|\[\s*['"]env['"]\s*\])/ },
  {
    name: 'reads the clock',
    pattern: /\bnew\s+Date\s*\(\s*\)|\bDate\s*\.\s*now\s*\(|(?<![\w.]|new\s)Date\s*\(\s*\)/,
    allowIn: clockFile,
  },
];

/** Drops comments so prose about a rule does not break it; strings stay (an import is a string). */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function findViolations(file: string, source: string): string[] {
  const code = stripComments(source);
  return rules
    .filter((rule) => rule.allowIn !== file && rule.pattern.test(code))
    .map((rule) => `${file}: ${rule.name}`);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('src/core stays pure', () => {
  const files = listFiles(coreDir);

  test('there are core files to check', () => {
    expect(files.map((file) => relative(coreDir, file))).toEqual(
      expect.arrayContaining(['parse-command.ts', 'command.ts']),
    );
  });

  test('no core file imports a platform SDK or HTTP client, reads the environment or the clock', () => {
    const violations = files.flatMap((file) =>
      findViolations(relative(coreDir, file).split('\\').join('/'), readFileSync(file, 'utf8')),
    );
    expect(violations).toEqual([]);
  });

  test.each([
    ["import { App } from '@slack/bolt';", 'imports'],
    ['import type { TurnContext } from "botbuilder";', 'imports'],
    ["import { TeamsInfo } from 'botbuilder-core';", 'imports'],
    ["const { request } = require('undici');", 'imports'],
    ["const undici = await import('undici');", 'imports'],
    ["import 'undici';", 'imports'],
    ['const secret = process.env.MEET_API_SECRET;', 'process.env'],
    ["const env = process['env'];", 'process.env'],
    ['const now = new Date();', 'clock'],
    ['const now = Date.now();', 'clock'],
    ['const text = Date();', 'clock'],
    ["import { createMeetClient } from '../meet/client';", 'meet/'],
    ["import type { MeetApi } from '../meet/meet-api';", 'meet/'],
  ])('the check catches %j', (source, rule) => {
    const named = { clock: 'reads the clock', 'meet/': 'imports from meet/' }[rule] ?? rule;
    expect(findViolations('example.ts', source).join()).toContain(named);
  });

  test.each([
    '// process.env is read in config.ts only',
    '/* new Date() is passed in */',
    'const day = new Date(timestamp);',
    'const parsed = new TZDate(0, zone);',
    "import { z } from 'zod';",
    "const name = 'undici-like';",
    "import type { Role } from '../meet/schemas';",
    "import { isMeetApiError } from '../meet/errors';",
  ])('the check allows %j', (source) => {
    expect(findViolations('example.ts', source)).toEqual([]);
  });

  test('only clock.ts may read the clock', () => {
    expect(findViolations(clockFile, 'export const systemClock = () => new Date();')).toEqual([]);
    expect(findViolations(clockFile, "import { request } from 'undici';")).toHaveLength(1);
  });
});
