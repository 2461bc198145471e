import { dayBar, digestFacts, digestSubtitle, digestTitle, feedbackLine, longestLine, lowestRatedLabel } from './facts';
import type { DigestModel } from './summarize';

/** The digest as plain text, for `meetbot digest preview` and logs of a dry run. */
export function renderDigestText(model: DigestModel): string {
  const lines = [digestTitle(model), digestSubtitle(model), ''];
  if (model.usage.meetCount === 0) {
    lines.push(`No Meets this week (${model.change.meetCount.previous} the week before).`);
  } else {
    const width = Math.max(...digestFacts(model).map((f) => f.label.length));
    for (const fact of digestFacts(model)) lines.push(`${fact.label.padEnd(width)}  ${fact.value}`);
    lines.push('', 'Meets per day');
    const max = Math.max(...model.days.map((d) => d.meetCount));
    for (const day of model.days)
      lines.push(`  ${day.label} ${dayBar(day.meetCount, max, 20).padEnd(20)} ${day.meetCount}`);
    if (model.usage.longest.length > 0) {
      lines.push('', 'Longest Meets');
      for (const [i, m] of model.usage.longest.entries()) {
        lines.push(`  ${longestLine(i, m)}`);
      }
    }
  }
  lines.push('', `Feedback: ${feedbackLine(model)}`);
  const lowest = model.feedback.lowest[0];
  if (lowest) lines.push(`  ${lowestRatedLabel(lowest)}: “${lowest.text}”`);
  return lines.join('\n');
}
