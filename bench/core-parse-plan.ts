import type { CreateCommand } from '../src/core/command';
import { parseCommand } from '../src/core/parse-command';
import { generatePasscode } from '../src/core/passcode';
import type { PlanInput, ResolvedPerson } from '../src/core/people';
import { planMeeting } from '../src/core/plan-meeting';
import { median, opsPerSecond } from './lib-timing';
import type { BenchResult } from './types';

/**
 * Parse + plan of a typical interview command on one core, against a baseline measured in the
 * same run: a JSON round trip (stringify + parse) of the request it plans, the least any
 * caller does with it. Alternating rounds (A-B-B-A) so drift falls on both sides; medians.
 */

const TEXT = 'interview <@U0ALICE|alice> candidate@x.com "Backend L2" 45m';
const ROUNDS = 8;
const ROUND_MS = 250;

const typist: ResolvedPerson = {
  source: 'workspace',
  platform: 'slack',
  userId: 'U0TYPIST',
  displayName: 'tina',
  firstName: 'Tina',
  lastName: 'Typist',
  email: 'tina@acme.com',
};
const alice: ResolvedPerson = {
  ...typist,
  userId: 'U0ALICE',
  displayName: 'alice',
  firstName: 'Alice',
  email: 'alice@acme.com',
};
const candidate: ResolvedPerson = {
  source: 'outsider',
  platform: 'slack',
  displayName: 'candidate@x.com',
  email: 'candidate@x.com',
};

function planInputFor(command: CreateCommand): PlanInput {
  return {
    command,
    typist,
    // What the Slack adapter resolves: by id for mentions, as an outsider for emails.
    people: command.people.map((ref) => ({ ref, person: ref.kind === 'email' ? candidate : alice })),
    addonConfigurations: [],
    sso: { defaultProvider: 'google', domains: {} },
    generatePasscode,
  };
}

function parseAndPlan(): unknown {
  const parsed = parseCommand(TEXT, { platform: 'slack' });
  if (!parsed.ok || parsed.command.kind !== 'create') throw new Error('the typical command did not parse');
  const planned = planMeeting(planInputFor(parsed.command));
  if (!planned.ok) throw new Error(planned.error.message);
  return planned.value.request;
}

export async function run(): Promise<BenchResult[]> {
  const request = parseAndPlan();
  const baseline = () => JSON.parse(JSON.stringify(request));
  // Warm up both so the JIT has compiled them before measuring.
  opsPerSecond(parseAndPlan, 200);
  opsPerSecond(baseline, 200);
  const subject: number[] = [];
  const base: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [parseAndPlan, baseline] : [baseline, parseAndPlan];
    const [first, second] = order.map((fn) => opsPerSecond(fn, ROUND_MS));
    const [s, b] = round % 2 === 0 ? [first, second] : [second, first];
    subject.push(s);
    base.push(b);
    ratios.push(s / b);
  }
  return [
    {
      name: `parse + plan: ${TEXT}`,
      figures: {
        'commands/s (median)': Math.round(median(subject)),
        'baseline JSON round trip/s (median)': Math.round(median(base)),
        'ratio parse+plan / baseline': median(ratios),
        'microseconds per command': 1e6 / median(subject),
        'target commands/s': 100_000,
      },
    },
  ];
}
