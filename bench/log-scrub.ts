import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createLogger, loggerOptions } from '../src/logger';
import { createScrubber } from '../src/secrets/scrubber';
import { worstInputs } from '../test/fixtures/worst-text';
import { median, opsPerSecond } from './lib-timing';
import type { BenchResult } from './types';

/**
 * The log scrubber on every line: lines per second of a meetbot logger (pino + the scrubber with
 * a full registry: 7 configured secrets, 1,000 tokens, 10,000 passcodes) against the same pino
 * logger without the scrubber, in the same run, on two lines: one of ours and a Slack WebClient
 * debug line (a request body as JSON in the message). Then the slowest 100 kB worst input.
 */

const nowhere = { write: (_line: string) => true };

function fullScrubber() {
  const scrubber = createScrubber();
  let seed = 3;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  for (let i = 0; i < 10_000; i++) scrubber.add(String(10_000_000 + (next() % 89_999_999)), 'passcode');
  for (let i = 0; i < 1_000; i++)
    scrubber.add(`tok${next().toString(36)}${next().toString(36)}${next().toString(36)}`, 'token');
  for (const s of [
    'meet-secret-1a2b',
    'signing-secret-3c4d',
    'client-secret-5e6f',
    'state-secret-7a8b',
    'xoxb-1-2-3',
    'xapp-1-2',
    'ms-pass~9c',
  ]) {
    scrubber.add(s, 'configured');
  }
  return scrubber;
}

const boltBody = JSON.stringify({
  team_id: 'T0001',
  channel: 'C0CHAN',
  user: 'UREC',
  text: 'Your Meet is ready. Code: `ht7QvWnG`',
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text: '*Design review*\nMeet code: `ht7QvWnG`' } },
    { type: 'section', text: { type: 'mrkdwn', text: '`52118430`  <@UREC>\n`77120931`  jane@example.com' } },
  ],
});

const cases: Array<{ name: string; log: (logger: pino.Logger) => void }> = [
  {
    name: 'our line (Meet created, 6 fields)',
    log: (l) =>
      l.info(
        {
          platform: 'slack',
          teamId: 'T0001',
          channelId: 'C0CHAN',
          userId: 'UREC',
          meetCode: 'ht7QvWnG',
          template: 'interview',
        },
        'Meet created from Slack',
      ),
  },
  { name: 'WebClient debug line (JSON body, passcodes)', log: (l) => l.info(`http request body: ${boltBody}`) },
];

export async function run(): Promise<BenchResult[]> {
  const scrubber = fullScrubber();
  const plain = pino(loggerOptions('info'), nowhere);
  const scrubbed = createLogger({ level: 'info', destination: nowhere, scrubber });
  const results: BenchResult[] = cases.map(({ name, log }) => {
    // opsPerSecond wants a result; the write is the work.
    const subject = () => {
      log(scrubbed);
      return true;
    };
    const baseline = () => {
      log(plain);
      return true;
    };
    opsPerSecond(subject, 100);
    opsPerSecond(baseline, 100);
    const withScrubber: number[] = [];
    const without: number[] = [];
    for (let round = 0; round < 6; round++) {
      withScrubber.push(opsPerSecond(subject, 150));
      without.push(opsPerSecond(baseline, 150));
    }
    return {
      name: `log line: ${name}`,
      figures: {
        'lines/s with the scrubber': Math.round(median(withScrubber)),
        'lines/s without': Math.round(median(without)),
        'ratio with / without': median(withScrubber) / median(without),
        'microseconds added per line': 1e6 / median(withScrubber) - 1e6 / median(without),
      },
    };
  });

  let slowest = { name: '', ms: 0 };
  for (const [name, text] of Object.entries(worstInputs)) {
    const line = `{"level":30,"time":"2026-12-01T09:00:00.000Z","msg":${JSON.stringify(text)}}\n`;
    scrubber.scrub(line.slice(0, 1000));
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      scrubber.scrub(line, 46);
      times.push(performance.now() - started);
    }
    if (median(times) > slowest.ms) slowest = { name, ms: median(times) };
  }
  results.push({
    name: 'one 100 kB line of each worst input (test/fixtures/worst-text.ts)',
    figures: { 'slowest input': slowest.name, 'ms on it': slowest.ms },
  });
  return results;
}
