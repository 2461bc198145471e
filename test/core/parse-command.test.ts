import type { Command, ParseContext } from '../../src/core/command';
import { parseCommand } from '../../src/core/parse-command';
import { usageLines } from '../../src/core/usage-lines';

const slack: ParseContext = { platform: 'slack' };
const cli: ParseContext = { platform: 'cli' };
const teams: ParseContext = {
  platform: 'teams',
  botId: '28:meet-bot',
  mentions: [
    { text: '<at>Meet</at>', id: '28:meet-bot', name: 'Meet' },
    { text: '<at>Alice</at>', id: '29:alice', name: 'Alice' },
    { text: '<at>Zoë Ångström</at>', id: '29:zoe', name: 'Zoë Ångström' },
  ],
};

const quick = { kind: 'create', template: 'quick', people: [], guests: { kind: 'default' } };

function ok(text: string, context: ParseContext = slack): Command {
  const result = parseCommand(text, context);
  if (!result.ok) throw new Error(`expected ${text} to parse, got: ${result.error.message}`);
  return result.command;
}

describe('templates', () => {
  test.each<[string, object]>([
    ['', quick],
    ['   ', quick],
    ['"Weekly sync"', { ...quick, title: 'Weekly sync' }],
    ['45m', { ...quick, durationMinutes: 45 }],
    ['quick "Coffee"', { ...quick, title: 'Coffee' }],
    ['interview bob@x.com', { template: 'interview', people: [{ kind: 'email', email: 'bob@x.com' }] }],
    ['INTERVIEW bob@x.com', { template: 'interview' }],
    ['meeting <@U1>', { template: 'meeting', people: [{ kind: 'user', id: 'U1' }] }],
    ['Meeting', { template: 'meeting', people: [] }],
    ['webcast', { template: 'webcast', people: [], guests: { kind: 'default' } }],
    ['webinar <@U1>', { template: 'webcast' }],
    ['<@U1> bob@x.com', { template: 'meeting' }],
    ['@alice "Sync" interview carol@x.com', { template: 'interview' }],
  ])('%j', (text, expected) => {
    expect(ok(text)).toMatchObject({ kind: 'create', ...expected });
  });
});

