import type { HelpEntry } from './reply-model';

/**
 * The usage line of every form of `/meet` (errors carry the one that was tried) and the help
 * entries built from them. Teams shows the same lines: people there type the text after `@Meet`.
 */

export type UsageForm =
  | 'create'
  | 'interview'
  | 'meeting'
  | 'webcast'
  | 'usage'
  | 'feedback'
  | 'configs'
  | 'digest'
  | 'help'
  | 'new'
  | 'status'
  | 'later'
  | 'upcoming'
  | 'cancel';

const rangeForms = 'this week|last week|this month|last month|7d|30d|YYYY-MM-DD..YYYY-MM-DD';
const createOptions =
  '["Title"] [desc:"…"] [45m] [config:NAME] [guests:anyone|none|PASSCODE] [WHEN [tz:ZONE] [remind:15m|none]]';

export const usageLines: Readonly<Record<UsageForm, string>> = {
  create: `/meet [interview|meeting|webcast] [@person …] [email …] ${createOptions}`,
  interview: `/meet interview [@interviewer …] candidate@example.com … ${createOptions}`,
  meeting: `/meet meeting @person … [email …] ${createOptions}`,
  webcast: `/meet webcast [@co-host …] [email …] ${createOptions}`,
  usage: `/meet usage [${rangeForms}] [tenant:CODE]`,
  feedback: `/meet feedback [${rangeForms}] [tenant:CODE]`,
  configs: '/meet configs',
  digest: '/meet digest weekly [DAY] [HH:MM] [tz:ZONE] [tenant:CODE] | /meet digest off | /meet digest',
  help: '/meet help [interview|meeting|webcast|later|usage|feedback|configs|digest|new|status|upcoming|cancel]',
  new: '/meet new',
  status: '/meet status',
  later: '/meet [interview|meeting|webcast] … WHEN [tz:ZONE] [remind:15m|none]',
  upcoming: '/meet upcoming',
  cancel: '/meet cancel CODE',
};

/** `/meet help TOPIC` narrows the help to one form; `create` covers people and options. */
export const helpTopics: readonly UsageForm[] = [
  'create',
  'interview',
  'meeting',
  'webcast',
  'usage',
  'feedback',
  'configs',
  'digest',
  'help',
  'new',
  'status',
  'later',
  'upcoming',
  'cancel',
];

/** Words people use for a topic, mapped to the form whose help answers them. */
export const helpTopicAliases: ReadonlyMap<string, UsageForm> = new Map([
  ['quick', 'create'],
  ['people', 'create'],
  ['options', 'create'],
  ['roles', 'create'],
  ['guests', 'create'],
  ['duration', 'create'],
  ['config', 'configs'],
  ['title', 'create'],
  ['range', 'usage'],
  ['ranges', 'usage'],
  ['form', 'new'],
  ['when', 'later'],
  ['time', 'later'],
  ['schedule', 'later'],
  ['scheduled', 'upcoming'],
  ['reminder', 'later'],
  ['remind', 'later'],
  ['tz', 'later'],
  ['calendar', 'later'],
]);

