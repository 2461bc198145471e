import { renderDigestText } from '../../src/digest/render-text';
import { summarizeDigest } from '../../src/digest/summarize';
import { berlinPeriod, weekFeedbacks, weekUsage } from './week-data';

const model = summarizeDigest({ period: berlinPeriod, usage: weekUsage, feedbacks: weekFeedbacks, tenant: 'ACME01' });

test('text preview', () => {
  const text = renderDigestText(model);
  expect(text).toContain('Weekly Meet digest · ACME01\nMon 30 Nov – Sun 6 Dec 2026 (Europe/Berlin)');
  expect(text).toContain('Meets             4 (week before: 2, +100%)');
  expect(text).toContain('\nMeets per day\n  Mon ██████████           1');
  expect(text).not.toMatch(/[▁▂▃▄▅▆▇]/);
  expect(text).toContain('Feedback: 3 responses, average rating 3.7');
});