describe('people', () => {
  test.each<[string, ParseContext, object[]]>([
    ['<@U123>', slack, [{ kind: 'user', id: 'U123', token: '<@U123>' }]],
    ['<@U123|alice>', slack, [{ kind: 'user', id: 'U123', label: 'alice', token: '<@U123|alice>' }]],
    ['<@W0ENTERPRISE>', slack, [{ kind: 'user', id: 'W0ENTERPRISE' }]],
    ['@alice', slack, [{ kind: 'userName', name: 'alice', token: '@alice' }]],
    ['@josé', slack, [{ kind: 'userName', name: 'josé' }]],
    ['@anna.maria_k', slack, [{ kind: 'userName', name: 'anna.maria_k' }]],
    ['Bob@X.com', slack, [{ kind: 'email', email: 'bob@x.com', token: 'Bob@X.com' }]],
    ['<mailto:bob@x.com|bob@x.com>', slack, [{ kind: 'email', email: 'bob@x.com' }]],
    ['@bob@x.com', slack, [{ kind: 'email', email: 'bob@x.com' }]],
    ['<@U1>, <@U2>; c@x.io', slack, [{ id: 'U1' }, { id: 'U2' }, { email: 'c@x.io' }]],
    ['<at>Alice</at>', teams, [{ kind: 'user', id: '29:alice', label: 'Alice', token: '@Alice' }]],
    ['<at>Meet</at> <at>Zoë Ångström</at>', teams, [{ kind: 'user', id: '29:zoe', label: 'Zoë Ångström' }]],
    ['<at>Alice</at> <at>Meet</at>', teams, [{ id: '29:alice' }]],
    [
      '<at>Meet</at> <at>Alice</at>',
      {
        platform: 'teams',
        mentions: [{ text: '<at>Meet</at>', id: '28:x', name: 'Meet' }, ...teams.mentions!.slice(1)],
      },
      [{ id: '29:alice' }],
    ],
    [
      '<at>Meet</at> <at>Alice</at>',
      { platform: 'teams', botId: 'meet-bot', mentions: teams.mentions },
      [{ id: '29:alice' }],
    ],
    [
      '<at>Sam</at> <at>Sam</at>',
      {
        platform: 'teams',
        mentions: [
          { text: '<at>Sam</at>', id: '29:sam1', name: 'Sam' },
          { text: '<at>Sam</at>', id: '29:sam2', name: 'Sam' },
        ],
      },
      [{ id: '29:sam1' }, { id: '29:sam2' }],
    ],
    [
      '<at>Tom &amp; Jerry</at>',
      { platform: 'teams', mentions: [{ text: '<at>Tom & Jerry</at>', id: '29:tj', name: 'Tom & Jerry' }] },
      [{ id: '29:tj', label: 'Tom & Jerry' }],
    ],
  ])('%j', (text, context, people) => {
    const command = ok(text, context);
    expect(command).toMatchObject({ kind: 'create', people });
    expect((command as { people: unknown[] }).people).toHaveLength(people.length);
  });

  test.each<[string, object]>([
    ['admin:@bob', { kind: 'userName', name: 'bob', role: 'Admin' }],
    ['interviewer:<@U1>', { kind: 'user', id: 'U1', role: 'PowerUser' }],
    ['host:alice@x.com', { kind: 'email', email: 'alice@x.com', role: 'PowerUser' }],
    ['candidate:<@U1>', { kind: 'user', id: 'U1', role: 'User' }],
    ['user:@carol', { kind: 'userName', role: 'User' }],
    ['guest:@bob', { kind: 'userName', name: 'bob', role: 'Guest' }],
    ['guest: bob@x.com', { kind: 'email', role: 'Guest' }],
    ['--guest <mailto:bob@x.com|bob@x.com>', { kind: 'email', email: 'bob@x.com', role: 'Guest' }],
    ['GUEST:<@U9|z>', { kind: 'user', id: 'U9', role: 'Guest' }],
  ])('role prefix %j', (text, person) => {
    expect(ok(`meeting ${text}`)).toMatchObject({ people: [person] });
  });

  test('role prefix before a Teams mention', () => {
    expect(ok('<at>Meet</at> webcast guest:<at>Alice</at>', teams)).toMatchObject({
      template: 'webcast',
      people: [{ kind: 'user', id: '29:alice', role: 'Guest' }],
    });
  });

  test('the README example', () => {
    expect(ok('interview @alice guest:@bob carol@x.com')).toEqual({
      kind: 'create',
      template: 'interview',
      people: [
        { kind: 'userName', name: 'alice', token: '@alice' },
        { kind: 'userName', name: 'bob', role: 'Guest', token: '@bob' },
        { kind: 'email', email: 'carol@x.com', token: 'carol@x.com' },
      ],
      guests: { kind: 'default' },
    });
  });
});

