/**
 * Finds many literal strings (secret values) in a text in one pass, however many there are: a
 * key of the last 4 characters is checked against a bit filter, and only on a hit are the
 * literals that start with those 4 characters compared. Linear in the text; adding or removing a
 * literal costs O(its length). Literals are at least 4 characters long.
 */

export const minLiteralLength = 4;

const filterBits = 16;

interface Entry {
  text: string;
  /** Matches only where it is not part of a longer run of letters and digits. */
  wholeWord: boolean;
  /** How many times it was added and not yet removed. */
  times: number;
}

export interface LiteralIndex {
  add(text: string, wholeWord: boolean): void;
  remove(text: string, wholeWord: boolean): void;
  /** How many literals it holds. */
  size(): number;
  /** Calls `found(start, end)` for the longest literal at each start where one matches, in order of start. */
  find(text: string, from: number, found: (start: number, end: number) => void): void;
}

/** 7 bits of a UTF-16 unit: exact for ASCII, a hash beyond (a collision only costs a comparison). */
function fold(unit: number): number {
  return unit < 128 ? unit : (unit ^ (unit >>> 7) ^ (unit >>> 14)) & 0x7f;
}

function keyAt(text: string, at: number): number {
  let key = 0;
  for (let i = at; i < at + minLiteralLength; i++) key = ((key << 7) | fold(text.charCodeAt(i))) & 0xfffffff;
  return key;
}

function slotOf(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - filterBits);
}

function isWordUnit(unit: number): boolean {
  return (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);
}

function standsAlone(text: string, start: number, end: number): boolean {
  return (
    !(start > 0 && isWordUnit(text.charCodeAt(start - 1))) && !(end < text.length && isWordUnit(text.charCodeAt(end)))
  );
}

export function createLiteralIndex(): LiteralIndex {
  // How many literals hash to each slot (255 sticks: never cleared, which is only slower).
  const filter = new Uint8Array(1 << filterBits);
  // Literals by the key of their first 4 characters, longest first.
  const byKey = new Map<number, Entry[]>();
  let size = 0;

  // The entry of a literal among those of its key (a key holds one or two, seldom more).
  const entryOf = (entries: Entry[] | undefined, text: string, wholeWord: boolean) =>
    entries?.find((e) => e.text === text && e.wholeWord === wholeWord);

  return {
    add(text, wholeWord) {
      if (text.length < minLiteralLength) return;
      const key = keyAt(text, 0);
      const entries = byKey.get(key);
      const held = entryOf(entries, text, wholeWord);
      if (held) {
        held.times += 1;
        return;
      }
      const entry = { text, wholeWord, times: 1 };
      if (entries === undefined) byKey.set(key, [entry]);
      else {
        // After the longer and the equally long ones: longest first, and the first added first among equals.
        const at = entries.findIndex((e) => e.text.length < text.length);
        entries.splice(at === -1 ? entries.length : at, 0, entry);
      }
      size += 1;
      const slot = slotOf(key);
      if (filter[slot] < 255) filter[slot] += 1;
    },

    remove(text, wholeWord) {
      if (text.length < minLiteralLength) return;
      const key = keyAt(text, 0);
      const entries = byKey.get(key);
      const held = entryOf(entries, text, wholeWord);
      if (!entries || !held) return;
      held.times -= 1;
      if (held.times > 0) return;
      entries.splice(entries.indexOf(held), 1);
      if (entries.length === 0) byKey.delete(key);
      size -= 1;
      const slot = slotOf(key);
      if (filter[slot] < 255) filter[slot] -= 1;
    },

    size: () => size,

    find(text, from, found) {
      if (byKey.size === 0) return;
      let key = 0;
      for (let i = from; i < text.length; i++) {
        key = ((key << 7) | fold(text.charCodeAt(i))) & 0xfffffff;
        if (i < from + minLiteralLength - 1 || filter[slotOf(key)] === 0) continue;
        const entries = byKey.get(key);
        if (!entries) continue;
        const start = i - (minLiteralLength - 1);
        for (const entry of entries) {
          const end = start + entry.text.length;
          if (text.startsWith(entry.text, start) && (!entry.wholeWord || standsAlone(text, start, end))) {
            found(start, end);
            break;
          }
        }
      }
    },
  };
}
