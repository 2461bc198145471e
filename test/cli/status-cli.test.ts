import { runCli } from '../../src/cli/run-cli';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { meetEnv } from '../fixtures/app-env';

/** `meetbot meet` then `meetbot status CODE`: the Meet's life as an operator watches it from a terminal. */

let sandbox: Sandbox;
let now: Date;

beforeAll(async () => {
  now = new Date();
  sandbox = await startSandbox({ now: () => now, speed: 60 });
});
afterAll(() => sandbox.close());

async function meetbot(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env: meetEnv(sandbox),
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
    clock: () => now,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('status CODE goes from not started to live to ended', async () => {
  const created = await meetbot(['meet', 'Demo sync', '--json']);
  expect(created.code).toBe(0);
  const { code } = JSON.parse(created.out) as { code: string };

  expect((await meetbot(['status', code])).out).toBe(`${code}  Demo sync: Not started yet`);
  now = new Date(now.getTime() + 5_000);
  expect((await meetbot(['status', code])).out).toMatch(
    new RegExp(`^${code}  Demo sync: Live · started \\d\\d:\\d\\d UTC · 1 person$`),
  );
  now = new Date(now.getTime() + 60_000);
  expect((await meetbot(['status', code])).out).toBe(`${code}  Demo sync: Ended · 1h · 1 person`);
  const json = JSON.parse((await meetbot(['status', code, '--json'])).out) as { status: { state: string } };
  expect(json.status.state).toBe('ended');
});

test('an unknown code or a malformed one: exit 2 and one line that says why', async () => {
  const unknown = await meetbot(['status', 'NoSuchMeet1']);
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('No Meet NoSuchMeet1 in the usage of the last 2 days');
  const malformed = await meetbot(['status', 'not a code']);
  expect(malformed.code).toBe(2);
  const none = await meetbot(['status']);
  expect(none.code).toBe(2);
  expect(none.err).toContain('usage: meetbot status CODE');
});