describe('options', () => {
  test.each<[string, object]>([
    ['"A quoted title"', { title: 'A quoted title' }],
    ['“Typographic title”', { title: 'Typographic title' }],
    ['‘Single typographic’', { title: 'Single typographic' }],
    ['„German title“', { title: 'German title' }],
    ["'Bob's sync'", { title: "Bob's sync" }],
    ['&quot;Escaped title&quot;', { title: 'Escaped title' }],
    ['"R&amp;D &lt;3"', { title: 'R&D <3' }],
    ['title:"Weekly sync"', { title: 'Weekly sync' }],
    ['title:“Weekly sync”', { title: 'Weekly sync' }],
    ['title:Standup', { title: 'Standup' }],
    ['--title "Weekly sync"', { title: 'Weekly sync' }],
    ['--title="Weekly sync"', { title: 'Weekly sync' }],
    ['title: "Spaced"', { title: 'Spaced' }],
    ['desc:"Agenda: hiring"', { description: 'Agenda: hiring' }],
    ['description:"Long"', { description: 'Long' }],
    ['--desc "Agenda"', { description: 'Agenda' }],
    ['config:Coding', { config: 'Coding' }],
    ['config:"Code editor"', { config: 'Code editor' }],
    ['config:0f8fad5b-d9cb-469f-a165-70867728950e', { config: '0f8fad5b-d9cb-469f-a165-70867728950e' }],
    ['--config Coding', { config: 'Coding' }],
    ['--config=Coding', { config: 'Coding' }],
    ['45m', { durationMinutes: 45 }],
    ['1h', { durationMinutes: 60 }],
    ['1h30m', { durationMinutes: 90 }],
    ['1h 30m', { durationMinutes: 90 }],
    ['90m', { durationMinutes: 90 }],
    ['90min', { durationMinutes: 90 }],
    ['1.5h', { durationMinutes: 90 }],
    ['24h', { durationMinutes: 1440 }],
    ['duration:45', { durationMinutes: 45 }],
    ['duration:1h30m', { durationMinutes: 90 }],
    ['--duration 45', { durationMinutes: 45 }],
    ['--duration=45', { durationMinutes: 45 }],
    ['—duration 30', { durationMinutes: 30 }],
    ['guests:anyone', { guests: { kind: 'anyone' } }],
    ['guests:NONE', { guests: { kind: 'none' } }],
    ['guests:Secret42', { guests: { kind: 'passcode', passcode: 'Secret42' } }],
    ['--guests none', { guests: { kind: 'none' } }],
    ['--guests=anyone', { guests: { kind: 'anyone' } }],
  ])('%j', (text, expected) => {
    expect(ok(`webcast ${text}`)).toMatchObject({ kind: 'create', template: 'webcast', ...expected });
  });

  test('options go between and after people, in any order', () => {
    expect(ok('interview 45m <@U1> "Backend" bob@x.com config:Coding guests:none <@U2>')).toEqual({
      kind: 'create',
      template: 'interview',
      people: [
        { kind: 'user', id: 'U1', token: '<@U1>' },
        { kind: 'email', email: 'bob@x.com', token: 'bob@x.com' },
        { kind: 'user', id: 'U2', token: '<@U2>' },
      ],
      title: 'Backend',
      config: 'Coding',
      durationMinutes: 45,
      guests: { kind: 'none' },
    });
  });

  test('Teams HTML around the text', () => {
    expect(ok('<p><at>Meet</at>&nbsp;meeting <at>Alice</at> &quot;Plan&nbsp;B&quot;</p>\r\n', teams)).toMatchObject({
      template: 'meeting',
      people: [{ id: '29:alice' }],
      title: 'Plan\u00a0B',
    });
  });

  test('a Teams auto-linked email', () => {
    expect(ok('meeting <a href="mailto:bob@x.com">bob@x.com</a>', teams)).toMatchObject({
      people: [{ kind: 'email', email: 'bob@x.com' }],
    });
  });

  test('a leading /meet is ignored (CLI)', () => {
    expect(ok('/meet usage 7d', cli)).toEqual({ kind: 'usage', range: { kind: 'preset', preset: '7d' } });
  });
});

describe('usage and feedback', () => {
  test.each<[string, object]>([
    ['', { kind: 'preset', preset: 'last week' }],
    ['this week', { kind: 'preset', preset: 'this week' }],
    ['last week', { kind: 'preset', preset: 'last week' }],
    ['This Month', { kind: 'preset', preset: 'this month' }],
    ['last month', { kind: 'preset', preset: 'last month' }],
    ['7d', { kind: 'preset', preset: '7d' }],
    ['30d', { kind: 'preset', preset: '30d' }],
    ['2026-01-01..2026-01-31', { kind: 'days', start: '2026-01-01', end: '2026-01-31' }],
    ['2024-02-29..2024-02-29', { kind: 'days', start: '2024-02-29', end: '2024-02-29' }],
    ['2026-01-01 .. 2026-01-07', { kind: 'days', start: '2026-01-01', end: '2026-01-07' }],
    ['2026-1-5…2026-1-9', { kind: 'days', start: '2026-01-05', end: '2026-01-09' }],
    ['2026-03-15', { kind: 'days', start: '2026-03-15', end: '2026-03-15' }],
  ])('range %j', (range, expected) => {
    expect(ok(`usage ${range}`)).toEqual({ kind: 'usage', range: expected });
    expect(ok(`feedback ${range}`)).toEqual({ kind: 'feedback', range: expected });
  });

  test.each([
    ['usage tenant:acme', { kind: 'usage', range: { kind: 'preset', preset: 'last week' }, tenant: 'acme' }],
    [
      'Usage this month --tenant acme',
      { kind: 'usage', range: { kind: 'preset', preset: 'this month' }, tenant: 'acme' },
    ],
    ['feedback --tenant=ACME-1 30d', { kind: 'feedback', range: { kind: 'preset', preset: '30d' }, tenant: 'ACME-1' }],
  ])('%j', (text, expected) => {
    expect(ok(text)).toEqual(expected);
  });
});

