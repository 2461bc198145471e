import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Imports run one way (docs/architecture.md): adapters (slack/, teams/, cli/, doctor/) → flows/
 * and digest/ (the use cases) → core/, meet/, store/. Nothing imports back up, no platform imports
 * the other, and each platform's SDK stays in its own folder. core/'s purity has its own test
 * (test/core/core-imports.test.ts); this one is about the folders' direction.
 */

const src = join(__dirname, '..', 'src');

/** Which top-level folders (or root files, without `.ts`) each folder may import besides itself. */
const allowed: Record<string, string[]> = {
  core: ['meet'], // the Meet API's contract only: schemas.ts and errors.ts (core-imports.test.ts)
  meet: ['logger', 'metrics', 'secrets'],
  store: ['core', 'meet', 'logger', 'metrics'],
  metrics: ['meet', 'logger'],
  secrets: ['config'],
  sandbox: ['meet', 'logger'],
  digest: ['core', 'meet', 'store', 'logger', 'metrics'],
  flows: ['core', 'meet', 'store', 'digest', 'logger', 'metrics'],
  slack: ['core', 'flows', 'digest', 'meet', 'store', 'logger', 'metrics', 'secrets', 'config', 'http-route'],
  teams: ['core', 'flows', 'digest', 'meet', 'store', 'logger', 'metrics', 'secrets', 'config', 'http-route'],
  cli: ['core', 'flows', 'digest', 'meet', 'store', 'logger', 'secrets', 'config', 'sandbox', 'doctor', 'app', 'main'],
  doctor: ['core', 'meet', 'store', 'config', 'logger', 'cli', 'slack'],
};

/** SDKs that belong to one folder only. */
const sdkHome: Array<{ sdk: RegExp; home: string }> = [
  { sdk: /^@slack\//, home: 'slack' },
  { sdk: /^botbuilder/, home: 'teams' },
];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every module a file names: static imports and exports, `import()` and `require()`, comments dropped. */
function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** The top-level folder (or root file) of src/ that a path falls in. */
function layerOf(path: string): string {
  return relative(src, path).split(/[\\/]/)[0].replace(/\.ts$/, '');
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of listFiles(src)) {
    const layer = layerOf(file);
    const may = allowed[layer];
    const source = readFileSync(file, 'utf8');
    for (const spec of specifiers(source)) {
      const name = relative(src, file);
      if (spec.startsWith('.')) {
        const target = layerOf(join(file, '..', spec));
        if (may && target !== layer && !may.includes(target)) found.push(`${name} imports ${target}/ (${spec})`);
      } else {
        for (const { sdk, home } of sdkHome) {
          if (sdk.test(spec) && layer !== home) found.push(`${name} imports ${spec}, which belongs in ${home}/`);
        }
      }
    }
  }
  return found;
}

test('every folder of src/ is in the table (a new folder says where it sits)', () => {
  const folders = readdirSync(src, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  expect(folders).toEqual(Object.keys(allowed).sort());
});

test('imports run one way: nothing imports back up, no platform imports the other, each SDK stays home', () => {
  expect(violations()).toEqual([]);
});

test('the check sees what it is meant to see', () => {
  expect(
    specifiers("import { x } from '../slack/app';\n// from '../teams/app'\nconst y = require('botbuilder');"),
  ).toEqual(['../slack/app', 'botbuilder']);
  expect(specifiers("export { a } from './a';\nconst m = await import('../teams/app');")).toEqual([
    './a',
    '../teams/app',
  ]);
  expect(specifiers("import '../teams/polyfill';")).toEqual(['../teams/polyfill']);
  expect(layerOf(join(src, 'flows', 'create-meet.ts'))).toBe('flows');
  expect(layerOf(join(src, 'app.ts'))).toBe('app');
});
