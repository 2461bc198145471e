import { randomUUID } from 'node:crypto';
import { badRequest, notFound, problem, type Reply } from './problem';
import type { SandboxState, StoredAddonConfiguration } from './state';
import type { Checked } from './validate';

/**
 * /v1/addonConfigurations. Exactly one configuration is the default while there is any:
 * making one default clears the flag on the others; the first one created becomes default;
 * the default cannot be un-defaulted, nor deleted while others exist (409): make another one
 * default first.
 */
interface Input {
  name: string;
  description: string | null;
  type: number;
  items: StoredAddonConfiguration['items'];
  isDefault?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (detail: string): { ok: false; detail: string } => ({ ok: false, detail });

function checkItems(value: unknown): Checked<Input['items']> {
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (!Array.isArray(value)) return fail('items: must be an array');
  const items: Input['items'] = [];
  for (const [i, item] of value.entries()) {
    if (!isObject(item)) return fail(`items[${i}]: must be an object { identifier, configuration }`);
    if (typeof item.identifier !== 'string' || item.identifier.trim() === '') {
      return fail(`items[${i}].identifier: is required (e.g. monaco, rnto, orpheus, roster, twilio)`);
    }
    const configuration = item.configuration ?? null;
    if (configuration !== null) {
      if (typeof configuration !== 'string') return fail(`items[${i}].configuration: must be a JSON string`);
      try {
        JSON.parse(configuration);
      } catch {
        return fail(`items[${i}].configuration: is not valid JSON`);
      }
    }
    items.push({ identifier: item.identifier, configuration });
  }
  return { ok: true, value: items };
}

export function checkAddonConfigurationInput(body: unknown): Checked<Input> {
  if (!isObject(body)) return fail('the body must be a JSON object { name, description, isDefault, type, items }');
  if (typeof body.name !== 'string' || body.name.trim() === '') return fail('name: is required');
  if (body.name.length > 200) return fail('name: must be at most 200 characters');
  const description = body.description ?? null;
  if (description !== null && typeof description !== 'string') return fail('description: must be a string');
  if (body.isDefault !== undefined && body.isDefault !== null && typeof body.isDefault !== 'boolean') {
    return fail('isDefault: must be true or false');
  }
  const type = body.type ?? 1;
  if (type !== 1 && type !== 3)
    return fail(`type: must be 1 (Meet app) or 3 (Teams addon), got ${JSON.stringify(type)}`);
  const items = checkItems(body.items);
  if (!items.ok) return items;
  return {
    ok: true,
    value: {
      name: body.name,
      description,
      type,
      items: items.value,
      ...(typeof body.isDefault === 'boolean' ? { isDefault: body.isDefault } : {}),
    },
  };
}

function find(state: SandboxState, id: string): StoredAddonConfiguration | undefined {
  const key = id.toLowerCase();
  return state.addonConfigurations.find((c) => c.id.toLowerCase() === key);
}

function makeDefault(state: SandboxState, config: StoredAddonConfiguration): void {
  for (const other of state.addonConfigurations) other.isDefault = other === config;
}

const missing = (id: string) => notFound(`no addon configuration with id '${id}'`);

export function listAddonConfigurations(state: SandboxState): Reply {
  return { status: 200, body: state.addonConfigurations };
}

export function getAddonConfiguration(state: SandboxState, id: string): Reply {
  const config = find(state, id);
  return config ? { status: 200, body: config } : missing(id);
}

export function createAddonConfiguration(state: SandboxState, body: unknown): Reply {
  const checked = checkAddonConfigurationInput(body);
  if (!checked.ok) return badRequest(checked.detail);
  const { isDefault, ...input } = checked.value;
  const config: StoredAddonConfiguration = {
    id: randomUUID(),
    ...input,
    partitionKey: state.tenants[0]!.id,
    isDefault: false,
  };
  state.addonConfigurations.push(config);
  if (isDefault || state.addonConfigurations.length === 1) makeDefault(state, config);
  return { status: 201, body: config, headers: { location: `/v1/addonConfigurations/${config.id}` } };
}

export function updateAddonConfiguration(state: SandboxState, id: string, body: unknown): Reply {
  const config = find(state, id);
  if (!config) return missing(id);
  const checked = checkAddonConfigurationInput(body);
  if (!checked.ok) return badRequest(checked.detail);
  const { isDefault, ...input } = checked.value;
  if (isDefault === false && config.isDefault) {
    return problem(409, 'this is the default configuration: make another configuration the default instead');
  }
  Object.assign(config, input);
  if (isDefault) makeDefault(state, config);
  return { status: 200, body: config };
}

export function deleteAddonConfiguration(state: SandboxState, id: string): Reply {
  const config = find(state, id);
  if (!config) return missing(id);
  if (config.isDefault && state.addonConfigurations.length > 1) {
    return problem(409, 'the default configuration cannot be deleted: make another configuration the default first');
  }
  state.addonConfigurations.splice(state.addonConfigurations.indexOf(config), 1);
  return { status: 204 };
}