describe('other commands', () => {
  test.each<[string, ParseContext, Command]>([
    ['configs', slack, { kind: 'configs' }],
    ['config', slack, { kind: 'configs' }],
    ['new', slack, { kind: 'new' }],
    ['<at>Meet</at> new', teams, { kind: 'new' }],
    ['help', slack, { kind: 'help' }],
    ['?', slack, { kind: 'help' }],
    ['--help', cli, { kind: 'help' }],
    ['help interview', slack, { kind: 'help', topic: 'interview' }],
    ['help Digest', slack, { kind: 'help', topic: 'digest' }],
    ['help ranges', slack, { kind: 'help', topic: 'usage' }],
    ['help whatever', slack, { kind: 'help' }],
    ['digest', slack, { kind: 'digest', action: 'show' }],
    ['digest off', slack, { kind: 'digest', action: 'off' }],
    ['DIGEST Off', slack, { kind: 'digest', action: 'off' }],
    ['digest weekly', slack, { kind: 'digest', action: 'weekly' }],
    [
      'digest weekly monday 09:00 tz:Europe/Berlin tenant:acme',
      slack,
      { kind: 'digest', action: 'weekly', weekday: 'monday', time: '09:00', timeZone: 'Europe/Berlin', tenant: 'acme' },
    ],
    ['digest weekly Fri 17:30', slack, { kind: 'digest', action: 'weekly', weekday: 'friday', time: '17:30' }],
    ['digest weekly 9:00 sun', slack, { kind: 'digest', action: 'weekly', weekday: 'sunday', time: '09:00' }],
    ['digest weekly 9am', slack, { kind: 'digest', action: 'weekly', time: '09:00' }],
    ['digest weekly 12am', slack, { kind: 'digest', action: 'weekly', time: '00:00' }],
    ['digest weekly 5 pm', slack, { kind: 'digest', action: 'weekly', time: '17:00' }],
    ['digest weekly --tz america/new_york', slack, { kind: 'digest', action: 'weekly', timeZone: 'America/New_York' }],
    ['digest weekly tz:UTC', slack, { kind: 'digest', action: 'weekly', timeZone: 'UTC' }],
    ['digest tuesday 8:15', slack, { kind: 'digest', action: 'weekly', weekday: 'tuesday', time: '08:15' }],
    ['upcoming', slack, { kind: 'upcoming' }],
    ['scheduled', slack, { kind: 'upcoming' }],
    ['<at>Meet</at> upcoming', teams, { kind: 'upcoming' }],
    ['cancel le3YHkUb', slack, { kind: 'cancel', code: 'le3YHkUb' }],
    ['cancel https://meet.rs/le3YHkUb', slack, { kind: 'cancel', code: 'le3YHkUb' }],
    ['help later', slack, { kind: 'help', topic: 'later' }],
    ['help reminder', slack, { kind: 'help', topic: 'later' }],
    ['help cancel', slack, { kind: 'help', topic: 'cancel' }],
  ])('%j', (text, context, expected) => {
    expect(ok(text, context)).toEqual(expected);
  });
});

