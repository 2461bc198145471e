import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { buildHelpReply } from '../src/core/replies';
import { createSilentLogger } from '../src/logger';
import { createMeetClient } from '../src/meet/client';
import { startSandbox } from '../src/sandbox/server';
import { createHttpServer } from '../src/server';
import { openStore } from '../src/store/open-store';
import { createTeamsBot } from '../src/teams/app';
import { asAttachment } from '../src/teams/card-types';
import { renderReplyCard } from '../src/teams/cards';
import { type FakeBotConnector, startFakeBotConnector } from '../test/fixtures/fake-bot-connector';
import type { BenchResult } from './types';

/**
 * Message activities per second (`help`, answered with a card through a loopback fake Bot
 * Connector) through our server (HTTP shim, loopback gate, idempotency claim, conversation
 * reference, TeamsActivityHandler) vs a bare CloudAdapter handler on node:http sending the same
 * card to the same connector, in the same run.
 */

interface CannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
}
// autocannon ships no type declarations: this is the part of its API used here.
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<CannonResult>;

const durationSeconds = 3;
const connections = 10;

export async function run(): Promise<BenchResult[]> {
  const connector = await startFakeBotConnector();
  connector.addMember({ id: '29:bob', name: 'Bob', email: 'bob@contoso.com' });
  const sandbox = await startSandbox();
  const store = await openStore('sqlite::memory:');
  const logger = createSilentLogger();
  const meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  const bot = createTeamsBot({
    config: { mode: 'emulator' },
    meet,
    store,
    logger,
    clock: () => new Date(),
    defaultTimeZone: 'UTC',
  });
  const ours = createHttpServer({ routes: bot.routes, logger });
  const oursUrl = (await ours.listen(0, '127.0.0.1')).url;

  const card = asAttachment(renderReplyCard(buildHelpReply()));
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  // The bare handler's client retries by itself: sends still queued when the fake connector closes
  // fail; count them instead of printing each one.
  let bareTurnErrors = 0;
  adapter.onTurnError = async () => {
    bareTurnErrors++;
  };
  const bare = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const shim = {
        socket: req.socket,
        status(code: number) {
          res.statusCode = code;
          return shim;
        },
        send(body: unknown) {
          res.write(JSON.stringify(body));
          return shim;
        },
        header: () => shim,
        end: () => res.end(),
      };
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      void adapter.process({ method: 'POST', headers: req.headers, body }, shim, async (context) => {
        await context.sendActivity({ type: 'message', attachments: [card] });
      });
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

  try {
    await hammer(oursUrl, connector, 1);
    await hammer(bareUrl, connector, 1);
    // ABBA order, so drift (heat, other processes) weighs on both sides alike.
    const b1 = await hammer(bareUrl, connector, durationSeconds);
    const m1 = await hammer(oursUrl, connector, durationSeconds);
    const m2 = await hammer(oursUrl, connector, durationSeconds);
    const b2 = await hammer(bareUrl, connector, durationSeconds);
    const base = combine(b1, b2);
    const mine = combine(m1, m2);
    return [
      {
        name: 'Teams message activities (help → card via the Bot Connector), per second',
        figures: {
          'bare CloudAdapter req/s': Math.round(base.requests.average),
          'meetbot req/s': Math.round(mine.requests.average),
          'ratio (target >= 0.9)': Number((mine.requests.average / base.requests.average).toFixed(2)),
          'bare p99 ms': base.latency.p99,
          'bare turn errors (sends after the run)': bareTurnErrors,
          'meetbot p99 ms': mine.latency.p99,
          'failed requests': mine.non2xx + mine.errors + base.non2xx + base.errors,
        },
      },
    ];
  } finally {
    await ours.close(100);
    await new Promise<void>((resolve) => {
      bare.closeAllConnections();
      bare.close(() => resolve());
    });
    await bot.stop();
    await meet.close();
    await store.close();
    await connector.close();
    await sandbox.close();
  }
}

let sequence = 0;

function combine(a: CannonResult, b: CannonResult): CannonResult {
  return {
    requests: { average: (a.requests.average + b.requests.average) / 2 },
    latency: { p99: Math.max(a.latency.p99, b.latency.p99) },
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
  };
}

function hammer(url: string, connector: FakeBotConnector, duration: number): Promise<CannonResult> {
  // The fake keeps every activity it receives: emptied so memory does not grow across runs.
  connector.sent.length = 0;
  connector.requests.length = 0;
  const serviceUrl = connector.url;
  return autocannon({
    url: `${url}/api/messages`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Each activity gets its own id: a repeated id is a redelivery, which the bot ignores.
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          body: JSON.stringify({
            type: 'message',
            id: `bench-${++sequence}`,
            text: 'help',
            channelId: 'msteams',
            serviceUrl,
            from: { id: '29:bob', name: 'Bob' },
            recipient: { id: '28:meetbot', name: 'Meet' },
            conversation: { id: 'a:1on1-29:bob', conversationType: 'personal' },
          }),
        }),
      },
    ],
  });
}
