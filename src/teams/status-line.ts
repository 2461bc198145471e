import type { MeetListItem } from '../core/reply-model';
import { statusWords } from '../core/status-words';

const statusIcons = { created: '⏳', live: '🟢', ended: '⚪', expired: '➖', cancelled: '🚫' };

/** RFC 3339 without milliseconds, as Teams' card functions read it. */
function rfc3339(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An instant Teams shows in each reader's own zone (`{{TIME(…)}}` in a card). */
export function teamsTime(instant: Date): string {
  return `{{TIME(${rfc3339(instant)})}}`;
}

/** A day and time Teams shows in each reader's own zone: `{{DATE(…, SHORT)}} {{TIME(…)}}`. */
export function teamsDateTime(instant: Date): string {
  return `{{DATE(${rfc3339(instant)}, SHORT)}} ${teamsTime(instant)}`;
}

/** `Live · started 10:02 · 3 people`; Teams shows the time in each reader's own zone. */
export function statusLine(status: MeetListItem['status']): string {
  const { label, detail } = statusWords(status);
  const time = status.state === 'live' ? teamsTime(status.startedAt) : '';
  return [`${statusIcons[status.state]} **${label}**`, ...detail.map((d) => d.replace('{time}', time))].join(' · ');
}