describe('Meets for later: a time anywhere in a create command', () => {
  const at = (text: string, token = text) => ({ kind: 'words', text, token });
  test.each<[string, object]>([
    ['interview <@U1> bob@x.com "Backend L2" tomorrow 15:00', { template: 'interview', start: at('tomorrow 15:00') }],
    ['"Sync" fri 10:30 45m', { title: 'Sync', start: at('fri 10:30'), durationMinutes: 45 }],
    ['at 9', { template: 'quick', start: at('at 9') }],
    ['2026-12-04 09:00 "Review"', { start: at('2026-12-04 09:00'), title: 'Review' }],
    ['in 2h', { start: at('in 2h') }],
    ['in 1h 30m "Later"', { start: at('in 1h 30m'), title: 'Later' }],
    ['in 90 minutes', { start: at('in 90 minutes') }],
    ['45m in 2h', { start: at('in 2h'), durationMinutes: 45 }],
    ['1h 30m tomorrow 15:00', { start: at('tomorrow 15:00'), durationMinutes: 90 }],
    ['next monday 14:00', { start: at('next monday 14:00') }],
    ['fri "Sync" 10:30', { start: at('fri 10:30'), title: 'Sync' }],
    ['9 am tomorrow', { start: at('9 am tomorrow') }],
    ['Dec 4 2026 3pm', { start: at('Dec 4 2026 3pm') }],
    ['on Friday at 10:30', { start: at('on Friday at 10:30') }],
    ['TOMORROW 15:00', { start: at('TOMORROW 15:00') }],
    ['tomorrow 15:00 tz:europe/berlin', { start: at('tomorrow 15:00'), timeZone: 'Europe/Berlin' }],
    ['tomorrow 15:00 --tz=America/New_York', { timeZone: 'America/New_York' }],
    ['tomorrow 15:00 remind:15m', { reminderMinutes: 15 }],
    ['tomorrow 15:00 remind:1h', { reminderMinutes: 60 }],
    ['tomorrow 15:00 reminder:30', { reminderMinutes: 30 }],
    ['tomorrow 15:00 remind:none', { reminderMinutes: 0 }],
    ['tomorrow 15:00 remind:off', { reminderMinutes: 0 }],
  ])('%j', (text, expected) => {
    expect(ok(text)).toMatchObject({ kind: 'create', ...expected });
  });

  test.each<[string, object]>([
    ['2h', { durationMinutes: 120 }],
    ['1h30m', { durationMinutes: 90 }],
    ['45m "Sync"', { durationMinutes: 45, title: 'Sync' }],
  ])('%j alone is still a duration, not a time', (text, expected) => {
    const command = ok(text);
    expect(command).toMatchObject(expected);
    expect(command).not.toHaveProperty('start');
  });

  test('the time as typed is kept for the error messages (Slack escapes &amp; etc. stay out of it)', () => {
    expect(ok('tomorrow  “Sync”  15:00', slack)).toMatchObject({ start: at('tomorrow 15:00') });
    expect(ok('<at>Meet</at> tomorrow 15:00 "Sync"', teams)).toMatchObject({ start: at('tomorrow 15:00') });
  });
});

