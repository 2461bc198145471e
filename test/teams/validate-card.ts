import type * as AdaptiveCards from 'adaptivecards';

// The UMD build: the package's `lib/` is ESM without file extensions, which Node cannot require.
const AC: typeof AdaptiveCards = require('adaptivecards/dist/adaptivecards.js');

/** The highest card version the manifest's clients (Teams desktop, web, mobile) render. */
export const maxCardVersion = '1.5';

/** Required by the Adaptive Card schema but not checked by the adaptivecards library. */
const required: Record<string, string[]> = {
  TextBlock: ['text'],
  Image: ['url'],
  Media: ['sources'],
  FactSet: ['facts'],
  ImageSet: ['images'],
  Container: ['items'],
  ColumnSet: ['columns'],
  ActionSet: ['actions'],
  'Input.Toggle': ['title'],
  'Input.Text': ['id'],
  'Input.Number': ['id'],
  'Input.ChoiceSet': ['id'],
  'Action.OpenUrl': ['url'],
  RichTextBlock: ['inlines'],
  TextRun: ['text'],
};

/**
 * Every problem the adaptivecards library (parse and validateProperties, at version 1.5) or the
 * schema's required properties find in a card. The one exception: Teams' people picker
 * (`choices.data`) works in 1.5 cards but the library files it under 1.6 and, not knowing it, then
 * calls the choice set empty; both warnings are allowed on a choice set that has `choices.data`.
 */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as { type?: string; version?: string };
  if (json.type !== 'AdaptiveCard') problems.push(`not an AdaptiveCard: ${String(json.type)}`);
  if (json.version !== maxCardVersion) problems.push(`version ${String(json.version)}, expected ${maxCardVersion}`);
  const max = new AC.Version(1, 5);
  AC.SerializableObject.defaultMaxVersion = max;
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(max);
  parsed.parse(card, context);
  const events: Array<{ event: number; message: string; source?: unknown }> = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...parsed.validateProperties().validationEvents);
  for (const e of events) {
    const name = AC.ValidationEvent[e.event];
    const source = e.source as { getJsonTypeName?: () => string; id?: string } | undefined;
    const isPicker = source?.getJsonTypeName?.() === 'Input.ChoiceSet' && pickerIds(card).has(source.id ?? '');
    const pickerWarning =
      (name === 'UnsupportedProperty' && e.message.includes('"choices.data"')) ||
      (name === 'CollectionCantBeEmpty' && isPicker);
    if (!pickerWarning) problems.push(`${name}: ${e.message}`);
  }
  walk(card, '', problems);
  const entities = new Set(
    ((card as { msteams?: { entities?: Array<{ text: string }> } }).msteams?.entities ?? []).map((e) => e.text),
  );
  for (const m of JSON.stringify(card).matchAll(/<at>(.*?)<\/at>/g)) {
    if (!entities.has(m[0])) problems.push(`mention ${m[0]} has no msteams entity`);
  }
  return problems;
}

function pickerIds(card: unknown): Set<string> {
  const ids = new Set<string>();
  const visit = (o: unknown) => {
    if (Array.isArray(o)) for (const x of o) visit(x);
    else if (o && typeof o === 'object') {
      const el = o as Record<string, unknown>;
      if (el.type === 'Input.ChoiceSet' && el['choices.data'] && typeof el.id === 'string') ids.add(el.id);
      for (const x of Object.values(el)) visit(x);
    }
  };
  visit(card);
  return ids;
}

function walk(o: unknown, where: string, problems: string[]): void {
  if (Array.isArray(o)) {
    for (const [i, x] of o.entries()) walk(x, `${where}[${i}]`, problems);
    return;
  }
  if (!o || typeof o !== 'object') return;
  const el = o as Record<string, unknown>;
  for (const prop of required[el.type as string] ?? []) {
    const v = el[prop];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
      problems.push(`${where}: ${String(el.type)} needs "${prop}"`);
    }
  }
  if (el.type === 'FactSet') {
    for (const f of (el.facts as Array<{ title?: unknown; value?: unknown }>) ?? []) {
      if (typeof f.title !== 'string' || typeof f.value !== 'string')
        problems.push(`${where}: a fact needs title and value`);
    }
  }
  for (const [k, v] of Object.entries(el))
    if (k !== 'data' && typeof v === 'object') walk(v, `${where}.${k}`, problems);
}
