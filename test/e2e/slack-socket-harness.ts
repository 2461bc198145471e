import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { createMeetClient } from '../../src/meet/client';
import type { MeetApi } from '../../src/meet/meet-api';
import { type Sandbox, startSandbox } from '../../src/sandbox/server';
import { createSlackApp, type SlackApp, type SlackDeps } from '../../src/slack/app';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { type FakeSlackApi, startFakeSlackApi } from '../fixtures/fake-slack-api';
import { type FakeSlackSocket, startFakeSlackSocket } from '../fixtures/fake-slack-socket';
import { addDefaultUsers, signingSecret } from './slack-harness';

/**
 * Socket Mode end to end, as a developer behind a firewall runs it: meetbot has no public URL;
 * it asks the (fake) Slack Web API for a WebSocket URL with its app-level token, dials out to the
 * (fake) Socket Mode server on loopback, and receives `/meet` as envelopes on that socket.
 */

export const appToken = 'xapp-1-A0001-1234-socketmodesecret';
export const botToken = 'xoxb-test-token';
export const passcode = '48151623';

export interface World {
  sandbox: Sandbox;
  slack: FakeSlackApi;
  socket: FakeSlackSocket;
  store: Store;
  meet: MeetApi;
  app: SlackApp;
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startWorld(config: Partial<SlackDeps['config']> = {}, sandboxLatencyMs = 0): Promise<World> {
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const sandbox = await startSandbox({ latencyMs: sandboxLatencyMs });
  const store = await openStore('sqlite::memory:');
  const slack = await startFakeSlackApi();
  addDefaultUsers(slack);
  const socket = await startFakeSlackSocket();
  slack.socketModeUrl = () => socket.issueUrl();
  const meet = createMeetClient({
    baseUrl: sandbox.url,
    clientKey: 'sandbox-key',
    clientSecret: 'sandbox-secret',
    logger,
  });
  const closeFakes = async () => {
    await meet.close();
    await store.close();
    await socket.close();
    await slack.close();
    await sandbox.close();
  };
  try {
    const app = await createSlackApp({
      config: { signingSecret, apiUrl: slack.apiUrl, botToken, appToken, ...config },
      meet,
      store,
      logger,
      clock: () => new Date(),
      sso: { domains: { 'acme.com': 'microsoft' } },
      defaultTimeZone: 'UTC',
      generatePasscode: () => passcode,
    });
    return {
      sandbox,
      slack,
      socket,
      store,
      meet,
      app,
      logs,
      async close() {
        await app.stop();
        await closeFakes();
      },
    };
  } catch (error) {
    await closeFakes();
    throw error;
  }
}

let seq = 0;

/** The fields Slack puts in a `slash_commands` envelope's payload. */
export function slashPayload(w: World, text: string, triggerId = `trigger.socket.${++seq}`) {
  const responseId = `socket${++seq}`;
  return {
    responseId,
    payload: {
      token: 'legacy-verification-token',
      team_id: w.slack.team.id,
      team_domain: 'acme',
      channel_id: 'C0CHAN',
      channel_name: 'hiring',
      user_id: 'UREC',
      user_name: 'rita',
      command: '/meet',
      text,
      api_app_id: 'A0001',
      is_enterprise_install: 'false',
      response_url: w.slack.responseUrl(responseId),
      trigger_id: triggerId,
    },
  };
}