describe('mistakes are values with the offending token and the usage line', () => {
  test.each<[string, ParseContext, RegExp, string | undefined, string]>([
    ['interview <@U1>', slack, /at least one candidate/, 'interview', usageLines.interview],
    ['interview', slack, /at least one candidate/, 'interview', usageLines.interview],
    ['interview guest:bob@x.com', slack, /at least one candidate/, 'interview', usageLines.interview],
    ['meeting bob@x', slack, /not a valid email/, 'bob@x', usageLines.meeting],
    ['bob@@x.com', slack, /not a valid email/, 'bob@@x.com', usageLines.create],
    ['<mailto:nope|nope>', slack, /not a valid email/, 'nope', usageLines.create],
    ['"Weekly sync', slack, /never closed/, '"Weekly sync', usageLines.create],
    ['title:“Weekly sync', slack, /never closed/, 'title:“Weekly sync', usageLines.create],
    ['intervew bob@x.com', slack, /Did you mean "interview"/, 'intervew', usageLines.create],
    ['webcats', slack, /Did you mean "webcast"/, 'webcats', usageLines.create],
    ['usgae', slack, /Did you mean "usage"/, 'usgae', usageLines.create],
    ['foo', slack, /Unknown word "foo"/, 'foo', usageLines.create],
    ['Weekly sync', slack, /Put a title in quotes/, 'Weekly', usageLines.create],
    ['webcast foo:bar', slack, /Unknown option "foo:"/, 'foo:bar', usageLines.webcast],
    ['meeting titel:"X"', slack, /Did you mean title:/, 'titel:"X"', usageLines.meeting],
    ['--colour red', slack, /Unknown option "--colour"\./, '--colour', usageLines.create],
    ['title:', slack, /needs a value/, 'title:', usageLines.create],
    ['0m', slack, /0 minutes/, '0m', usageLines.create],
    ['duration:0', slack, /0 minutes/, 'duration:0', usageLines.create],
    ['duration:-5', slack, /negative/, 'duration:-5', usageLines.create],
    ['25h', slack, /at most 24 hours/, '25h', usageLines.create],
    ['duration:1441', slack, /at most 24 hours/, 'duration:1441', usageLines.create],
    ['45x', slack, /not a duration/, '45x', usageLines.create],
    ['duration:soon', slack, /not a duration/, 'duration:soon', usageLines.create],
    ['45m 30m', slack, /duration is given twice/, '30m', usageLines.create],
    ['"A" "B"', slack, /Two titles/, '"B"', usageLines.create],
    ['"A" title:B', slack, /Two titles/, 'title:B', usageLines.create],
    ['interview webcast', slack, /Two templates/, 'webcast', usageLines.interview],
    ['quick <@U1>', slack, /quick Meet has no invitations/, 'quick', usageLines.create],
    ['guests:abc', slack, /4–20 letters or digits/, 'guests:…', usageLines.create],
    ['guests:pass word', slack, /Unknown word "word"/, 'word', usageLines.create],
    ['guests:p@ss', slack, /4–20 letters or digits/, 'guests:…', usageLines.create],
    ['guests:anyon', slack, /did you mean guests:anyone/, 'guests:…', usageLines.create],
    ['guest:anyone', slack, /needs a person/, 'guest:anyone', usageLines.create],
    ['tenant:acme', slack, /not used when creating/, 'tenant:acme', usageLines.create],
    [
      'tz:UTC',
      slack,
      /tz:UTC goes with a Meet for later: add when it is, e\.g\. tomorrow 15:00 tz:UTC/,
      'tz:UTC',
      usageLines.create,
    ],
    ['remind:15m "Sync"', slack, /remind:15m goes with a Meet for later/, 'remind:15m', usageLines.create],
    ['tomorrow 15:00 remind:soon', slack, /"remind:soon" is not a reminder/, 'remind:soon', usageLines.create],
    ['tomorrow 15:00 remind:0m', slack, /is not a reminder/, 'remind:0m', usageLines.create],
    ['tomorrow 15:00 tz:Mars/Base', slack, /Unknown time zone "Mars\/Base"/, 'tz:Mars/Base', usageLines.create],
    ['tomorrow 15:00 tz:UTC tz:UTC', slack, /tz: is given twice/, 'tz:UTC', usageLines.create],
    ['interview bob@x.com 15 "X"', slack, /"15" is not a duration/, '15', usageLines.interview],
    ['upcoming now', slack, /upcoming takes nothing more/, 'now', usageLines.upcoming],
    ['cancel', slack, /Which Meet\? Give its code/, undefined, usageLines.cancel],
    ['cancel abc def', slack, /cancel takes one Meet code; remove def/, 'def', usageLines.cancel],
    ['cancel <@U1>', slack, /"<@U1>" is not a Meet code/, '<@U1>', usageLines.cancel],
    ['@here', slack, /not a person/, '@here', usageLines.create],
    ['<!channel>', slack, /notifies a whole group/, '<!channel>', usageLines.create],
    ['<#C1|general>', slack, /is a channel/, '<#C1|general>', usageLines.create],
    ['<@B123>', slack, /not a person I can invite/, '<@B123>', usageLines.create],
    ['meeting <at>Ghost</at>', teams, /I can't tell who @Ghost is/, '@Ghost', usageLines.meeting],
    ['usage yesterday', slack, /not a range/, 'yesterday', usageLines.usage],
    [
      'usage 2026-02-30..2026-03-01',
      slack,
      /2026-02-30 is not a calendar day/,
      '2026-02-30..2026-03-01',
      usageLines.usage,
    ],
    ['feedback 2023-02-29', slack, /not a calendar day/, '2023-02-29', usageLines.feedback],
    ['usage 2026-13-01', slack, /not a calendar day/, '2026-13-01', usageLines.usage],
    [
      'usage 2026-02-10..2026-02-01',
      slack,
      /ends \(2026-02-01\) before it starts/,
      '2026-02-10..2026-02-01',
      usageLines.usage,
    ],
    ['usage tenant:a/b', slack, /not a tenant code/, 'tenant:a/b', usageLines.usage],
    ['usage tz:UTC', slack, /not used by usage/, 'tz:UTC', usageLines.usage],
    ['usage <@U1>', slack, /takes no people/, '<@U1>', usageLines.usage],
    ['feedback tenant:a tenant:b', slack, /given twice/, 'tenant:b', usageLines.feedback],
    [
      'digest weekly tz:Mars/Base',
      slack,
      /Unknown time zone "Mars\/Base".*Europe\/Berlin/,
      'tz:Mars/Base',
      usageLines.digest,
    ],
    ['digest weekly tz:', slack, /needs a value/, 'tz:', usageLines.digest],
    ['digest weekly funday', slack, /Unknown word "funday"/, 'funday', usageLines.digest],
    ['digest weekly mondya', slack, /Did you mean "monday"/, 'mondya', usageLines.digest],
    ['digest weekly monday friday', slack, /day is given twice/, 'friday', usageLines.digest],
    ['digest weekly 25:00', slack, /not a time of day/, '25:00', usageLines.digest],
    ['digest weekly 9:75', slack, /not a time of day/, '9:75', usageLines.digest],
    ['digest weekly 13pm', slack, /not a time of day/, '13pm', usageLines.digest],
    ['digest weekly 9:00 10:00', slack, /time is given twice/, '10:00', usageLines.digest],
    ['digest weekly title:"x"', slack, /not used by digest/, 'title:"x"', usageLines.digest],
    ['digest off now', slack, /takes nothing more/, 'now', usageLines.digest],
    ['digest weekyl', slack, /Did you mean "weekly"/, 'weekyl', usageLines.digest],
    ['configs please', slack, /takes nothing more/, 'please', usageLines.configs],
    ['new <@U1>', slack, /takes nothing more/, '<@U1>', usageLines.new],
  ])('%j', (text, context, message, token, usage) => {
    const result = parseCommand(text, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(message);
    expect(result.error.token).toBe(token);
    expect(result.error.usage).toBe(usage);
  });

  test.each<[string, string, string, string]>([
    // text, the key as typed, "did you mean" (or ''), one known option in the same spelling
    ['configs --bogus', '--bogus', '', '--tenant'],
    ['usage --bogus', '--bogus', '', '--tenant'],
    ['usage --bogus=1', '--bogus', '', '--tenant'],
    ['usage --tenent=acme', '--tenent', ' Did you mean --tenant?', '--tz'],
    ['help --x', '--x', '', '--title'],
    ['interview --nope', '--nope', '', '--interviewer/--host'],
    ['digest weekly --Titel x', '--Titel', ' Did you mean --title?', '--guests'],
    ['meeting \u2014titel x', '\u2014titel', ' Did you mean --title?', '--desc'],
    ['configs bogus:1', 'bogus:', '', 'tenant:'],
    ['usage Tenent:acme', 'Tenent:', ' Did you mean tenant:?', 'tz:'],
    ['interview nope:x', 'nope:', '', 'interviewer:/host:'],
  ])('%j names the unknown option as typed, with the known ones spelled alike', (text, typed, hint, known) => {
    const result = parseCommand(text, cli);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message.startsWith(`Unknown option "${typed}".${hint} Options: `)).toBe(true);
    expect(result.error.message).toContain(known);
    const rest = result.error.message.replace(' Options: ', ' ').replace(' role prefixes: ', ' ');
    if (typed.endsWith(':')) expect(rest).not.toContain('--');
    else expect(rest).not.toContain(':');
  });

  test('a guest passcode is never repeated in an error', () => {
    for (const text of ['guests:sec!ret', 'guests:Secret42 guests:Other99', 'guests:ab']) {
      const result = parseCommand(`webcast ${text}`, slack);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(JSON.stringify(result.error)).not.toMatch(/sec!ret|Secret42|Other99|:ab/);
    }
  });

  test('a too long text is refused', () => {
    const result = parseCommand(`"${'x'.repeat(20_000)}"`, slack);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/too long/) } });
  });

  test('a title over 500 characters is refused', () => {
    expect(parseCommand(`"${'x'.repeat(501)}"`, slack)).toMatchObject({ ok: false });
    expect(ok(`"${'x'.repeat(500)}"`)).toMatchObject({ title: 'x'.repeat(500) });
  });
});
