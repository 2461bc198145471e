import { Writable } from 'node:stream';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { type RunningApp, startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { processSecrets } from '../src/secrets/scrubber';

/**
 * The server under soak, alone in its process (forked by bench/soak.ts with --expose-gc): the real
 * composition root with its schedulers, configured from the environment the parent passes. The
 * parent asks over IPC for memory after a full collection and for the warnings and errors logged,
 * so the load generator and the fakes never count in the server's memory.
 */

export type SoakServerRequest = { type: 'memory'; snapshot?: string } | { type: 'logs' } | { type: 'close' };
export type SoakServerReply =
  | { type: 'ready'; url: string; metricsUrl?: string }
  | {
      type: 'memory';
      rss: number;
      heapUsed: number;
      external: number;
      arrayBuffers: number;
      codeUsed: number;
      passcodesHeld: number;
    }
  | { type: 'logs'; warnings: number; errors: number; samples: string[] }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

const counts = { warnings: 0, errors: 0 };
const samples: string[] = [];

/** Counts warn (40) and above; keeps the first few lines to say what they were. */
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
      if (level >= 50) counts.errors += 1;
      else if (level >= 40) counts.warnings += 1;
      else continue;
      if (samples.length < 10) samples.push(line.slice(0, 600));
    }
    done();
  },
});

function reply(message: SoakServerReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(loaded.message);
  const logger = createLogger({ level: 'info', destination });
  const app: RunningApp = await startApp({ config: loaded.config, logger });

  process.on('message', (request: SoakServerRequest) => {
    if (request.type === 'memory') {
      gc();
      gc();
      // A heap snapshot to compare when memory grows (SOAK_HEAP_SNAPSHOTS=DIR).
      if (request.snapshot) writeHeapSnapshot(request.snapshot);
      const m = process.memoryUsage();
      const passcodesHeld = processSecrets.counts().passcode;
      // Compiled code grows for minutes as the JIT optimizes hot paths: shown apart from the data.
      const codeUsed = getHeapSpaceStatistics()
        .filter((space) => space.space_name.startsWith('code'))
        .reduce((sum, space) => sum + space.space_used_size, 0);
      reply({
        type: 'memory',
        rss: m.rss,
        heapUsed: m.heapUsed,
        external: m.external,
        arrayBuffers: m.arrayBuffers,
        codeUsed,
        passcodesHeld,
      });
    } else if (request.type === 'logs') {
      reply({ type: 'logs', ...counts, samples });
    } else if (request.type === 'close') {
      void app.close().then(() => {
        reply({ type: 'closed' });
        process.disconnect?.();
      });
    }
  });
  reply({ type: 'ready', url: app.url, metricsUrl: app.metricsUrl });
}

main().catch((error: unknown) => {
  reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});
