/** A small seeded PRNG (mulberry32), so the demo data is the same on every run for the same day. */
export type Random = () => number;

export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts, to derive a seed from stable values (a day, a tenant code). */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A whole number in [min, max]. */
export function pickInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pickOne<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Picks by weight: `[[value, weight], ...]`. */
export function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [value, weight] of items) {
    x -= weight;
    if (x < 0) return value;
  }
  return items[items.length - 1]![0];
}

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const hex8 = (random: Random) =>
  Math.floor(random() * 0x100000000)
    .toString(16)
    .padStart(8, '0');

/** A GUID as .NET writes it (version 4 nibble; .NET's sequential GUIDs ignore the variant bits). */
export function randomGuid(random: Random): string {
  const h = hex8(random) + hex8(random) + hex8(random) + hex8(random);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A Meet code: 8 characters of [A-Za-z0-9], like `5LM7fdZ0`. */
export function randomCode(random: Random, length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphanumeric[Math.floor(random() * alphanumeric.length)];
  return code;
}

/** An ISO instant with the 7 fractional digits ASP.NET writes (`2020-07-22T11:57:40.3817518Z`). */
export function toDotnetIso(ms: number, extraTicks = 0): string {
  return `${new Date(ms).toISOString().slice(0, -1)}${String(extraTicks % 10000).padStart(4, '0')}Z`;
}
