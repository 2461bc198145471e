import type { MentionEntity, ParseContext } from '../../src/core/command';

/** Seeded random `/meet` texts: grammar tokens mixed with junk, so failures reproduce from the seed. */

export type Random = () => number;

/** mulberry32: small, fast and good enough to pick tokens. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

const grammar = [
  'interview',
  'meeting',
  'webcast',
  'quick',
  'Interview',
  'usage',
  'feedback',
  'configs',
  'digest',
  'help',
  'new',
  'weekly',
  'off',
  'show',
  'monday',
  'Fri',
  'sun',
  '09:00',
  '9am',
  '5',
  'pm',
  '25:00',
  'this',
  'last',
  'week',
  'month',
  '7d',
  '30d',
  '2026-01-01..2026-01-31',
  '2026-02-30',
  '2026-03-01..2026-02-01',
  '..',
  '<@U123>',
  '<@U2|bob>',
  '<@W9ENT>',
  '<@B1>',
  '@alice',
  '@josé',
  '@here',
  '@',
  'bob@x.com',
  'Carol@Example.ORG',
  'bad@',
  '<mailto:dan@x.io|dan@x.io>',
  '<mailto:nope>',
  '<#C1|general>',
  '<!here>',
  '<https://x.io|x>',
  'admin:',
  'host:',
  'interviewer:',
  'candidate:',
  'user:',
  'guest:',
  'guest:@bob',
  'candidate:<@U7>',
  'host:eve@x.com',
  '"Weekly sync"',
  '“Typographic”',
  '‘single’',
  '„low“',
  '"unbalanced',
  '“',
  '"',
  "'",
  'title:"T"',
  'title:',
  'desc:"D"',
  '--desc',
  'config:Coding',
  'config:"Code editor"',
  '--config=X',
  '45m',
  '1h',
  '1h30m',
  '90m',
  '1.5h',
  '0m',
  '-5m',
  '25h',
  '45',
  'duration:45',
  'duration:0',
  'duration:-1',
  '--duration',
  '--duration=1441',
  'guests:anyone',
  'guests:none',
  'guests:Secret42',
  'guests:ab',
  'guests:',
  'tenant:acme',
  'tenant:a/b',
  '--tenant',
  'tz:Europe/Berlin',
  'tz:Mars/Base',
  'tz:',
  '--tz=utc',
  '--',
  '--=',
  '<at>Meet</at>',
  '<at>Alice</at>',
  '<at>Zoë Ångström</at>',
  '<at>Ghost</at>',
  '<at>',
  '</at>',
  '<p>',
  '</p>',
  '<br/>',
  '<a href="mailto:f@x.com">f@x.com</a>',
  '&amp;',
  '&nbsp;',
  '&quot;',
  '&lt;@U1&gt;',
  '&#x1F600;',
  '&#0;',
  '&#xD800;',
  '&bogus;',
  '/meet',
  '?',
  '-h',
  'foo:bar',
  'https://x.io',
  'intervew',
  'usgae',
  'upcoming',
  'cancel',
  'le3YHkUb',
  'tomorrow',
  'in',
  'at',
  'on',
  'next',
  '2h',
  '15:00',
  '3pm',
  'noon',
  'Dec',
  '4',
  'am',
  'hours',
  '2026-12-04',
  '2026-12-04T09:00Z',
  'remind:15m',
  'remind:none',
  'remind:soon',
  'remind:',
];

/** Pieces that combine into valid create commands, so every template is reached often. */
const valid = [
  'interview',
  'meeting',
  'webcast',
  '<@U123>',
  '<@U2|bob>',
  '@alice',
  'bob@x.com',
  'Carol@Example.ORG',
  '<mailto:dan@x.io|dan@x.io>',
  'guest:@bob',
  'candidate:<@U7>',
  'host:eve@x.com',
  '"Weekly sync"',
  '45m',
  'config:Coding',
  'guests:none',
  'guests:Secret42',
  'desc:"D"',
  '<at>Alice</at>',
  'tomorrow 15:00',
  'fri 10:30',
  'in 2h',
  'tz:Europe/Berlin',
  'remind:15m',
];

const junk = [
  '',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u200b',
  '\ufeff',
  ',',
  ';',
  ':',
  '=',
  '<',
  '>',
  '|',
  '@',
  '&',
  '#',
  '"',
  '“',
  '”',
  '„',
  '‘',
  '’',
  "'",
  '«',
  '»',
  '\\',
  '/',
  '.',
  '..',
  '…',
  '—',
  '-',
  '0',
  '9',
  'é',
  'ß',
  '日本',
  '🙂',
  '👩‍💻',
  '\ud800',
  '\udc00',
  'A'.repeat(70),
  '9'.repeat(12),
  'constructor',
  '__proto__',
  'toString',
];

function randomJunk(random: Random): string {
  const roll = random();
  if (roll < 0.5) return pick(random, junk);
  if (roll < 0.8) {
    let text = '';
    const length = 1 + Math.floor(random() * 8);
    for (let i = 0; i < length; i++) text += String.fromCharCode(32 + Math.floor(random() * 95));
    return text;
  }
  let text = '';
  const length = 1 + Math.floor(random() * 4);
  for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(random() * 0x3000));
  return text;
}

const separators = [' ', ' ', ' ', '', '\n', '&nbsp;', ', ', '\u3000'];

/** One text of 0–14 pieces. */
export function randomCommandText(random: Random): string {
  const count = Math.floor(random() * 15);
  const mostlyValid = random() < 0.25;
  let text = '';
  for (let i = 0; i < count; i++) {
    const roll = random();
    const piece =
      mostlyValid && roll < 0.95 ? pick(random, valid) : roll < 0.7 ? pick(random, grammar) : randomJunk(random);
    text += (i === 0 ? '' : pick(random, separators)) + piece;
  }
  return text;
}

const entities: MentionEntity[] = [
  { text: '<at>Meet</at>', id: '28:meet-bot', name: 'Meet' },
  { text: '<at>Alice</at>', id: '29:alice', name: 'Alice' },
  { text: '<at>Zoë Ångström</at>', id: '29:zoe', name: 'Zoë Ångström' },
  { text: '<at>Alice</at>', id: '29:alice2', name: 'Alice' },
  // What a careless adapter might hand over.
  { text: '', id: '', name: '' },
  { text: undefined, id: 42, name: null } as unknown as MentionEntity,
];

export function randomContext(random: Random): ParseContext {
  const roll = random();
  if (roll < 0.3) return { platform: 'slack' };
  if (roll < 0.4) return { platform: 'cli' };
  const mentions = entities.filter(() => random() < 0.6);
  const botId = pick(random, ['28:meet-bot', 'meet-bot', undefined, '']);
  return { platform: 'teams', mentions, botId };
}
