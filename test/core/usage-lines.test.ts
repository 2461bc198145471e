import { parseCommand } from '../../src/core/parse-command';
import { helpEntries, selectHelpEntries, usageLines } from '../../src/core/usage-lines';

describe('usage lines and help entries', () => {
  test.each(helpEntries.filter((entry) => entry.example !== undefined).map((entry) => [entry.example!]))(
    'the help example %j is a valid command',
    (example) => {
      const result = parseCommand(example.replace(/^\/meet\s*/, ''), { platform: 'slack' });
      expect(result).toMatchObject({ ok: true });
    },
  );

  test('every help entry has a usage line, a description and an example', () => {
    expect(helpEntries.length).toBeGreaterThanOrEqual(10);
    for (const entry of helpEntries) {
      expect(entry.usage).toMatch(/^\/meet/);
      expect(entry.description.length).toBeGreaterThan(10);
      expect(entry.example).toMatch(/^\/meet/);
    }
  });

  test.each([
    ['interview', [usageLines.interview]],
    ['Digest', [usageLines.digest]],
    ['ranges', [usageLines.usage]],
    ['people', ['/meet', usageLines.interview, usageLines.meeting, usageLines.webcast]],
    ['later', [usageLines.later]],
    ['cancel', [`${usageLines.upcoming}  ·  ${usageLines.cancel}`]],
  ])('help %j shows only its entries', (topic, usages) => {
    expect(selectHelpEntries(topic).map((entry) => entry.usage)).toEqual(usages);
  });

  test('no topic, or an unknown one, shows everything', () => {
    expect(selectHelpEntries()).toEqual(helpEntries);
    expect(selectHelpEntries('whatever')).toEqual(helpEntries);
  });
});
