import { performance } from 'node:perf_hooks';
import { scrubSecrets } from '../src/meet/errors';
import { codeSpan, escapeControl, escapeMrkdwn } from '../src/slack/escape';
import { escapeInline, escapeMarkdown, teamsCommand } from '../src/teams/escape';
import { worstInputs, worstSize } from '../test/fixtures/worst-text';
import { median } from './lib-timing';
import type { BenchResult } from './types';

/**
 * Every escaper (Slack's and Teams', and the Meet client's scrubber of API error details) on 100 kB of each worst input of test/fixtures/worst-text.ts.
 * Baseline in the same run: JSON.stringify of the same input, a linear escape done natively. The
 * figure that matters is the slowest input per escaper: a quadratic regex shows up there as
 * seconds instead of milliseconds.
 */

const escapers: Record<string, (text: string) => string> = {
  'slack escapeControl': escapeControl,
  'slack escapeMrkdwn': escapeMrkdwn,
  'slack codeSpan': codeSpan,
  'teams escapeMarkdown': escapeMarkdown,
  'teams escapeInline': escapeInline,
  'teams teamsCommand': teamsCommand,
  'meet scrubSecrets': (text) => scrubSecrets(text),
};

/** Milliseconds of one call, the median of up to 7 (one, when a call takes over half a second). */
function timeOf(fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
    if (times[0] > 500) break;
  }
  return median(times);
}

export async function run(): Promise<BenchResult[]> {
  const baselines = new Map(
    Object.entries(worstInputs).map(([name, text]) => [name, timeOf(() => JSON.stringify(text))]),
  );
  return Object.entries(escapers).map(([escaperName, escapeText]) => {
    let worst = { input: '', ms: -1, ratio: 0 };
    const all: number[] = [];
    for (const [inputName, text] of Object.entries(worstInputs)) {
      escapeText(text.slice(0, 1000)); // warm up
      const ms = timeOf(() => escapeText(text));
      all.push(ms);
      if (ms > worst.ms) worst = { input: inputName, ms, ratio: ms / Math.max(baselines.get(inputName) ?? 0, 0.001) };
    }
    return {
      name: `${escaperName} on ${worstSize / 1000} kB`,
      figures: {
        'slowest input': worst.input,
        'ms on the slowest input': worst.ms,
        'ratio to JSON.stringify of it': worst.ratio,
        'ms, median over all inputs': median(all),
      },
    };
  });
}
