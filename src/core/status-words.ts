import { formatDuration } from './formats';
import type { MeetStatus } from './meet-status';

/**
 * A Meet's status in words, the same on every platform. The start time is a slot the renderer
 * fills (`{time}`): Slack and Teams show it in each reader's own zone.
 */
export function statusWords(status: MeetStatus | { state: 'expired' | 'cancelled' }): {
  label: string;
  detail: string[];
} {
  const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
  switch (status.state) {
    case 'created':
      return { label: 'Not started yet', detail: [] };
    case 'expired':
      return { label: 'Did not start', detail: [] };
    case 'cancelled':
      return { label: 'Cancelled', detail: [] };
    case 'live':
      return { label: 'Live', detail: ['started {time}', people(status.participants)] };
    case 'ended':
      return { label: 'Ended', detail: [formatDuration(status.minutes), people(status.participants)] };
  }
}
