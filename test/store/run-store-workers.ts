import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const workerScript = path.join(__dirname, 'fixtures', 'store-worker.js');

export type WorkerJob =
  | { mode: 'claim'; databaseUrl: string; subscriptionId: string; count: number }
  | { mode: 'migrate'; databaseUrl: string };

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  result: Promise<unknown>;
}

function startWorker(job: WorkerJob): Worker {
  const child = spawn(process.execPath, [workerScript, JSON.stringify(job)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const result = new Promise<unknown>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stdout.trim().split('\n');
      if (code !== 0) reject(new Error(`store worker exited with ${code}: ${stderr}`));
      else resolve(JSON.parse(lines[lines.length - 1]));
    });
  });
  // A worker that dies before "ready" must not leave the others waiting forever.
  result.catch(markReady);
  return { child, ready, result };
}

/** Starts the workers, lets them all go at the same moment, and returns each one's JSON result. */
export async function runStoreWorkers<T>(jobs: WorkerJob[]): Promise<T[]> {
  const workers = jobs.map(startWorker);
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.child.stdin?.end('go\n');
  return (await Promise.all(workers.map((w) => w.result))) as T[];
}