const formEntries: ReadonlyArray<HelpEntry & { form: UsageForm }> = [
  {
    form: 'create',
    usage: '/meet',
    description: 'A quick Meet: 60 minutes, default configuration, anyone with the link joins.',
    example: '/meet "Coffee chat"',
  },
  {
    form: 'interview',
    usage: usageLines.interview,
    description:
      'You organize, mentioned colleagues interview, emails are candidates (at least one). Prefix a person with admin:, host:, candidate: or guest: to change their role.',
    example: '/meet interview @alice bob@example.com "Backend interview" 45m config:Interview',
  },
  {
    form: 'meeting',
    usage: usageLines.meeting,
    description: 'You organize, everyone else joins as a participant. The default when you name people.',
    example: '/meet @alice carol@example.com "Weekly sync" 30m',
  },
  {
    form: 'webcast',
    usage: usageLines.webcast,
    description:
      'You host, mentioned colleagues co-host, emails join as named guests; anyone with the link joins unless guests:none (or guests:PASSCODE to require a passcode of 4–20 letters or digits).',
    example: '/meet webcast @alice "All hands" 1h30m guests:anyone',
  },
  {
    form: 'usage',
    usage: usageLines.usage,
    description: 'Meets and minutes in a period (last week unless you say otherwise).',
    example: '/meet usage this month',
  },
  {
    form: 'feedback',
    usage: usageLines.feedback,
    description: 'Ratings and comments people left after their Meets.',
    example: '/meet feedback 2026-01-01..2026-01-31',
  },
  {
    form: 'configs',
    usage: usageLines.configs,
    description: 'The addon configurations you can pick with config:NAME.',
    example: '/meet configs',
  },
  {
    form: 'digest',
    usage: usageLines.digest,
    description: 'Post a weekly usage summary to this channel, stop it, or show when it runs next.',
    example: '/meet digest weekly monday 09:00 tz:Europe/Berlin',
  },
  {
    form: 'later',
    usage: usageLines.later,
    description:
      'A Meet for later: WHEN is tomorrow 15:00, fri 10:30, at 9, 2026-12-04 09:00, in 2h or next monday 14:00, read in your own time zone unless tz: says otherwise. The Meet is created (and its invitations emailed) now; its link works at any time. The message shows the time in each reader’s zone with calendar links, and the channel is reminded in its thread 10 minutes before (remind:15m, or remind:none).',
    example: '/meet interview @alice bob@example.com "Backend L2" fri 15:00 45m',
  },
  {
    // One entry for both: every help example is run against the sandbox, and a cancel needs a code.
    form: 'upcoming',
    usage: `${usageLines.upcoming}  ·  ${usageLines.cancel}`,
    description:
      'Your Meets for later that have not ended, soonest first, with their codes. Cancel one you created with its code: no reminder, and its message says Cancelled. The Meet itself stays (the Meet API cannot delete a Meet), so its link still works: tell the people invited.',
    example: '/meet upcoming',
  },
  {
    form: 'status',
    usage: usageLines.status,
    description: 'Your Meets of today and where each is: not started, live (since when, how many people) or ended.',
    example: '/meet status',
  },
  {
    form: 'new',
    usage: usageLines.new,
    description: 'Open a form to create a Meet.',
    example: '/meet new',
  },
  {
    form: 'help',
    usage: usageLines.help,
    description: 'This help, or the help of one command.',
    example: '/meet help interview',
  },
];

const createForms: readonly UsageForm[] = ['create', 'interview', 'meeting', 'webcast'];

function toEntry({ usage, description, example }: HelpEntry): HelpEntry {
  return { usage, description, example };
}

/** Every help entry, in the order the help shows them. */
export const helpEntries: HelpEntry[] = formEntries.map(toEntry);

/** The form a help topic (`interview`, `ranges`, `people`…) is about, or undefined. */
export function findHelpTopic(word: string): UsageForm | undefined {
  const lower = word.toLowerCase();
  const singular = lower.endsWith('s') && lower !== 'configs' ? lower.slice(0, -1) : lower;
  for (const candidate of [lower, singular]) {
    if ((helpTopics as readonly string[]).includes(candidate)) return candidate as UsageForm;
    const alias = helpTopicAliases.get(candidate);
    if (alias) return alias;
  }
  return undefined;
}

/** The help entries of one topic; all of them without a topic. */
export function selectHelpEntries(topic?: string): HelpEntry[] {
  const form = topic === undefined ? undefined : findHelpTopic(topic);
  if (form === undefined) return helpEntries.slice();
  const forms = form === 'create' ? createForms : form === 'cancel' ? ['upcoming'] : [form];
  return formEntries.filter((entry) => forms.includes(entry.form)).map(toEntry);
}
