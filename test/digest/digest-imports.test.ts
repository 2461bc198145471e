import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * src/digest knows the digest model, never a platform: Slack's Block Kit and Teams' Adaptive Card
 * renderers live next to their escapers and limits (src/slack/digest-blocks.ts,
 * src/teams/digest-card.ts) and come in with the posters.
 */
const digestDir = join(__dirname, '..', '..', 'src', 'digest');
const platformImport = /\bfrom\s*['"](?:\.\.\/slack\/|\.\.\/teams\/|@slack\/|botbuilder)/;

test('no file of src/digest imports src/slack, src/teams, Bolt or botbuilder', () => {
  const files = readdirSync(digestDir).filter((f) => f.endsWith('.ts'));
  expect(files).toEqual(expect.arrayContaining(['run-one.ts', 'deliver.ts', 'facts.ts']));
  const offenders = files.filter((f) => platformImport.test(readFileSync(join(digestDir, f), 'utf8')));
  expect(offenders).toEqual([]);
  expect(platformImport.test("import { renderDigestBlocks } from '../slack/digest-blocks';")).toBe(true);
});
