/**
 * Slack's documented Block Kit limits, in one place. Renderers shorten with an ellipsis so Slack
 * never answers `invalid_blocks`; `checkMessage`/`checkView` list every breach (used by tests).
 */
export const slackLimits = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40000,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  url: 3000,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  viewTitle: 24,
  viewSubmit: 24,
  viewClose: 24,
  callbackId: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  options: 100,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  textInputMax: 3000,
} as const;

/** Cuts `text` to at most `max` characters (code points), ending in `…` when cut. */
export function shorten(text: string, max: number): string {
  // A string's UTF-16 length is never below its code point count: most texts need no split.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

type Json = Record<string, unknown>;

function length(value: unknown): number {
  if (typeof value !== 'string') return 0;
  // Counting code points is only needed when UTF-16 units might exceed a limit (≥ 24 characters).
  return value.length < 24 ? value.length : Array.from(value).length;
}

function textOf(value: unknown): string | undefined {
  return value && typeof value === 'object' ? ((value as Json).text as string | undefined) : undefined;
}

function checkMax(problems: string[], where: string, value: unknown, max: number): void {
  if (length(value) > max) problems.push(`${where}: ${length(value)} characters, more than ${max}`);
}

function checkElement(problems: string[], where: string, el: Json): void {
  checkMax(problems, `${where}.action_id`, el.action_id, slackLimits.actionId);
  checkMax(problems, `${where}.placeholder`, textOf(el.placeholder), slackLimits.placeholder);
  if (el.type === 'button') {
    checkMax(problems, `${where}.text`, textOf(el.text), slackLimits.buttonText);
    checkMax(problems, `${where}.url`, el.url, slackLimits.url);
    checkMax(problems, `${where}.value`, el.value, slackLimits.buttonValue);
  }
  const options = (el.options as Json[] | undefined) ?? [];
  if (options.length > slackLimits.options) problems.push(`${where}.options: ${options.length}, more than 100`);
  for (const [i, option] of [...options, ...(el.initial_option ? [el.initial_option as Json] : [])].entries()) {
    checkMax(problems, `${where}.options[${i}].text`, textOf(option.text), slackLimits.optionText);
    checkMax(problems, `${where}.options[${i}].value`, option.value, slackLimits.optionValue);
    checkMax(problems, `${where}.options[${i}].description`, textOf(option.description), slackLimits.optionDescription);
  }
  if (el.type === 'plain_text_input') {
    checkMax(problems, `${where}.initial_value`, el.initial_value, slackLimits.textInputMax);
    if (typeof el.max_length === 'number' && el.max_length > slackLimits.textInputMax) {
      problems.push(`${where}.max_length: ${el.max_length}, more than ${slackLimits.textInputMax}`);
    }
  }
}

function checkBlock(problems: string[], where: string, block: Json): void {
  checkMax(problems, `${where}.block_id`, block.block_id, slackLimits.blockId);
  switch (block.type) {
    case 'header':
      if ((block.text as Json | undefined)?.type !== 'plain_text')
        problems.push(`${where}: header text must be plain_text`);
      checkMax(problems, `${where}.text`, textOf(block.text), slackLimits.headerText);
      break;
    case 'section': {
      checkMax(problems, `${where}.text`, textOf(block.text), slackLimits.sectionText);
      const fields = (block.fields as Json[] | undefined) ?? [];
      if (fields.length > slackLimits.fields) problems.push(`${where}.fields: ${fields.length}, more than 10`);
      for (const [i, f] of fields.entries()) checkMax(problems, `${where}.fields[${i}]`, f.text, slackLimits.fieldText);
      if (!block.text && fields.length === 0) problems.push(`${where}: a section needs text or fields`);
      if (block.accessory) checkElement(problems, `${where}.accessory`, block.accessory as Json);
      break;
    }
    case 'context': {
      const elements = (block.elements as Json[] | undefined) ?? [];
      if (elements.length > slackLimits.contextElements)
        problems.push(`${where}.elements: ${elements.length}, more than 10`);
      for (const [i, e] of elements.entries())
        checkMax(problems, `${where}.elements[${i}]`, e.text, slackLimits.contextText);
      break;
    }
    case 'actions': {
      const elements = (block.elements as Json[] | undefined) ?? [];
      if (elements.length > slackLimits.actionsElements) problems.push(`${where}.elements: more than 25`);
      for (const [i, e] of elements.entries()) checkElement(problems, `${where}.elements[${i}]`, e);
      break;
    }
    case 'input':
      checkMax(problems, `${where}.label`, textOf(block.label), slackLimits.inputLabel);
      checkMax(problems, `${where}.hint`, textOf(block.hint), slackLimits.inputHint);
      checkElement(problems, `${where}.element`, block.element as Json);
      break;
    case 'call':
      // A Slack Call registered with calls.add (slack/calls.ts); Slack draws it from the id.
      if (typeof block.call_id !== 'string' || block.call_id === '') problems.push(`${where}.call_id: missing`);
      break;
    case 'divider':
      break;
    default:
      problems.push(`${where}: unexpected block type ${String(block.type)}`);
  }
  for (const key of ['text', 'label', 'hint'] as const) {
    const t = block[key] as Json | undefined;
    if (t && length(t.text) === 0) problems.push(`${where}.${key}: empty text`);
  }
}

function checkBlocks(problems: string[], blocks: unknown[], max: number): void {
  if (blocks.length > max) problems.push(`blocks: ${blocks.length}, more than ${max}`);
  for (const [i, block] of blocks.entries()) checkBlock(problems, `blocks[${i}]`, block as Json);
}

/** Every breach of Slack's limits in a message (chat.postMessage, response_url, ephemeral). */
export function checkMessage(message: { text?: string; blocks?: unknown[] }): string[] {
  const problems: string[] = [];
  checkMax(problems, 'text', message.text, slackLimits.messageText);
  checkBlocks(problems, message.blocks ?? [], slackLimits.messageBlocks);
  return problems;
}

/** Every breach of Slack's limits in a modal or App Home view. */
export function checkView(view: Json): string[] {
  const problems: string[] = [];
  checkMax(problems, 'title', textOf(view.title), slackLimits.viewTitle);
  checkMax(problems, 'submit', textOf(view.submit), slackLimits.viewSubmit);
  checkMax(problems, 'close', textOf(view.close), slackLimits.viewClose);
  checkMax(problems, 'callback_id', view.callback_id, slackLimits.callbackId);
  checkMax(problems, 'private_metadata', view.private_metadata, slackLimits.privateMetadata);
  checkBlocks(problems, (view.blocks as unknown[]) ?? [], slackLimits.viewBlocks);
  return problems;
}
