import { calendarLinks } from './calendar-links';
import { formatClock, formatDay, formatDuration, formatNumber, formatSpan, stars } from './formats';
import { groupPasscodes, guestPasscodeHandOut, passcodeHandOut } from './passcode-words';
import { rangeWords } from './ranges';
import type {
  ConfigSummary,
  MeetCreatedPrivate,
  MeetCreatedPublic,
  MeetListItem,
  MeetSchedule,
  Reply,
  ShownPerson,
  UpcomingItem,
} from './reply-model';
import { statusWords } from './status-words';
import { templateName } from './words';

/**
 * The plain-text renderer of the CLI. Text from users and from the API is stripped of control
 * characters, so a title cannot move the cursor or recolour the terminal.
 */

function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

/** Columns padded to their widest cell; the last column is not padded. */
export function formatTable(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  }
  return rows.map(
    (row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '),
  );
}

function personText(p: ShownPerson): string {
  const name = clean(p.displayName);
  if (!p.email || p.email === p.displayName) return p.email ? clean(p.email) : name;
  return `${name} <${clean(p.email)}>`;
}

const guestWords: Record<MeetCreatedPublic['guestAccess'], string> = {
  none: 'only the people named',
  anyone: 'anyone with the link, as Guest',
  passcode: 'anyone with the guest passcode, as Guest',
};

function renderMeetCreated(pub: MeetCreatedPublic, priv: MeetCreatedPrivate): string {
  const rows: string[][] = [
    ['Join', pub.joinUrl],
    ...(pub.schedule ? scheduleRows(pub.schedule, pub.title, pub.joinUrl) : []),
    ['Template', templateName(pub.template)],
  ];
  if (pub.durationMinutes !== undefined) rows.push(['Duration', formatDuration(pub.durationMinutes)]);
  if (pub.configName) rows.push(['Config', clean(pub.configName)]);
  rows.push(['Guests', guestWords[pub.guestAccess]]);
  for (const group of pub.participants) rows.push([group.label, group.people.map(personText).join(', ')]);
  const privateRows: string[][] = [
    ['Code', priv.code],
    ['Join', priv.joinUrl],
  ];
  for (const group of groupPasscodes(priv.passcodes)) {
    for (const { person, passcode } of group.entries) privateRows.push([`Passcode of ${personText(person)}`, passcode]);
  }
  if (priv.guestPasscode !== undefined) privateRows.push(['Guest passcode', clean(priv.guestPasscode)]);
  const notes = [
    ...(priv.passcodes.length > 0 ? [passcodeHandOut] : []),
    ...(priv.guestPasscode !== undefined ? [`Guest passcode: ${guestPasscodeHandOut}`] : []),
  ];
  return [
    `Meet created: ${clean(pub.title)}`,
    ...formatTable(rows.map(([k, v]) => [`${k}:`, v])),
    '',
    '--- Only for you (do not share in a channel) ---',
    ...formatTable(privateRows.map(([k, v]) => [`${k}:`, v])),
    ...notes,
  ].join('\n');
}

/** When, and the calendar links (the terminal has no reminder: there is no channel). */
function scheduleRows(schedule: MeetSchedule, title: string, joinUrl: string): string[][] {
  const startsAt = new Date(schedule.startsAt);
  const endsAt = new Date(schedule.endsAt);
  const links = calendarLinks({ title, startsAt, endsAt, joinUrl });
  return [
    ['When', formatSpan(startsAt, endsAt, schedule.timeZone)],
    ['Google Calendar', links.google],
    ['Outlook', links.outlook],
  ];
}

function renderUpcoming(meets: UpcomingItem[]): string {
  if (meets.length === 0) return 'No Meets for later.';
  const rows = meets.map((m) => [
    m.code,
    formatSpan(new Date(m.schedule.startsAt), new Date(m.schedule.endsAt), m.schedule.timeZone),
    clean(m.title),
  ]);
  return ['Your Meets for later', ...formatTable([['Code', 'When', 'Title'], ...rows])].join('\n');
}

