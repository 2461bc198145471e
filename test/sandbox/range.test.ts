import { parseIsoInstant, parseRange } from '../../src/sandbox/reports';

describe('sandbox report ranges', () => {
  it.each([
    ['2020-07-01', '2020-07-01T00:00:00.000Z'],
    ['2020-07-01T00:00:00.000Z', '2020-07-01T00:00:00.000Z'],
    ['2020-07-22T11:57:40.3817518Z', '2020-07-22T11:57:40.381Z'],
    ['2020-07-22T13:57:40+02:00', '2020-07-22T11:57:40.000Z'],
    ['2020-07-22T06:57-0500', '2020-07-22T11:57:00.000Z'],
    ['2020-07-22T11:57:40', '2020-07-22T11:57:40.000Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(new Date(parseIsoInstant(text)!).toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '2020-7-1', '2023-02-29', '2020-07-01T24:00:00Z', '2020-07-01T12:60Z', '07/01/2020'])(
    'refuses %j',
    (text) => {
      expect(parseIsoInstant(text)).toBeUndefined();
    },
  );

  const now = Date.parse('2025-03-12T10:00:00Z');
  const range = (query: Record<string, string>) => {
    const result = parseRange(query, now);
    return result.ok
      ? { from: new Date(result.value.from).toISOString(), to: new Date(result.value.to).toISOString() }
      : result.detail;
  };

  it('defaults to the current month, the month of `to`, or up to the end of this month', () => {
    expect(range({})).toEqual({ from: '2025-03-01T00:00:00.000Z', to: '2025-03-31T23:59:59.999Z' });
    expect(range({ to: '2025-01-20T00:00:00Z' })).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-01-20T00:00:00.000Z',
    });
    expect(range({ from: '2024-12-24' })).toEqual({ from: '2024-12-24T00:00:00.000Z', to: '2025-03-31T23:59:59.999Z' });
    expect(range({ from: '2025-05-01' })).toContain('is before from');
  });
});
