import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';
import { calendarLinks } from '../../src/core/calendar-links';
import { formatInstant, formatSpan } from '../../src/core/formats';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { meetEnv } from '../fixtures/app-env';
import { clockEnv } from '../fixtures/clock-env';
import { dayAt, formatIn } from '../fixtures/instants';

const bin = join(__dirname, '..', '..', 'bin', 'meetbot.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `meetbot ARGS` as a user would, with only the given variables (and PATH). */
function meetbot(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        env: { PATH: process.env.PATH ?? '', ...clockEnv(), DATABASE_URL: 'sqlite::memory:', ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('meetbot CLI against a Meet sandbox', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    env = meetEnv(sandbox);
  });
  afterAll(() => sandbox.close());

  const creates = () => sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/meetings');

  test('meet "Weekly sync" creates a titled quick Meet and prints its join URL', async () => {
    const before = creates().length;
    const run = await meetbot(['meet', 'Weekly sync'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(creates()).toHaveLength(before + 1);
    const created = sandbox.meetings.at(-1)!;
    expect(creates().at(-1)!.body).toEqual({ title: 'Weekly sync' });
    expect(run.stdout).toContain(created.joinUrl);
  });

  test('meet for later: the Meet is created now with the duration; when and the calendar links are printed', async () => {
    const start = dayAt(new Date(), 1, '15:00', 'Europe/Berlin');
    const run = await meetbot(['meet', '"Planning"', 'tomorrow', '15:00', '45m', 'tz:Europe/Berlin'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(creates().at(-1)!.body).toEqual({ title: 'Planning', schedulingInfo: { duration: 45 } });
    const when = formatSpan(start, new Date(start.getTime() + 45 * 60_000), 'Europe/Berlin');
    expect(run.stdout).toMatch(new RegExp(`When:\\s+${when.replace(/[/+]/g, '\\$&')}`));
    const links = calendarLinks({
      title: 'Planning',
      startsAt: start,
      endsAt: new Date(start.getTime() + 45 * 60_000),
      joinUrl: sandbox.meetings.at(-1)!.joinUrl,
    });
    expect(run.stdout).toContain(links.google);
    expect(run.stdout).toContain(links.outlook);
  });

  test('meet at a time in the past: how it was read, exit 2, no Meet', async () => {
    const before = creates().length;
    const yesterday = formatIn(new Date(Date.now() - 24 * 3600_000), 'yyyy-MM-dd', 'UTC');
    const run = await meetbot(['meet', '"Retro"', yesterday, '10:00'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${formatInstant(dayAt(new Date(), -1, '10:00', 'UTC'), 'UTC')} UTC is in the past`);
    expect(creates()).toHaveLength(before);
  });

  test('meet interview: the candidate gets a passcode, printed apart from the join URL', async () => {
    const run = await meetbot(
      ['meet', 'interview', 'candidate@example.org', 'Backend L2', '45m', '--as', 'rita.recruiter@acme.com'],
      env,
    );
    expect(run.code).toBe(0);
    const body = creates().at(-1)!.body as {
      title: string;
      participants: Array<{
        role: string;
        user?: { email?: string };
        accessRules?: Array<{ provider: string; condition?: string }>;
      }>;
      schedulingInfo: { duration: number };
    };
    expect(body.title).toBe('Backend L2');
    expect(body.schedulingInfo).toEqual({ duration: 45 });
    const candidate = body.participants.find((p) => p.user?.email === 'candidate@example.org')!;
    expect(candidate.role).toBe('User');
    expect(candidate.accessRules?.[0].provider).toBe('Passcode');
    const passcode = candidate.accessRules?.[0].condition as string;
    expect(passcode).toMatch(/^\d{8}$/);
    expect(body.participants.find((p) => p.user?.email === 'rita.recruiter@acme.com')?.role).toBe('Admin');

    const created = sandbox.meetings.at(-1)!;
    expect(run.stdout).toContain(created.joinUrl);
    expect(run.stdout).toContain(passcode);
    expect(run.stdout.indexOf(created.joinUrl)).toBeLessThan(run.stdout.indexOf(passcode));
  });

  test('meet --json prints the Meet for scripts', async () => {
    const run = await meetbot(['meet', 'candidate@example.org', '--as', 'rita@acme.com', '--json'], env);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      joinUrl: string;
      code: string;
      passcodes: Array<{ person: string; passcode: string }>;
    };
    expect(out.joinUrl).toBe(sandbox.meetings.at(-1)!.joinUrl);
    // Without SSO settings the organizer signs in with a passcode too; both go only to the terminal.
    expect(out.passcodes).toEqual(
      expect.arrayContaining([{ person: 'candidate@example.org', passcode: expect.stringMatching(/^\d{8}$/) }]),
    );
  });

  test('bad input creates nothing and says what to fix', async () => {
    const before = creates().length;
    const run = await meetbot(['meet', 'interview', '"Backend L2"', '--as', 'rita@acme.com'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/candidate/i);
    expect(creates()).toHaveLength(before);
  });

  test('people must be emails in the terminal', async () => {
    const before = creates().length;
    const run = await meetbot(['meet', 'meeting', '@alice', '--as', 'rita@acme.com'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('@alice');
    expect(creates()).toHaveLength(before);
  });

  test('usage prints a table and --json the figures', async () => {
    const table = await meetbot(['usage', 'last', 'month'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Meets/);
    const json = await meetbot(['usage', '30d', '--json'], env);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { summary: { meetCount: number }; records: unknown[] };
    expect(parsed.summary.meetCount).toBe(parsed.records.length);
    const usage = sandbox.requests.filter((r) => r.path.startsWith('/v1/usage'));
    expect(usage.at(-1)!.query.from).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('feedback and configs', async () => {
    const feedback = await meetbot(['feedback', 'this', 'month', 'tenant:ACME01', '--json'], env);
    expect(feedback.code).toBe(0);
    expect(sandbox.requests.at(-1)!.path).toBe('/v1/feedbacks/ACME01');
    const configs = await meetbot(['configs'], env);
    expect(configs.code).toBe(0);
    expect(configs.stdout).toMatch(/default/i);
  });

  test('usage --from --to --tenant asks the API for those days and that tenant', async () => {
    const run = await meetbot(['usage', '--from', '2026-11-02', '--to', '2026-11-08', '--tenant', 'ACME01', '--json'], {
      ...env,
      DIGEST_TIME_ZONE: 'Europe/Berlin',
    });
    expect(run.code).toBe(0);
    const sent = sandbox.requests.filter((r) => r.path.startsWith('/v1/usage')).at(-1)!;
    expect(sent.path).toBe('/v1/usage/ACME01');
    expect(sent.query).toEqual({ from: '2026-11-01T23:00:00.000Z', to: '2026-11-08T22:59:59.999Z' });
  });

  test('a range that ends before it starts is refused', async () => {
    const run = await meetbot(['usage', '2026-11-10..2026-11-01'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2026-11-01..2026-11-10');
    expect(run.stderr).toMatch(/before/);
    expect(run.stderr).toContain('Usage: meetbot usage');
    expect(run.stderr).not.toContain('/meet');
  });

  test('wrong credentials: exit 1 and one line that names the settings to check, not the secret', async () => {
    const run = await meetbot(['meet', 'Weekly sync'], { ...env, MEET_CLIENT_SECRET: 'wrong-secret-value' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('MEET_CLIENT_KEY');
    expect(run.stderr).not.toContain('wrong-secret-value');
    expect(
      run.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('{')),
    ).toHaveLength(1);
  });
});

describe('meetbot CLI on its own', () => {
  test('without credentials, meet uses a throwaway sandbox and says so', async () => {
    const run = await meetbot(['meet', 'Weekly sync']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/https:\/\/meet\.rs\/[A-Za-z0-9]{8}/);
    expect(run.stderr).toContain('sandbox');
  });

  test('an invalid setup stops with one message naming every bad variable', async () => {
    const run = await meetbot(['usage'], { PORT: 'x', LOG_LEVEL: 'loud' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PORT');
    expect(run.stderr).toContain('LOG_LEVEL');
  });

  test('an unknown command shows the usage', async () => {
    const run = await meetbot(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('meetbot meet <grammar>');
  });

  test('meetbot sandbox serves the Meet API until stopped', async () => {
    const child: ChildProcess = spawn(process.execPath, [bin, 'sandbox', '--port', '0'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`sandbox exited: ${out}`)));
    });
    const res = await request(`${url}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_key: 'sandbox-key',
        client_secret: 'sandbox-secret',
      }),
    });
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toHaveProperty('access_token');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