function rangeHeading(what: string, reply: Extract<Reply, { kind: 'usage' | 'feedback' }>): string {
  const { name, days, timeZone } = rangeWords(reply.range);
  const tenant = reply.tenant ? `, tenant ${clean(reply.tenant)}` : '';
  const details = days === undefined ? timeZone : `${days}, ${timeZone}`;
  return `${what}, ${clean(name)} (${details})${tenant}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function renderUsage(reply: Extract<Reply, { kind: 'usage' }>): string {
  const s = reply.summary;
  const lines = [rangeHeading('Usage', reply)];
  if (s.meetCount === 0) return [...lines, '  No Meets in this range.'].join('\n');
  lines.push(
    ...formatTable([
      ['Meets', String(s.meetCount)],
      ['Time', `${formatDuration(s.totalMinutes)} total, ${formatDuration(s.billableMinutes)} billable`],
      ['Free / covered / charged', `${s.freeCount} / ${s.coveredCount} / ${s.chargedCount}`],
      ['Average participants', String(s.averageParticipants)],
      ...(s.busiestDay
        ? [['Busiest day', `${formatDay(s.busiestDay.date)} (${plural(s.busiestDay.meetCount, 'Meet')})`]]
        : []),
    ]),
  );
  if (s.longest.length > 0) {
    lines.push('', 'Longest Meets');
    const rows = s.longest.map((m) => [m.code, formatDay(m.date), formatDuration(m.minutes), clean(m.title)]);
    lines.push(...formatTable([['Code', 'Day', 'Length', 'Title'], ...rows]));
  }
  return lines.join('\n');
}

function renderFeedback(reply: Extract<Reply, { kind: 'feedback' }>): string {
  const s = reply.summary;
  const lines = [rangeHeading('Feedback', reply)];
  if (s.count === 0) return [...lines, '  No feedback in this range.'].join('\n');
  lines.push(
    ...formatTable([
      ['Responses', String(s.count)],
      ['Average rating', s.averageRating === undefined ? '-' : `${formatNumber(s.averageRating)} of 5`],
    ]),
  );
  lines.push('', 'Ratings');
  lines.push(
    ...formatTable(
      s.distribution.map((d) => [stars(d.rating), String(d.count), '#'.repeat(Math.ceil((d.count / s.count) * 20))]),
    ),
  );
  if (s.lowest.length > 0) {
    lines.push('', 'Lowest rated');
    lines.push(...formatTable(s.lowest.map((f) => [stars(f.rating), formatDay(f.date), clean(f.text)])));
  }
  return lines.join('\n');
}

function renderConfigs(configs: ConfigSummary[]): string {
  if (configs.length === 0) return 'No addon configurations.';
  const rows = configs.map((c) => [
    clean(c.name) + (c.isDefault ? ' (default)' : ''),
    c.id,
    c.addons.length > 0 ? c.addons.map(clean).join(', ') : '-',
  ]);
  return ['Addon configurations', ...formatTable([['Name', 'Id', 'Addons'], ...rows])].join('\n');
}

function renderMeets(meets: MeetListItem[], timeZone: string): string {
  if (meets.length === 0) return 'No Meets today.';
  const rows = meets.map((m) => {
    const { label, detail } = statusWords(m.status);
    const time = m.status.state === 'live' ? formatClock(m.status.startedAt, timeZone) : '';
    return [
      clean(m.title),
      templateName(m.template),
      formatClock(m.createdAt, timeZone),
      [label, ...detail.map((d) => d.replace('{time}', time))].join(' · '),
    ];
  });
  return [`Meets today (${timeZone})`, ...formatTable([['Title', 'Template', 'Created', 'Status'], ...rows])].join(
    '\n',
  );
}

export function renderReplyAsText(reply: Reply): string {
  switch (reply.kind) {
    case 'meets':
      return renderMeets(reply.meets, reply.timeZone);
    case 'upcoming':
      return renderUpcoming(reply.meets);
    case 'meetCreated':
      return renderMeetCreated(reply.public, reply.private);
    case 'usage':
      return renderUsage(reply);
    case 'feedback':
      return renderFeedback(reply);
    case 'configs':
      return renderConfigs(reply.configs);
    case 'help':
      return [
        reply.intro,
        ...reply.entries.flatMap((e) => [
          '',
          `  ${e.usage}`,
          `    ${e.description}`,
          ...(e.example ? [`    e.g. ${e.example}`] : []),
        ]),
      ].join('\n');
    case 'notice':
      return clean(reply.text);
    case 'error':
      return [
        `Error: ${clean(reply.message)}`,
        ...(reply.hint ? [clean(reply.hint)] : []),
        ...(reply.usage ? [`Usage: ${reply.usage}`] : []),
        ...(reply.referenceId ? [`Reference: ${reply.referenceId}`] : []),
      ].join('\n');
  }
}
