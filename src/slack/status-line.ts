import type { MeetListItem } from '../core/reply-model';
import { statusWords } from '../core/status-words';
import { slackTime } from './dates';

const statusIcons = {
  created: ':hourglass_flowing_sand:',
  live: ':large_green_circle:',
  ended: ':white_circle:',
  expired: ':heavy_minus_sign:',
  cancelled: ':no_entry_sign:',
};

/** The status line: `Live · started 10:02 · 3 people`, the time in each reader's zone. */
export function statusLine(status: MeetListItem['status'], timeZone: string): string {
  const { label, detail } = statusWords(status);
  const time = status.state === 'live' ? slackTime(status.startedAt, timeZone) : '';
  return [`${statusIcons[status.state]} *${label}*`, ...detail.map((d) => d.replace('{time}', time))].join('  ·  ');
}
