import type { ParseContext } from '../src/core/command';
import { parseCommand } from '../src/core/parse-command';
import { median, opsPerSecond } from './lib-timing';
import type { BenchResult } from './types';

/**
 * parseCommand alone on the texts people send, against a baseline measured in the same run:
 * JSON.parse of the command the text parses into (the cheapest way to get that object from text).
 * Rounds alternate subject and baseline so drift falls on both; medians.
 */

const teams: ParseContext = {
  platform: 'teams',
  botId: '28:meet-bot',
  mentions: [
    { text: '<at>Meet</at>', id: '28:meet-bot', name: 'Meet' },
    { text: '<at>Zoë Ångström</at>', id: '29:zoe', name: 'Zoë Ångström' },
  ],
};

const cases: Array<{ name: string; text: string; context: ParseContext }> = [
  {
    name: 'Slack interview',
    text: 'interview <@U0ALICE|alice> candidate@x.com "Backend L2" 45m config:Coding',
    context: { platform: 'slack' },
  },
  {
    name: 'Teams interview (HTML, entities)',
    text: '<p><at>Meet</at> interview <at>Zoë Ångström</at>&nbsp;bob@x.com &quot;Backend&quot; 1h30m</p>',
    context: teams,
  },
  { name: 'mistake (unknown word)', text: 'intervew @alice bob@x.com', context: { platform: 'slack' } },
];

const ROUNDS = 6;
const ROUND_MS = 200;

export async function run(): Promise<BenchResult[]> {
  return cases.map(({ name, text, context }) => {
    const subject = () => parseCommand(text, context);
    const json = JSON.stringify(subject());
    const baseline = () => JSON.parse(json);
    opsPerSecond(subject, 100);
    opsPerSecond(baseline, 100);
    const parsed: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = round % 2 === 0 ? opsPerSecond(subject, ROUND_MS) : 0;
      const b = opsPerSecond(baseline, ROUND_MS);
      const s = round % 2 === 0 ? a : opsPerSecond(subject, ROUND_MS);
      parsed.push(s);
      ratios.push(s / b);
    }
    return {
      name: `parseCommand: ${name}`,
      figures: {
        'parses/s (median)': Math.round(median(parsed)),
        'microseconds per parse': 1e6 / median(parsed),
        'ratio parse / JSON.parse of the result': median(ratios),
      },
    };
  });
}
