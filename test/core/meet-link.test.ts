import { parseMeetLink } from '../../src/core/meet-link';

describe('parseMeetLink: a Meet join link, not a meet.rs page', () => {
  test.each([
    ['https://meet.rs/5LM7fdZ0', '5LM7fdZ0'],
    ['https://meet.rs/le3YHkUb', 'le3YHkUb'],
    ['http://meet.rs/le3YHkUb', 'le3YHkUb'],
    ['https://www.meet.rs/le3YHkUb/', 'le3YHkUb'],
    ['https://MEET.RS/le3YHkUb', 'le3YHkUb'],
    ['https://meet.rs/le3YHkUb?utm_source=mail#join', 'le3YHkUb'],
    ['  https://meet.rs/AB12cd34  ', 'AB12cd34'],
  ])('%s is the Meet %s, with its canonical join URL', (url, code) => {
    expect(parseMeetLink(url)).toEqual({ code, joinUrl: `https://meet.rs/${code}`, pageLike: false });
  });

  test.each([
    ['https://meet.rs/'],
    ['https://meet.rs/pro'],
    ['https://meet.rs/pricing'],
    ['https://meet.rs/privacy'],
    ['https://meet.rs/terms'],
    ['https://meet.rs/le3YHkUb9'],
    ['https://meet.rs/le3YHk'],
    ['https://meet.rs/le3Y-kUb'],
    ['https://meet.rs/docs/le3YHkUb'],
    ['https://meet.rs/le3YHkUb/join'],
    ['https://api.meet.rs/le3YHkUb'],
    ['https://cdn.meet.rs/le3YHkUb'],
    ['https://meet.rs.evil.example/le3YHkUb'],
    ['https://evil.example/meet.rs/le3YHkUb'],
    ['https://meet.rs:8443/le3YHkUb'],
    ['https://user:pw@meet.rs/le3YHkUb'],
    ['ftp://meet.rs/le3YHkUb'],
    ['meet.rs/le3YHkUb'],
    ['not a url'],
    ['https://meet.rs/le3YHkÜb'],
  ])('%s is not a Meet link', (url) => {
    expect(parseMeetLink(url)).toBeUndefined();
  });

  test('a text longer than any link is not parsed', () => {
    expect(parseMeetLink(`https://meet.rs/le3YHkUb?${'x'.repeat(3000)}`)).toBeUndefined();
  });

  test('eight lowercase letters could be a page (/features) as well as a code: said so', () => {
    expect(parseMeetLink('https://meet.rs/features')).toEqual({
      code: 'features',
      joinUrl: 'https://meet.rs/features',
      pageLike: true,
    });
    expect(parseMeetLink('https://meet.rs/featur3s')?.pageLike).toBe(false);
    expect(parseMeetLink('https://meet.rs/Features')?.pageLike).toBe(false);
  });
});
