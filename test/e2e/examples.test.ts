import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { helpEntries } from '../../src/core/usage-lines';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { slackAppEnv } from '../fixtures/app-env';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { type Harness, startHarness } from './slack-harness';
import { activity, alice, botAccount, mention, startTeamsHarness, type TeamsHarness } from './teams-harness';

/**
 * Every example a person can copy, from `/meet help` and the README, tried as they would try it:
 * in Slack and Teams against the sandbox, and the CLI lines in a terminal. None may answer with
 * an error.
 */

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The lines of the README's fenced code blocks that start with `prefix`, without their comments. */
function readmeLines(prefix: string): string[] {
  const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((block) => block.split('\n'))
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.split(/\s{2,}|\s+#\s/)[0].trim());
}

const helpExamples = helpEntries.flatMap((e) => (e.example ? [e.example] : []));
const slashExamples = [...new Set([...helpExamples, ...readmeLines('/meet')])];

function isError(body: unknown): boolean {
  const text = JSON.stringify(body);
  return text.includes(':warning:') || text.includes('⚠️');
}

describe('every /meet example works in Slack', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ digests: true });
    h.slack.addUser({ id: 'UALICE', name: 'alice', email: 'alice@acme.com', firstName: 'Alice', lastName: 'Ng' });
    h.slack.addUser({ id: 'UCAROL', name: 'carol', email: 'carol@acme.com', firstName: 'Carol', lastName: 'Diaz' });
    h.slack.addUser({ id: 'UDAN', name: 'dan', email: 'dan@acme.com', firstName: 'Dan', lastName: 'Ode' });
  });
  afterAll(() => h.close());

  test('there are examples to try', () => {
    expect(slashExamples.length).toBeGreaterThan(10);
    expect(slashExamples.filter((e) => /[[\]|]|NAME|CODE/.test(e))).toEqual([]);
  });

  test.each(slashExamples)('%s', async (example) => {
    const text = example.replace(/^\/meet\s*/, '');
    const viewsBefore = h.slack.callsTo('views.open').length;
    const sent = await h.slash(text);
    expect(sent.status).toBe(200);
    if (/^new\b/.test(text)) {
      await h.slack.waitFor(() => h.slack.callsTo('views.open').length > viewsBefore);
      return;
    }
    const reply = await h.slack.waitFor(() => h.slack.responses.find((r) => r.id === sent.responseId));
    // A create posts to the channel (and privately only when there are passcodes); anything else answers privately.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const all = h.slack.responses.filter((r) => r.id === sent.responseId);
    expect(all.filter((r) => isError(r.body)).map((r) => JSON.stringify(r.body))).toEqual([]);
    expect(reply.error).toBeUndefined();
  });
});

describe('every help example works in Teams', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
  });
  afterAll(() => h.close());

  test.each(helpExamples)('%s', async (example) => {
    const me = mention(botAccount);
    const al = mention(alice);
    // In Teams people are picked from the @ list, which makes a mention.
    const text = `${me.text} ${example.replace(/^\/meet\s*/, '').replace(/@alice\b/g, al.text)}`;
    const before = h.connector.sent.length;
    const res = await h.post(activity(h.connector, { text, entities: [me.entity, al.entity] }));
    expect(res.status).toBe(200);
    const sent = h.connector.sent.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((s) => isError(s.activity)).map((s) => JSON.stringify(s.activity))).toEqual([]);
  });
});

describe('every meetbot command line of the README works in a terminal', () => {
  let sandbox: Sandbox;
  let slack: FakeSlackApi;
  let dir: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    slack = await startFakeSlackApi();
    dir = mkdtempSync(join(tmpdir(), 'meetbot-examples-'));
  });
  afterAll(async () => {
    await slack.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Left out, each for a reason: `sandbox` serves until stopped (test/cli/cli.test.ts starts it), and
  // a line that names a placeholder (CODE) needs a real Meet's code (test/cli/status-cli.test.ts).
  const lines = readmeLines('npx meetbot ').filter((line) => !/ sandbox\b|\bCODE\b/.test(line));

  test('there are command lines to try', () => {
    expect(lines.length).toBeGreaterThan(3);
  });

  test.each(lines)('%s', async (line) => {
    const args = [...line.slice('npx meetbot '.length).matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
    const err: string[] = [];
    const code = await runCli(args, {
      env: { ...slackAppEnv(sandbox, slack), DATABASE_URL: `sqlite:${join(dir, 'meetbot.db')}` },
      io: { out: () => {}, err: (text) => err.push(text) },
    });
    expect({ line, code, err }).toEqual({ line, code: 0, err: [] });
  });
});
