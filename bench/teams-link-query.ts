import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { parseMeetLink } from '../src/core/meet-link';
import { createSilentLogger } from '../src/logger';
import { createMeetClient } from '../src/meet/client';
import { startSandbox } from '../src/sandbox/server';
import { createHttpServer } from '../src/server';
import { openStore } from '../src/store/open-store';
import { createTeamsBot } from '../src/teams/app';
import { renderLinkPreviewAttachment } from '../src/teams/link-preview-card';
import { startFakeBotConnector } from '../test/fixtures/fake-bot-connector';
import { median } from './lib-timing';
import type { BenchResult } from './types';

/**
 * Teams link unfurling: how long a `composeExtension/queryLink` invoke takes to answer (Teams waits
 * about 5 s), one after the other, for a Meet of the same tenant (a store lookup, the card). The
 * baseline, in the same run: a bare CloudAdapter on node:http answering the same invoke with a card
 * made in advance. Median and p99 of each, and the ratio of the medians.
 */

const invokes = 200;
const tenantId = 'a1b2c3d4-0000-4000-8000-00000000aaaa';
const code = 'AB12cd34';
const url = `https://meet.rs/${code}`;

export async function run(): Promise<BenchResult[]> {
  const connector = await startFakeBotConnector();
  const sandbox = await startSandbox();
  const store = await openStore('sqlite::memory:');
  const logger = createSilentLogger();
  const meet = createMeetClient({ baseUrl: sandbox.url, clientKey: 'sandbox-key', clientSecret: 'sandbox-secret' });
  const now = new Date();
  await store.watchMeet({
    code,
    platform: 'teams',
    workspaceId: tenantId,
    creatorId: 'aad-bob',
    shown: {
      title: 'Backend L2',
      joinUrl: url,
      template: 'interview',
      createdBy: { displayName: 'Bob Jones', platform: 'teams', userId: '29:bob' },
      participants: [{ label: 'Organizer', role: 'Admin', people: [{ displayName: 'Bob Jones', platform: 'teams' }] }],
      guestAccess: 'none',
    },
    createdAt: now,
    watchFrom: now,
  });
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

  // The baseline answers with a card rendered once: what an invoke costs without our work.
  const link = parseMeetLink(url);
  if (!link) throw new Error('the bench URL is not a Meet link');
  const ready = renderLinkPreviewAttachment({ kind: 'neutral', url, code, joinUrl: link.joinUrl });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bare = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const shim = {
        socket: req.socket,
        status(status: number) {
          res.statusCode = status;
          return shim;
        },
        send(body: unknown) {
          res.setHeader('content-type', 'application/json');
          res.write(JSON.stringify(body));
          return shim;
        },
        header: () => shim,
        end: () => res.end(),
      };
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      void adapter.process({ method: 'POST', headers: req.headers, body }, shim, async (context: TurnContext) => {
        await context.sendActivity({
          type: 'invokeResponse',
          value: {
            status: 200,
            body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [ready] } },
          },
        });
      });
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

  try {
    await timeInvokes(oursUrl, connector.url, 20);
    await timeInvokes(bareUrl, connector.url, 20);
    // ABBA order, so drift weighs on both sides alike.
    const b1 = await timeInvokes(bareUrl, connector.url, invokes / 2);
    const m1 = await timeInvokes(oursUrl, connector.url, invokes / 2);
    const m2 = await timeInvokes(oursUrl, connector.url, invokes / 2);
    const b2 = await timeInvokes(bareUrl, connector.url, invokes / 2);
    const base = [...b1, ...b2];
    const mine = [...m1, ...m2];
    return [
      {
        name: `Teams composeExtension/queryLink, ${invokes} invokes one after the other (Teams waits ~5 s)`,
        figures: {
          'bare CloudAdapter median ms': round(median(base)),
          'bare CloudAdapter p99 ms': round(p99(base)),
          'meetbot median ms': round(median(mine)),
          'meetbot p99 ms': round(p99(mine)),
          'meetbot max ms': round(Math.max(...mine)),
          'ratio of medians (meetbot / bare)': round(median(mine) / median(base)),
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

/** Milliseconds each invoke took, checking each answer carries the card. */
async function timeInvokes(base: string, serviceUrl: string, count: number): Promise<number[]> {
  const took: number[] = [];
  for (let i = 0; i < count; i++) {
    const body = JSON.stringify({
      type: 'invoke',
      name: 'composeExtension/queryLink',
      value: { url },
      id: `bench-link-${++sequence}`,
      channelId: 'msteams',
      serviceUrl,
      from: { id: '29:bob', name: 'Bob Jones' },
      recipient: { id: '28:meetbot', name: 'Meet' },
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId },
      channelData: { tenant: { id: tenantId } },
    });
    const started = performance.now();
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = (await res.json()) as { composeExtension?: { attachments?: unknown[] } };
    took.push(performance.now() - started);
    if (res.status !== 200 || answer.composeExtension?.attachments?.length !== 1) {
      throw new Error(`queryLink answered ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
    }
  }
  return took;
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
