#!/usr/bin/env node

// Runs the compiled CLI, compiling first when dist/ is missing or older than src/ (a fresh clone
// after `npm ci`, or a pull).
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
const cli = join(root, 'dist', 'src', 'cli', 'run-cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(cli) || newestSource(join(root, 'src')) > statSync(cli).mtimeMs) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

require(cli)
  .runCli(process.argv.slice(2))
  .then(
    // Exit explicitly: a command is done when runCli resolves, whatever sockets linger.
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`meetbot: ${err?.message ? err.message : err}\n`);
      process.exit(1);
    },
  );
