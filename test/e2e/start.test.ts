import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';

const bin = join(__dirname, '..', '..', 'bin', 'meetbot.js');

describe('meetbot serve (npm start) on a fresh setup', () => {
  test('starts with the embedded sandbox, serves health and readiness, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:' },
    });
    const lines: Array<{ msg: string; url?: string }> = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let newline = buffer.indexOf('\n');
        while (newline !== -1) {
          const line = JSON.parse(buffer.slice(0, newline)) as { msg: string; url?: string };
          buffer = buffer.slice(newline + 1);
          lines.push(line);
          if (line.msg.startsWith('meetbot listening on') && line.url) resolve(line.url);
          newline = buffer.indexOf('\n');
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });

    expect(lines.map((l) => l.msg)).toContainEqual(
      expect.stringMatching(/embedded Meet sandbox at http:\/\/127\.0\.0\.1:\d+/),
    );
    const health = await request(`${url}/healthz`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
    const ready = await request(`${url}/readyz`);
    expect(await ready.body.json()).toEqual({ ok: true, checks: { store: 'ok', meetApi: 'ok' } });
    expect(ready.statusCode).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.map((l) => l.msg)).toContain('stopped');
  });
});
