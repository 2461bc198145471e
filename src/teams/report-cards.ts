import { formatDay, formatDuration, formatNumber, stars } from '../core/formats';
import { rangeWords } from '../core/ranges';
import type { ConfigSummary, FeedbackSummary, HelpEntry, RangeLabel, Reply, UsageSummary } from '../core/reply-model';
import { type AdaptiveCard, type CardElement, createCard, factSet, textBlock } from './card-types';
import { escapeInline, escapeMarkdown, teamsCommand } from './escape';

/** Usage, feedback, addon configurations, help and errors as Adaptive Cards (v1.5). */

/** Under the title, which names the range: the days (unless the name is them), zone and tenant. */
function rangeLine(range: RangeLabel, tenant?: string): string {
  const { days, timeZone } = rangeWords(range);
  const parts = [...(days === undefined ? [] : [days]), escapeInline(timeZone)];
  if (tenant) parts.push(`tenant ${escapeInline(tenant)}`);
  return parts.join(' · ');
}

export function renderUsageCard(range: RangeLabel, s: UsageSummary, tenant?: string): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`Usage: ${escapeInline(rangeWords(range).name)}`, { size: 'Large', weight: 'Bolder' }),
    textBlock(rangeLine(range, tenant), { isSubtle: true, spacing: 'None' }),
  ];
  if (s.meetCount === 0) {
    body.push(textBlock('No Meets in this period. Try a longer one, e.g. @Meet usage 30d.'));
    return createCard(body);
  }
  const facts = [
    { title: 'Meets', value: formatNumber(s.meetCount) },
    { title: 'Average participants', value: formatNumber(s.averageParticipants) },
    { title: 'Total time', value: formatDuration(s.totalMinutes) },
    { title: 'Billable time', value: formatDuration(s.billableMinutes) },
    { title: 'Free Meets', value: formatNumber(s.freeCount) },
    {
      title: 'Subscription',
      value: `${formatNumber(s.coveredCount)} covered, ${formatNumber(s.chargedCount)} charged`,
    },
  ];
  if (s.busiestDay) {
    facts.push({
      title: 'Busiest day',
      value: `${formatDay(s.busiestDay.date)} (${formatNumber(s.busiestDay.meetCount)} Meets)`,
    });
  }
  body.push(factSet(facts));
  if (s.longest.length > 0) {
    body.push(textBlock('Longest Meets', { weight: 'Bolder', separator: true }));
    for (const [i, m] of s.longest.entries()) {
      const line = `${i + 1}. ${escapeInline(m.title || 'Untitled Meet')} · ${formatDuration(m.minutes)} · ${formatDay(m.date)}`;
      body.push(textBlock(line, { spacing: 'None' }));
    }
  }
  return createCard(body);
}

export function renderFeedbackCard(range: RangeLabel, s: FeedbackSummary, tenant?: string): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`Feedback: ${escapeInline(rangeWords(range).name)}`, { size: 'Large', weight: 'Bolder' }),
    textBlock(rangeLine(range, tenant), { isSubtle: true, spacing: 'None' }),
  ];
  if (s.count === 0 || s.averageRating === undefined) {
    body.push(textBlock('No feedback in this period. Try a longer one, e.g. @Meet feedback 30d.'));
    return createCard(body);
  }
  body.push(
    factSet([
      { title: 'Responses', value: formatNumber(s.count) },
      { title: 'Average rating', value: `${formatNumber(s.averageRating)} of 5` },
    ]),
  );
  if (s.distribution.length > 0) {
    body.push(textBlock('Ratings', { weight: 'Bolder', separator: true }));
    body.push(factSet(s.distribution.map((d) => ({ title: stars(d.rating), value: formatNumber(d.count) }))));
  }
  if (s.lowest.length > 0) {
    body.push(textBlock('Lowest rated, with comments', { weight: 'Bolder', separator: true }));
    for (const f of s.lowest) {
      body.push(textBlock(`${stars(f.rating)} ${formatDay(f.date)}`, { size: 'Small', isSubtle: true }));
      body.push(textBlock(`“${escapeInline(f.text)}”`, { spacing: 'None' }));
    }
  }
  return createCard(body);
}

export function renderConfigsCard(configs: ConfigSummary[], example?: string): AdaptiveCard {
  const body: CardElement[] = [textBlock('Addon configurations', { size: 'Large', weight: 'Bolder' })];
  if (configs.length === 0) {
    body.push(textBlock("There are no addon configurations yet: Meets get Meet's default addons."));
  }
  for (const c of configs) {
    const items: CardElement[] = [
      textBlock(`${escapeInline(c.name)}${c.isDefault ? ' (default)' : ''}`, { weight: 'Bolder' }),
    ];
    if (c.description) items.push(textBlock(escapeMarkdown(c.description), { spacing: 'None' }));
    const addons = c.addons.length > 0 ? c.addons.map(escapeInline).join(', ') : 'no addons';
    items.push(textBlock(`${addons} · id ${escapeInline(c.id)}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
    body.push({ type: 'Container', separator: true, items });
  }
  if (example) {
    body.push(
      textBlock(`Pick one when you create a Meet: @Meet meeting @Alice ${escapeInline(example)}`, { isSubtle: true }),
    );
  }
  return createCard(body);
}

export function renderHelpCard(intro: string, entries: HelpEntry[]): AdaptiveCard {
  const body: CardElement[] = [
    textBlock('How to use @Meet', { size: 'Large', weight: 'Bolder' }),
    textBlock(escapeMarkdown(teamsCommand(intro)), { spacing: 'Small' }),
  ];
  for (const e of entries) {
    const items: CardElement[] = [
      textBlock(escapeInline(teamsCommand(e.usage)), { fontType: 'Monospace', weight: 'Bolder' }),
      textBlock(escapeMarkdown(teamsCommand(e.description)), { spacing: 'None' }),
    ];
    if (e.example) {
      items.push(textBlock(`Example: ${escapeInline(teamsCommand(e.example))}`, { isSubtle: true, spacing: 'None' }));
    }
    body.push({ type: 'Container', separator: true, items });
  }
  return createCard(body);
}

export function renderErrorCard(reply: Extract<Reply, { kind: 'error' }>): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`⚠️ ${escapeMarkdown(reply.message)}`, { color: 'Attention', weight: 'Bolder' }),
  ];
  if (reply.hint) body.push(textBlock(escapeMarkdown(teamsCommand(reply.hint))));
  if (reply.usage) {
    body.push(
      textBlock(`Usage: ${escapeInline(teamsCommand(reply.usage))}`, { fontType: 'Monospace', isSubtle: true }),
    );
  }
  if (reply.referenceId) {
    body.push(textBlock(`Reference: ${escapeInline(reply.referenceId)}`, { size: 'Small', isSubtle: true }));
  }
  return createCard(body);
}
