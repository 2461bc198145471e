import { calendarLinkMaxChars, calendarLinks } from '../../src/core/calendar-links';

/** The "add to calendar" links: what Google Calendar and Outlook read back from them. */

const joinUrl = 'https://meet.rs/le3YHkUb';
const event = {
  title: 'Backend L2',
  startsAt: new Date('2026-12-04T14:00:00Z'),
  endsAt: new Date('2026-12-04T14:45:00Z'),
  joinUrl,
};

function params(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

test('Google Calendar: the new-event page with the title, UTC start/end, the join link as details and location', () => {
  const { google } = calendarLinks(event);
  expect(google).toBe(
    'https://calendar.google.com/calendar/render?action=TEMPLATE&text=Backend%20L2&dates=20261204T140000Z%2F20261204T144500Z&details=Join%20the%20Meet%3A%20https%3A%2F%2Fmeet.rs%2Fle3YHkUb&location=https%3A%2F%2Fmeet.rs%2Fle3YHkUb',
  );
  expect(params(google)).toEqual({
    action: 'TEMPLATE',
    text: 'Backend L2',
    dates: '20261204T140000Z/20261204T144500Z',
    details: `Join the Meet: ${joinUrl}`,
    location: joinUrl,
  });
});

test('Outlook: the compose deep link with the subject, ISO UTC start/end, the join link as body and location', () => {
  const { outlook } = calendarLinks(event);
  expect(outlook.startsWith('https://outlook.office.com/calendar/0/deeplink/compose?')).toBe(true);
  expect(params(outlook)).toEqual({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: 'Backend L2',
    startdt: '2026-12-04T14:00:00Z',
    enddt: '2026-12-04T14:45:00Z',
    body: `Join the Meet: ${joinUrl}`,
    location: joinUrl,
  });
  // Spaces as %20: Outlook shows a `+` as it is.
  expect(outlook).not.toContain('+');
});

test.each([
  'Q&A #3 + more',
  'C++ & C# "deep" dive',
  "It's 100% ‘quoted’ (really)",
  'Team 🎉 sync 👩‍💻',
  'a=b&text=evil&dates=19700101T000000Z',
  'line\nbreak\ttab',
])('a title with %j reaches both calendars unchanged, and cannot add parameters', (title) => {
  const { google, outlook } = calendarLinks({ ...event, title });
  expect(params(google).text).toBe(title);
  expect(params(outlook).subject).toBe(title);
  expect(params(google).dates).toBe('20261204T140000Z/20261204T144500Z');
  expect(Object.keys(params(google))).toEqual(['action', 'text', 'dates', 'details', 'location']);
  // Nothing that a chat client or a calendar reads as a delimiter stays raw in the link.
  for (const link of [google, outlook]) expect(new URL(link).search).not.toMatch(/[#"'()+\s]/);
});

test('a lone surrogate (not a character) does not break the links', () => {
  const { google } = calendarLinks({ ...event, title: 'Broken \uD83D title' });
  expect(params(google).text).toBe('Broken \uFFFD title');
});

test('times are UTC whatever zone the Meet was set in: a Meet across midnight and a year boundary', () => {
  const nye = {
    ...event,
    // 23:30–00:30 in Berlin on New Year's Eve: 22:30–23:30 UTC, still the old year there.
    startsAt: new Date('2026-12-31T22:30:00Z'),
    endsAt: new Date('2026-12-31T23:30:00Z'),
  };
  expect(params(calendarLinks(nye).google).dates).toBe('20261231T223000Z/20261231T233000Z');
  const acrossYear = { ...event, startsAt: new Date('2026-12-31T23:30:00Z'), endsAt: new Date('2027-01-01T00:15:00Z') };
  const links = calendarLinks(acrossYear);
  expect(params(links.google).dates).toBe('20261231T233000Z/20270101T001500Z');
  expect(params(links.outlook)).toMatchObject({ startdt: '2026-12-31T23:30:00Z', enddt: '2027-01-01T00:15:00Z' });
});

test('a 24-hour Meet ends on the next day, same time', () => {
  const day = { ...event, startsAt: new Date('2026-02-28T09:00:00Z'), endsAt: new Date('2026-03-01T09:00:00Z') };
  expect(params(calendarLinks(day).google).dates).toBe('20260228T090000Z/20260301T090000Z');
});

test('a title too long for a link is cut with … so each link stays under the limit; the rest is intact', () => {
  const title = '🎉'.repeat(200);
  const { google, outlook } = calendarLinks({ ...event, title });
  expect(google.length).toBeLessThanOrEqual(calendarLinkMaxChars);
  expect(outlook.length).toBeLessThanOrEqual(calendarLinkMaxChars);
  const cut = params(google).text;
  expect(cut.endsWith('…')).toBe(true);
  expect(Array.from(cut).every((c) => c === '🎉' || c === '…')).toBe(true);
  expect(params(outlook).location).toBe(joinUrl);
  expect(params(calendarLinks({ ...event, title: 'x'.repeat(200) }).google).text).toBe('x'.repeat(200));
});
