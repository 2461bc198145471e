import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BenchResult } from './types';

/**
 * `npm run bench [-- NAME…]`: runs every benchmark in bench/ (or those named) one after the other
 * and prints their figures. Each benchmark measures its own baseline in the same run and reports
 * the ratio, so the figures compare across machines.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.js') && !['run.js', 'types.js'].includes(f) && !f.startsWith('lib-'))
    .map((f) => basename(f, '.js'))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
  if (files.length === 0) {
    process.stderr.write(`no benchmark matches ${only.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  for (const name of files) {
    const mod = (await import(join(__dirname, `${name}.js`))) as { run?: () => Promise<BenchResult[]> };
    if (typeof mod.run !== 'function') continue;
    process.stdout.write(`\n## ${name}\n`);
    const started = Date.now();
    const results = await mod.run();
    for (const result of results) {
      process.stdout.write(`${result.name}\n`);
      for (const [key, value] of Object.entries(result.figures)) {
        process.stdout.write(`  ${key.padEnd(36)} ${typeof value === 'number' ? formatNumber(value) : value}\n`);
      }
    }
    process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(3);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
