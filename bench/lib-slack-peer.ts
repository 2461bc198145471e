import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startFakeSlackApi } from '../test/fixtures/fake-slack-api';

/**
 * The other side of `bench/slack-ack.ts`, forked as its own process so that it does not compete
 * with the server under test for one event loop: the fake Slack Web API and response_url
 * receiver, the load generator (autocannon) and the end-to-end timer. Talks to the parent over IPC.
 */

interface CannonResult {
  requests: { average: number };
  latency: { p99: number; p50: number };
  non2xx: number;
  errors: number;
}
// autocannon ships no type declarations: this is the part of its API used here.
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<CannonResult>;

export type PeerRequest =
  | { type: 'hammer'; url: string; text: string; connections: number; seconds: number }
  | { type: 'e2e'; url: string; runs: number }
  | { type: 'close' };

export type PeerReply =
  | { type: 'ready'; apiUrl: string }
  | { type: 'hammered'; rps: number; p50: number; p99: number; failed: number; replies: number }
  | { type: 'e2e'; ms: number[] };

/** The signing secret, given by the parent as the first argument. */
const peerSecret = process.argv[2] ?? '';

function signed(body: string) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac('sha256', peerSecret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': sig,
  };
}

function slashBody(text: string, responseUrl: string, triggerId: string): string {
  return new URLSearchParams({
    team_id: 'T0001',
    channel_id: 'C0BENCH',
    user_id: 'UREC',
    command: '/meet',
    text,
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

async function main(): Promise<void> {
  const slack = await startFakeSlackApi();
  slack.addUser({ id: 'UREC', name: 'rita', email: 'rita@acme.com', firstName: 'Rita', lastName: 'Recruiter' });
  slack.addUser({ id: 'UBOB', name: 'bob', email: 'bob@acme.com', firstName: 'Bob', lastName: 'Builder' });
  const reply = (m: PeerReply) => process.send?.(m);

  process.on('message', (m: PeerRequest) => {
    void (async () => {
      if (m.type === 'close') {
        await slack.close();
        process.disconnect();
        return;
      }
      if (m.type === 'hammer') {
        slack.responses.length = 0;
        slack.calls.length = 0;
        const body = slashBody(m.text, slack.responseUrl('bench-ack'), 'trigger.bench');
        const result = await autocannon({
          url: m.url,
          method: 'POST',
          headers: signed(body),
          body,
          connections: m.connections,
          duration: m.seconds,
        });
        // Replies still on their way when the load stops are counted too.
        await new Promise((r) => setTimeout(r, 200));
        reply({
          type: 'hammered',
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          failed: result.non2xx + result.errors,
          replies: slack.responses.length,
        });
        slack.responses.length = 0;
        return;
      }
      const ms: number[] = [];
      for (let i = 0; i < m.runs; i++) {
        const id = `bench-e2e-${i}-${Date.now()}`;
        const b = slashBody(`meeting <@UBOB> "Bench ${i}"`, slack.responseUrl(id), `trigger.e2e.${id}`);
        // The channel message is posted with the bot token (chat.postMessage), so it can be updated later.
        const arrived = new Promise<number>((resolve) => {
          slack.onCall = (call) => {
            if (call.method === 'chat.postMessage' && JSON.stringify(call.args).includes(`Bench ${i}"`)) {
              resolve(performance.now());
            }
          };
        });
        const started = performance.now();
        const res = await fetch(m.url, { method: 'POST', headers: signed(b), body: b });
        await res.arrayBuffer();
        ms.push((await arrived) - started);
      }
      reply({ type: 'e2e', ms });
    })();
  });
  reply({ type: 'ready', apiUrl: slack.apiUrl });
}

void main();
