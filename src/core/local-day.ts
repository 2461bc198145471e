import { tz } from '@date-fns/tz';
import { format } from 'date-fns';

/** The calendar day (`YYYY-MM-DD`) of an ISO instant in `timeZone`; undefined when the instant is not a date. */
export function localDay(instant: string, timeZone: string): string | undefined {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return undefined;
  return format(date, 'yyyy-MM-dd', { in: tz(timeZone) });
}

/** How many instants fall on each local day, earliest day first; instants that are not dates are left out. */
export function countByDay(instants: string[], timeZone: string): Array<{ date: string; count: number }> {
  const counts = new Map<string, number>();
  for (const instant of instants) {
    const day = localDay(instant, timeZone);
    if (day) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, count]) => ({ date, count }));
}
